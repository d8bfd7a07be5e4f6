"""Checks of the values in each data row: required, vocabulary, partners, dates, lengths."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from .. import findings as F
from ..config import Column, ColumnType, Settings
from ..findings import Finding
from ..read import RawCell, RawMeldebogen, RawRow
from ..values import PartialDate, PartnerIndex, clean_text, parse_date, parse_number, split_list, vocabulary_suggestion


class RowChecker:
    """Checks every value of the rows of one year's Meldebögen."""

    def __init__(self, settings: Settings, year: int | None, today: dt.date) -> None:
        self.settings = settings
        self.year = year
        self.today = today
        self.partners = PartnerIndex(settings.partners)

    def check(self, raw: RawMeldebogen) -> Iterator[Finding]:
        """Every finding about the values of `raw`'s rows."""
        for row in raw.rows:
            yield from self._row(raw, row)

    def _row(self, raw: RawMeldebogen, row: RawRow) -> Iterator[Finding]:
        dates: dict[str, tuple[PartialDate, RawCell]] = {}
        for column in self.settings.columns:
            if column.key not in raw.columns:
                continue
            cell = row.cells.get(column.key)
            place: dict[str, Any] = {"sheet": raw.sheet, "row": row.number, "column": column.title}
            if column.key in row.errors:
                yield error_value(raw.file, row.errors[column.key], place)
                continue
            if cell is None:
                if column.required:
                    ref = f"{raw.header[raw.columns[column.key] - 1].ref.rstrip('0123456789')}{row.number}"
                    yield F.REQUIRED_MISSING.at(
                        raw.file,
                        f"„{column.title}“ ist eine Pflichtangabe und fehlt. {column.help}".strip(),
                        cell=ref,
                        **place,
                    )
                continue
            place["cell"] = cell.ref
            yield from self._cell(raw.file, column, cell, place, dates)
        yield from self._dates(raw, row, dates)

    def _cell(
        self, file: str, column: Column, cell: RawCell, place: dict[str, Any], dates: dict[str, Any]
    ) -> Iterator[Finding]:
        if column.type is ColumnType.DATE:
            parsed = parse_date(cell.value)
            if parsed is None:
                yield F.DATE_UNREADABLE.at(
                    file,
                    f"„{cell.value}“ ist kein lesbares Datum. Erlaubt sind ein Datum (01.03.2022), ein Monat "
                    "(03/2022) oder ein Jahr (2022).",
                    value=_shown(cell.value),
                    **place,
                )
            else:
                dates[column.key] = (parsed, cell)
            return
        if column.type is ColumnType.NUMBER:
            if parse_number(cell.value) is None:
                yield F.NUMBER_UNREADABLE.at(
                    file,
                    f"„{cell.value}“ ist keine Zahl. Bitte nur die Zahl eintragen, z. B. 12500,50.",
                    value=_shown(cell.value),
                    **place,
                )
            return
        cleaned = clean_text(cell.value)
        if cleaned.removed_characters:
            yield F.BAD_CHARACTERS.at(
                file,
                "Unsichtbare Steuerzeichen wurden entfernt; bitte den Text prüfen.",
                value=_shown(cell.value),
                suggestion=cleaned.text,
                **place,
            )
        if column.max_length and len(cleaned.text) > column.max_length:
            yield F.TEXT_TOO_LONG.at(
                file,
                f"Der Text ist {len(cleaned.text)} Zeichen lang; für die Tabelle der Anlage sind höchstens "
                f"{column.max_length} vorgesehen. Bitte kürzen.",
                value=cleaned.text[:80] + "…",
                **place,
            )
        if column.type is ColumnType.VOCABULARY and column.vocabulary:
            vocabulary = self.settings.vocabularies[column.vocabulary]
            if vocabulary.normalise(cleaned.text) is None:
                suggestion = vocabulary_suggestion(vocabulary, cleaned.text)
                yield F.NOT_IN_VOCABULARY.at(
                    file,
                    f"„{cleaned.text}“ ist für „{column.title}“ nicht vorgesehen. Erlaubt: "
                    f"{'; '.join(vocabulary.values)}." + (f" Gemeint ist wohl „{suggestion}“." if suggestion else ""),
                    value=cleaned.text,
                    suggestion=suggestion,
                    **place,
                )
        if column.type is ColumnType.LIST and column.key == "partner" and self.partners:
            for item in split_list(cleaned.text):
                if self.partners.canonical(item) is None:
                    suggestion = self.partners.suggest(item)
                    yield F.PARTNER_UNKNOWN.at(
                        file,
                        f"„{item}“ steht nicht im Partnerverzeichnis."
                        + (f" Gemeint ist wohl „{suggestion}“." if suggestion else "")
                        + " Bitte den Namen prüfen oder den Partner in koopbericht.toml ergänzen.",
                        value=item,
                        suggestion=suggestion,
                        **place,
                    )

    def _dates(self, raw: RawMeldebogen, row: RawRow, dates: dict[str, Any]) -> Iterator[Finding]:
        start = dates.get("beginn")
        end = dates.get("ende")
        status_cell = row.cells.get("status")
        status = None
        if status_cell is not None:
            status = self.settings.vocabularies["status"].normalise(clean_text(status_cell.value).text)
        end_title = self.settings.column("ende").title
        place: dict[str, Any] = {"sheet": raw.sheet, "row": row.number}
        if start and end and end[0].last_day() < start[0].first_day():
            yield F.END_BEFORE_START.at(
                raw.file,
                f"Das Ende ({end[0]}) liegt vor dem Beginn ({start[0]}). Bitte beide Daten prüfen.",
                cell=end[1].ref,
                column=end_title,
                value=str(end[0]),
                **place,
            )
        if status_cell is not None and status is not None:
            yield from self._status(raw.file, status, status_cell, end, place)
        if self.year is not None:
            first, last = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
            ended_before = end is not None and end[0].last_day() < first
            starts_after = start is not None and start[0].first_day() > last and status != "geplant"
            if ended_before or starts_after:
                cell = end if ended_before else start
                assert cell is not None
                yield F.OUTSIDE_YEAR.at(
                    raw.file,
                    f"Das Vorhaben liegt ganz außerhalb des Berichtsjahres {self.year} "
                    f"({'endete' if ended_before else 'beginnt'} {cell[0]}). Gehört es in diesen Bericht?",
                    cell=cell[1].ref,
                    column=self.settings.column("ende" if ended_before else "beginn").title,
                    value=str(cell[0]),
                    **place,
                )

    def _status(
        self, file: str, status: str, cell: RawCell, end: tuple[PartialDate, RawCell] | None, place: dict[str, Any]
    ) -> Iterator[Finding]:
        title = self.settings.column("status").title
        problem = None
        suggestion = None
        if status == "abgeschlossen" and end is None:
            problem = "Das Vorhaben ist „abgeschlossen“, aber es ist kein Ende angegeben. Bitte das Ende eintragen."
        elif status == "abgeschlossen" and end is not None and end[0].first_day() > self.today:
            problem = f"Das Vorhaben ist „abgeschlossen“, das Ende ({end[0]}) liegt aber in der Zukunft."
            suggestion = "laufend"
        elif status == "laufend" and end is not None and end[0].last_day() < self.today:
            problem = f"Das Vorhaben ist „laufend“, das Ende ({end[0]}) liegt aber in der Vergangenheit."
            suggestion = "abgeschlossen"
        if problem:
            yield F.STATUS_VS_DATES.at(
                file, problem, cell=cell.ref, column=title, value=status, suggestion=suggestion, **place
            )


# Excel stores error values in English; a German Excel shows them as these.
GERMAN_ERRORS = {
    "#N/A": "#NV",
    "#VALUE!": "#WERT!",
    "#REF!": "#BEZUG!",
    "#NUM!": "#ZAHL!",
    "#NAME?": "#NAME?",
    "#DIV/0!": "#DIV/0!",
    "#NULL!": "#NULL!",
    # Newer error values (dynamic arrays, linked data); others (#FIELD!, #BLOCKED!, …) keep their name.
    "#SPILL!": "#ÜBERLAUF!",
    "#CALC!": "#KALK!",
    "#GETTING_DATA": "#DATEN_ABRUFEN",
}


def error_value(file: str, cell: RawCell, place: dict[str, Any]) -> Finding:
    """The finding for a cell (or header cell) that shows an error value instead of a value."""
    shown = GERMAN_ERRORS.get(cell.value, cell.value) or "Fehler"
    also = f" ({cell.value})" if shown != cell.value else ""
    return F.ERROR_VALUE.at(
        file,
        f"Die Zelle zeigt den Fehlerwert „{shown}“{also} statt eines Werts, meist das Ergebnis einer Formel, die "
        "nicht rechnen kann. Bitte die Formel korrigieren oder den Wert direkt eintragen.",
        cell=cell.ref,
        value=shown,
        **place,
    )


def _shown(value: Any) -> Any:
    return value if isinstance(value, str | int | float) else str(value)
