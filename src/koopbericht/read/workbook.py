"""Reading one Meldebogen: find the header in any sheet, map the columns, stream the rows.

Values come from openpyxl in read-only, values-only mode (memory stays flat); the
facts it cannot see come from `structure.scan_sheet`. Every value keeps its cell
reference so that each finding can name it.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

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
    """A non-empty cell value as openpyxl read it, with its A1 reference."""

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
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions; irrelevant here
        try:
            workbook = load_workbook(path, read_only=True, data_only=True, keep_links=False)
        except UnreadableWorkbook:
            raise
        except Exception as exc:
            raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt ({type(exc).__name__}: {exc}).") from None
        try:
            return _read(workbook, sheets, path, file, settings)
        except UnreadableWorkbook:
            raise
        except Exception as exc:  # openpyxl fails in many ways on broken parts
            raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt ({type(exc).__name__}: {exc}).") from None
        finally:
            workbook.close()


def _read(workbook: Any, sheets: list[SheetInfo], path: Path, file: str, settings: Settings) -> RawMeldebogen:
    labels = header_labels(settings)
    best: tuple[int, SheetInfo, int, list[Any]] | None = None
    # Visible sheets first; a hidden sheet is used only when no visible one has a header.
    for group in ([s for s in sheets if not s.hidden], [s for s in sheets if s.hidden]):
        for info in group:
            found = _find_header(workbook[info.name], labels) if info.name in workbook.sheetnames else None
            if found and (best is None or found[0] > best[0]):
                best = (found[0], info, found[1], found[2])
        if best:
            break
    if best is None:
        names = ", ".join(f"„{s.name}“" for s in sheets) or "keine"
        raise UnreadableWorkbook(
            "header",
            f"In keinem Blatt ({names}) wurde eine Kopfzeile gefunden. Erwartet wird eine Zeile mit "
            "Spaltenüberschriften wie „Vorhaben“, „Kooperationspartner“ und „Status“.",
        )
    _, info, header_row, header_values = best
    header = _map_header(header_values, header_row, labels)
    columns: dict[str, int] = {}
    for index, cell in enumerate(header, start=1):
        if cell.key and cell.key not in columns:
            columns[cell.key] = index
    structure = scan_sheet(path, info.part)
    result = RawMeldebogen(path, file, info.name, header_row, header, columns, structure=structure)
    if structure.last_value_row - header_row > MAX_DATA_ROWS:
        raise UnreadableWorkbook(
            "too-large", f"Das Blatt „{info.name}“ hat mehr als {MAX_DATA_ROWS:,} Datenzeilen.".replace(",", ".")
        )
    result.rows = list(_data_rows(workbook[info.name], header_row, len(header), columns, structure))
    for other in sheets:
        if other.name in (info.name, TEMPLATE_LIST_SHEET) or not other.hidden:
            continue
        if scan_sheet(path, other.part).value_cells:
            result.hidden_sheets_with_data.append(other.name)
    return result


def _find_header(sheet: Any, labels: dict[str, str]) -> tuple[int, int, list[Any]] | None:
    best: tuple[int, int, list[Any]] | None = None
    for number, values in enumerate(sheet.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True), 1):
        keys = {labels.get(match_key(v)) for v in values if isinstance(v, str)} - {None}
        if len(keys) >= MIN_HEADER_MATCHES and (best is None or len(keys) > best[0]):
            best = (len(keys), number, list(values))
    return best


def _map_header(values: list[Any], row: int, labels: dict[str, str]) -> list[HeaderCell]:
    while values and (values[-1] is None or str(values[-1]).strip() == ""):
        values = values[:-1]
    header = []
    for index, value in enumerate(values, start=1):
        title = "" if value is None else str(value).strip()
        key = labels.get(match_key(title)) if title else None
        header.append(HeaderCell(title, f"{get_column_letter(index)}{row}", key))
    return header


def _data_rows(sheet: Any, header_row: int, width: int, columns: dict[str, int], structure: SheetStructure) -> Any:
    if structure.last_value_row <= header_row or width == 0:
        return
    letters = {key: get_column_letter(index) for key, index in columns.items()}
    rows = sheet.iter_rows(min_row=header_row + 1, max_row=structure.last_value_row, max_col=width, values_only=True)
    for number, values in enumerate(rows, start=header_row + 1):
        cells = {}
        for key, index in columns.items():
            value = values[index - 1] if index - 1 < len(values) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            cells[key] = RawCell(value, f"{letters[key]}{number}")
        if cells:
            yield RawRow(number, cells, number in structure.hidden_rows)
