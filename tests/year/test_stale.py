"""sachstand-unveraendert: a Sachstand copied unchanged from the previous year is a warning."""

from __future__ import annotations

from pathlib import Path

from koopbericht.findings import Finding, Scope, Severity
from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_paths, check_year

from ..workbooks import YEAR, make_project, row, write_workbook

CODE = "sachstand-unveraendert"


def two_years(root: Path, old: list[list[object]], new: list[list[object]]) -> Project:
    project = make_project(root, 2022)
    (project / "2023" / "meldungen").mkdir(parents=True)
    (project / "2023" / "vorlage.toml").write_text(YEAR, encoding="utf-8")
    write_workbook(project / "2022" / "meldungen" / "GB1_Meldebogen.xlsx", old)
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", new)
    return Project.open(project)


def stale(project: Project, year: int = 2023) -> list[Finding]:
    return [f for f in check_year(project, year).report.findings if f.code == CODE]


def test_unchanged_sachstand_is_one_warning_at_its_cell(tmp_path: Path) -> None:
    project = two_years(
        tmp_path,
        [row(1), row(2), row(3)],
        [
            row(1, beschreibung="Beschreibung  des Vorhabens 1. "),  # only whitespace differs
            row(2, beschreibung="Der Vertrag ist unterzeichnet."),  # updated
            row(3, status="ruhend"),  # same text, new Status
        ],
    )
    (finding,) = stale(project)
    assert (finding.file, finding.sheet, finding.cell, finding.row) == (
        "2023/meldungen/GB1_Meldebogen.xlsx", "Meldebogen", "I2", 2
    )  # fmt: skip
    assert finding.severity is Severity.WARNING and finding.scope is Scope.ROW
    assert finding.column == "Beschreibung/Sachstand"
    assert "wörtlich derselbe wie 2022" in finding.message and "2022/meldungen/GB1_Meldebogen.xlsx" in finding.message
    assert "aktualisieren" in finding.message


def test_matched_as_compare_does_without_nr(tmp_path: Path) -> None:
    project = two_years(tmp_path, [row(1)], [row(1, nr=None)])
    assert [f.cell for f in stale(project)] == ["I2"]


def test_warning_keeps_the_row_publishable(tmp_path: Path) -> None:
    project = two_years(tmp_path, [row(1)], [row(1)])
    data = check_year(project, 2023)
    assert [f.code for f in data.report.findings if f.code == CODE] == [CODE]
    assert len(data.publishable()) == 1 and not data.report.fails()


def test_no_previous_year_no_finding(tmp_path: Path) -> None:
    root = make_project(tmp_path, 2023)
    write_workbook(root / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1)])
    assert stale(Project.open(root)) == []


def test_previous_year_without_settings_or_unreadable_no_finding(tmp_path: Path) -> None:
    project = two_years(tmp_path, [row(1)], [row(1)])
    (project.root / "2022" / "meldungen" / "GB1_Meldebogen.xlsx").write_bytes(b"kein Excel")
    assert stale(project) == []
    write_workbook(project.root / "2022" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1)])
    (project.root / "2022" / "vorlage.toml").unlink()
    assert stale(project) == []


def test_single_files_are_not_compared(tmp_path: Path) -> None:
    project = two_years(tmp_path, [row(1)], [row(1)])
    data = check_paths(project, [project.root / "2023" / "meldungen" / "GB1_Meldebogen.xlsx"])
    assert not [f for f in data.report.findings if f.code == CODE]
