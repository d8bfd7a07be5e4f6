"""The rows below the header: cells of known columns, error values, unknown columns, stray values."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from ..formatting import german_number
from .a1 import column_letter, split_ref
from .errors import UnreadableWorkbook
from .extent import MAX_FOOT_ROWS, is_note
from .kinds import ColumnKinds
from .raw import RawCell, RawMeldebogen, RawRow, UnknownColumn

MAX_DATA_ROWS = 100_000
# Values kept of a column koopbericht does not know, to guess which known column it is.
UNKNOWN_SAMPLES = 50

# RawCell's own constructor checks its arguments by name; the rows below build thousands a
# second with the two values in place, as the tuple they are.
_new_cell = tuple.__new__


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class DataRows:
    """Reads the rows below the header into `raw`: known columns, error values, cells outside the table.

    Rows that read as notes (footnotes, sources, a legend) are held back: followed by a data row
    they are data after all; at the end of the sheet they are the table's foot (`raw.foot`).
    """

    def __init__(
        self, raw: RawMeldebogen, kinds: ColumnKinds | None = None, only: frozenset[str] | None = None
    ) -> None:
        self.raw, self.header_row = raw, raw.header_end
        self.kinds = kinds or ColumnKinds({})
        # Where a row with a value is an activity whatever else it holds (list indexes).
        self.required = [raw.columns[key] - 1 for key in self.kinds.required if key in raw.columns]
        # Rows with an error value (#NV), which calamine reads as empty: never blank, never a note.
        self.error_rows = {split_ref(ref)[1] for ref in raw.structure.error_cells}
        self.first_column = next((index for index, cell in enumerate(raw.header, start=1) if cell.title), 1)
        # (key, list index, column letter) of each known column, in the order of raw.columns.
        self.known = [
            (key, index - 1, column_letter(index)) for key, index in raw.columns.items() if only is None or key in only
        ]
        # Columns of the table without a heading: their values are not read, and that is said.
        self.untitled = [index for index, cell in enumerate(raw.header, start=1) if not cell.title]
        self.outside: dict[int, RawCell] = {}
        self.beside = only is None  # whether values beside the table and in unknown columns are looked for
        raw.unknown_columns = {
            index: UnknownColumn(cell.title, cell.ref)
            for index, cell in enumerate(raw.header, start=1)
            if cell.title and cell.key is None and self.beside
        }

    def read(self, rows: Iterable[tuple[int, list[Any]]]) -> None:
        """Read every data row; stop at the last row with a value."""
        raw, structure = self.raw, self.raw.structure
        last_row = structure.last_value_row
        self.count = 0
        held: list[tuple[int, list[Any]]] = []  # note-like rows, data only if a data row follows
        previous = self.header_row  # the last row with a value
        for number, values in rows:
            if number <= self.header_row:
                continue
            if number > last_row:
                break
            if number not in self.error_rows and not self._activity_for_sure(values):
                if all(_blank(value) for value in values):
                    continue
                if is_note(values, self.first_column, raw.columns, self.kinds, number > previous + 1 or bool(held)):
                    held.append((number, list(values)))
                    previous = number
                    if len(held) > MAX_FOOT_ROWS:  # so many are no foot but rows of the table
                        self._take_held(held)
                    continue
            self._take_held(held)
            self._take(number, values)
            previous = number
        raw.foot = [_first_cell(number, values) for number, values in held]
        # The streamed reader reads only the table's width; the furthest cell is known from the scan.
        width = len(raw.header)
        far = structure.max_column_ref
        if self.beside and structure.max_column > width and far and split_ref(far)[1] > self.header_row:
            self.outside.setdefault(structure.max_column, RawCell("", far))
        raw.outside_cells = [self.outside[index] for index in sorted(self.outside)]

    def _activity_for_sure(self, values: list[Any]) -> bool:
        """Whether the row has a value in a required column: then it is an activity, wherever it stands."""
        size = len(values)
        return any(index < size and not _blank(values[index]) for index in self.required)

    def _take_held(self, held: list[tuple[int, list[Any]]]) -> None:
        """Read the note-like rows held back as rows of the table after all (a data row follows them)."""
        for number, values in held:
            self._take(number, values)
        held.clear()

    def _take(self, number: int, values: list[Any]) -> None:
        """Read one row of the table."""
        raw = self.raw
        width = len(raw.header)
        if self.beside and (self.untitled or len(values) > width):
            self._outside(number, values, width)
        if raw.unknown_columns:
            self._unknown(values)
        row = self._row(number, values)
        if row is None:
            return
        self.count += 1
        if self.count > MAX_DATA_ROWS:
            raise UnreadableWorkbook(
                "too-large",
                f"Das Blatt „{raw.sheet}“ hat mehr als {german_number(MAX_DATA_ROWS)} Datenzeilen.",
            )
        raw.rows.append(row)

    def _row(self, number: int, values: list[Any]) -> RawRow | None:
        errors_in_sheet = self.raw.structure.error_cells
        cells: dict[str, RawCell] = {}
        errors: dict[str, RawCell] = {}
        size, row = len(values), str(number)
        for key, index, letter in self.known:
            if errors_in_sheet and letter + row in errors_in_sheet:
                ref = letter + row
                errors[key] = RawCell(errors_in_sheet[ref], ref)
                continue
            value = values[index] if index < size else None
            if value is None or value == "" or (isinstance(value, str) and not value.strip()):
                continue
            cells[key] = _new_cell(RawCell, (value, letter + row))
        if not cells and not errors:
            return None
        return RawRow(number, cells, number in self.raw.structure.hidden_rows, errors)

    def _unknown(self, values: list[Any]) -> None:
        for index, column in self.raw.unknown_columns.items():
            value = values[index - 1] if index - 1 < len(values) else None
            if not _blank(value):
                column.values += 1
                if len(column.samples) < UNKNOWN_SAMPLES:
                    column.samples.append(value)

    def _outside(self, number: int, values: list[Any], width: int) -> None:
        candidates = itertools.chain(self.untitled, range(width + 1, len(values) + 1))
        for index in candidates:
            if index in self.outside or index > len(values):
                continue
            value = values[index - 1]
            if not _blank(value):
                self.outside[index] = RawCell(value, f"{column_letter(index)}{number}")


def _first_cell(number: int, values: list[Any]) -> RawCell:
    """The first filled cell of a row, with its reference."""
    index, value = next((i, v) for i, v in enumerate(values, start=1) if not _blank(v))
    return RawCell(value, f"{column_letter(index)}{number}")
