"""Normalising stage: raw rows become `Activity` values, with a note of every silent change.

Whitespace and Unicode are normalised, vocabulary synonyms replaced by their allowed
value, partner aliases by the register's name, partner lists split, deduplicated and
sorted, dates read into `PartialDate`, and missing Nr. assigned. What was changed is
returned as `info` findings, which `validate --verbose` shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import findings as F
from .config import Column, ColumnType, Settings
from .findings import Finding
from .model import Activity, Source
from .read import RawCell, RawMeldebogen, RawRow
from .values import PartnerIndex, clean_text, parse_date, parse_number, split_list


@dataclass
class Normaliser:
    """Turns the rows of one year's Meldebögen into activities; ids are numbered per year."""

    settings: Settings

    def __post_init__(self) -> None:
        self.partners = PartnerIndex(self.settings.partners)
        self._new_ids: dict[str, int] = {}

    def activities(self, raw: RawMeldebogen, department: str) -> tuple[list[Activity], list[Finding]]:
        """The activities of one Meldebogen and the silent normalisations made."""
        notes: list[Finding] = []
        result = []
        for row in raw.rows:
            values = {}
            for key, cell in row.cells.items():
                column = self.settings.column(key)
                value = self._value(column, cell, raw, row, notes)
                if value not in (None, "", ()):
                    values[key] = value
            result.append(self._activity(raw, row, department, values, notes))
        return result, notes

    def _activity(
        self, raw: RawMeldebogen, row: RawRow, department: str, values: dict[str, Any], notes: list[Finding]
    ) -> Activity:
        source = Source(raw.file, raw.sheet, row.number, {key: cell.ref for key, cell in row.cells.items()})
        given = values.pop("nr", None)
        if given:
            return Activity(str(given), department, source, values)
        number = self._new_ids.get(department, 0) + 1
        self._new_ids[department] = number
        assigned = f"{department}-neu-{number}"
        nr_column = self.settings.column("nr")
        ref = f"{_letter(raw, 'nr') or 'A'}{row.number}"
        notes.append(
            F.ID_ASSIGNED.at(
                raw.file,
                f"Das Vorhaben hat keine Nr.; es wird vorläufig als {assigned} geführt. Ist es neu, ist das "
                "richtig; setzt es ein Vorhaben des Vorjahres fort, tragen Sie dessen Nr. ein.",
                sheet=raw.sheet,
                cell=ref,
                row=row.number,
                column=nr_column.title,
                suggestion=assigned,
            )
        )
        return Activity(assigned, department, source, values, id_assigned=True)

    def _value(self, column: Column, cell: RawCell, raw: RawMeldebogen, row: RawRow, notes: list[Finding]) -> Any:
        place: dict[str, Any] = {"sheet": raw.sheet, "cell": cell.ref, "row": row.number, "column": column.title}
        if column.type is ColumnType.DATE:
            parsed = parse_date(cell.value)
            if parsed is not None and isinstance(cell.value, str) and cell.value.strip() != str(parsed):
                notes.append(
                    F.NORMALISED_DATE.at(
                        raw.file,
                        f"Das Datum „{cell.value}“ wurde als {parsed} gelesen.",
                        value=cell.value,
                        suggestion=str(parsed),
                        **place,
                    )
                )
            return parsed
        if column.type is ColumnType.NUMBER:
            return parse_number(cell.value)
        cleaned = clean_text(cell.value)
        if cleaned.changed and isinstance(cell.value, str) and not cleaned.removed_characters:
            notes.append(
                F.NORMALISED_TEXT.at(
                    raw.file,
                    "Leerzeichen oder Zeichenkodierung wurden vereinheitlicht.",
                    value=cell.value,
                    suggestion=cleaned.text,
                    **place,
                )
            )
        text = cleaned.text
        if column.type is ColumnType.VOCABULARY and column.vocabulary:
            allowed = self.settings.vocabularies[column.vocabulary].normalise(text)
            if allowed is not None and allowed != text:
                notes.append(
                    F.NORMALISED_SYNONYM.at(
                        raw.file,
                        f"„{text}“ wurde als „{allowed}“ übernommen.",
                        value=text,
                        suggestion=allowed,
                        **place,
                    )
                )
            return allowed or text
        if column.type is ColumnType.LIST:
            return self._list(column, text, raw, place, notes)
        return text

    def _list(
        self, column: Column, text: str, raw: RawMeldebogen, place: dict[str, Any], notes: list[Finding]
    ) -> tuple[str, ...]:
        items = split_list(text)
        if column.key != "partner" or not self.partners:
            return tuple(sorted(dict.fromkeys(items), key=str.casefold))
        result = []
        for item in items:
            canonical = self.partners.canonical(item)
            if canonical is not None and canonical != item:
                notes.append(
                    F.NORMALISED_PARTNER.at(
                        raw.file,
                        f"„{item}“ wurde als „{canonical}“ übernommen.",
                        value=item,
                        suggestion=canonical,
                        **place,
                    )
                )
            result.append(canonical or item)
        return tuple(sorted(dict.fromkeys(result), key=str.casefold))


def _letter(raw: RawMeldebogen, key: str) -> str | None:
    index = raw.columns.get(key)
    if index is None:
        return None
    return raw.header[index - 1].ref.rstrip("0123456789")
