"""template never drops silently: error rows marked, unreadable years named, deadline and contact warned."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_year

from ..conftest import REPO, run
from ..hostile import truncated
from ..workbooks import make_project, row, write_workbook

VALIDATOR = REPO.parent / "shared" / "ooxml" / "validate_ooxml.py"
MASTER = """\
[grunddaten]
nummer = "25/SVV/0001"
betreff = "Kooperationsbericht 2024"
federfuehrend = "Büro des Oberbürgermeisters"
einreicher = "Oberbürgermeister"
"""
COMPLETE = MASTER + '\n[meldung]\nfrist = 2099-03-31\nansprechpartner = "Erika Muster, kooperation@example.org"\n'
RED = "F8CBAD"


def previous_year(root: Path) -> Path:
    """2023: GB1 with three faulty rows and a finished one, GB2 damaged, one file of no department."""
    make_project(root, 2023)
    reports = root / "2023" / "meldungen"
    write_workbook(
        reports / "GB1_Meldebogen_2023.xlsx",
        [
            row(1),
            row(2, status="erledigt?"),
            row(3, beginn="irgendwann"),
            row(4, status="abgeschlossen", ende=dt.datetime(2023, 5, 1)),
            row(5, vorhaben=None),
        ],
    )
    truncated(reports / "GB2_Meldebogen_2023.xlsx")
    write_workbook(reports / "Nachtrag.xlsx", [row(9)])
    return root


def year_2024(root: Path, text: str | None) -> None:
    (root / "2024").mkdir(exist_ok=True)
    if text is not None:
        (root / "2024" / "vorlage.toml").write_text(text, encoding="utf-8")


def form(root: Path, code: str) -> Path:
    return root / "ausgabe" / "2024" / "meldeboegen" / f"{code}_Meldebogen_2024.xlsx"


def instructions(path: Path) -> str:
    return "\n".join(str(c.value) for c in load_workbook(path)["Anleitung"]["A"] if c.value)


def rows_by_id(sheet: Worksheet) -> dict[str, int]:
    return {str(sheet.cell(r, 1).value): r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = previous_year(tmp_path / "projekt")
    year_2024(root, COMPLETE)
    return root


def test_rows_with_errors_are_prefilled_and_marked(project: Path, runner: CliRunner) -> None:
    code, output = run(runner, "template", "2024", "-C", str(project))
    assert code == 0, output
    assert "GB1_Meldebogen_2024.xlsx (4 Vorhaben aus 2023 übernommen, davon 3 rot zur Korrektur markiert)" in output
    assert "3 Vorhaben aus 2023 hatten Fehler" in output
    sheet = load_workbook(form(project, "GB1"))["Meldebogen"]
    rows = rows_by_id(sheet)
    assert list(rows) == ["GB1-001", "GB1-002", "GB1-003", "GB1-005"]  # GB1-004 finished, without errors
    clean, status, date, title = (rows[k] for k in ("GB1-001", "GB1-002", "GB1-003", "GB1-005"))
    assert sheet.cell(clean, 1).comment is None and sheet.cell(clean, 3).fill.fgColor.rgb.endswith("00000000")
    assert sheet.cell(clean, 6).fill.fgColor.rgb.endswith("FFF2CC")
    for number in (status, date, title):
        assert all(sheet.cell(number, c).fill.fgColor.rgb.endswith(RED) for c in range(1, 11))
        assert _comment(sheet.cell(number, 1)).startswith("Bitte korrigieren")
    assert sheet.cell(status, 6).value == "erledigt?"
    assert "„erledigt?“ ist für „Status“ nicht vorgesehen" in _comment(sheet.cell(status, 6))
    assert "„erledigt?“" in _comment(sheet.cell(status, 1))
    assert sheet.cell(date, 7).value == "irgendwann"  # the unreadable date is shown as given, to be corrected
    assert _comment(sheet.cell(date, 7)).startswith("Bitte korrigieren: „irgendwann“ ist kein lesbares Datum")
    assert sheet.cell(title, 3).value is None and "Pflichtangabe" in _comment(sheet.cell(title, 3))
    assert sheet.cell(title, 9).value == "Beschreibung des Vorhabens 5."
    assert "3 Vorhaben sind rot markiert" in instructions(form(project, "GB1"))


def test_returned_form_still_reports_the_errors(project: Path, runner: CliRunner) -> None:
    code, output = run(runner, "template", "2024", "-C", str(project), "--gb", "GB1")
    assert code == 0, output
    target = project / "2024" / "meldungen"
    target.mkdir()
    shutil.copy(form(project, "GB1"), target)
    data = check_year(Project.open(project), 2024, today=dt.date(2025, 1, 10))
    errors = sorted(f.code for f in data.report.findings if f.severity.value == "error" and "GB1" in f.file)
    assert errors == ["datum-unlesbar", "pflichtwert-fehlt", "wert-nicht-erlaubt"]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (truncated, "2023/meldungen/GB2_Meldebogen_2023.xlsx: Datei beschädigt oder leer"),
        (Path.unlink, "kein Meldebogen eingegangen"),
    ],
)
def test_department_without_readable_previous_year_is_named(
    project: Path, runner: CliRunner, damage: object, reason: str
) -> None:
    path = project / "2023" / "meldungen" / "GB2_Meldebogen_2023.xlsx"
    assert callable(damage)
    damage(path)
    code, output = run(runner, "template", "2024", "-C", str(project))
    assert code == 0, output
    assert f"GB2: Für 2023 lag kein lesbarer Meldebogen vor ({reason})" in output
    assert "GB2_Meldebogen_2024.xlsx (leer – für 2023 lag kein lesbarer Meldebogen vor)" in output
    assert "2023/meldungen/Nachtrag.xlsx: 1 Vorhaben aus 2023 gehören zu keinem oder mehreren" in output
    assert output.index("GB2: Für 2023") < output.index("GB1_Meldebogen_2024.xlsx")  # named before writing
    assert "Für 2023 lag kein lesbarer Meldebogen vor; bitte alle Vorhaben neu eintragen." in instructions(
        form(project, "GB2")
    )
    assert "kein lesbarer Meldebogen" not in instructions(form(project, "GB1"))
    sheet = load_workbook(form(project, "GB2"))["Meldebogen"]
    assert sheet.cell(2, 3).value is None


def test_complete_year_settings_give_no_warning(project: Path, runner: CliRunner) -> None:
    code, output = run(runner, "template", "2024", "-C", str(project), "--gb", "GB1")
    assert code == 0, output
    assert "Rückgabefrist" not in output and "Ansprechpartner" not in output
    text = instructions(form(project, "GB1"))
    assert "Bitte bis 31.03.2099 zurücksenden." in text
    assert "Fragen an: Erika Muster, kooperation@example.org" in text


@pytest.mark.parametrize(
    ("settings", "warnings", "sheet_lines"),
    [
        (
            MASTER,
            ["In 2024/vorlage.toml ist keine Rückgabefrist angegeben", "ist kein Ansprechpartner angegeben"],
            [
                "Frist: bitte beim federführenden Büro erfragen (Büro des Oberbürgermeisters).",
                "Fragen an: Ansprechpartner bitte beim federführenden Büro erfragen (Büro des Oberbürgermeisters).",
            ],
        ),
        (
            MASTER + '\n[meldung]\nfrist = 2020-03-31\nansprechpartner = "kooperation@example.org"\n',
            ["Die Rückgabefrist 31.03.2020 in 2024/vorlage.toml ist schon vorbei"],
            ["Bitte bis 31.03.2020 zurücksenden.", "Fragen an: kooperation@example.org"],
        ),
        (
            None,
            ["2024/vorlage.toml fehlt: Die Anleitung nennt weder Rückgabefrist noch Ansprechpartner"],
            [
                "Frist: bitte beim federführenden Büro erfragen.",
                "Fragen an: Ansprechpartner bitte beim federführenden Büro erfragen.",
            ],
        ),
    ],
)
def test_missing_or_past_deadline_and_missing_contact_are_warned_before_writing(
    project: Path, runner: CliRunner, settings: str | None, warnings: list[str], sheet_lines: list[str]
) -> None:
    (project / "2024" / "vorlage.toml").unlink()
    year_2024(project, settings)
    code, output = run(runner, "template", "2024", "-C", str(project), "--gb", "GB1")
    assert code == 0, output
    written = output.index("GB1_Meldebogen_2024.xlsx")
    for warning in warnings:
        assert warning in output
        assert output.index(warning) < written
    text = instructions(form(project, "GB1")).splitlines()
    for line in sheet_lines:
        assert line in text


def test_written_forms_validate(project: Path, runner: CliRunner) -> None:
    if not VALIDATOR.is_file():
        pytest.skip(f"OOXML-Validator fehlt: {VALIDATOR} (../shared liegt nicht neben dem Checkout)")
    code, output = run(runner, "template", "2024", "-C", str(project))
    assert code == 0, output
    for code_ in ("GB1", "GB2"):
        result = subprocess.run(
            [sys.executable, str(VALIDATOR), str(form(project, code_))],
            capture_output=True, text=True, check=False, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        assert "0 distinct problem(s)" in result.stdout, result.stdout


def _comment(cell: Cell | MergedCell) -> str:
    assert cell.comment is not None, f"{cell.coordinate} has no comment"
    return str(cell.comment.text)
