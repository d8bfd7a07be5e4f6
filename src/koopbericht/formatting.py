"""Numbers, sizes, dates and values as a German reader expects them, in one place.

Every output (the Vorlage, the Anlage, compare's reports, messages) formats through
these helpers, so "1.234", "12,5 kB" and "13.11.2024" are written the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .normalise.values import PartialDate


def german_number(value: int) -> str:
    """1234567 → "1.234.567"."""
    return f"{value:,}".replace(",", ".")


def counted(count: int, singular: str, plural: str) -> str:
    """A count with its noun in the right number: "1 Warnung", "2 Warnungen", "0 Warnungen"."""
    return f"{german_number(count)} {singular if count == 1 else plural}"


_NUMBER_WORDS = ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
                 "zwölf")  # fmt: skip
MINUS = "\u2212"  # the real minus sign, not the hyphen-minus


def spelled_number(value: int) -> str:
    """A number in running text: zero to twelve as a word ("sechs"), larger ones in digits ("1.234").

    German house style (and DIN 5008 for running text) writes small numbers out; a count
    before a noun reads "ein"/"eine" for one, which `spelled_count` handles.
    """
    if 0 <= value <= 12:
        return _NUMBER_WORDS[value]
    return german_number(value).replace("-", MINUS)


def spelled_count(count: int, singular: str, plural: str, *, feminine: bool = False) -> str:
    """A count with its noun for running text: "ein Vorhaben", "eine Warnung", "sechs Geschäftsbereiche", "13 …".

    Zero reads "keine" before a plural ("keine Warnungen"), which is what a clerk would write.
    """
    if count == 0:
        return f"keine {plural}"
    if count == 1:
        return f"{'eine' if feminine else 'ein'} {singular}"
    return f"{spelled_number(count)} {plural}"


def german_decimal(value: float) -> str:
    """1234.5 → "1.234,50", 1234.0 → "1.234" (amounts: two places, none when whole)."""
    text = f"{value:,.2f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.removesuffix(",00")


def german_date(day: dt.date) -> str:
    """2024-11-13 → "13.11.2024"."""
    return f"{day:%d.%m.%Y}"


def file_size(size: int | None) -> str:
    """A file size in kB or MB with one decimal place; "–" when unknown.

    k and M are decimal prefixes (DIN 1301, SI): 1 kB = 1000 bytes, so 251,022 bytes are "251,0 kB".
    """
    if size is None:
        return "–"
    if size < 1000 * 1000:
        return f"{size / 1000:.1f} kB".replace(".", ",")
    return f"{size / (1000 * 1000):.1f} MB".replace(".", ",")


def format_value(value: Any) -> str:
    """A normalised cell value as published: list entries separated by `; `, dates as reported."""
    if isinstance(value, tuple):
        return "; ".join(value)
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, float):
        return german_decimal(value)
    return "" if value is None else str(value)


NO_BREAK = "\u00a0"
# "e. V.", "z. B.", "i. d. R.": a letter or two with a dot, followed by another such; and "§ 5", "Nr. 12".
_ABBREVIATION = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,2}\.) (?=[^\W\d_]{1,2}\.)")
_BEFORE_NUMBER = re.compile(r"(§|Nr\.|Abs\.|S\.) (?=\d)")


def keep_together(text: str) -> str:
    """`text` with no-break spaces where a line break would tear an abbreviation apart ("e.|V.")."""
    if ". " not in text and "§ " not in text:
        return text
    return _BEFORE_NUMBER.sub(rf"\1{NO_BREAK}", _ABBREVIATION.sub(rf"\1{NO_BREAK}", text))


def running_time(begin: Any, end: Any, year: int, finished: bool = False) -> str:
    """Beginn and Ende as one "Laufzeit": "03/2022 – 12/2024", "seit 2018", "ab 2025", "bis 06/2023".

    The no-break spaces keep "seit 2018" together and let a narrow cell break only after
    the dash, never before it. A `finished` activity without an Ende is not "seit" anything.
    """
    start = begin if isinstance(begin, PartialDate) else None
    finish = end if isinstance(end, PartialDate) else None
    if start and finish:
        return f"{start}{NO_BREAK}– {finish}"
    if start:
        word = "Beginn" if finished else "seit" if start.year <= year else "ab"
        return f"{word}{NO_BREAK}{start}"
    if finish:
        return f"bis{NO_BREAK}{finish}"
    return ""
