"""Bad input and data safety: every hostile file in validate, build and compare; nothing lost."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from ..conftest import run
from ..hostile import HOSTILE, good
from ..measure import run_measured
from ..workbooks import YEAR, annex_docx, make_project, row, write_workbook

LIMIT_SECONDS = 60


def digest(folder: Path) -> dict[str, str]:
    """Hash of every input file (links hashed as their target name, not followed out)."""
    result = {}
    for path in sorted(folder.rglob("*")):
        if "ausgabe" in path.parts or path.is_dir():
            continue
        key = str(path.relative_to(folder))
        result[key] = os.readlink(path) if path.is_symlink() else hashlib.sha256(path.read_bytes()).hexdigest()
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "welt" / "arbeitsordner", 2022)
    # Last year's Sachstand differs from this year's, as it should (else: sachstand-unveraendert).
    last_year = "Planung im Vorjahr."
    write_workbook(
        root / "2022" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1, vorhaben="Radweg Süd", beschreibung=last_year)]
    )
    write_workbook(
        root / "2022" / "meldungen" / "GB2_Meldebogen.xlsx",
        [row(1, nr="GB2-001", vorhaben="Wasser", beschreibung=last_year)],
    )
    (root / "2023" / "meldungen").mkdir(parents=True)
    (root / "2023" / "vorlage.toml").write_text(YEAR, encoding="utf-8")
    write_workbook(root / "2023" / "meldungen" / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001", vorhaben="Wasser")])
    return root


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_input_in_all_commands(project: Path, runner: CliRunner, kind: str) -> None:
    builder, code, readable = HOSTILE[kind]
    builder(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx")
    before = digest(project)
    started = time.perf_counter()

    exit_code, output = run(runner, "validate", "2023", "-C", str(project), "--format", "json")
    assert "Traceback" not in output
    findings = json.loads(output)["findings"]
    gb1 = [f for f in findings if "GB1" in f["file"]]
    if code:
        assert code in {f["code"] for f in gb1}, gb1
        assert all(f["message"] for f in gb1)
    else:
        assert gb1 == []
    if not readable:
        assert len(gb1) == 1, gb1  # one clear finding for the file, nothing more
    is_error = any(f["severity"] == "error" for f in findings)
    assert exit_code == (1 if is_error else 0)

    exit_code, output = run(runner, "build", "2023", "-C", str(project))
    assert "Traceback" not in output
    assert exit_code == (1 if is_error else 0), output
    if is_error:
        exit_code, output = run(runner, "build", "2023", "-C", str(project), "--trotz-fehlern")
        assert exit_code == 0, output
        if readable:
            assert "Wegen Fehlern weggelassen" in output
        else:  # a file that cannot be read is named so, not as left out for errors in it
            assert "Meldebogen von GB1 Zentrale Verwaltung nicht lesbar." in output
            assert "Wegen Fehlern weggelassen" not in output
    annex = {c.text for table in Document(str(annex_docx(project))).tables for r in table.rows
             for c in r.cells}  # fmt: skip
    assert "Wasser" in annex

    exit_code, output = run(runner, "compare", "2022", "2023", "-C", str(project))
    assert "Traceback" not in output
    assert exit_code == (1 if is_error else 0), output
    if is_error:
        assert "--trotz-fehlern" in output
        exit_code, output = run(runner, "compare", "2022", "2023", "-C", str(project), "--trotz-fehlern")
        assert exit_code == 0, output

    assert digest(project) == before, "an input was changed"
    assert time.perf_counter() - started < LIMIT_SECONDS * 3


def test_cleaned_and_long_texts_reach_the_vorlage(project: Path, runner: CliRunner) -> None:
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [
        row(1, vorhaben="Radweg _x0007_Süd", beschreibung="Sachstand " * 3276 + "1234567"),
    ])  # fmt: skip
    assert run(runner, "build", "2023", "-C", str(project))[0] == 0
    document = Document(str(annex_docx(project)))
    cells = {c.text for table in document.tables for r in table.rows for c in r.cells}
    assert "Radweg Süd" in cells
    assert any(len(text) >= 32_000 for text in cells)


def test_a_failing_writer_leaves_the_previous_outputs(
    project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    good(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx")
    assert run(runner, "build", "2023", "-C", str(project))[0] == 0
    out = project / "ausgabe" / "2023"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1, vorhaben="Neuer Titel")])
    calls = {"n": 0}
    real_fsync = os.fsync

    def failing_fsync(descriptor: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the second of the three outputs: the disk is full
            raise OSError(28, "Kein Speicherplatz mehr")
        real_fsync(descriptor)

    monkeypatch.setattr("koopbericht.files.atomic.os.fsync", failing_fsync)
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 5 and "Traceback" not in output
    assert "kein Speicherplatz mehr" in output and "bisherigen Ausgaben sind unverändert" in output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # all old, none half-new, no temp files


def test_output_folder_outside_or_through_a_link_is_refused(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    good(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx")
    config = project / "koopbericht.toml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original + '\n[ausgabe]\nordner = "../nebenan"\n', encoding="utf-8")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 2 and "muss innerhalb des Arbeitsordners liegen" in output
    assert not (project.parent / "nebenan").exists()
    config.write_text(original, encoding="utf-8")
    elsewhere = tmp_path / "woanders"
    elsewhere.mkdir()
    (project / "ausgabe").symlink_to(elsewhere, target_is_directory=True)
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 2 and "Verknüpfung aus dem Arbeitsordner hinaus" in output
    assert list(elsewhere.iterdir()) == []


def test_outputs_never_overwrite_inputs(project: Path, runner: CliRunner) -> None:
    good(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx")
    before = digest(project)
    config = project / "koopbericht.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[ausgabe]\nordner = "2023/text"\n', encoding="utf-8")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 2 and "zwischen den Eingaben" in output
    config.write_text(config.read_text(encoding="utf-8").replace('\n[ausgabe]\nordner = "2023/text"\n', ""), "utf-8")
    assert digest(project) == before


@pytest.mark.parametrize("kind", ["million-leerzeilen", "zip-bombe", "xml-bombe"])
def test_heavy_hostile_inputs_stay_within_bounded_memory(project: Path, kind: str) -> None:
    import sys

    HOSTILE[kind][0](project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx")
    command = [str(Path(sys.executable).with_name("koopbericht")), "validate", "2023", "-C", str(project)]
    code, peak, _, _ = run_measured(command)
    assert code in (0, 1)
    assert peak < 400, f"peak {peak:.0f} MB"
