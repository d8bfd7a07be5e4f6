"""Every cell is read once: one reader per column type gives the value and its notes."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from koopbericht.config import ColumnType
from koopbericht.findings import Severity
from koopbericht.normalise import values
from koopbericht.normalise.columns import cell_readers
from koopbericht.normalise.values import PartialDate
from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_year

from ..conftest import EXAMPLE


def _count_calls(monkeypatch: pytest.MonkeyPatch, name: str, counter: Counter[str]) -> None:
    """Count calls of `values.<name>` wherever koopbericht imported it."""
    original: Callable[..., Any] = getattr(values, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        counter[name] += 1
        return original(*args, **kwargs)

    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("koopbericht") and getattr(module, name, None) is original:
            monkeypatch.setattr(module, name, counted)


def test_each_cell_of_the_example_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project.open(EXAMPLE)
    settings = project.settings
    counter: Counter[str] = Counter()
    for name in ("parse_date", "parse_number", "clean_text"):
        _count_calls(monkeypatch, name, counter)
    # 2022 is the example's first year: no previous year's Meldebögen are read for comparison.
    data = check_year(project, 2022, today=dt.date(2023, 1, 15))

    filled: Counter[ColumnType] = Counter()
    for result in data.files:
        for activity in result.activities:
            for key in activity.source.cells:
                filled[settings.column(key).type] += 1
    text_types = (ColumnType.TEXT, ColumnType.LIST, ColumnType.VOCABULARY)
    assert filled[ColumnType.DATE] > 0
    cells = sum(len(row.source.cells) for row in data.activities)
    # At most once: a text that recurs in a column (a status, a partner) is read the first time only.
    assert 0 < counter["parse_date"] <= filled[ColumnType.DATE]
    assert counter["parse_number"] <= filled[ColumnType.NUMBER]
    assert 0 < counter["clean_text"] <= sum(filled[t] for t in text_types)
    assert counter["parse_date"] + counter["parse_number"] + counter["clean_text"] <= cells


def test_a_recurring_text_is_read_once_per_column_and_other_values_every_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counter: Counter[str] = Counter()
    for name in ("parse_date", "parse_number", "clean_text"):
        _count_calls(monkeypatch, name, counter)
    readers = cell_readers(Project.open(EXAMPLE).settings)
    first, again = readers["status"]("in Arbeit"), readers["status"]("in Arbeit")
    assert again is first and counter["clean_text"] == 1
    readers["vorhaben"]("in Arbeit")
    assert counter["clean_text"] == 2  # each column remembers its own readings
    # Equal but not the same: 0.0 and -0.0 are one dictionary key, yet read apart.
    assert readers["beginn"](0.0).notes[0].value == 0.0 and str(readers["beginn"](-0.0).notes[0].value) == "-0.0"
    assert counter["parse_date"] == 2


def test_a_date_reader_gives_the_value_and_says_what_it_read() -> None:
    project = Project.open(EXAMPLE)
    read = cell_readers(project.settings)["beginn"]
    reading = read(" 1.3.2022 ")
    assert reading.value == PartialDate(2022, 3, 1) and reading.valid
    assert [n.type.code for n in reading.notes] == ["normalisiert-datum"]
    unreadable = read("Frühjahr 2023")
    assert unreadable.value is None and not unreadable.valid
    assert [n.type.code for n in unreadable.notes] == ["datum-unlesbar"]
    assert read(dt.datetime(2022, 3, 1)).notes == ()


def test_a_vocabulary_reader_replaces_synonyms_and_refuses_the_rest() -> None:
    read = cell_readers(Project.open(EXAMPLE).settings)["status"]
    synonym = read("in Arbeit")
    assert synonym.value == "laufend" and synonym.valid
    assert [n.type.code for n in synonym.notes] == ["normalisiert-synonym"]
    wrong = read("in Planng ")
    assert wrong.value == "in Planng" and not wrong.valid
    codes = [(n.type.code, n.type.severity) for n in wrong.notes]
    assert codes == [("normalisiert-text", Severity.INFO), ("wert-nicht-erlaubt", Severity.ERROR)]
    assert wrong.notes[1].suggestion == "geplant"


def test_a_partner_list_is_split_canonical_and_sorted_with_a_note_per_name() -> None:
    read = cell_readers(Project.open(EXAMPLE).settings)["partner"]
    reading = read("LK PM; Gemeinde Nuthetal;Unbekannte Gemeinde; LK PM")
    assert reading.value == ("Gemeinde Nuthetal", "Landkreis Potsdam-Mittelmark", "Unbekannte Gemeinde")
    codes = [n.type.code for n in reading.notes]
    assert codes.count("partner-unbekannt") == 1
    assert codes.count("normalisiert-partner") == 2


def test_notes_become_findings_at_the_cell(tmp_path: Path) -> None:
    project = Project.open(EXAMPLE)
    data = check_year(project, 2023, today=dt.date(2024, 1, 15))
    placed = [f for f in data.report.findings if f.code == "normalisiert-partner"]
    assert placed, "the example has partner aliases"
    for finding in placed:
        assert finding.sheet and finding.cell and finding.row and finding.column == "Kooperationspartner"
