"""Checks of each data row: required values, error values, what the cell readers noted, dates and status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..config import Column, Settings
from ..findings import Finding, Location, Severity
from ..findings import catalogue as F
from ..normalise.values import PartialDate, Reading
from ..read import RawCell, RawMeldebogen, RawRow

Dates = dict[str, tuple[PartialDate, RawCell]]
DATE_KEYS = frozenset({"beginn", "ende"})  # the dates that Status and report year are judged by


class RowChecker:
    """Checks every row of one year's Meldebögen, from the cells as read once (`cells.read_rows`)."""

    def __init__(self, settings: Settings, year: int | None, today: dt.date) -> None:
        self.settings = settings
        self.year = year
        self.today = today
        self.status_vocabulary = settings.vocabularies["status"]
        self.titles = {column.key: column.title for column in settings.columns}

    def check(self, raw: RawMeldebogen, readings: list[dict[str, Reading]]) -> Iterator[Finding]:
        """Every finding about the values of `raw`'s rows; `readings` holds each row's cells as read."""
        present = [column for column in self.settings.columns if column.key in raw.columns]
        for row, row_readings in zip(raw.rows, readings, strict=True):
            yield from self._row(raw, present, row, row_readings)

    def _row(
        self, raw: RawMeldebogen, present: list[Column], row: RawRow, readings: dict[str, Reading]
    ) -> Iterator[Finding]:
        dates: Dates = {}
        doubtful = False  # a date flagged wrong (unreadable, an error value): nothing is built on it
        for column in present:
            cell = row.cells.get(column.key)
            if cell is None:
                doubtful |= column.key in DATE_KEYS and column.key in row.errors
                yield from self._empty(raw, column, row)
                continue
            reading = readings[column.key]
            if reading.notes:
                where = Location(raw.sheet, row.number, column.title, cell.ref)
                yield from (n.at(raw.file, where) for n in reading.notes if n.type.severity is not Severity.INFO)
            if reading.valid and isinstance(reading.value, PartialDate):
                dates[column.key] = (reading.value, cell)
            elif column.key in DATE_KEYS:
                doubtful = True
        yield from self._dates(raw, row, dates, readings.get("status"), doubtful)
        yield from self._normalisations(raw, row, readings)

    def _empty(self, raw: RawMeldebogen, column: Column, row: RawRow) -> Iterator[Finding]:
        """An error value where a value belongs, or a required value missing."""
        where = Location(raw.sheet, row.number, column.title)
        if column.key in row.errors:
            yield error_value(raw.file, row.errors[column.key], where)
        elif column.required:
            ref = f"{raw.header[raw.columns[column.key] - 1].ref.rstrip('0123456789')}{row.number}"
            message = f"„{column.title}“ ist eine Pflichtangabe und fehlt. {column.help}".strip()
            yield F.REQUIRED_MISSING.at(raw.file, message, where=where, cell=ref)

    def _normalisations(self, raw: RawMeldebogen, row: RawRow, readings: dict[str, Reading]) -> Iterator[Finding]:
        """The silent normalisations (infos), in the order of the row's cells."""
        for key, cell in row.cells.items():
            notes = readings[key].notes
            if notes:
                where = Location(raw.sheet, row.number, self.titles[key], cell.ref)
                yield from (n.at(raw.file, where) for n in notes if n.type.severity is Severity.INFO)

    def _dates(
        self, raw: RawMeldebogen, row: RawRow, dates: Dates, status_reading: Reading | None, doubtful: bool
    ) -> Iterator[Finding]:
        """Ende before Beginn; then, only where both dates are sound, Status and report year against them.

        One fault, one finding: a Status or a report year judged by a date already flagged wrong
        would give a second finding, and a suggestion built on that date, for the same fault.
        """
        start = dates.get("beginn")
        end = dates.get("ende")
        status_cell = row.cells.get("status")
        status = None
        if status_cell is not None and status_reading is not None and isinstance(status_reading.value, str):
            status = self.status_vocabulary.normalise(status_reading.value)
        end_title = self.titles["ende"]
        where = Location(raw.sheet, row.number)
        if start and end and end[0].last_day() < start[0].first_day():
            yield F.END_BEFORE_START.at(
                raw.file,
                f"Das Ende {end[0]} (Zelle {end[1].ref}) liegt vor dem Beginn {start[0]} (Zelle {start[1].ref}). "
                "Bitte beide Daten prüfen.",
                cell=end[1].ref,
                column=end_title,
                value=str(end[0]),
                where=where,
            )
            return
        if doubtful:
            return
        if status_cell is not None and status is not None:
            yield from self._status(raw.file, status, status_cell, end, where)
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
                    where=where,
                )

    def _status(
        self, file: str, status: str, cell: RawCell, end: tuple[PartialDate, RawCell] | None, where: Location
    ) -> Iterator[Finding]:
        title = self.settings.column("status").title
        problem = None
        suggestion = None
        if status == "abgeschlossen" and end is None:
            problem = "Das Vorhaben ist „abgeschlossen“, aber es ist kein Ende angegeben. Bitte das Ende eintragen."
        elif status == "abgeschlossen" and end is not None and end[0].first_day() > self.today:
            problem = (
                f"Das Vorhaben ist „abgeschlossen“, das Ende {end[0]} (Zelle {end[1].ref}) liegt aber in der Zukunft."
            )
            suggestion = "laufend"
        elif status == "laufend" and end is not None and end[0].last_day() < self.today:
            problem = (
                f"Das Vorhaben ist „laufend“, das Ende {end[0]} (Zelle {end[1].ref}) liegt aber in der Vergangenheit."
            )
            suggestion = "abgeschlossen"
        if problem:
            yield F.STATUS_VS_DATES.at(
                file, problem, cell=cell.ref, column=title, value=status, suggestion=suggestion, where=where
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


def error_value(file: str, cell: RawCell, where: Location) -> Finding:
    """The finding for a cell (or header cell) that shows an error value instead of a value."""
    shown = GERMAN_ERRORS.get(cell.value, cell.value) or "Fehler"
    also = f" ({cell.value})" if shown != cell.value else ""
    return F.ERROR_VALUE.at(
        file,
        f"Die Zelle zeigt den Fehlerwert „{shown}“{also} statt eines Werts, meist das Ergebnis einer Formel, die "
        "nicht rechnen kann. Bitte die Formel korrigieren oder den Wert direkt eintragen.",
        where=where,
        cell=cell.ref,
        value=shown,
    )
