"""Ordinary Excel habits in published lists used as a Meldebogen: merges, header blocks, feet, sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from koopbericht.findings import Finding
from koopbericht.pipeline import check_paths
from koopbericht.project import Project

from .conftest import run
from .libreoffice import convert
from .workbooks import HEADER, make_project, row

TODAY = dt.date(2024, 2, 1)
# The form's columns: the default ones, with Ergebnis/Ausblick after the description.
COLUMNS = [*HEADER[:9], "Ergebnis/Ausblick", "Ansprechpartner"]


def activity(number: int, **changes: Any) -> list[Any]:
    """A correct row for COLUMNS."""
    values = row(number, **changes)
    return [*values[:9], changes.get("ergebnis", f"Ergebnis {number}"), values[9]]


def put(sheet: Worksheet, first_row: int, rows: list[list[Any]]) -> None:
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(first_row + offset, column, value)


def save(workbook: Workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def resaved(path: Path, tmp_path: Path, target: str = "xlsx:Calc MS Excel 2007 XML") -> Path:
    """The workbook as LibreOffice saves it again (as xlsx, or as ods)."""
    out = tmp_path / f"lo-{target.split(':')[0]}"
    return convert(path, target, out, tmp_path / "lo-profil")


def check(tmp_path: Path, path: Path) -> tuple[list[Finding], Project]:
    project = Project.open(make_project(tmp_path / "projekt"))
    data = check_paths(project, [path], 2023, today=TODAY)
    return data.report.findings, project


def shown(findings: list[Finding]) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.severity.value, f.cell) for f in findings if f.severity.value != "info"]


def merged_every_row(path: Path) -> Path:
    """A list whose description is merged with an untitled column in every row (header too), and one row
    whose Beschreibung is merged with the Ergebnis column."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Meldebogen"
    header = [*COLUMNS[:9], None, *COLUMNS[9:]]  # J has no title: the description is merged into it
    put(sheet, 1, [header])
    sheet.merge_cells("I1:J1")
    rows = [activity(n) for n in range(1, 6)]
    put(sheet, 2, [[*r[:9], None, *r[9:]] for r in rows])
    for number in range(2, 7):
        sheet.merge_cells(f"I{number}:J{number}")
    # Row 7: Beschreibung merged over the Ergebnis column as well: that value is hidden.
    seventh = activity(6)
    put(sheet, 7, [[*seventh[:9], None, None, seventh[10]]])
    sheet.merge_cells("I7:K7")
    return save(workbook, path)


@pytest.mark.parametrize("saved_by", ["openpyxl", "libreoffice-xlsx", "libreoffice-ods"])
def test_merges_within_one_row_are_judged_by_what_they_hide(tmp_path: Path, saved_by: str) -> None:
    path = merged_every_row(tmp_path / "quelle" / "GB1_Meldebogen.xlsx")
    if saved_by == "libreoffice-xlsx":
        path = resaved(path, tmp_path)
    elif saved_by == "libreoffice-ods":
        path = resaved(path, tmp_path, "ods")
    findings, project = check(tmp_path, path)
    assert shown(findings) == [("zellen-verbunden-spalten", "warning", "I7")]
    across = next(f for f in findings if f.code == "zellen-verbunden-spalten")
    assert "„Beschreibung/Sachstand“ und „Ergebnis/Ausblick“" in across.message
    assert (across.sheet, across.row, across.column, across.value) == (
        "Meldebogen",
        7,
        "Beschreibung/Sachstand",
        "I7:K7",
    )
    data = check_paths(project, [path], 2023, today=TODAY)
    assert [a.values["vorhaben"] for a in data.activities] == [f"Vorhaben Nummer {n}" for n in range(1, 7)]
    described = {a.values["vorhaben"]: a.values["beschreibung"] for a in data.activities}
    assert described["Vorhaben Nummer 6"] == "Beschreibung des Vorhabens 6."


def test_a_merge_over_two_rows_in_the_data_stays_an_error(tmp_path: Path) -> None:
    path = merged_every_row(tmp_path / "GB1_Meldebogen.xlsx")
    workbook = load_workbook(path)
    workbook.active.merge_cells("F3:F4")  # type: ignore[union-attr]
    workbook.save(path)
    findings, _ = check(tmp_path, path)
    assert ("zellen-verbunden", "error", "F3") in shown(findings)


def test_build_publishes_rows_merged_across_columns(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "projekt")
    merged_every_row(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    annex = load_workbook(project / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx")
    sheet = annex.worksheets[0]
    titles = [cell.value for cell in sheet[1]]
    column = titles.index("Vorhaben")
    published = [r[column] for r in sheet.iter_rows(min_row=2, values_only=True) if r[column]]
    assert len([t for t in published if str(t).startswith("Vorhaben Nummer")]) == 6
