"""Reading single cell values: text, lists, dates, numbers, vocabularies, partners.

Pure functions and small value types, shared by the checks (which report what does
not parse) and the normaliser (which keeps what does), so both agree by construction.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..config import Partner, Vocabulary, match_key

if TYPE_CHECKING:
    from ..findings import Note

# Characters XML 1.0 cannot hold (calamine decodes Excel's `_x0007_` escapes into them).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters as a literal `_x0007_` escape, as openpyxl passes them through.
_ESCAPED_ILLEGAL = re.compile(r"_x(00[01][0-9A-Fa-f]|FFF[EF])_")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_LIST_SEPARATORS = re.compile(r"\s*(?:;|\n)\s*")
# A line break right after a hyphen that ends a word, before a lower-case word: a wrap inside one name.
_WRAP = re.compile(r"(?<=\w-)[ \t]*\r?\n\s*(?=[a-zäöüß])")
_TITLE_WRAP = re.compile(r"(?<=\w-)[ \t]*\r?\n\s*(?=\w)")
_CONJUNCTION = re.compile(r"(?:und|oder|sowie|bzw\.|bis|u\.)\s")


@dataclass(frozen=True)
class CleanText:
    """A text after whitespace and Unicode normalisation."""

    text: str
    changed: bool
    removed_characters: bool


def clean_text(value: Any) -> CleanText:
    """Normalise a cell's text: NFC, no control characters, single spaces, trimmed lines."""
    original = value if isinstance(value, str) else _plain(value)
    # The common case, decided by C-speed checks: printable (no control characters, no
    # line breaks, no special spaces), no double or outer spaces, no _xHHHH_ escape, NFC.
    if (
        original.isprintable()
        and "  " not in original
        and original == original.strip()
        and "_x" not in original
        and unicodedata.is_normalized("NFC", original)
    ):
        return CleanText(original, False, False)
    text = XML_ILLEGAL.sub("", original)
    text = _ESCAPED_ILLEGAL.sub(lambda m: m.group(0) if int(m.group(1), 16) in (9, 10, 13) else "", text)
    removed = text != original
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return CleanText(text, text != original, removed)


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y")
    return str(value)


def split_list(text: str) -> list[str]:
    """Split a list cell at `;` and line breaks; empty entries are dropped.

    A line break after a hyphen and before a lower-case word wraps one name
    („Innovations-⏎und Gründerzentrum GmbH“) and does not separate two (`unwrap`).
    """
    return [part for part in _LIST_SEPARATORS.split(unwrap(text)) if part]


def unwrap(text: str) -> str:
    """`text` with each line break typed after a hyphen before a lower-case word taken out.

    „Innovations-⏎und Gründerzentrum“ → „Innovations- und Gründerzentrum“ (before „und“, „oder“
    and the like the space the break stood for comes back); „Kofinan-⏎zierungssatz“ →
    „Kofinan-zierungssatz“ (the hyphen stays: it may be part of the name).
    """
    if "\n" not in text:
        return text
    return _WRAP.sub(lambda m: " " if _CONJUNCTION.match(m.string, m.end()) else "", text)


def one_line(text: str) -> str:
    """`text` on one line, for quoting a title in a message.

    A break after a hyphen is taken out („Unions-⏎Kofinan-⏎zierungssatz“ → „Unions-Kofinan-zierungssatz“),
    other breaks and runs of spaces become one space.
    """
    if "\n" in text:
        text = _TITLE_WRAP.sub(lambda m: " " if _CONJUNCTION.match(m.string, m.end()) else "", text)
    return " ".join(text.split())


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> dt.date:
        """The earliest day the date can mean (for a Beginn)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest day the date can mean (for an Ende)."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is not None:
            following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        if self.day is not None and self.month is not None:
            return f"{self.day:02d}.{self.month:02d}.{self.year}"
        if self.month is not None:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)


_MONTHS = {
    "jan": 1, "januar": 1, "jänner": 1, "feb": 2, "februar": 2, "mär": 3, "märz": 3, "maerz": 3, "mrz": 3,
    "apr": 4, "april": 4, "mai": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11, "november": 11,
    "dez": 12, "dezember": 12,
}  # fmt: skip
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4}|\d{2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_YEAR = re.compile(r"(\d{4})")
_NAMED_MONTH = re.compile(r"([A-Za-zÄÖÜäöü]+)\.?\s+(\d{4})")
MIN_DATE_YEAR, MAX_DATE_YEAR = 1950, 2100


def parse_date(value: Any) -> PartialDate | None:
    """Read a date cell: an Excel date, `1.3.2022`, `03/2022`, `März 2022`, `2022`, or a serial."""
    if isinstance(value, dt.datetime | dt.date):
        return _checked(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if MIN_DATE_YEAR <= value <= MAX_DATE_YEAR and float(value).is_integer():
            return _checked(int(value), None, None)
        if 18000 <= value <= 80000:  # an Excel serial number (1949–2119) that lost its date format
            day = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
            return _checked(day.year, day.month, day.day)
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        year = int(match.group(3))
        year = year + 2000 if year < 100 else year
        return _checked(year, int(match.group(2)), int(match.group(1)))
    if match := _ISO.fullmatch(text):
        return _checked(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _MONTH_YEAR.fullmatch(text):
        return _checked(int(match.group(2)), int(match.group(1)), None)
    if match := _NAMED_MONTH.fullmatch(text):
        month = _MONTHS.get(match.group(1).casefold())
        return _checked(int(match.group(2)), month, None) if month else None
    if match := _YEAR.fullmatch(text):
        return _checked(int(match.group(1)), None, None)
    return None


def _checked(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if not MIN_DATE_YEAR <= year <= MAX_DATE_YEAR:
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def parse_number(value: Any) -> float | None:
    """Read a number cell: a real number, or German notation such as `12.500,50`."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str):
        return None
    text = value.strip().replace(" ", "").replace("€", "").replace("EUR", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return None


def closest(text: str, candidates: list[str], cutoff: float = 0.6) -> str | None:
    """The candidate most similar to `text` (compared as `match_key`), or None."""
    keys = {match_key(c): c for c in candidates}
    found = difflib.get_close_matches(match_key(text), list(keys), n=1, cutoff=cutoff)
    return keys[found[0]] if found else None


def vocabulary_suggestion(vocabulary: Vocabulary, text: str) -> str | None:
    """The allowed value a mistyped `text` most likely means."""
    labels = [*vocabulary.values, *vocabulary.synonyms]
    found = closest(text, labels, cutoff=0.5)
    if found is None:
        return None
    return vocabulary.normalise(found)


class PartnerIndex:
    """The partner register as a lookup from any name or alias to the canonical name."""

    def __init__(self, partners: tuple[Partner, ...]) -> None:
        self._by_key: dict[str, str] = {}
        for partner in partners:
            for label in (partner.name, *partner.aliases):
                self._by_key.setdefault(match_key(label), partner.name)
        self._labels = [label for p in partners for label in (p.name, *p.aliases)]

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def canonical(self, name: str) -> str | None:
        """The register's name for `name`, or None when it is not registered."""
        return self._by_key.get(match_key(name))

    def suggest(self, name: str) -> str | None:
        """The registered partner an unknown `name` most likely means."""
        found = closest(name, self._labels, cutoff=0.75)
        return self.canonical(found) if found else None


@dataclass(frozen=True, slots=True)
class Reading:
    """A cell's normalised value, whether it was readable as its type, and the notes about it.

    `value` is None when the cell cannot be read (an unreadable date or number);
    `valid` is False also for a text outside its vocabulary (the text is kept as value).
    """

    value: Any
    valid: bool = True
    notes: tuple[Note, ...] = ()
