"""compare: planted changes found exactly, in every format; alignment on small workbooks."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.actions.compare import compare_years
from koopbericht.model import Activity, Source
from koopbericht.project.folder import Project
from koopbericht.year.align import FULL_SEARCH_PAIRS, SHORTLIST, align

from ..conftest import EXAMPLE, run
from ..workbooks import YEAR, Text, make_project, row, write_workbook

# Every carried-over activity has a new Beschreibung/Sachstand in 2023; these changed nothing else.
NEW_SACHSTAND_ONLY = [
    "OB-001", "OB-002", "OB-004", "OB-006", "OB-007", "OB-008",
    "GB1-004", "GB1-005", "GB1-006", "GB1-007", "GB1-008",
    "GB2-001", "GB2-002", "GB2-003", "GB2-004", "GB2-007", "GB2-008",
    "GB3-001", "GB3-002", "GB3-004", "GB3-005", "GB3-008",
    "GB4-002", "GB4-006", "GB4-008",
    "GB5-002", "GB5-003", "GB5-004", "GB5-007", "GB5-008",
]  # fmt: skip
CHANGED = {
    "GB1-001": {"status", "beschreibung", "ergebnis"},
    "GB2-005": {"nr", "vorhaben", "beschreibung"},
    "GB3-007": {"status", "beschreibung"},
    "GB4-001": {"beschreibung", "ergebnis"},
    "GB4-003": {"status", "ende", "beschreibung"},
    "GB4-004": {"status", "ende", "beschreibung", "ergebnis"},
    "GB4-005": {"status", "beschreibung"},
    "OB-003": {"beschreibung", "ergebnis"},
    **{nr: {"beschreibung"} for nr in NEW_SACHSTAND_ONLY},
}


def test_example_changes_are_exactly_the_planted_ones() -> None:
    result = compare_years(Project.open(EXAMPLE), 2022, 2023)
    assert sorted(a.id for a in result.added) == sorted(
        ["OB-005", "GB1-002", "GB1-003", "GB3-003", "GB3-006", "GB4-007", "GB5-001", "GB5-005", "GB4-neu-1"]
    )
    assert sorted(a.id for a in result.removed) == ["GB2-006", "GB5-006", "OB-009"]
    assert {c.new.id: {f.key for f in c.fields} for c in result.changed} == CHANGED
    statuses = {c.new.id: (f.old, f.new) for c in result.changed for f in c.fields if f.key == "status"}
    assert statuses == {
        "GB1-001": ("geplant", "laufend"), "GB3-007": ("laufend", "ruhend"), "GB4-003": ("laufend", "abgeschlossen"),
        "GB4-004": ("laufend", "abgeschlossen"), "GB4-005": ("geplant", "laufend"),
    }  # fmt: skip
    partners = {c.new.id: (c.partners_added, c.partners_removed) for c in result.changed}
    assert len(partners["GB1-001"][0]) == 6 and partners["GB4-001"] == (("Havelbus Verkehrsgesellschaft mbH",), ())
    assert partners["GB4-004"] == (("Schwielow-See",), ())  # the unknown partner as reported (a warning)
    music = next(c for c in result.changed if c.new.id == "GB2-005")
    assert music.old.id_assigned and music.reason.startswith("ähnlicher Titel")
    assert result.unchanged == 0 and (result.total_old, result.total_new) == (41, 47)
    assert "Havelbus Verkehrsgesellschaft mbH" in result.partners_gained and result.partners_lost == []
    # „Schwielow-See“ means Gemeinde Schwielowsee, a partner already in 2022: no new partner of the year.
    assert not {"Schwielow-See", "Gemeinde Schwielowsee"} & set(result.partners_gained)
    by_department = {label.split()[0]: (a, b) for label, a, b in result.counts[0].rows}
    assert by_department == {"OB": (8, 8), "GB1": (6, 8), "GB2": (8, 7), "GB3": (6, 8), "GB4": (7, 9), "GB5": (6, 7)}


def test_example_in_every_format(runner: CliRunner, tmp_path: Path) -> None:
    code, text = run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE))
    assert code == 0, text
    assert (
        "41 → 47 Vorhaben; 9 neu, 3 nicht mehr gemeldet, 38 geändert." in text
    )  # no "0 unverändert": a zero is not said
    assert "Status: laufend → abgeschlossen" in text
    code, markdown = run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "markdown")
    assert code == 0
    assert markdown.startswith("## Veränderungen gegenüber 2022\n")
    assert "### Neue Vorhaben" in markdown and "- **Modellprojekt Spurwechsel** (GB3" in markdown
    assert "- **Radschnellverbindungen Südwest** (GB4): laufend → abgeschlossen" in markdown
    assert "| GB4 Stadtentwicklung, Bauen, Wirtschaft und Mobilität | 7 | 9 | +2 |" in markdown
    code, output = run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "json")
    data = json.loads(output)
    assert data["jahre"] == [2022, 2023] and len(data["neu"]) == 9 and len(data["geaendert"]) == 38
    assert {c["nr"] for c in data["geaendert"]} == set(CHANGED)
    target = tmp_path / "vergleich.xlsx"
    code, output = run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "xlsx", "-o", str(target))
    assert code == 0, output
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["Überblick", "Neu", "Nicht mehr gemeldet", "Geändert", "Partner", "Zählung"]
    changed = workbook["Geändert"]
    status_row = next(r for r in changed.iter_rows(min_row=2) if r[0].value == "GB4-003" and r[3].value == "Status")
    assert (status_row[4].value, status_row[5].value) == ("laufend", "abgeschlossen")
    assert status_row[5].fill.fill_type is None  # every row there is a change: colour would say nothing
    assert workbook["Neu"].max_row == 10
    markdown_file = tmp_path / "vergleich.md"
    assert (
        run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "markdown", "-o", str(markdown_file))[0]
        == 0
    )
    assert markdown_file.read_text(encoding="utf-8") == markdown


@pytest.fixture
def two_years(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "p", 2022)
    (project / "2023" / "meldungen").mkdir(parents=True)
    (project / "2023" / "vorlage.toml").write_text(YEAR, encoding="utf-8")
    return project


def write_year(project: Path, year: int, rows: list[list[object]]) -> None:
    write_workbook(project / str(year) / "meldungen" / "GB1_Meldebogen.xlsx", rows)
    write_workbook(project / str(year) / "meldungen" / "GB2_Meldebogen.xlsx", [row(9, nr="GB2-009", vorhaben="Fest")])


def test_rename_without_nr_status_move_and_partner_change(two_years: Path) -> None:
    write_year(two_years, 2022, [
        row(1, vorhaben="Radschnellweg nach Werder"),
        row(2, vorhaben="Gemeinsame Wasserstrategie der Region", partner="Landkreis Potsdam-Mittelmark"),
        row(3, vorhaben="Pflege der Uferwege"),
        row(4, vorhaben="Abfallverwertung"),
    ])  # fmt: skip
    write_year(two_years, 2023, [
        row(1, vorhaben="Radschnellweg nach Werder", status="abgeschlossen", ende="2023"),
        row(0, nr=None, vorhaben="Gemeinsame Wasserstrategie für die Region",
            partner="Landkreis Potsdam-Mittelmark; Stadt Werder (Havel)"),
        row(5, vorhaben="Pflege der Uferwege", beschreibung="Beschreibung des Vorhabens 3."),
        row(6, vorhaben="Neue Mobilstationen"),
    ])  # fmt: skip
    result = compare_years(Project.open(two_years), 2022, 2023)
    assert [a.title for a in result.added] == ["Neue Mobilstationen"]
    assert [a.title for a in result.removed] == ["Abfallverwertung"]
    changes = {c.title: c for c in result.changed}
    assert {f.key: (f.old, f.new) for f in changes["Radschnellweg nach Werder"].fields} == {
        "status": ("laufend", "abgeschlossen"), "ende": ("", "2023"),
    }  # fmt: skip
    water = changes["Gemeinsame Wasserstrategie für die Region"]
    assert water.partners_added == ("Stadt Werder (Havel)",) and water.reason.startswith("ähnlicher Titel")
    uferwege = changes["Pflege der Uferwege"]  # Nr. changed from GB1-003 to GB1-005, same title and partners
    assert [(f.key, f.old, f.new) for f in uferwege.fields] == [("nr", "GB1-003", "GB1-005")]
    assert result.unchanged == 1


def test_different_numbered_activities_are_not_merged(two_years: Path) -> None:
    write_year(two_years, 2022, [row(1, vorhaben="Radweg Nord")])
    write_year(two_years, 2023, [row(2, vorhaben="Radweg Süd")])
    result = compare_years(Project.open(two_years), 2022, 2023)
    assert [a.title for a in result.added] == ["Radweg Süd"] and [a.title for a in result.removed] == ["Radweg Nord"]


def test_missing_year_and_year_with_errors(two_years: Path, runner: CliRunner) -> None:
    write_year(two_years, 2022, [row(1)])
    write_year(two_years, 2023, [row(1), row(2, status="in Planng", vorhaben="Kaputt")])
    code, output = run(runner, "compare", "2021", "2023", "-C", str(two_years))
    assert code == 2 and "Für 2021 gibt es keinen Ordner" in output
    code, output = run(runner, "compare", "2022", "2023", "-C", str(two_years))
    assert code == 1 and "Die Meldebögen 2023 enthalten 1 Fehler" in output
    code, output = run(runner, "compare", "2022", "2023", "-C", str(two_years), "--trotz-fehlern")
    assert code == 0, output
    assert "Weggelassen wegen Fehlern: 2023: 2023/meldungen/GB1_Meldebogen.xlsx, Zeile 3" in output


def test_xlsx_keeps_formula_like_text_as_text(two_years: Path, runner: CliRunner, tmp_path: Path) -> None:
    write_year(two_years, 2022, [row(1)])
    write_year(two_years, 2023, [row(1), row(2, vorhaben=Text("=SUMME(A1:A3)")), row(3, vorhaben="+49 Vorhaben")])
    target = tmp_path / "v.xlsx"
    code, output = run(runner, "compare", "2022", "2023", "-C", str(two_years), "--format", "xlsx", "-o", str(target))
    assert code == 0, output
    sheet = load_workbook(target)["Neu"]
    titles = {c.value: c.data_type for c in sheet["C"][1:]}
    assert titles == {"=SUMME(A1:A3)": "s", "+49 Vorhaben": "s"}
    code, output = run(runner, "compare", "2022", "2023", "-C", str(two_years), "--format", "xlsx",
                       "-o", str(two_years / "2023" / "meldungen" / "x.xlsx"))  # fmt: skip
    assert code == 2 and "zwischen den Eingaben" in output


def activity(nr: str | None, title: str, partners: tuple[str, ...] = ("A", "B"), department: str = "GB1",
             row: int = 0) -> Activity:  # fmt: skip
    """An activity as `normalise` makes it; without Nr. it gets a provisional one and `id_assigned`."""
    source = Source(f"{department}.xlsx", "Meldebogen", row)
    values = {"vorhaben": title, "partner": tuple(sorted(partners))}
    return Activity(nr or f"{department}-neu-{row}", department, source, values, id_assigned=nr is None)


def pinned_years() -> tuple[list[Activity], list[Activity]]:
    old = [
        activity("GB1-001", "Radweg Nord", row=2), activity("GB1-002", "Wasserstrategie der Region", row=3),
        activity("GB1-003", "Pflege der Uferwege", row=4), activity("GB1-004", "Abfallverwertung", row=5),
        activity("GB2-001", "Kita-Verbund", department="GB2", row=2),
        activity("GB2-002", "Schulwegplan", ("C",), department="GB2", row=3),
        activity("GB1-006", "Digitale Verwaltung", ("A",), row=6),
        activity("GB1-007", "Digitale Verwaltung Süd", ("A",), row=7),
        activity(None, "Ohne Nr. im Vorjahr", ("D",), row=8),
    ]  # fmt: skip
    new = [
        activity(None, "Schulwegplan 2023", ("C",), department="GB2", row=2),
        activity("GB1-001", "Radweg Nord", row=3),
        activity(None, "Wasserstrategie für die Region", ("A", "B", "C"), row=4),
        activity("GB1-005", "Pflege der Uferwege", row=5),  # another Nr., the same title
        activity(None, "Neue Mobilstationen", row=6),
        activity(None, "Kita-Verbund", ("X",), department="GB2", row=4),  # no common partner, same title
        activity(None, "Abfallverwertung", department="GB2", row=5),  # another Geschäftsbereich
        activity(None, "Digitale Verwaltung Süd", ("A",), row=7),  # the better of two candidates wins
        activity(None, "Digitale Verwaltung", ("A",), row=8),
        activity("GB1-006", "Ganz anderes Vorhaben", ("Z",), row=9),  # same Nr. decides regardless
        activity(None, "Ohne Nr. im Vorjahr", ("D",), row=10),  # neither side has a Nr.: matched by title
    ]  # fmt: skip
    return old, new


def test_alignment_with_activities_without_nr_is_pinned() -> None:
    old, new = pinned_years()
    pairs, added, removed = align(old, new)
    assert [(p.old.id, p.new.id, p.reason) for p in pairs] == [
        ("GB2-002", "GB2-neu-2", "ähnlicher Titel (83 %) und gemeinsame Partner (100 %)"),
        ("GB1-001", "GB1-001", "gleiche Nr."),
        ("GB1-002", "GB1-neu-4", "ähnlicher Titel (89 %) und gemeinsame Partner (67 %)"),
        ("GB1-003", "GB1-005", "ähnlicher Titel (100 %) und gemeinsame Partner (100 %)"),
        ("GB2-001", "GB2-neu-4", "ähnlicher Titel (100 %) und gemeinsame Partner (0 %)"),
        ("GB1-007", "GB1-neu-7", "ähnlicher Titel (100 %) und gemeinsame Partner (100 %)"),
        ("GB1-006", "GB1-006", "gleiche Nr."),
        ("GB1-neu-8", "GB1-neu-10", "ähnlicher Titel (100 %) und gemeinsame Partner (100 %)"),
    ]
    assert [a.title for a in added] == ["Neue Mobilstationen", "Abfallverwertung", "Digitale Verwaltung"]
    assert [a.title for a in removed] == ["Abfallverwertung"]


def test_alignment_never_compares_activities_by_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """`list.index` or `in` on activities compares whole dataclasses, one by one: quadratic. Ids only."""
    old, new = pinned_years()
    expected = [(id(p.old), id(p.new), p.reason) for p in align(old, new)[0]]

    def refuse(self: Activity, other: object) -> bool:
        raise AssertionError("Vorhaben per Wert verglichen")

    monkeypatch.setattr(Activity, "__eq__", refuse)
    assert [(id(p.old), id(p.new), p.reason) for p in align(old, new)[0]] == expected


def count_title_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count every full difflib comparison (`SequenceMatcher.ratio`), the expensive step of fuzzy matching."""
    calls = [0]
    ratio = difflib.SequenceMatcher.ratio

    def counted(self: difflib.SequenceMatcher[str]) -> float:
        calls[0] += 1
        return ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    return calls


def test_fuzzy_matching_stays_within_each_department(monkeypatch: pytest.MonkeyPatch) -> None:
    departments = [f"GB{d}" for d in range(200)]
    old = [activity(f"{d}-{i}", f"Vorhaben {d} Nummer {i}", department=d, row=i) for d in departments for i in range(3)]
    new = [activity(None, f"Vorhaben {d} Nummer {i} neu", department=d, row=i) for d in departments for i in range(3)]
    calls = count_title_comparisons(monkeypatch)
    pairs, added, removed = align(old, new)
    assert len(pairs) == 600 and not added and not removed
    assert [(p.old.department, p.old.title + " neu") for p in pairs] == [(a.department, a.title) for a in new]
    assert calls[0] <= 200 * 3 * 3  # within each Geschäftsbereich at most, never across


def test_fuzzy_matching_is_bounded_in_a_large_department(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Meldebogen renumbered throughout: each new activity is compared with a shortlist, not with all."""
    size = 300
    assert size * size > FULL_SEARCH_PAIRS
    old = [activity(f"GB1-{i:03d}", f"Vorhaben Nummer {i}", row=i) for i in range(size)]
    new = [activity(None, f"Vorhaben Nummer {i} (Fortsetzung)", row=i) for i in range(size)]
    calls = count_title_comparisons(monkeypatch)
    pairs, added, removed = align(old, new)
    assert [(p.old.source.row, p.new.source.row) for p in pairs] == [(i, i) for i in range(size)]
    assert not added and not removed
    assert calls[0] <= SHORTLIST * size
