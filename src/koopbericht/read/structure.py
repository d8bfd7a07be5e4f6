"""What calamine cannot see, read straight from the sheet XML.

python-calamine yields values only: no hidden rows, no merged ranges, error values
(#N/A) and a formula whose value was never calculated both read as empty, a cell
that points at a shared string that does not exist reads as the first one, and it
materialises the whole rectangle up to the furthest cell with content before any
size can be checked. Every worksheet's XML is therefore read once with expat
(refusing DTDs and entities as defusedxml does) before calamine sees it: to record
those facts, the extent, and the last row that holds a value; and to refuse what no
spreadsheet program writes (cells outside the grid, out of order or twice).

The usual worksheet is read by `fastscan` at C speed; this module's scanner, with a
Python callback per element, reads every part the fast path is not sure of, and so
says what is wrong with a damaged one.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from .a1 import column_index, column_letter
from .errors import UnreadableWorkbook
from .fastscan import fast_scan
from .package import RESEND, XML_BOMB, CheckedStream, Package, SheetInfo
from .sheetfacts import MAX_COLUMN, MAX_ROW, SheetStructure
from .xmlguard import guarded_parser

# The grid's bounds are asked of this module by the annotated copy's writer.
__all__ = ["MAX_COLUMN", "MAX_ROW", "SheetStructure", "scan_sheet"]

_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_NUMBER = re.compile(r"[0-9]{1,7}")


def _damaged(sheet: str, what: str) -> UnreadableWorkbook:
    return UnreadableWorkbook("damaged", f"Die Datei ist beschädigt: im Blatt „{sheet}“ {what}. {RESEND}")


def scan_sheet(package: Package, sheet: SheetInfo, shared_strings: int | None) -> SheetStructure:
    """Stream one worksheet's XML and collect what calamine cannot see.

    `shared_strings` is how many entries the workbook's shared-string table has (None
    when it has none), so that a cell pointing past its end is refused as damage.
    """
    fast = fast_scan(package, sheet, shared_strings)
    if fast is not None:
        if fast.skeleton is not None:  # merged ranges, read from the part without its rows
            fast.structure.merged_ranges = _SheetScanner(sheet.name, None).scan_bytes(fast.skeleton).merged_ranges
        return fast.structure
    scanner = _SheetScanner(sheet.name, shared_strings)
    try:
        with package.open(sheet.part) as stream:
            return scanner.scan(CheckedStream(stream, sheet.part))
    except _Forbidden:
        raise UnreadableWorkbook("damaged", XML_BOMB) from None
    except (expat.ExpatError, LookupError) as exc:  # broken XML, or an encoding nobody knows
        line = getattr(exc, "lineno", None)
        where = f", Zeile {line} des XML" if line else ""
        raise _damaged(sheet.name, f"ist der Inhalt nicht lesbar{where}") from None


class _Forbidden(Exception):
    """A DTD or entity declaration: never legitimate in a worksheet, the stuff of XML bombs."""


def _forbid(*_: object) -> int:
    raise _Forbidden


class _SheetScanner:
    """An expat scanner that creates no elements: callbacks only for rows, cells, formulas, merges.

    Like defusedxml, it refuses DTDs and entity declarations outright.
    """

    def __init__(self, sheet: str, shared_strings: int | None) -> None:
        self.sheet, self.shared_strings = sheet, shared_strings
        self.structure = SheetStructure()
        self.row, self.row_hidden = 0, False
        self.ref, self.column, self.cell_row, self.type = "", 0, 0, ""
        self.previous = (0, 0)  # the last cell's (row, column): cells come in reading order
        self.formula = self.value = self.value_element = self.capturing = False
        self.text: list[str] = []
        parser = guarded_parser(_forbid)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        parser.buffer_text = True
        self.parser = parser

    def scan(self, stream: CheckedStream) -> SheetStructure:
        """Parse the whole stream (which also verifies the member's checksum at its end)."""
        self.parser.ParseFile(stream)
        return self.structure

    def scan_bytes(self, data: bytes) -> SheetStructure:
        """Parse a whole part held in memory."""
        self.parser.Parse(data, True)
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
            self.row = int(number) if _NUMBER.fullmatch(number) else self.row + 1
            self.row_hidden = attributes.get("hidden") in ("1", "true")
            self.column = 0
        elif local == "mergeCell" and attributes.get("ref"):
            self.structure.merged_ranges.append(attributes["ref"])

    def _start_cell(self, attributes: dict[str, str]) -> None:
        reference = attributes.get("r")
        if reference is None:  # a cell without a reference follows the one before it, as Excel reads it
            self.column, self.cell_row = self.column + 1, self.row
        else:
            match = _REF.fullmatch(reference)
            if match is None:
                raise _damaged(self.sheet, f"hat eine Zelle den ungültigen Bezug „{reference[:20]}“")
            self.column, self.cell_row = column_index(match.group(1)), int(match.group(2))
        if not (1 <= self.cell_row <= MAX_ROW and 1 <= self.column <= MAX_COLUMN):
            raise _damaged(self.sheet, f"liegt die Zelle {column_letter(self.column)}{self.cell_row} außerhalb")
        position = (self.cell_row, self.column)
        if position <= self.previous:
            raise _damaged(self.sheet, f"steht die Zelle {column_letter(self.column)}{self.cell_row} doppelt "
                           "oder an falscher Stelle")  # fmt: skip
        self.previous = position
        self.ref = f"{column_letter(self.column)}{self.cell_row}"
        self.type = attributes.get("t", "")
        self.formula = self.value = self.value_element = False
        self.text = []

    def _text(self, data: str) -> None:
        if self.capturing and data:
            self.value = True
            if self.type in ("e", "s"):
                self.text.append(data)

    def _end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        if local in ("v", "t"):
            self.capturing = False
        elif local == "c":
            self._end_cell()

    def _end_cell(self) -> None:
        structure = self.structure
        row = self.cell_row
        # A string result may be empty: <v></v> or <v/> with t="str" is a calculated "".
        calculated = self.value or (self.value_element and self.type == "str")
        if self.formula and not calculated:
            structure.formulas_without_value.append(self.ref)
            structure.last_value_row = max(structure.last_value_row, row)
        if not self.value:
            return
        if self.type == "s":
            self._check_shared_string("".join(self.text).strip())
        structure.value_cells += 1
        structure.last_value_row = max(structure.last_value_row, row)
        if row > structure.max_row:
            structure.max_row, structure.max_row_ref = row, self.ref
        if self.column > structure.max_column:
            structure.max_column, structure.max_column_ref = self.column, self.ref
        if self.type == "e":
            structure.error_cells[self.ref] = "".join(self.text).strip()
        if self.row_hidden:
            structure.hidden_rows.add(row)

    def _check_shared_string(self, index: str) -> None:
        # calamine reads an index past the table's end (or no number at all) as the first string.
        if not _NUMBER.fullmatch(index) or self.shared_strings is None or int(index) >= self.shared_strings:
            raise _damaged(self.sheet, f"verweist die Zelle {self.ref} auf einen Text, den es nicht gibt")
