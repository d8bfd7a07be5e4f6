"""template: Meldebögen with dropdowns from a hidden list sheet, prefilled from the previous year."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_paths, check_year

from ..conftest import run
from ..libreoffice import convert

YEAR_2024 = """\
[grunddaten]
nummer = "25/SVV/0001"
betreff = "6. Kooperationsbericht der interkommunalen Zusammenarbeit"
federfuehrend = "Büro des Oberbürgermeisters"
einreicher = "Oberbürgermeister"

[meldung]
frist = 2025-03-31
ansprechpartner = "Büro des Oberbürgermeisters, kooperation@example.org"
"""


@pytest.fixture
def templates(example_copy: Path, runner: CliRunner) -> Path:
    (example_copy / "2024").mkdir()
    (example_copy / "2024" / "vorlage.toml").write_text(YEAR_2024, encoding="utf-8")
    code, output = run(runner, "template", "2024", "-C", str(example_copy))
    assert code == 0, output
    assert "GB4_Meldebogen_2024.xlsx (7 Vorhaben aus 2023 übernommen)" in output
    return example_copy


def folder(project: Path) -> Path:
    return project / "ausgabe" / "2024" / "meldeboegen"


def test_one_workbook_per_department_with_dropdowns(templates: Path) -> None:
    names = sorted(p.name for p in folder(templates).iterdir())
    assert names == [f"{code}_Meldebogen_2024.xlsx" for code in ("GB1", "GB2", "GB3", "GB4", "GB5", "OB")]
    workbook = load_workbook(folder(templates) / "GB4_Meldebogen_2024.xlsx")
    assert workbook.sheetnames == ["Meldebogen", "Anleitung", "Listen"]
    assert workbook["Listen"].sheet_state == "hidden"
    sheet = workbook["Meldebogen"]
    settings = Project.open(templates).settings
    assert [c.value for c in sheet[1]] == [c.title for c in settings.columns]
    assert sheet.freeze_panes == "B2"
    internal = sheet.cell(1, [c.key for c in settings.columns].index("ansprechpartner") + 1)
    assert internal.comment is not None and "INTERN" in internal.comment.text
    assert internal.fill.fgColor.rgb.endswith("7F6000")
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    assert validations["F2"].type == "list" and validations["F2"].formula1 == "'Listen'!$A$2:$A$5"
    assert validations["B2"].type == "list" and validations["E2"].type == "list"
    assert validations["G2"].type == "date" and validations["G2"].errorStyle == "information"
    assert "Monat als MM/JJJJ" in validations["G2"].prompt
    lists = workbook["Listen"]
    assert [lists.cell(r, 1).value for r in range(2, 6)] == ["geplant", "laufend", "abgeschlossen", "ruhend"]
    instructions = "\n".join(str(c.value) for c in workbook["Anleitung"]["A"] if c.value)
    assert "Bitte bis 31.03.2025 zurücksenden." in instructions
    assert "kooperation@example.org" in instructions and "intern" in instructions


def test_prefilled_from_the_previous_year(templates: Path) -> None:
    sheet = load_workbook(folder(templates) / "GB4_Meldebogen_2024.xlsx")["Meldebogen"]
    ids = [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value]
    assert ids == ["GB4-001", "GB4-002", "GB4-005", "GB4-006", "GB4-007", "GB4-008", "GB4-009"]
    titles = [sheet.cell(r, 3).value for r in range(2, 9)]
    assert "Mobilstationen in Potsdam und Potsdam-Mittelmark" in titles  # new in 2023, now with a Nr.
    assert "Fuß- und Radbrücke über den Zernsee" not in titles  # finished in 2023
    assert sheet.cell(2, 6).fill.fgColor.rgb.endswith("FFF2CC")  # status marked for updating


def copy_into_2024(project: Path) -> list[Path]:
    target = project / "2024" / "meldungen"
    target.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(p, target)) for p in sorted(folder(project).iterdir())]


def test_round_trip_gives_no_findings_and_catches_typed_values(templates: Path) -> None:
    copied = copy_into_2024(templates)
    data = check_year(Project.open(templates), 2024, today=dt.date(2025, 2, 1))
    # Returned unchanged, every row still carries last year's Sachstand: exactly what that warning is for.
    assert {f.code for f in data.report.findings} == {"sachstand-unveraendert"}
    assert len(data.report.findings) == len(data.activities) == 43
    gb4 = next(p for p in copied if p.name.startswith("GB4"))
    workbook = load_workbook(gb4)
    workbook["Meldebogen"]["F2"] = "erledigt?"
    workbook.save(gb4)
    data = check_year(Project.open(templates), 2024, today=dt.date(2025, 2, 1))
    found = [(f.code, f.cell, f.suggestion) for f in data.report.findings if f.code != "sachstand-unveraendert"]
    assert found == [("wert-nicht-erlaubt", "F2", "abgeschlossen")]


def test_libreoffice_resaved_template_keeps_dropdowns_and_validates(templates: Path, tmp_path: Path) -> None:
    source = folder(templates) / "GB2_Meldebogen_2024.xlsx"
    resaved = convert(source, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", tmp_path / "profile")
    sheet = load_workbook(resaved)["Meldebogen"]
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 3 and all("Listen" in v.formula1 for v in lists)
    data = check_paths(Project.open(templates), [resaved], 2024, today=dt.date(2025, 2, 1))
    assert data.report.findings == []
    assert len(data.activities) == 7


def test_empty_template_without_previous_year_and_unknown_department(example_copy: Path, runner: CliRunner) -> None:
    code, output = run(runner, "template", "2021", "-C", str(example_copy), "--gb", "gb5")  # the example's first year
    assert code == 0, output
    assert "GB5_Meldebogen_2021.xlsx (leer)" in output
    sheet = load_workbook(example_copy / "ausgabe" / "2021" / "meldeboegen" / "GB5_Meldebogen_2021.xlsx")["Meldebogen"]
    assert sheet.cell(2, 3).value is None and sheet.cell(1, 3).value == "Vorhaben"
    code, output = run(runner, "template", "2022", "-C", str(example_copy), "--gb", "gb5")
    assert code == 0 and "GB5_Meldebogen_2022.xlsx (5 Vorhaben aus 2021 übernommen)" in output, output
    code, output = run(runner, "template", "2024", "-C", str(example_copy), "--gb", "GB9")
    assert code == 2 and "Den Geschäftsbereich „GB9“ gibt es nicht" in output
