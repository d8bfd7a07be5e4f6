"""What calamine cannot see in an OpenDocument spreadsheet, read from its `content.xml`.

The counterpart of `structure` for .ods: one streamed pass with expat (refusing DTDs
and entities, as for xlsx) collects, per table, the hidden rows, merged ranges,
formulas without a calculated value, error values and the extent of the values.
Positions are counted as LibreOffice Calc shows them, the way calamine counts them
too: every `table:table-row` (also inside header rows and row groups) advances the
row by its `table:number-rows-repeated`, every `table:table-cell` and
`table:covered-table-cell` the column by its `table:number-columns-repeated`.
What stands inside a cell (paragraphs, comments, a table in a text box) is its
content, never a row or cell of the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

from .a1 import column_letter
from .errors import UnreadableWorkbook
from .package import RESEND, XML_BOMB, CheckedStream, Package
from .sheetfacts import MAX_COLUMN, MAX_ROW, SheetStructure
from .xmlguard import guarded_parser

CONTENT = "content.xml"
# calamine holds every table of an .ods in memory as soon as it opens the file: more
# cells than this from A1 to the furthest value (all tables together) are refused.
MAX_ODS_CELLS = 2_000_000
# Merged ranges recorded per table; each is a finding, and more help nobody.
MAX_MERGES = 10_000
# Attributes that give a cell a value calamine reads (office:string-value only when not empty).
_VALUE_ATTRIBUTES = ("office:value", "office:date-value", "office:time-value", "office:boolean-value")
_CELLS = ("table:table-cell", "table:covered-table-cell")


@dataclass
class OdsTable:
    """One table (sheet) of the document: name, whether it is hidden, and what its XML shows."""

    name: str
    style: str
    structure: SheetStructure = field(default_factory=SheetStructure)
    hidden: bool = False
    # Cells calamine holds from A1 to its furthest non-empty cell (values and formulas).
    extent: tuple[int, int] = (0, 0)


def scan_content(package: Package) -> list[OdsTable]:
    """Stream `content.xml` and return its tables in order, with their structure."""
    scanner = _ContentScanner()
    try:
        with package.open(CONTENT) as stream:
            scanner.parser.ParseFile(CheckedStream(stream, CONTENT))
    except _Forbidden:
        raise UnreadableWorkbook("damaged", XML_BOMB) from None
    except (expat.ExpatError, LookupError) as exc:  # broken XML, or an encoding nobody knows
        line = getattr(exc, "lineno", None)
        where = f" (Zeile {line} des XML)" if line else ""
        what = f"der Inhalt der OpenDocument-Tabelle ist nicht lesbar{where}"
        raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt: {what}. {RESEND}") from None
    for table in scanner.tables:
        table.hidden = table.style in scanner.hidden_styles
    return scanner.tables


class _Forbidden(Exception):
    """A DTD or entity declaration: never legitimate in content.xml, the stuff of XML bombs."""


def _forbid(*_: object) -> int:
    raise _Forbidden


def _damaged(sheet: str, what: str) -> UnreadableWorkbook:
    return UnreadableWorkbook("damaged", f"Die Datei ist beschädigt: im Blatt „{sheet}“ {what}. {RESEND}")


def _count(value: str | None, sheet: str) -> int:
    """A repeat or span count (1 when absent); anything but a positive number is damage."""
    if value is None:
        return 1
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise _damaged(sheet, f"steht eine ungültige Wiederholungsangabe „{value[:20]}“")
    return int(value)


@dataclass
class _Cell:
    """The cell being read: where it stands and what its attributes say."""

    rows: range
    columns: range
    attributes: dict[str, str]
    text: list[str] = field(default_factory=list)
    depth: int = 0  # elements open inside the cell
    annotation: int = 0  # depth at which a comment opened (its text is not the cell's)


class _ContentScanner:
    """Callbacks for tables, rows and cells; a cell's own content only for its text."""

    def __init__(self) -> None:
        self.tables: list[OdsTable] = []
        self.hidden_styles: set[str] = set()
        self.style: str | None = None  # the table style being read in the automatic styles
        self.table: OdsTable | None = None
        self.nested = 0  # tables inside the current table outside cells (not sheets)
        self.row, self.rows = 0, range(0)
        self.row_hidden = False
        self.groups: list[bool] = []  # row groups open, and whether each is collapsed
        self.column = 0
        self.cell: _Cell | None = None
        self.total = 0  # extent of the tables done so far
        parser = guarded_parser(_forbid)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        parser.buffer_text = True
        self.parser = parser

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        cell = self.cell
        if cell is not None:
            cell.depth += 1
            if name == "office:annotation" and not cell.annotation:
                cell.annotation = cell.depth
        elif name in _CELLS:
            self._start_cell(name, attributes)
        elif name == "table:table-row":
            self._start_row(attributes)
        elif name == "table:table":
            self._start_table(attributes)
        elif name == "table:table-row-group":
            self.groups.append(attributes.get("table:display") == "false")
        elif name == "style:style":
            self.style = attributes.get("style:name") if attributes.get("style:family") == "table" else None
        elif name == "style:table-properties" and self.style and attributes.get("table:display") == "false":
            self.hidden_styles.add(self.style)

    def _end(self, name: str) -> None:
        cell = self.cell
        if cell is not None:
            if cell.depth == 0:
                self.cell = None
                self._end_cell(cell)
                return
            if cell.annotation == cell.depth:
                cell.annotation = 0
            cell.depth -= 1
        elif name == "table:table":
            self._end_table()
        elif name == "table:table-row-group" and self.groups:
            self.groups.pop()
        elif name == "style:style":
            self.style = None

    def _text(self, data: str) -> None:
        cell = self.cell
        if cell is not None and not cell.annotation:
            cell.text.append(data)

    def _start_table(self, attributes: dict[str, str]) -> None:
        # A table inside a sheet, or one without a name (a DDE link's cache), is no sheet: calamine skips it too.
        if self.table is not None or self.nested or "table:name" not in attributes:
            self.nested += 1
            return
        self.table = OdsTable(attributes.get("table:name", ""), attributes.get("table:style-name", ""))
        self.row, self.rows, self.column, self.groups = 0, range(0), 0, []

    def _end_table(self) -> None:
        if self.nested:  # the end of a table that is no sheet
            self.nested -= 1
        elif self.table is not None:
            rows, columns = self.table.extent
            self.total += rows * columns
            self.tables.append(self.table)
            self.table = None

    def _start_row(self, attributes: dict[str, str]) -> None:
        if self.table is None or self.nested:
            return
        repeat = _count(attributes.get("table:number-rows-repeated"), self.table.name)
        self.rows = range(self.row + 1, self.row + repeat + 1)
        self.row += repeat
        self.row_hidden = attributes.get("table:visibility") in ("collapse", "filter") or any(self.groups)
        self.column = 0

    def _start_cell(self, name: str, attributes: dict[str, str]) -> None:
        if self.table is None or self.nested or not self.rows:
            return
        repeat = _count(attributes.get("table:number-columns-repeated"), self.table.name)
        columns = range(self.column + 1, self.column + repeat + 1)
        self.column += repeat
        if name == "table:covered-table-cell":
            attributes.pop("table:number-columns-spanned", None)
            attributes.pop("table:number-rows-spanned", None)
        self.cell = _Cell(self.rows, columns, attributes)

    def _end_cell(self, cell: _Cell) -> None:
        table = self.table
        assert table is not None
        attributes = cell.attributes
        kind = attributes.get("office:value-type")
        text = "".join(cell.text)
        error = attributes.get("calcext:value-type") == "error"
        if "office:string-value" in attributes:
            has_value = attributes["office:string-value"] != ""
        else:
            has_value = any(a in attributes for a in _VALUE_ATTRIBUTES) or (kind == "string" and text != "")
        formula = "table:formula" in attributes
        # What calamine holds as not empty (also "" as a string value) counts towards its extent.
        calculated = kind == "string" or any(a in attributes for a in (*_VALUE_ATTRIBUTES, "office:string-value"))
        if calculated or error or formula:
            self._extend(table, cell)
        facts = table.structure
        if has_value or error:
            _record_value(facts, cell, hidden=self.row_hidden)
            if error:
                error_text = text.strip() or "#FEHLER"
                facts.error_cells.update((_ref(c, r), error_text) for r in cell.rows for c in cell.columns)
        elif formula and not calculated:
            facts.formulas_without_value.extend(_ref(c, r) for r in cell.rows for c in cell.columns)
            facts.last_value_row = max(facts.last_value_row, cell.rows[-1])
        self._merge(table, cell)

    def _extend(self, table: OdsTable, cell: _Cell) -> None:
        """Widen the table's extent by a non-empty cell; refuse values outside the grid or too far out."""
        last_row, last_column = cell.rows[-1], cell.columns[-1]
        if last_row > MAX_ROW or last_column > MAX_COLUMN:
            raise _damaged(table.name, "liegen Werte außerhalb des Tabellenbereichs")
        rows, columns = table.extent
        table.extent = (max(rows, last_row), max(columns, last_column))
        if self.total + table.extent[0] * table.extent[1] > MAX_ODS_CELLS:
            raise too_far(table.name, _ref(last_column, last_row))

    def _merge(self, table: OdsTable, cell: _Cell) -> None:
        attributes = cell.attributes
        spanned = attributes.get("table:number-columns-spanned"), attributes.get("table:number-rows-spanned")
        if spanned == (None, None):
            return
        across, down = _count(spanned[0], table.name), _count(spanned[1], table.name)
        merged = table.structure.merged_ranges
        if (across, down) == (1, 1) or len(merged) >= MAX_MERGES:
            return
        for row in cell.rows:
            for column in cell.columns:
                last_row, last_column = min(row + down - 1, MAX_ROW), min(column + across - 1, MAX_COLUMN)
                if row <= MAX_ROW and column <= MAX_COLUMN and len(merged) < MAX_MERGES:
                    merged.append(f"{_ref(column, row)}:{_ref(last_column, last_row)}")


def _record_value(facts: SheetStructure, cell: _Cell, *, hidden: bool) -> None:
    """Count the cell's positions as values, as the xlsx scan counts a cell with a value."""
    rows, columns = cell.rows, cell.columns
    facts.value_cells += len(rows) * len(columns)
    facts.last_value_row = max(facts.last_value_row, rows[-1])
    if rows[-1] > facts.max_row:
        facts.max_row, facts.max_row_ref = rows[-1], _ref(columns[0], rows[-1])
    if columns[-1] > facts.max_column:
        facts.max_column, facts.max_column_ref = columns[-1], _ref(columns[-1], rows[0])
    if hidden:
        facts.hidden_rows.update(rows)


def _ref(column: int, row: int) -> str:
    return f"{column_letter(column)}{row}"


def too_far(sheet: str, ref: str) -> UnreadableWorkbook:
    """The refusal of an .ods whose sheet reaches too far for calamine to hold it."""
    return UnreadableWorkbook(
        "too-large",
        f"Das Blatt „{sheet}“ reicht bis zur Zelle {ref}, weit über einen Meldebogen hinaus; eine OpenDocument-Tabelle "
        "dieser Ausdehnung liest koopbericht nicht. Bitte die Werte außerhalb der Tabelle löschen oder die Datei in "
        "LibreOffice als „Excel 2007-365 (.xlsx)“ speichern lassen.",
    )
