"""What calamine cannot see, read straight from the sheet XML.

python-calamine yields values only: no hidden rows, no merged ranges, error values
(#N/A) and a formula whose value was never calculated both read as empty, and it
materialises the whole rectangle up to the furthest cell with content before any
size can be checked. A byte search finds the extent and decides whether a sheet has
any other such markup at all; only then is its XML streamed with expat, refusing
DTDs and entities as defusedxml does, to record those facts and the last row that
holds a value (so blank rows in between are read past).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import IO
from xml.parsers import expat

from ..a1 import column_index, column_letter
from .errors import UnreadableWorkbook
from .package import RESEND, Package, zip_damage

# The grid of every Excel version since 2007: a reference beyond it is damage.
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384


def outside_grid(ref: str) -> UnreadableWorkbook:
    """The finding for a cell reference no worksheet can have."""
    return UnreadableWorkbook(
        "damaged", f"Die Datei ist beschädigt: die Zelle „{ref[:20]}“ liegt außerhalb jedes Tabellenblatts. {RESEND}"
    )


def cell_position(letters: str, digits: str) -> tuple[int, int]:
    """(row, column) of a reference such as ("C", "12"); refuse one outside the grid."""
    if len(letters) > 3 or len(digits) > 7:
        raise outside_grid(letters + digits)
    return int(digits), column_index(letters)


@dataclass
class SheetStructure:
    """Facts about one sheet that only its XML shows."""

    hidden_rows: set[int] = field(default_factory=set)
    merged_ranges: list[str] = field(default_factory=list)
    formulas_without_value: list[str] = field(default_factory=list)
    # Cells holding an error value (#N/A, #DIV/0!, …), which calamine reads as empty.
    error_cells: dict[str, str] = field(default_factory=dict)
    last_value_row: int = 0
    value_cells: int = 0
    # The furthest row and column that hold a cell with content, and a cell in each:
    # calamine materialises the whole rectangle up to them.
    max_row: int = 0
    max_column: int = 0
    max_row_ref: str = ""
    max_column_ref: str = ""

    def spanned_cells(self) -> int:
        """How many cells the rectangle from A1 to the furthest content spans."""
        return self.max_row * self.max_column

    def extend(self, ref: str, row: int, column: int) -> None:
        """Take a cell with content at (`row`, `column`) into the extent; refuse one outside the grid."""
        if not (1 <= row <= MAX_ROW and 1 <= column <= MAX_COLUMN):
            raise outside_grid(ref)
        if row > self.max_row:
            self.max_row, self.max_row_ref = row, ref
        if column > self.max_column:
            self.max_column, self.max_column_ref = column, ref


# Markup that only the full scan can interpret; without it a sheet needs no scan at all.
_NEEDS_SCAN = re.compile(
    rb"<(?:\w+:)?(?:f|mergeCell)[\s/>]|\bhidden=\"(?:1|true)\"|\bt=\"e\"|<!DOCTYPE|<!ENTITY"
    # a cell without a reference: its place follows from the cells before it
    rb"|<(?:\w+:)?c(?:\s(?![^>]*\br=)[^>]*)?>"
)
# A cell that is not self-closing (so it has content) and its reference.
_CELL_WITH_CONTENT = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]+)([0-9]+)\"[^>/]*>")
_HAS_VALUE = re.compile(rb"<(?:\w+:)?(?:v|t)(?:\s[^>]*)?>[^<]")
_REF = re.compile(r"([A-Z]+)([0-9]+)")
_CHUNK = 1 << 20
NO_LIMIT = 1 << 62


def scan_sheet(package: Package, part: str) -> SheetStructure:
    """Collect the extent, hidden rows, merged ranges, error values and uncalculated formulas of one sheet.

    Most sheets have none but the extent; a byte search in C settles that, and only a
    sheet that has more is parsed in full. Without the full parse the last row with a
    value is left open (NO_LIMIT): calamine stops at the last cell that holds one anyway.
    """
    if not package.has(part):
        raise UnreadableWorkbook("damaged", f"Der Datei fehlt das Tabellenblatt {part}.")
    try:
        with zip_damage(part):
            with package.open(part) as stream:
                structure = _quick_look(stream)
            if structure is not None:
                return structure
            with package.open(part) as stream:
                return _SheetScanner().scan(stream)
    except _Forbidden:
        raise UnreadableWorkbook(
            "damaged", "Die Datei enthält unzulässige XML-Konstrukte (mögliche XML-Bombe) und wird nicht geöffnet."
        ) from None
    except expat.ExpatError as exc:
        raise UnreadableWorkbook(
            "damaged", f"Das Tabellenblatt {part} ist beschädigt (XML nicht lesbar, Zeile {exc.lineno})."
        ) from None


def _quick_look(stream: IO[bytes]) -> SheetStructure | None:
    """The extent of a sheet without other markup, or None when it needs the full scan."""
    structure = SheetStructure(last_value_row=NO_LIMIT)
    tail = b""
    has_values = False
    while chunk := stream.read(_CHUNK):
        window = tail + chunk
        if _NEEDS_SCAN.search(window):
            return None
        has_values = has_values or bool(_HAS_VALUE.search(window))
        for letters, digits in _CELL_WITH_CONTENT.findall(window):
            row, column = cell_position(letters.decode(), digits.decode())
            structure.extend((letters + digits).decode(), row, column)
        tail = window[-64:]  # a marker split across two chunks is still seen
    structure.value_cells = int(has_values)
    return structure


class _Forbidden(Exception):
    """A DTD or entity declaration: never legitimate in a worksheet, the stuff of XML bombs."""


def _forbid(*_: object) -> int:
    raise _Forbidden


class _SheetScanner:
    """An expat scanner that creates no elements: callbacks only for rows, cells, formulas, merges.

    Like defusedxml, it refuses DTDs and entity declarations outright.
    """

    def __init__(self) -> None:
        self.structure = SheetStructure()
        self.row, self.row_hidden = 0, False
        self.ref, self.column, self.cell_row, self.type = "", 0, 0, ""
        self.formula = self.value = self.value_element = self.capturing = False
        self.text: list[str] = []
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = _forbid
        parser.EntityDeclHandler = _forbid
        parser.UnparsedEntityDeclHandler = _forbid
        parser.ExternalEntityRefHandler = _forbid
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        parser.buffer_text = True
        self.parser = parser

    def scan(self, stream: IO[bytes]) -> SheetStructure:
        self.parser.ParseFile(stream)
        return self.structure

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        if local == "c":
            self._start_cell(attributes)
        elif local in ("v", "t"):
            self.capturing = True
            self.value_element = self.value_element or local == "v"
        elif local == "f":
            self.formula = True
        elif local == "row":
            number = attributes.get("r", "")
            self.row = cell_position("A", number)[0] if number.isdigit() else self.row + 1
            self.row_hidden = attributes.get("hidden") in ("1", "true")
            self.column = 0
        elif local == "mergeCell" and attributes.get("ref"):
            self.structure.merged_ranges.append(attributes["ref"])

    def _start_cell(self, attributes: dict[str, str]) -> None:
        # A cell without `r` follows the previous one, as in Excel's own reading.
        match = _REF.fullmatch(attributes.get("r", ""))
        if match:
            self.cell_row, self.column = cell_position(match.group(1), match.group(2))
        else:
            self.column, self.cell_row = self.column + 1, self.row
        self.ref = f"{column_letter(self.column)}{self.cell_row}"
        self.type = attributes.get("t", "")
        self.formula = self.value = self.value_element = False
        self.text = []

    def _text(self, data: str) -> None:
        if self.capturing and data:
            self.value = True
            if self.type == "e":
                self.text.append(data)

    def _end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        if local in ("v", "t"):
            self.capturing = False
        elif local == "c":
            self._end_cell()

    def _end_cell(self) -> None:
        structure = self.structure
        # A string result may be empty: <v></v> or <v/> with t="str" is a calculated "".
        calculated = self.value or (self.value_element and self.type == "str")
        if self.formula and not calculated:
            structure.formulas_without_value.append(self.ref)
        row = self.cell_row
        if self.formula or self.value:
            structure.extend(self.ref, row, self.column)
            structure.last_value_row = max(structure.last_value_row, row)
        if self.value:
            structure.value_cells += 1
            if self.type == "e":
                structure.error_cells[self.ref] = "".join(self.text).strip()
            if self.row_hidden:
                structure.hidden_rows.add(row)
