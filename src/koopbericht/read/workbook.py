"""Reading one Meldebogen: find the header in any sheet, map the columns, stream the rows.

Values come from python-calamine, which reads xlsx about seven times faster than
openpyxl's read-only mode (Rust, streaming rows); it cannot see hidden rows or a
formula whose value was never calculated, and those facts come from
`structure.scan_sheet`. Every value keeps its cell reference so that each finding
can name it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineSheet, CalamineWorkbook

from ..a1 import column_letter
from ..config import Settings, match_key
from .errors import UnreadableWorkbook
from .sniff import check_workbook_file
from .structure import SheetInfo, SheetStructure, list_sheets, scan_sheet

# The hidden sheet in which `koopbericht template` keeps the dropdown values; not data.
TEMPLATE_LIST_SHEET = "Listen"
HEADER_SCAN_ROWS = 30
MIN_HEADER_MATCHES = 2
MAX_DATA_ROWS = 100_000


@dataclass(frozen=True)
class RawCell:
    """A non-empty cell value as calamine read it, with its A1 reference."""

    value: Any
    ref: str


@dataclass
class RawRow:
    """One data row: the non-empty cells of known columns, by column key."""

    number: int
    cells: dict[str, RawCell]
    hidden: bool = False


@dataclass(frozen=True)
class HeaderCell:
    """A header cell as found, and the configured column it maps to (None: unknown)."""

    title: str
    ref: str
    key: str | None


@dataclass
class RawMeldebogen:
    """Everything read from one workbook, before any check or normalisation."""

    path: Path
    file: str
    sheet: str
    header_row: int
    header: list[HeaderCell]
    columns: dict[str, int]
    rows: list[RawRow] = field(default_factory=list)
    structure: SheetStructure = field(default_factory=SheetStructure)
    hidden_sheets_with_data: list[str] = field(default_factory=list)


def header_labels(settings: Settings) -> dict[str, str]:
    """Every accepted header text (as `match_key`) and the column key it stands for."""
    return {match_key(label): column.key for column in settings.columns for label in column.labels()}


def read_meldebogen(path: Path, file: str, settings: Settings) -> RawMeldebogen:
    """Read the workbook at `path`; raise UnreadableWorkbook when that is impossible."""
    check_workbook_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = list_sheets(archive)
    except zipfile.BadZipFile:
        raise UnreadableWorkbook("damaged", "Die Datei ist beschädigt.") from None
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine reports broken parts with its own exception types
        raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt ({exc}).") from None
    try:
        return _read(workbook, sheets, path, file, settings)
    except UnreadableWorkbook:
        raise
    except Exception as exc:
        raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt ({type(exc).__name__}: {exc}).") from None
    finally:
        workbook.close()


class _Rows:
    """A calamine sheet as (row number, values) pairs, row numbers and columns as in Excel (from 1)."""

    def __init__(self, sheet: CalamineSheet) -> None:
        self.sheet = sheet
        self.first_row, self.first_column = sheet.start or (0, 0)

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        padding = [""] * self.first_column
        for offset, values in enumerate(self.sheet.iter_rows()):
            yield self.first_row + offset + 1, padding + values if padding else values


def _read(workbook: Any, sheets: list[SheetInfo], path: Path, file: str, settings: Settings) -> RawMeldebogen:
    labels = header_labels(settings)
    names = set(workbook.sheet_names)
    best: tuple[int, SheetInfo, int, list[Any], CalamineSheet] | None = None
    # Visible sheets first; a hidden sheet is used only when no visible one has a header.
    for group in ([s for s in sheets if not s.hidden], [s for s in sheets if s.hidden]):
        for info in group:
            if info.name not in names:
                continue
            sheet = workbook.get_sheet_by_name(info.name)
            found = _find_header(_Rows(sheet), labels)
            if found and (best is None or found[0] > best[0]):
                best = (found[0], info, found[1], found[2], sheet)
        if best:
            break
    if best is None:
        listed = ", ".join(f"„{s.name}“" for s in sheets) or "keine"
        raise UnreadableWorkbook(
            "header",
            f"In keinem Blatt ({listed}) wurde eine Kopfzeile gefunden. Erwartet wird eine Zeile mit "
            "Spaltenüberschriften wie „Vorhaben“, „Kooperationspartner“ und „Status“.",
        )
    _, info, header_row, header_values, data_sheet = best
    header = _map_header(header_values, header_row, labels)
    columns: dict[str, int] = {}
    for index, cell in enumerate(header, start=1):
        if cell.key and cell.key not in columns:
            columns[cell.key] = index
    structure = scan_sheet(path, info.part)
    result = RawMeldebogen(path, file, info.name, header_row, header, columns, structure=structure)
    rows_with_data = (data_sheet.start or (0, 0))[0] + data_sheet.height
    if min(structure.last_value_row, rows_with_data) - header_row > MAX_DATA_ROWS:
        raise UnreadableWorkbook(
            "too-large", f"Das Blatt „{info.name}“ hat mehr als {MAX_DATA_ROWS:,} Datenzeilen.".replace(",", ".")
        )
    result.rows = list(_data_rows(_Rows(data_sheet), header_row, columns, structure))
    for other in sheets:
        if other.name in (info.name, TEMPLATE_LIST_SHEET) or not other.hidden:
            continue
        if scan_sheet(path, other.part).value_cells:
            result.hidden_sheets_with_data.append(other.name)
    return result


def _find_header(rows: _Rows, labels: dict[str, str]) -> tuple[int, int, list[Any]] | None:
    best: tuple[int, int, list[Any]] | None = None
    for number, values in rows:
        if number > HEADER_SCAN_ROWS:
            break
        keys = {labels.get(match_key(v)) for v in values if isinstance(v, str) and v} - {None}
        if len(keys) >= MIN_HEADER_MATCHES and (best is None or len(keys) > best[0]):
            best = (len(keys), number, list(values))
    return best


def _map_header(values: list[Any], row: int, labels: dict[str, str]) -> list[HeaderCell]:
    values = list(values)
    while values and (values[-1] is None or str(values[-1]).strip() == ""):
        values = values[:-1]
    header = []
    for index, value in enumerate(values, start=1):
        title = "" if value is None else str(value).strip()
        key = labels.get(match_key(title)) if title else None
        header.append(HeaderCell(title, f"{column_letter(index)}{row}", key))
    return header


def _data_rows(rows: _Rows, header_row: int, columns: dict[str, int], structure: SheetStructure) -> Iterator[RawRow]:
    letters = {key: column_letter(index) for key, index in columns.items()}
    for number, values in rows:
        if number <= header_row:
            continue
        if number > structure.last_value_row:
            break
        cells = {}
        for key, index in columns.items():
            value = values[index - 1] if index - 1 < len(values) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            cells[key] = RawCell(value, f"{letters[key]}{number}")
        if cells:
            yield RawRow(number, cells, number in structure.hidden_rows)
