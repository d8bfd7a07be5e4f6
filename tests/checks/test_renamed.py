"""A renamed or misspelt header is recognised and named as the likely column; its data is never dropped quietly."""

from __future__ import annotations

from pathlib import Path

import pytest

from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_year

from ..workbooks import HEADER, make_project, row, write_workbook


def findings_for(tmp_path: Path, header: list[str]) -> list[tuple[str, str | None, str | None, str]]:
    project = make_project(tmp_path / "projekt")
    rows = [row(1, beschreibung="Die Partner stimmen Ziele, Zuständigkeiten und Termine der Umsetzung miteinander ab."),
            row(2, status="abgeschlossen", ende="2023", beschreibung="Der gemeinsame Bericht wurde den Ausschüssen "
                "vorgelegt und dort ausführlich beraten.")]  # fmt: skip
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", rows, header=header)
    data = check_year(Project.open(project), 2023)
    return [(f.code, f.cell, f.suggestion, f.message) for f in data.report.findings if f.code.startswith("spalte")]


def renamed(old: str, new: str) -> list[str]:
    return [new if title == old else title for title in HEADER]


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("Status", "Stand 31.12.", "the title holds the alias „Stand“"),
        ("Status", "Umsetzung", "every value is a status word"),
        ("Beginn", "Startdatum", "the values are dates"),
    ],
)
def test_a_renamed_optional_column_is_named_and_its_values_are_not_lost_quietly(
    tmp_path: Path, old: str, new: str, why: str
) -> None:
    found = findings_for(tmp_path, renamed(old, new))
    ((code, _, suggestion, message),) = found
    assert (code, suggestion) == ("spalte-unbekannt", old), why
    assert f"„{new}“" in message and "nicht veröffentlicht" in message and f"„{old}“" in message


def test_a_renamed_required_column_is_an_error_naming_the_likely_column(tmp_path: Path) -> None:
    found = findings_for(tmp_path, renamed("Beschreibung/Sachstand", "Erläuterung GB3"))
    missing = [f for f in found if f[0] == "spalte-fehlt"]
    assert [(code, suggestion) for code, _, suggestion, _ in missing] == [("spalte-fehlt", "Erläuterung GB3")]
    assert "Ist „Erläuterung GB3“ (I1) gemeint?" in missing[0][3]
    unknown = [f for f in found if f[0] == "spalte-unbekannt"]
    assert [(cell, suggestion) for _, cell, suggestion, _ in unknown] == [("I1", "Beschreibung/Sachstand")]


def test_an_unrelated_column_is_not_taken_for_a_missing_one(tmp_path: Path) -> None:
    found = findings_for(tmp_path, renamed("Ansprechpartner", "Notizen"))  # names, not Ansprechpartner by title
    ((code, cell, suggestion, message),) = found
    assert (code, cell, suggestion) == ("spalte-unbekannt", "J1", None)
    assert "2 Werte werden nicht übernommen und nicht veröffentlicht" in message
