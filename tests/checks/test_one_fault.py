"""One fault, one finding: nothing is judged by a date already flagged wrong; a missing value gets last year's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from koopbericht.findings import Finding
from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_year

from ..workbooks import YEAR, make_project, row, write_workbook

TODAY = dt.date(2024, 2, 1)


def findings_of(root: Path, rows: list[list[object]]) -> list[Finding]:
    make_project(root)
    write_workbook(root / "2023" / "meldungen" / "GB1_2023.xlsx", rows)
    return check_year(Project.open(root), 2023, today=TODAY).report.findings


def codes(findings: list[Finding], row_number: int) -> list[str]:
    return [f.code for f in findings if f.row == row_number and f.code != "meldebogen-fehlt"]


def test_ende_before_beginn_is_one_finding(tmp_path: Path) -> None:
    # Ende 06/2019 before Beginn 01.01.2021, "laufend": the Ende is wrong, not the Status or the report year.
    findings = findings_of(tmp_path, [row(1, beginn=dt.datetime(2021, 1, 1), ende="06/2019")])
    assert codes(findings, 2) == ["ende-vor-beginn"]
    assert all(f.suggestion is None for f in findings if f.row == 2)


def test_unreadable_ende_gives_no_status_advice(tmp_path: Path) -> None:
    # "abgeschlossen" with an unreadable Ende is not "abgeschlossen ohne Ende": the Ende is there, unreadable.
    findings = findings_of(tmp_path, [row(1, status="abgeschlossen", ende="Frühjahr 2023")])
    assert codes(findings, 2) == ["datum-unlesbar"]


def test_unreadable_beginn_gives_no_report_year_finding(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, [row(1, beginn="irgendwann", ende="03/2019", status="abgeschlossen")])
    assert codes(findings, 2) == ["datum-unlesbar"]


def test_sound_dates_are_still_judged(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, [row(1, beginn=dt.datetime(2018, 1, 1), ende="06/2019")])
    assert codes(findings, 2) == ["status-widerspricht-datum", "ausserhalb-berichtsjahr"]
    assert next(f for f in findings if f.code == "status-widerspricht-datum").suggestion == "abgeschlossen"


def test_missing_vorhaben_suggests_last_years_title(tmp_path: Path) -> None:
    root = make_project(tmp_path, 2022)
    write_workbook(root / "2022" / "meldungen" / "GB1_2022.xlsx", [row(1), row(2, vorhaben="Radweg an der Havel")])
    (root / "2023" / "meldungen").mkdir(parents=True)
    (root / "2023" / "vorlage.toml").write_text(YEAR, encoding="utf-8")
    rows = [row(1, beschreibung="Neu 2023."), row(2, vorhaben=None, beschreibung=None), row(3, vorhaben=None)]
    write_workbook(root / "2023" / "meldungen" / "GB1_2023.xlsx", rows)
    findings = check_year(Project.open(root), 2023, today=TODAY).report.findings
    missing = {(f.row, f.column): f for f in findings if f.code == "pflichtwert-fehlt"}
    title = missing[(3, "Vorhaben")]
    assert title.suggestion == "Radweg an der Havel" and title.activity_nr == "GB1-002"
    assert "2022 stand unter der Nr. GB1-002 „Radweg an der Havel“" in title.message
    assert missing[(3, "Beschreibung/Sachstand")].suggestion is None  # a Sachstand is written anew each year
    assert missing[(4, "Vorhaben")].suggestion is None  # GB1-003 was not reported in 2022
