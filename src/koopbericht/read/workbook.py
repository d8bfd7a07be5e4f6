"""Reading one Meldebogen: find the header in any sheet, map the columns, stream the rows.

Values come from python-calamine, which reads xlsx about seven times faster than
openpyxl's read-only mode (Rust, streaming rows); it cannot see hidden rows, error
values or a formula whose value was never calculated, and those facts come from
`structure.scan_sheet`. calamine also holds the whole rectangle from the first to
the furthest cell with content in memory: a sheet whose extent is far larger than a
Meldebogen (one stray value at XFD1048576) is read with openpyxl's streaming reader
instead, only as wide as the header. Every value keeps its cell reference so that
each finding can name it.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine
from python_calamine import CalamineSheet, CalamineWorkbook

from ..config import Settings, match_key
from .a1 import column_letter, split_ref
from .errors import UnreadableWorkbook
from .package import RESEND, ZIP_ERRORS, Package, SheetInfo
from .sheetfacts import SheetStructure
from .sniff import check_package, check_workbook_file
from .structure import scan_sheet

# The hidden sheet in which `koopbericht template` keeps the dropdown values; not data.
TEMPLATE_LIST_SHEET = "Listen"
HEADER_SCAN_ROWS = 30
MIN_HEADER_MATCHES = 2
MAX_DATA_ROWS = 100_000
# Above this many cells from A1 to the furthest content, calamine's dense copy of a sheet
# would cost more memory than the data deserves (about 30 bytes a cell).
MAX_DENSE_CELLS = 2_000_000
# Values kept of a column koopbericht does not know, to guess which known column it is.
UNKNOWN_SAMPLES = 50
# Header cells looked at in a sheet read by the streaming reader.
MAX_HEADER_COLUMNS = 256

_CALAMINE_ERRORS: tuple[type[BaseException], ...] = (python_calamine.CalamineError, *ZIP_ERRORS)


# What openpyxl raises on a package it cannot follow (missing parts, broken XML).
def openpyxl_errors() -> tuple[type[BaseException], ...]:
    """What openpyxl raises on a package it cannot follow (odd name, missing parts, broken XML)."""
    from openpyxl.utils.exceptions import InvalidFileException  # openpyxl only where it is used

    # ZIP_ERRORS includes OSError: the file may also have gone or become unreadable meanwhile.
    return (InvalidFileException, KeyError, ValueError, TypeError, IndexError, AttributeError, SyntaxError, *ZIP_ERRORS)


@dataclass(frozen=True)
class RawCell:
    """A non-empty cell value as read, with its A1 reference."""

    value: Any
    ref: str


@dataclass
class RawRow:
    """One data row: the non-empty cells of known columns, by column key, and cells with error values."""

    number: int
    cells: dict[str, RawCell]
    hidden: bool = False
    # Cells of known columns that hold an error value (#N/A, #DIV/0!, …): value is its text.
    errors: dict[str, RawCell] = field(default_factory=dict)


@dataclass(frozen=True)
class HeaderCell:
    """A header cell as found, and the configured column it maps to (None: unknown)."""

    title: str
    ref: str
    key: str | None


@dataclass
class UnknownColumn:
    """A titled header cell that maps to no configured column, and what stands below it."""

    title: str
    ref: str
    values: int = 0  # how many cells below the header hold a value
    samples: list[Any] = field(default_factory=list)  # the first few of them


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
    # The first cell below the header in each column without a heading, which is not read.
    outside_cells: list[RawCell] = field(default_factory=list)
    # Header cells that hold an error value instead of a title (value: the error's text).
    header_errors: list[RawCell] = field(default_factory=list)
    # Columns with a title koopbericht does not know, by column index (from 1).
    unknown_columns: dict[int, UnknownColumn] = field(default_factory=dict)


def header_labels(settings: Settings) -> dict[str, str]:
    """Every accepted header text (as `match_key`) and the column key it stands for."""
    return {match_key(label): column.key for column in settings.columns for label in column.labels()}


def read_meldebogen(path: Path, file: str, settings: Settings) -> RawMeldebogen:
    """Read the workbook at `path`; raise UnreadableWorkbook when that is impossible."""
    check_workbook_file(path)
    with Package(path) as package:
        workbook_part = check_package(package)
        listed = package.sheets(workbook_part)
        sheets = [s for s in listed if s.kind == "worksheet"]
        if not sheets:
            names = ", ".join(f"„{s.name}“" for s in listed) or "keine"
            raise UnreadableWorkbook(
                "header", f"Die Arbeitsmappe enthält kein Tabellenblatt mit Zellen (Blätter: {names})."
            )
        shared_strings = package.shared_strings(workbook_part)
        structures = {s.part: scan_sheet(package, s, shared_strings) for s in sheets}
        strict = package.is_strict(workbook_part)
    workbook = _open_calamine(path)
    try:
        reader = _Reader(path, workbook, structures, header_labels(settings), strict=strict)
        return reader.read(sheets, file)
    finally:
        if workbook is not None:
            workbook.close()


def _open_calamine(path: Path) -> CalamineWorkbook | None:
    """The workbook opened by calamine, or None where calamine refuses it.

    calamine 0.9 refuses some sound workbooks as a whole: one with an Excel 4 macro
    sheet beside the data ("Unrecognized sheet type"), one whose workbook part is not
    at xl/workbook.xml. By now the package and every worksheet's XML have been checked,
    so such a workbook is read with openpyxl's streaming reader instead.
    """
    try:
        workbook: CalamineWorkbook = _calamine_call(CalamineWorkbook.from_path, str(path))
        return workbook
    except UnreadableWorkbook:
        return None


def _calamine_call(function: Any, *args: Any, sheet: str | None = None) -> Any:
    """Call into calamine; its errors about the file (and Rust panics) mean the file is damaged."""
    try:
        return function(*args)
    except _CALAMINE_ERRORS:
        raise UnreadableWorkbook("damaged", _unreadable(sheet)) from None
    except BaseException as exc:
        # pyo3 turns a Rust panic into PanicException, a BaseException outside Python's tree.
        if type(exc).__name__ == "PanicException":
            raise UnreadableWorkbook("damaged", _unreadable(sheet)) from None
        raise


def _unreadable(sheet: str | None) -> str:
    what = f"das Blatt „{sheet}“" if sheet else "die Arbeitsmappe"
    return f"Die Datei ist beschädigt: {what} lässt sich nicht lesen. {RESEND}"


class _CalamineRows:
    """A calamine sheet as (row number, values from column A) pairs, numbered as in Excel (from 1)."""

    def __init__(self, sheet: CalamineSheet) -> None:
        self.sheet = sheet

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        first_row, first_column = self.sheet.start or (0, 0)
        padding = [""] * first_column
        rows = iter(self.sheet.iter_rows())
        first = next(rows, None)
        if first is None:
            return
        # python-calamine 0.9 yields the empty rows above the first value (older versions did
        # not), but not the empty columns left of it. The row `first_row` always holds a
        # value, so the first row yielded says which numbering this version uses.
        number = first_row + 1 if first_row and any(v != "" for v in first) else 1
        for values in itertools.chain([first], rows):
            yield number, padding + values if padding else values
            number += 1


class _StreamedRows:
    """A sheet read row by row with openpyxl's read-only reader, `width` columns wide."""

    def __init__(self, path: Path, sheet: str, width: int, height: int | None) -> None:
        self.path, self.sheet, self.width, self.height = path, sheet, width, height

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        from openpyxl import load_workbook

        try:
            # A file object, not a path: openpyxl would refuse a name not ending in .xlsx.
            with self.path.open("rb") as stream:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    workbook = load_workbook(stream, read_only=True, data_only=True)
                try:
                    # The extent comes from our scan: openpyxl would trust the sheet's <dimension>.
                    rows = workbook[self.sheet].iter_rows(max_row=self.height, max_col=self.width, values_only=True)
                    numbered = enumerate(rows, start=1)
                    while batch := self._batch(numbered):
                        yield from batch
                finally:
                    workbook.close()
        except openpyxl_errors():
            raise UnreadableWorkbook("damaged", _unreadable(self.sheet)) from None

    @staticmethod
    def _batch(numbered: Iterator[tuple[int, tuple[Any, ...]]]) -> list[tuple[int, list[Any]]]:
        """The next rows that hold a value (up to a few hundred); empty rows are passed over."""
        batch: list[tuple[int, list[Any]]] = []
        empty: tuple[Any, ...] | None = None
        # openpyxl warns about parts it drops (extensions, headers); nothing a clerk can act on.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, values in numbered:
                if values is empty:  # openpyxl yields one and the same tuple for every missing row
                    continue
                if not any(v is not None for v in values):
                    empty = values
                    continue
                batch.append((number, ["" if v is None else v for v in values]))
                if len(batch) >= 500:
                    break
        return batch


class _Reader:
    """Finds the header sheet of one workbook and reads its data rows."""

    def __init__(
        self,
        path: Path,
        workbook: CalamineWorkbook | None,
        structures: dict[str, SheetStructure],
        labels: dict[str, str],
        *,
        strict: bool = False,
    ) -> None:
        self.path, self.workbook, self.structures, self.labels = path, workbook, structures, labels
        self.strict = strict
        self.loaded: dict[str, _CalamineRows] = {}

    def rows(self, info: SheetInfo, width: int, height: int | None = None) -> Iterable[tuple[int, list[Any]]]:
        """The rows of a sheet (up to `height`), from calamine unless its extent is far beyond what data needs.

        A sheet calamine refuses although its XML was scanned whole (calamine 0.9 knows no
        #SPILL! or #CALC! error value) is streamed too; what openpyxl cannot read either is damage.
        """
        structure = self.structures[info.part]
        far = structure.spanned_cells() > MAX_DENSE_CELLS
        if self.workbook is not None and not far and info.part not in self.loaded:
            try:
                sheet = _calamine_call(self.workbook.get_sheet_by_name, info.name, sheet=info.name)
                self.loaded[info.part] = _CalamineRows(sheet)
            except UnreadableWorkbook:
                pass
        if info.part in self.loaded:
            return self.loaded[info.part]
        if self.strict:  # openpyxl cannot read Strict Open XML
            raise UnreadableWorkbook("format", _strict_refusal(info.name, structure if far else None))
        limit = min(height or structure.max_row, structure.max_row) or height
        return _StreamedRows(self.path, info.name, width, limit)

    def read(self, sheets: list[SheetInfo], file: str) -> RawMeldebogen:
        """Find the header (visible sheets first) and read the rows below it."""
        workbook = self.workbook
        names = {s.name for s in sheets} if workbook is None else set(_calamine_call(lambda: workbook.sheet_names))
        best: tuple[int, SheetInfo, int, list[Any]] | None = None
        # Visible sheets first; a hidden sheet is used only when no visible one has a header.
        for group in ([s for s in sheets if not s.hidden], [s for s in sheets if s.hidden]):
            for info in group:
                if info.name not in names:
                    continue
                found = _find_header(self.rows(info, MAX_HEADER_COLUMNS, HEADER_SCAN_ROWS), self.labels)
                if found and (best is None or found[0] > best[0]):
                    best = (found[0], info, found[1], found[2])
                else:
                    self.loaded.pop(info.part, None)  # not the data sheet: let calamine's copy go
            if best:
                break
        if best is None:
            listed = ", ".join(f"„{s.name}“" for s in sheets) or "keine"
            raise UnreadableWorkbook(
                "header",
                f"In keinem Blatt ({listed}) wurde eine Kopfzeile gefunden. Erwartet wird eine Zeile mit "
                "Spaltenüberschriften wie „Vorhaben“, „Kooperationspartner“ und „Status“.",
            )
        _, info, header_row, header_values = best
        header = _map_header(header_values, header_row, self.labels)
        columns: dict[str, int] = {}
        for index, cell in enumerate(header, start=1):
            if cell.key and cell.key not in columns:
                columns[cell.key] = index
        structure = self.structures[info.part]
        result = RawMeldebogen(self.path, file, info.name, header_row, header, columns, structure=structure)
        result.header_errors = [
            RawCell(structure.error_cells[cell.ref], cell.ref) for cell in header if cell.ref in structure.error_cells
        ]
        _DataRows(result, header_row).read(self.rows(info, len(header)))
        result.hidden_sheets_with_data = [
            other.name
            for other in sheets
            if other.hidden
            and other.name not in (info.name, TEMPLATE_LIST_SHEET)
            and self.structures[other.part].value_cells
        ]
        return result


def _find_header(rows: Iterable[tuple[int, list[Any]]], labels: dict[str, str]) -> tuple[int, int, list[Any]] | None:
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


class _DataRows:
    """Reads the rows below the header into `raw`: known columns, error values, cells outside the table."""

    def __init__(self, raw: RawMeldebogen, header_row: int) -> None:
        self.raw, self.header_row = raw, header_row
        self.letters = {key: column_letter(index) for key, index in raw.columns.items()}
        # Columns of the table without a heading: their values are not read, and that is said.
        self.untitled = [index for index, cell in enumerate(raw.header, start=1) if not cell.title]
        self.outside: dict[int, RawCell] = {}
        raw.unknown_columns = {
            index: UnknownColumn(cell.title, cell.ref)
            for index, cell in enumerate(raw.header, start=1)
            if cell.title and cell.key is None
        }

    def read(self, rows: Iterable[tuple[int, list[Any]]]) -> None:
        """Read every data row; stop at the last row with a value."""
        raw, structure = self.raw, self.raw.structure
        width = len(raw.header)
        count = 0
        for number, values in rows:
            if number <= self.header_row:
                continue
            if number > structure.last_value_row:
                break
            self._outside(number, values, width)
            self._unknown(values)
            row = self._row(number, values)
            if row is None:
                continue
            count += 1
            if count > MAX_DATA_ROWS:
                raise UnreadableWorkbook(
                    "too-large",
                    f"Das Blatt „{raw.sheet}“ hat mehr als {MAX_DATA_ROWS:,} Datenzeilen.".replace(",", "."),
                )
            raw.rows.append(row)
        # The streamed reader reads only the table's width; the furthest cell is known from the scan.
        far = structure.max_column_ref
        if structure.max_column > width and far and split_ref(far)[1] > self.header_row:
            self.outside.setdefault(structure.max_column, RawCell("", far))
        raw.outside_cells = [self.outside[index] for index in sorted(self.outside)]

    def _row(self, number: int, values: list[Any]) -> RawRow | None:
        errors_in_sheet = self.raw.structure.error_cells
        cells, errors = {}, {}
        for key, index in self.raw.columns.items():
            ref = f"{self.letters[key]}{number}"
            if errors_in_sheet and ref in errors_in_sheet:
                errors[key] = RawCell(errors_in_sheet[ref], ref)
                continue
            value = values[index - 1] if index - 1 < len(values) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            cells[key] = RawCell(value, ref)
        if not cells and not errors:
            return None
        return RawRow(number, cells, number in self.raw.structure.hidden_rows, errors)

    def _unknown(self, values: list[Any]) -> None:
        for index, column in self.raw.unknown_columns.items():
            value = values[index - 1] if index - 1 < len(values) else None
            if value is not None and not (isinstance(value, str) and not value.strip()):
                column.values += 1
                if len(column.samples) < UNKNOWN_SAMPLES:
                    column.samples.append(value)

    def _outside(self, number: int, values: list[Any], width: int) -> None:
        candidates = itertools.chain(self.untitled, range(width + 1, len(values) + 1))
        for index in candidates:
            if index in self.outside or index > len(values):
                continue
            value = values[index - 1]
            if value is not None and not (isinstance(value, str) and not value.strip()):
                self.outside[index] = RawCell(value, f"{column_letter(index)}{number}")


def _strict_refusal(sheet: str, far: SheetStructure | None) -> str:
    save = "Bitte die Datei als „Excel-Arbeitsmappe (.xlsx)“ speichern lassen."
    if far is None:
        return (
            "Die Datei ist im Format „Strict Open XML“ gespeichert und enthält zudem Teile (etwa ein Makroblatt), "
            f"die koopbericht in diesem Format nicht lesen kann. {save}"
        )
    ref = far.max_column_ref if far.max_column > far.max_row else far.max_row_ref
    return (
        f"Das Blatt „{sheet}“ reicht bis zur Zelle {ref}, weit über die Tabelle hinaus, und die Datei ist im Format "
        f"„Strict Open XML“ gespeichert; so kann koopbericht sie nicht lesen. Bitte die Werte außerhalb der Tabelle "
        f"löschen. {save}"
    )
