"""`koopbericht init --beispiel ORDNER`: the built-in example as a working folder, from the installed package."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from koopbericht.project.example import example_folder

from ..conftest import EXAMPLE, run


def files_below(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and "ausgabe" not in path.relative_to(folder).parts
    }


def test_example_is_found_in_a_checkout() -> None:
    found = example_folder()
    assert found is not None and found.resolve() == EXAMPLE.resolve()


def test_init_example_writes_the_example_and_it_builds(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "beispiel"
    code, output = run(runner, "init", "--beispiel", str(target))
    assert code == 0, output
    assert "Beispiel angelegt" in output and "koopbericht build 2023" in output
    assert files_below(target) == files_below(EXAMPLE)
    assert not (target / "ausgabe").exists()
    code, output = run(runner, "build", "2023", "-C", str(target))
    assert code == 0, output
    assert (target / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx").is_file()


def test_init_example_refuses_a_folder_that_is_not_empty(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "voll"
    target.mkdir()
    (target / "notiz.txt").write_text("bleibt", encoding="utf-8")
    code, output = run(runner, "init", "--beispiel", str(target))
    assert code == 2
    assert "nicht leer" in output
    assert [path.name for path in target.iterdir()] == ["notiz.txt"]
    assert (target / "notiz.txt").read_text(encoding="utf-8") == "bleibt"


def test_init_example_into_an_empty_folder(tmp_path: Path, runner: CliRunner) -> None:
    code, output = run(runner, "init", "--beispiel", str(tmp_path))
    assert code == 0, output
    assert (tmp_path / "koopbericht.toml").is_file()
    assert sorted(path.name for path in (tmp_path / "2023" / "meldungen").iterdir())[0] == "GB1_Meldebogen_2023.xlsx"


def test_init_example_takes_no_other_options(tmp_path: Path, runner: CliRunner) -> None:
    for extra in (["--jahr", "2024"], ["--name", "Stadt Beispiel"], [str(tmp_path / "noch-einer")]):
        code, output = run(runner, "init", "--beispiel", str(tmp_path / "beispiel"), *extra)
        assert code == 2, output
        assert "ohne ORDNER davor" in output
    assert list(tmp_path.iterdir()) == []
