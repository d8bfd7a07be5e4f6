"""Single values: dates in every accepted form, text cleaning, lists, numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from koopbericht.normalise.values import PartialDate, clean_text, parse_date, parse_number, split_list


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2022, 3, 1), PartialDate(2022, 3, 1)),
        (dt.date(2022, 3, 1), PartialDate(2022, 3, 1)),
        ("1.3.2022", PartialDate(2022, 3, 1)),
        ("01.03.2022", PartialDate(2022, 3, 1)),
        ("1.3.22", PartialDate(2022, 3, 1)),
        ("03/2022", PartialDate(2022, 3)),
        ("3/2022", PartialDate(2022, 3)),
        ("2022-03-01", PartialDate(2022, 3, 1)),
        ("März 2022", PartialDate(2022, 3)),
        ("Dez. 2023", PartialDate(2023, 12)),
        ("2022", PartialDate(2022)),
        (2022, PartialDate(2022)),
        (44621, PartialDate(2022, 3, 1)),
        ("Frühjahr 2023", None),
        ("31.02.2023", None),
        ("13/2022", None),
        ("", None),
        (True, None),
    ],
)
def test_parse_date(value: object, expected: PartialDate | None) -> None:
    assert parse_date(value) == expected


def test_partial_date_bounds_and_display() -> None:
    assert PartialDate(2024, 2).last_day() == dt.date(2024, 2, 29)
    assert PartialDate(2023, 12).last_day() == dt.date(2023, 12, 31)
    assert PartialDate(2023).first_day() == dt.date(2023, 1, 1)
    assert [str(PartialDate(2022, 3, 1)), str(PartialDate(2022, 3)), str(PartialDate(2022))] == [
        "01.03.2022",
        "03/2022",
        "2022",
    ]


def test_clean_text() -> None:
    cleaned = clean_text("  Radweg\u00a0 Süd \r\n\r\n\r\n zweite   Zeile ")
    assert cleaned.text == "Radweg Süd\n\nzweite Zeile"
    assert cleaned.changed and not cleaned.removed_characters
    decomposed = "Mu\u0308ller"
    assert clean_text(decomposed).text == "Müller"
    assert clean_text("Titel\x0b mit _x0001_Steuerzeichen").removed_characters
    assert clean_text(12.0).text == "12"


def test_split_list_and_numbers() -> None:
    assert split_list("A; B\nC;; ") == ["A", "B", "C"]
    assert split_list("Senatsverwaltung für Umwelt, Verkehr und Klimaschutz") == [
        "Senatsverwaltung für Umwelt, Verkehr und Klimaschutz"
    ]
    assert parse_number("12.500,50 €") == 12500.5
    assert parse_number("3.5") == 3.5
    assert parse_number("ca. 12") is None
