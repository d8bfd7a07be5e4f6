"""The bundled example: every planted imperfection is found at its cell, nothing else fails."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_year

from ..conftest import EXAMPLE, run
from ..libreoffice import convert
from ..workbooks import make_project, row, write_workbook

TODAY = dt.date(2024, 3, 1)


def located(year: int, verbose: bool = True) -> set[tuple[str, str, str | None, str | None]]:
    data = check_year(Project.open(EXAMPLE), year, today=TODAY)
    return {
        (f.file.rsplit("/", 1)[-1].split("_")[0], f.code, f.cell, f.suggestion)
        for f in data.report.findings
        if verbose or f.severity.value != "info"
    }


def test_planted_imperfections_2023_are_found() -> None:
    found = located(2023)
    expected = {
        ("GB4", "partner-unbekannt", "D5", "Gemeinde Schwielowsee"),
        ("GB3", "status-widerspricht-datum", "F7", None),
        ("GB1", "normalisiert-synonym", "F9", "laufend"),
        ("GB1", "normalisiert-synonym", "E9", "Gremium / Arbeitskreis"),
        ("GB1", "normalisiert-datum", "G9", "01.03.2022"),
        ("GB4", "normalisiert-datum", "H5", "09/2023"),
        ("GB2", "normalisiert-partner", "D7", "Landkreis Potsdam-Mittelmark"),
        ("GB4", "normalisiert-partner", "D5", "Landkreis Potsdam-Mittelmark"),
        ("OB", "normalisiert-partner", "D5", "Landkreis Potsdam-Mittelmark"),
        ("OB", "normalisiert-text", "C7", "Konferenzen des Ministeriums des Innern und für Kommunales"),
        ("GB4", "nr-vergeben", "A10", "GB4-neu-1"),
    }
    assert expected <= found, expected - found
    problems = {f for f in found if not f[1].startswith(("normalisiert-", "nr-vergeben"))}
    assert problems == {
        ("GB4", "partner-unbekannt", "D5", "Gemeinde Schwielowsee"),
        ("GB3", "status-widerspricht-datum", "F7", None),
    }


def test_example_2022_has_no_problems_and_both_years_have_40_activities() -> None:
    assert {f for f in located(2022) if not f[1].startswith(("normalisiert-", "nr-vergeben"))} == set()
    for year in (2022, 2023):
        data = check_year(Project.open(EXAMPLE), year, today=TODAY)
        assert len(data.activities) >= 40
        assert {a.department for a in data.activities} == {"OB", "GB1", "GB2", "GB3", "GB4", "GB5"}


def test_example_normalised_values() -> None:
    data = check_year(Project.open(EXAMPLE), 2023, today=TODAY)
    by_id = {a.id: a for a in data.activities}
    gb1 = by_id["GB1-005"]
    assert gb1.status == "laufend"
    assert gb1.values["form"] == "Gremium / Arbeitskreis"
    assert str(gb1.date("beginn")) == "01.03.2022"
    assert by_id["GB2-005"].partners == ("Landkreis Potsdam-Mittelmark",)
    assert by_id["OB-006"].title == "Konferenzen des Ministeriums des Innern und für Kommunales"
    assert list(by_id["GB4-004"].partners) == sorted(by_id["GB4-004"].partners, key=str.casefold)


def test_validate_example_from_the_cli(runner: CliRunner) -> None:
    code, output = run(runner, "validate", "2023", "-C", str(EXAMPLE))
    assert code == 0, output
    assert "0 Fehler, 2 Warnungen in 6 Dateien mit 47 Vorhaben." in output
    code, output = run(runner, "validate", "2023", "-C", str(EXAMPLE), "--strict", "--format", "json")
    assert code == 1
    assert json.loads(output)["summary"]["warnings"] == 2


def test_libreoffice_saved_formulas_have_values(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    written = write_workbook(tmp_path / "roh" / "GB1_Meldebogen.xlsx", [row(1, vorhaben='="Radweg "&"Süd"')])
    resaved = convert(written, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", tmp_path / "profile")
    target = project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx"
    shutil.copy(resaved, target)
    data = check_year(Project.open(project), 2023, today=TODAY)
    codes = {f.code for f in data.report.findings}
    assert "formel-ohne-wert" not in codes
    assert data.activities[0].title == "Radweg Süd"
    shutil.copy(written, target)
    data = check_year(Project.open(project), 2023, today=TODAY)
    assert "formel-ohne-wert" in {f.code for f in data.report.findings}
