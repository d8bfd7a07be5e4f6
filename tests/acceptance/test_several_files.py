"""Several Meldebögen for one Geschäftsbereich (`mehrere_dateien = true`): read, merged, and checked together."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from ..conftest import run
from ..workbooks import CONFIG, YEAR, make_project, overview_rows, row, write_workbook

SEVERAL = CONFIG.replace('dateien = ["GB1*.xlsx"]\n', 'dateien = ["GB1*.xlsx"]\nmehrere_dateien = true\n', 1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "projekt")
    (root / "koopbericht.toml").write_text(SEVERAL, encoding="utf-8")
    write_workbook(meldungen(root) / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001", vorhaben="Radweg an der Havel")])
    return root


def meldungen(root: Path, year: int = 2023) -> Path:
    return root / str(year) / "meldungen"


def status_table(output: str) -> dict[str, dict[str, str]]:
    """The rows of `status` by Kürzel, each value by its column title: from the table, or from the plain list."""
    lines = output.splitlines()
    if any("┃" in line for line in lines):
        titles = [title.strip() for title in next(line for line in lines if "Vorhaben" in line).split("┃")[1:-1]]
        rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines if line.startswith("│ GB")]
        return {cells[0].split()[0]: dict(zip(titles, cells, strict=True)) for cells in rows}
    blocks: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in lines:  # a block: "GB1 Name", then "  Meldebogen: …", "  Vorhaben:   3", …
        if line.startswith("GB"):
            current = blocks.setdefault(line.split()[0], {"Geschäftsbereich": line.strip()})
        elif line.startswith("  ") and ":" in line and current is not None:
            label, value = line.strip().split(":", 1)
            current[label] = value.strip()
    return blocks


def validate_json(runner: CliRunner, root: Path, year: int = 2023) -> tuple[int, dict[str, Any]]:
    code, output = run(runner, "validate", str(year), "-C", str(root), "--format", "json")
    return code, json.loads(output)


def test_the_files_of_one_department_are_merged(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_FB11.xlsx", [row(1), row(2)])
    write_workbook(meldungen(project) / "GB1_FB12.xlsx", [row(3)])
    code, result = validate_json(runner, project)
    assert code == 0, result
    assert result["findings"] == []
    expected = {"errors": 0, "warnings": 0, "infos": 0, "accepted": 0, "files": 3, "activities": 4}
    assert result["summary"] | {"infos": 0} == expected

    code, output = run(runner, "status", "2023", "-C", str(project))
    assert code == 0, output
    gb1 = output[output.index("GB1 Zentrale Verwaltung") : output.index("GB2 Bauen und Umwelt")]
    assert "GB1_FB11.xlsx" in gb1 and "GB1_FB12.xlsx" in gb1
    assert status_table(output)["GB1"]["Vorhaben"] == "3"
    assert "Eingegangen: 2 von 2 Geschäftsbereichen." in output

    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    titles, rows = overview_rows(project / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx")
    ids = [r[titles.index("Nr.")] for r in rows if r[titles.index("Nr.")]]
    assert ids == ["GB1-001", "GB1-002", "GB1-003", "GB2-001"]
    vorlage = Document(str(project / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    overview = next(t for t in vorlage.tables if t.rows[0].cells[0].text == "Geschäftsbereich")
    counts = {r.cells[0].text: r.cells[1].text for r in overview.rows[1:]}
    assert counts["GB1 Zentrale Verwaltung"] == "3"


def test_a_nr_in_two_files_is_reported_in_each(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_FB11.xlsx", [row(1), row(2)])
    write_workbook(meldungen(project) / "GB1_FB12.xlsx", [row(3), row(4, nr="GB1-001")])
    code, result = validate_json(runner, project)
    assert code == 1, result
    doubled = [(f["file"], f["cell"], f["message"]) for f in result["findings"] if f["code"] == "nr-doppelt"]
    assert [(file, cell) for file, cell, _ in doubled] == [
        ("2023/meldungen/GB1_FB11.xlsx", "A2"),
        ("2023/meldungen/GB1_FB12.xlsx", "A3"),
    ]
    assert "2023/meldungen/GB1_FB12.xlsx" in doubled[0][2] and "Zeile 3" in doubled[0][2]
    assert "2023/meldungen/GB1_FB11.xlsx" in doubled[1][2] and "Zeile 2" in doubled[1][2]
    assert not any(f["code"] == "geschaeftsbereich-doppelt" for f in result["findings"])


def test_a_nr_twice_within_one_file_stays_one_finding(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_FB11.xlsx", [row(1), row(2, nr="GB1-001")])
    code, result = validate_json(runner, project)
    assert code == 1, result
    assert [(f["code"], f["cell"]) for f in result["findings"]] == [("nr-doppelt", "A3")]


def test_every_finding_names_its_own_file(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_FB11.xlsx", [row(1)])
    write_workbook(meldungen(project) / "GB1_FB12.xlsx", [row(2, status="erledigt?")])
    code, result = validate_json(runner, project)
    assert code == 1, result
    assert [(f["code"], f["file"], f["cell"]) for f in result["findings"]] == [
        ("wert-nicht-erlaubt", "2023/meldungen/GB1_FB12.xlsx", "F2")
    ]
    code, output = run(runner, "build", "2023", "--trotz-fehlern", "-C", str(project))
    assert code == 0, output
    assert "2023/meldungen/GB1_FB12.xlsx, Zeile 2" in output  # the left-out row, named in its own file


def test_without_the_setting_a_second_file_stays_an_error(project: Path, runner: CliRunner) -> None:
    (project / "koopbericht.toml").write_text(CONFIG, encoding="utf-8")
    write_workbook(meldungen(project) / "GB1_FB11.xlsx", [row(1)])
    write_workbook(meldungen(project) / "GB1_FB12.xlsx", [row(2)])
    code, result = validate_json(runner, project)
    assert code == 1, result
    assert [(f["code"], f["file"]) for f in result["findings"]] == [
        ("geschaeftsbereich-doppelt", "2023/meldungen/GB1_FB12.xlsx")
    ]


def test_compare_and_template_take_every_file(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1), row(2), row(3)])
    meldungen(project, 2024).mkdir(parents=True)
    (project / "2024" / "vorlage.toml").write_text(YEAR, encoding="utf-8")
    write_workbook(
        meldungen(project, 2024) / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001", vorhaben="Radweg an der Havel")]
    )
    write_workbook(meldungen(project, 2024) / "GB1_FB11.xlsx", [row(1), row(2, status="abgeschlossen", ende="2024")])
    write_workbook(meldungen(project, 2024) / "GB1_FB12.xlsx", [row(3)])
    code, output = run(runner, "compare", "2023", "2024", "-C", str(project), "--format", "json")
    assert code == 0, output
    result = json.loads(output)
    assert result["neu"] == [] and result["nicht_mehr_gemeldet"] == []
    assert [c["nr"] for c in result["geaendert"]] == ["GB1-002"]
    counts = {c["wert"]: (c["2023"], c["2024"]) for c in result["zaehlung"]["Geschäftsbereich"]}
    assert counts["GB1 Zentrale Verwaltung"] == (3, 3)

    code, output = run(runner, "template", "2025", "-C", str(project), "--gb", "GB1")
    assert code == 0, output
    assert "GB1_Meldebogen_2025.xlsx (2 Vorhaben aus 2024 übernommen)" in output  # GB1-002 finished in 2024
    sheet = load_workbook(project / "ausgabe" / "2025" / "meldeboegen" / "GB1_Meldebogen_2025.xlsx")["Meldebogen"]
    assert [sheet.cell(r, 1).value for r in (2, 3)] == ["GB1-001", "GB1-003"]
