"""Reading a cell once: one reader per column type gives the normalised value and its notes.

The checks (what is wrong) and the normaliser (what is kept) both need the parsed
value of every cell. Parsing it twice meant two copies of the same branching that had
to be kept in step by hand, and it was most of `validate`'s time. Here every cell is
parsed once; a `Reading` carries the value and the notes about it: problems
(errors, warnings) and silent normalisations (infos). The row checker turns the notes
into findings at the cell's place, the normaliser keeps the value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..config import Column, ColumnType, Settings, Vocabulary
from ..findings import Note
from ..findings import catalogue as F
from ..read import RawMeldebogen
from .values import PartnerIndex, Reading, clean_text, parse_date, parse_number, split_list, vocabulary_suggestion

CellReader = Callable[[Any], Reading]


# Texts remembered per column before the memory starts afresh; bounds it for huge years.
CACHE_LIMIT = 50_000


class _Remembering:
    """A column's reader that remembers what each text read as.

    Vocabularies, partner lists, dates and repeated texts recur across thousands of rows,
    and a reading depends on nothing but the text, so each distinct text is read once.
    Only exact `str` values are remembered: 0.0 and -0.0 (or 1 and True) are equal as
    keys but read differently.
    """

    __slots__ = ("cache", "read")

    def __init__(self, read: CellReader) -> None:
        self.read = read
        self.cache: dict[str, Reading] = {}

    def __call__(self, value: Any) -> Reading:
        if value.__class__ is not str:
            return self.read(value)
        reading = self.cache.get(value)
        if reading is None:
            if len(self.cache) >= CACHE_LIMIT:
                self.cache.clear()
            reading = self.cache[value] = self.read(value)
        return reading


def cell_readers(settings: Settings) -> dict[str, CellReader]:
    """One reader per configured column, by column key."""
    partners = PartnerIndex(settings.partners)
    return {column.key: _Remembering(_reader(column, settings.vocabularies, partners)) for column in settings.columns}


def _reader(column: Column, vocabularies: Mapping[str, Vocabulary], partners: PartnerIndex) -> CellReader:
    if column.type is ColumnType.DATE:
        return _read_date
    if column.type is ColumnType.NUMBER:
        return _read_number
    text = _TextReader(column)
    if column.type is ColumnType.VOCABULARY and column.vocabulary:
        return _VocabularyReader(text, column, vocabularies[column.vocabulary])
    if column.type is ColumnType.LIST:
        return _ListReader(text, partners if column.key == "partner" and partners else None)
    return text


def _read_date(value: Any) -> Reading:
    parsed = parse_date(value)
    if parsed is None:
        return Reading(
            None,
            False,
            (
                F.DATE_UNREADABLE.note(
                    f"„{value}“ ist kein lesbares Datum. Erlaubt sind ein Datum (01.03.2022), ein Monat "
                    "(03/2022) oder ein Jahr (2022).",
                    value=_shown(value),
                ),
            ),
        )
    if isinstance(value, str) and value.strip() != str(parsed):
        note = F.NORMALISED_DATE.note(f"Das Datum „{value}“ wurde als {parsed} gelesen.", value, str(parsed))
        return Reading(parsed, True, (note,))
    return Reading(parsed)


def _read_number(value: Any) -> Reading:
    parsed = parse_number(value)
    if parsed is None:
        message = f"„{value}“ ist keine Zahl. Bitte nur die Zahl eintragen, z. B. 12500,50."
        return Reading(None, False, (F.NUMBER_UNREADABLE.note(message, value=_shown(value)),))
    return Reading(parsed)


class _TextReader:
    """Text: Unicode and whitespace normalised, control characters removed, length checked."""

    def __init__(self, column: Column) -> None:
        self.max_length = column.max_length

    def __call__(self, value: Any) -> Reading:
        cleaned = clean_text(value)
        text = cleaned.text
        too_long = bool(self.max_length) and len(text) > (self.max_length or 0)
        if not cleaned.changed and not too_long:
            return Reading(text)  # the common case: nothing to say
        notes: list[Note] = []
        if cleaned.removed_characters:
            notes.append(
                F.BAD_CHARACTERS.note(
                    "Unsichtbare Steuerzeichen wurden entfernt; bitte den Text prüfen.", _shown(value), text
                )
            )
        if too_long:
            notes.append(
                F.TEXT_TOO_LONG.note(
                    f"Der Text ist {len(text)} Zeichen lang; für die Tabelle der Anlage sind höchstens "
                    f"{self.max_length} vorgesehen. Bitte kürzen.",
                    value=text[:80] + "…",
                )
            )
        if cleaned.changed and isinstance(value, str) and not cleaned.removed_characters:
            notes.append(
                F.NORMALISED_TEXT.note("Leerzeichen oder Zeichenkodierung wurden vereinheitlicht.", value, text)
            )
        return Reading(text, True, tuple(notes))


class _VocabularyReader:
    """A value from a vocabulary: synonyms become the allowed value; anything else is an error."""

    def __init__(self, text: _TextReader, column: Column, vocabulary: Vocabulary) -> None:
        self.text, self.title, self.vocabulary = text, column.title, vocabulary

    def __call__(self, value: Any) -> Reading:
        reading = self.text(value)
        text: str = reading.value
        allowed = self.vocabulary.normalise(text)
        if allowed == text:
            return reading
        if allowed is not None:
            note = F.NORMALISED_SYNONYM.note(f"„{text}“ wurde als „{allowed}“ übernommen.", text, allowed)
            return Reading(allowed, True, (*reading.notes, note))
        suggestion = vocabulary_suggestion(self.vocabulary, text)
        problem = F.NOT_IN_VOCABULARY.note(
            f"„{text}“ ist für „{self.title}“ nicht vorgesehen. Erlaubt: {'; '.join(self.vocabulary.values)}."
            + (f" Gemeint ist wohl „{suggestion}“." if suggestion else ""),
            text,
            suggestion,
        )
        return Reading(text, False, (*reading.notes, problem))


class _ListReader:
    """A list split at `;` and line breaks, deduplicated and sorted; partners by the register's name."""

    def __init__(self, text: _TextReader, partners: PartnerIndex | None) -> None:
        self.text, self.partners = text, partners

    def __call__(self, value: Any) -> Reading:
        reading = self.text(value)
        items = split_list(reading.value)
        if self.partners is None:
            return Reading(tuple(sorted(dict.fromkeys(items), key=str.casefold)), True, reading.notes)
        notes = list(reading.notes)
        names = []
        for item in items:
            canonical = self.partners.canonical(item)
            if canonical is None:
                notes.append(self._unknown(item))
            elif canonical != item:
                notes.append(
                    F.NORMALISED_PARTNER.note(f"„{item}“ wurde als „{canonical}“ übernommen.", item, canonical)
                )
            names.append(canonical or item)
        return Reading(tuple(sorted(dict.fromkeys(names), key=str.casefold)), True, tuple(notes))

    def _unknown(self, item: str) -> Note:
        assert self.partners is not None
        suggestion = self.partners.suggest(item)
        return F.PARTNER_UNKNOWN.note(
            f"„{item}“ steht nicht im Partnerverzeichnis."
            + (f" Gemeint ist wohl „{suggestion}“." if suggestion else "")
            + " Bitte den Namen prüfen oder den Partner in koopbericht.toml ergänzen.",
            item,
            suggestion,
        )


def read_rows(raw: RawMeldebogen, readers: Mapping[str, CellReader]) -> list[dict[str, Reading]]:
    """Every filled cell of `raw`'s rows as read, row by row, by column key."""
    # The remembering readers' memories are looked into here, which spares a call for each
    # cell read before: most of a large year.
    caches = {key: reader.cache if isinstance(reader, _Remembering) else {} for key, reader in readers.items()}
    result = []
    for row in raw.rows:
        readings = {}
        for key, (value, _) in row.cells.items():
            reading = caches[key].get(value) if value.__class__ is str else None
            readings[key] = reading if reading is not None else readers[key](value)
        result.append(readings)
    return result


def _shown(value: Any) -> Any:
    return value if isinstance(value, str | int | float) else str(value)
