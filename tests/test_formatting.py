"""Numbers and sizes in running text, as German house style and DIN 1301 have them."""

from __future__ import annotations

import pytest

from koopbericht.formatting import MINUS, file_size, spelled_count, spelled_number


@pytest.mark.parametrize(("value", "text"), [(0, "null"), (1, "eins"), (6, "sechs"), (12, "zwölf"), (13, "13"),
                                             (1234, "1.234"), (-3, f"{MINUS}3")])  # fmt: skip
def test_small_numbers_are_written_out(value: int, text: str) -> None:
    assert spelled_number(value) == text


def test_counts_read_as_a_clerk_writes_them() -> None:
    assert spelled_count(6, "Geschäftsbereich", "Geschäftsbereiche") == "sechs Geschäftsbereiche"
    assert spelled_count(1, "Warnung", "Warnungen", feminine=True) == "eine Warnung"
    assert spelled_count(1, "Vorhaben", "Vorhaben") == "ein Vorhaben"
    assert spelled_count(0, "Fehler", "Fehler") == "keine Fehler"
    assert spelled_count(44, "Partner", "Partner") == "44 Partner"


def test_kilobyte_is_a_thousand_bytes() -> None:
    assert file_size(251_022) == "251,0 kB"
    assert file_size(999) == "1,0 kB"
    assert file_size(2_500_000) == "2,5 MB"
    assert file_size(None) == "–"
