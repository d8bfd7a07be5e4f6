"""compare tells a missing, unreadable or left-out Meldebogen from activities that are gone, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.actions.compare import compare_years
from koopbericht.project.folder import Project

from ..conftest import EXAMPLE, run
from ..workbooks import CONFIG, YEAR, make_project, row, write_workbook

MORE_DEPARTMENTS = """
[[geschaeftsbereich]]
kuerzel = "GB3"
name = "Soziales"
dateien = ["GB3*.xlsx"]

[[geschaeftsbereich]]
kuerzel = "GB4"
name = "Kultur"
dateien = ["GB4*.xlsx"]

[[geschaeftsbereich]]
kuerzel = "GB5"
name = "Ordnung"
dateien = ["GB5*.xlsx"]
"""

# Titles of activities that must be neither "neu" nor "nicht mehr gemeldet".
NOT_COMPARABLE = {
    "Zeile mit Fehler",  # GB1: row left out by an error in 2023
    "Kita-Verbund", "Schulwegplan",  # GB2: Meldebogen 2023 missing
    "Seniorenbeirat",  # GB3: Meldebogen 2023 unreadable
    "Museumsnacht",  # GB4: Meldebogen 2022 missing
    "Ordnungspartnerschaft", "Marktaufsicht",  # GB5: every row of 2023 left out
}  # fmt: skip


def gb(code: str, number: int, title: str, **changes: object) -> list[object]:
    return row(number, nr=f"{code}-{number:03d}", vorhaben=title, **changes)


@pytest.fixture
def gaps_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "p", 2022)
    (project / "koopbericht.toml").write_text(CONFIG + MORE_DEPARTMENTS, encoding="utf-8")
    (project / "2023" / "meldungen").mkdir(parents=True)
    (project / "2023" / "vorlage.toml").write_text(YEAR, encoding="utf-8")
    old, new = project / "2022" / "meldungen", project / "2023" / "meldungen"
    write_workbook(old / "GB1_Meldebogen.xlsx", [
        gb("GB1", 1, "Radweg Nord"), gb("GB1", 2, "Zeile mit Fehler"), gb("GB1", 3, "Abfallberatung"),
    ])  # fmt: skip
    write_workbook(new / "GB1_Meldebogen.xlsx", [
        gb("GB1", 1, "Radweg Nord", status="abgeschlossen", ende="2023"),
        gb("GB1", 2, "Zeile mit Fehler", status="in Planng"),
        gb("GB1", 4, "Mobilstationen"),
    ])  # fmt: skip
    write_workbook(old / "GB2_Meldebogen.xlsx", [gb("GB2", 1, "Kita-Verbund"), gb("GB2", 2, "Schulwegplan")])
    write_workbook(old / "GB3_Meldebogen.xlsx", [gb("GB3", 1, "Seniorenbeirat")])
    (new / "GB3_Meldebogen.xlsx").write_bytes(b"Das ist keine Excel-Datei.")
    write_workbook(new / "GB4_Meldebogen.xlsx", [gb("GB4", 1, "Museumsnacht")])
    write_workbook(old / "GB5_Meldebogen.xlsx", [gb("GB5", 1, "Ordnungspartnerschaft"), gb("GB5", 2, "Marktaufsicht")])
    write_workbook(new / "GB5_Meldebogen.xlsx", [gb("GB5", 1, "Ordnungspartnerschaft", status="unbekannt")])
    return project


GAPS = [
    "GB2: Meldebogen 2023 fehlt",
    "GB3: Meldebogen 2023 nicht lesbar",
    "GB4: Meldebogen 2022 fehlt",
    "GB5: Meldebogen 2023 wegen Fehlern weggelassen",
]


def test_comparison_keeps_gaps_apart(gaps_project: Path) -> None:
    result = compare_years(Project.open(gaps_project), 2022, 2023, allow_errors=True)
    assert [a.title for a in result.added] == ["Mobilstationen"]
    assert [a.title for a in result.removed] == ["Abfallberatung"]
    assert [c.title for c in result.changed] == ["Radweg Nord"]
    assert [str(g) for g in result.gaps] == GAPS
    assert {u.activity.title for u in result.not_comparable} == NOT_COMPARABLE
    reasons = {u.activity.title: u.reason for u in result.not_comparable}
    assert reasons["Kita-Verbund"] == "GB2: Meldebogen 2023 fehlt"
    assert reasons["Museumsnacht"] == "GB4: Meldebogen 2022 fehlt"
    assert reasons["Zeile mit Fehler"].startswith("2023 wegen Fehlern weggelassen")
    assert not result.complete
    departments = {label.split()[0]: (x, y) for label, x, y in result.counts[0].rows}
    assert departments == {"GB1": (3, 2), "GB2": (2, None), "GB3": (1, None), "GB4": (None, 1), "GB5": (2, None)}


def _assert_no_gone_or_new(titles: list[str]) -> None:
    assert not NOT_COMPARABLE & set(titles), titles


def test_every_format_carries_the_caveat(gaps_project: Path, runner: CliRunner, tmp_path: Path) -> None:
    base = ("compare", "2022", "2023", "-C", str(gaps_project), "--trotz-fehlern")

    code, text = run(runner, *base)
    assert code == 0, text
    assert "1 neu, 1 nicht mehr gemeldet, 1 geändert, 7 nicht vergleichbar." in text
    assert "Vorbehalt: Der Vergleich ist unvollständig." in text
    assert all(gap in text for gap in GAPS)
    for heading in ("Neu 2023", "Nicht mehr gemeldet (2022 noch)"):
        block = text.split(heading, 1)[1].split("Nicht vergleichbar", 1)[0]
        _assert_no_gone_or_new([t for t in NOT_COMPARABLE if t in block])

    code, markdown = run(runner, *base, "--format", "markdown")
    assert code == 0, markdown
    document = markdown.split("Weggelassen wegen Fehlern:", 1)[0]  # the stderr lines come after the document
    assert "> **Vorbehalt:** Der Vergleich ist unvollständig." in document
    assert "> - GB2: Meldebogen 2023 fehlt – zwei Vorhaben aus 2022 nicht verglichen." in document
    assert "> - GB3: Meldebogen 2023 nicht lesbar – ein Vorhaben aus 2022 nicht verglichen." in document
    assert "ein Vorhaben ist neu, eines wird nicht mehr gemeldet" in document
    assert "sieben sind nicht vergleichbar" in document
    assert "sagt der Unterschied nichts über die Zusammenarbeit" in document and "weniger als" not in document
    sections = {part.split("\n", 1)[0]: part for part in document.split("### ")[1:]}
    _assert_no_gone_or_new([t for t in NOT_COMPARABLE if t in sections["Neue Vorhaben"]])
    _assert_no_gone_or_new([t for t in NOT_COMPARABLE if t in sections["Nicht mehr gemeldet"]])
    assert "- **Kita-Verbund** (GB2; Partner:" in sections["Nicht vergleichbar"]
    assert "| GB2 Bauen und Umwelt | 2 | keine Meldung | – |" in document
    target = tmp_path / "vergleich.md"
    assert run(runner, *base, "--format", "markdown", "-o", str(target))[0] == 0
    assert "> **Vorbehalt:**" in target.read_text(encoding="utf-8")

    code, output = run(runner, *base, "--format", "json", "-o", str(tmp_path / "v.json"))
    assert code == 0, output
    data = json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    assert data["vollstaendig"] is False and data["vorbehalte"][0].startswith("Der Vergleich ist unvollständig")
    assert [x["vorhaben"] for x in data["neu"]] == ["Mobilstationen"]
    assert [x["vorhaben"] for x in data["nicht_mehr_gemeldet"]] == ["Abfallberatung"]
    assert {x["vorhaben"] for x in data["nicht_vergleichbar"]} == NOT_COMPARABLE
    assert {(g["geschaeftsbereich"], g["jahr"], g["grund"]) for g in data["ohne_meldebogen"]} == {
        ("GB2", 2023, "fehlt"), ("GB3", 2023, "nicht lesbar"), ("GB4", 2022, "fehlt"),
        ("GB5", 2023, "wegen Fehlern weggelassen"),
    }  # fmt: skip
    by_department = {r["wert"].split()[0]: (r["2022"], r["2023"]) for r in data["zaehlung"]["Geschäftsbereich"]}
    assert by_department["GB2"] == (2, None) and by_department["GB4"] == (None, 1)

    target = tmp_path / "v.xlsx"
    code, output = run(runner, *base, "--format", "xlsx", "-o", str(target))
    assert code == 0, output
    workbook = load_workbook(target)
    assert workbook.sheetnames[:2] == ["Überblick", "Vorbehalte"] and "Nicht vergleichbar" in workbook.sheetnames
    overview = [c.value for c in workbook["Überblick"]["A"] if c.value]
    assert any(str(v).startswith("Der Vergleich ist unvollständig") for v in overview)
    notes = [c.value for c in workbook["Vorbehalte"]["A"][1:]]
    assert notes[0].startswith("Der Vergleich ist unvollständig") and any(n.startswith(GAPS[0]) for n in notes)
    assert any("Zeile 3" in n for n in notes if n.startswith("Weggelassen:"))
    _assert_no_gone_or_new([c.value for c in workbook["Neu"]["C"][1:]])
    _assert_no_gone_or_new([c.value for c in workbook["Nicht mehr gemeldet"]["C"][1:]])
    assert {c.value for c in workbook["Nicht vergleichbar"]["C"][1:]} == NOT_COMPARABLE
    rows = workbook["Zählung"].iter_rows(min_row=2, values_only=True)
    counts = {str(r[1]).split()[0]: (r[2], r[3], r[4]) for r in rows if r[0] == "Geschäftsbereich"}
    assert counts["GB2"] == (2, "keine Meldung", None) and counts["GB1"] == (3, 2, -1)


def test_missing_department_without_errors_is_stated(gaps_project: Path, runner: CliRunner) -> None:
    """A missing Meldebogen is only a warning: compare runs without --trotz-fehlern and still says so."""
    new = gaps_project / "2023" / "meldungen"
    for name in ("GB3_Meldebogen.xlsx", "GB5_Meldebogen.xlsx"):
        (new / name).unlink()
    write_workbook(new / "GB1_Meldebogen.xlsx", [gb("GB1", 1, "Radweg Nord")])
    code, markdown = run(runner, "compare", "2022", "2023", "-C", str(gaps_project), "--format", "markdown")
    assert code == 0, markdown
    assert "> **Vorbehalt:**" in markdown and "GB2: Meldebogen 2023 fehlt" in markdown
    gone = markdown.split("### Nicht mehr gemeldet", 1)[1].split("###", 1)[0]
    assert "Zeile mit Fehler" in gone and "Kita-Verbund" not in gone and "Seniorenbeirat" not in gone


def test_complete_comparison_has_no_caveat(runner: CliRunner) -> None:
    code, output = run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    assert data["vollstaendig"] is True and data["vorbehalte"] == [] and data["nicht_vergleichbar"] == []
    code, markdown = run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "markdown")
    assert "Vorbehalt" not in markdown and "keine Meldung" not in markdown


def test_reversed_years_are_refused(gaps_project: Path, runner: CliRunner) -> None:
    code, output = run(runner, "compare", "2023", "2022", "-C", str(gaps_project), "--trotz-fehlern")
    assert code == 2
    assert "Das frühere Jahr kommt zuerst: „koopbericht compare 2022 2023“" in output


def test_a_column_not_read_in_one_year_is_no_change_and_is_stated(tmp_path: Path, runner: CliRunner) -> None:
    from ..workbooks import HEADER, YEAR, make_project, row, write_workbook

    project = make_project(tmp_path / "umbenannt", 2022)
    (project / "2023" / "meldungen").mkdir(parents=True)
    (project / "2023" / "vorlage.toml").write_text(YEAR, encoding="utf-8")
    write_workbook(project / "2022" / "meldungen" / "GB1_2022.xlsx", [row(1, beschreibung="Vorbereitung.")])
    renamed = [("Stand 31.12." if title == "Status" else title) for title in HEADER]
    write_workbook(project / "2023" / "meldungen" / "GB1_2023.xlsx", [row(1)], header=renamed)
    target = tmp_path / "vergleich.json"
    code, output = run(runner, "compare", "2022", "2023", "-C", str(project), "--format", "json", "-o", str(target))
    assert code == 0, output
    data = json.loads(target.read_text(encoding="utf-8"))
    changed = {f["spalte"] for c in data["geaendert"] for f in c["felder"]}
    assert "Status" not in changed and "Beschreibung/Sachstand" in changed
    assert data["vollstaendig"] is False
    assert any("Stand 31.12." in line for line in data["vorbehalte"])
