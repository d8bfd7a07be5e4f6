"""The command line: help in German, --version, -C and the upward search, init."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht import __version__
from koopbericht.cli import app
from koopbericht.config import load_settings, load_year
from koopbericht.errors import EXIT_USAGE

from ..conftest import EXAMPLE, REPO, run


def test_version(runner: CliRunner) -> None:
    code, output = run(runner, "--version")
    assert code == 0
    assert output.splitlines()[0] == f"koopbericht {__version__}"


def test_help_is_german(runner: CliRunner) -> None:
    code, output = run(runner, "--help")
    assert code == 0
    for german in ("Aufruf:", "Optionen", "Befehle", "Diese Hilfe anzeigen", "Kooperationsbericht"):
        assert german in output
    for english in ("Usage:", "Show this message", "Commands"):
        assert english not in output


def test_every_command_has_german_help(runner: CliRunner) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or ""
        assert command.callback is not None and command.callback.__doc__, name
        code, output = run(runner, name, "--help")
        assert code == 0, output
        assert "Aufruf:" in output
        assert f"koopbericht {name}" in readme, f"README documents no `koopbericht {name}`"


def test_usage_error_is_german_with_exit_code_2(runner: CliRunner) -> None:
    code, output = run(runner, "init", "--jahr", "zwanzig")
    assert code == 2
    assert "Ungültiger Wert für '--jahr': Erwartet wird eine ganze Zahl." in output
    code, output = run(runner, "gibtsnicht")
    assert code == 2
    assert "Unbekannter Befehl „gibtsnicht“" in output


KOOPBERICHT = str(Path(sys.executable).with_name("koopbericht"))


def test_console_script_and_module_run() -> None:
    for command in ([KOOPBERICHT, "--help"], [sys.executable, "-m", "koopbericht", "--help"]):
        completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
        assert completed.returncode == 0, completed.stderr
        assert "Aufruf:" in completed.stdout


def test_init_creates_a_loadable_working_folder(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "neu"
    code, output = run(runner, "init", str(target), "--jahr", "2024", "--name", "Stadt Beispiel")
    assert code == 0, output
    assert (target / "2024" / "meldungen").is_dir()
    assert (target / "2024" / "text" / "01-bericht.md").is_file()
    config = (target / "koopbericht.toml").read_text(encoding="utf-8")
    assert config.startswith("# koopbericht")
    assert "# [[partner]]" in config
    settings = load_settings(target)
    assert settings.authority.name == "Stadt Beispiel"
    year = load_year(target, 2024)
    assert year.deadline is not None and year.deadline.year == 2025
    assert year.consultations[0].body == "Hauptausschuss"


def test_init_commented_sections_are_valid_when_uncommented(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "neu"
    run(runner, "init", str(target), "--jahr", "2024")
    config = target / "koopbericht.toml"
    text = config.read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        stripped = line[2:] if line.startswith("# ") else line
        keep_commented = line.startswith("# ") and (
            not any(stripped.startswith(p) for p in ("[", "name", "aliase", "art", "word", "anlage", '"', "]"))
            and not stripped.startswith("    ")
        )
        if "word_vorlage" in stripped:
            continue
        lines.append(line if keep_commented or not line.startswith("# ") else stripped)
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = load_settings(target)
    assert settings.partners[0].name == "Landkreis Beispielkreis"
    assert settings.vocabularies["status"].normalise("in Abstimmung") == "geplant"
    assert settings.output.annex_columns == ("nr", "vorhaben", "status")


def test_init_refuses_to_overwrite(tmp_path: Path, runner: CliRunner) -> None:
    run(runner, "init", str(tmp_path), "--jahr", "2024")
    config = tmp_path / "koopbericht.toml"
    config.write_text(config.read_text(encoding="utf-8") + "# eigene Notiz\n", encoding="utf-8")
    before = hashlib.sha256(config.read_bytes()).hexdigest()
    code, output = run(runner, "init", str(tmp_path))
    assert code == 2
    assert "überschreibt keinen bestehenden Arbeitsordner" in output
    code, output = run(runner, "init", str(tmp_path), "--jahr", "2024")
    assert code == 2
    assert "Das Jahr 2024 gibt es schon" in output
    # With a new year, `init` in a working folder starts that year, as `koopbericht jahr` does.
    code, output = run(runner, "init", str(tmp_path), "--jahr", "2025")
    assert code == 0, output
    assert hashlib.sha256(config.read_bytes()).hexdigest() == before
    assert (tmp_path / "2025" / "vorlage.toml").is_file()


def test_upward_search_from_a_subfolder(
    minimal_project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = minimal_project / "2023" / "meldungen"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    code, output = run(runner, "info")
    assert code == 0, output
    assert "Stadt Musterhausen" in output
    assert f"Arbeitsordner: {minimal_project}" in output


def test_no_project_found(tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run(runner, "info")
    assert code == 2
    assert "Kein Arbeitsordner gefunden" in output
    assert "koopbericht init" in output
    code, output = run(runner, "info", "-C", str(tmp_path / "fehlt"))
    assert code == 2
    assert "existiert nicht" in output


def test_broken_config_from_the_real_console_script(tmp_path: Path) -> None:
    (tmp_path / "koopbericht.toml").write_text('[koerperschaft]\nname = "X"\nfoo = [1,\n', encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    completed = subprocess.run(
        [KOOPBERICHT, "info", "-C", str(tmp_path)], capture_output=True, text=True, env=env, check=False
    )
    assert completed.returncode == 2
    assert "koopbericht.toml, Zeile" in completed.stderr
    assert "Traceback" not in completed.stderr + completed.stdout


def test_info_on_the_example(runner: CliRunner) -> None:
    code, output = run(runner, "info", "-C", str(EXAMPLE))
    assert code == 0, output
    assert "Landeshauptstadt Potsdam" in output
    assert "Jahre: 2021, 2022, 2023" in output
    assert "Ansprechpartner" in output and "nein (intern)" in output


def test_vorlage_toml_mistakes_are_located(tmp_path: Path) -> None:
    from koopbericht.errors import ConfigError

    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "vorlage.toml").write_text(
        '[grunddaten]\nnummer = "24/SVV/1"\nbetreff = "B"\nfederfuehrend = "F"\neinreicher = "E"\n'
        '\n[[beratungsfolge]]\ngremium = "Hauptausschuss"\ndatum = "13.11.2024"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_year(tmp_path, 2023)
    [problem] = caught.value.problems
    assert (problem.line, problem.key) == (9, "beratungsfolge[1].datum")
    assert "Datum (JJJJ-MM-TT)" in problem.message


def test_example_years_load() -> None:
    for year in (2021, 2022, 2023):
        settings = load_year(EXAMPLE, year)
        assert settings.master.number
        assert settings.consultations and settings.consultations[0].lead


# -- from the review of issue 11 --------------------------------------------------------------------------------


# -- 5. init where a folder it needs is a file ------------------------------------------------------------------


@pytest.mark.parametrize("blocked", ["2023/meldungen", "2023/text", "2023"])
def test_init_refuses_a_file_where_a_folder_belongs(tmp_path: Path, runner: CliRunner, blocked: str) -> None:
    folder = tmp_path / "neu"
    blocker = folder / blocked
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("im Weg", encoding="utf-8")
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))

    code, output = run(runner, "init", str(folder), "--jahr", "2023")

    assert code == EXIT_USAGE, output
    assert "Interner Fehler" not in output
    assert str(blocker) in output.replace("\n", "") and "Datei, kein Ordner" in output
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before  # nothing written
    assert blocker.read_text(encoding="utf-8") == "im Weg"


def test_init_still_works_in_an_existing_empty_folder(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "neu"
    (folder / "2023" / "meldungen").mkdir(parents=True)
    code, output = run(runner, "init", str(folder), "--jahr", "2023")
    assert code == 0, output
    assert (folder / "koopbericht.toml").is_file() and (folder / "2023" / "text" / "01-bericht.md").is_file()
