"""Binary Excel workbooks (.xlsb): the sheets and what calamine cannot see, from the BIFF12 records.

An .xlsb is an xlsx whose parts are not XML but records [MS-XLSB]: a type (one or two
bytes of seven bits), a length (up to four such bytes) and the payload. calamine reads
the values; this module walks the records of `xl/workbook.bin` for the sheets (name,
visibility, part) and of every worksheet for what calamine does not report: hidden
rows (BrtRowHdr, fDyZero), merged ranges (BrtMergeCell), error values and the extent
of the values, so that the checks of an xlsx apply unchanged. An .xlsb stores every
formula with its result, so it has no formula without a value.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from .a1 import column_letter
from .errors import UnreadableWorkbook
from .package import RESEND, Package, SheetInfo, sheet_kind
from .sheetfacts import MAX_COLUMN, MAX_ROW, SheetStructure

_U32 = struct.Struct("<I")
_RFX = struct.Struct("<IIII")

ROW_HEADER, BEGIN_SHEET_DATA, END_SHEET_DATA, MERGE_CELL, BUNDLE_SHEET = 0x00, 0x91, 0x92, 0xB0, 0x9C
# Cell records, by type: where the value starts is byte 8 (after column and style), and what it is.
_BLANK, _NUMBER, _ERROR, _BOOL, _STRING, _SHARED, _RICH = range(7)
_CELLS = {
    0x01: _BLANK, 0x02: _NUMBER, 0x03: _ERROR, 0x04: _BOOL, 0x05: _NUMBER, 0x06: _STRING, 0x07: _SHARED,
    0x08: _STRING, 0x09: _NUMBER, 0x0A: _BOOL, 0x0B: _ERROR, 0x3E: _RICH,
}  # fmt: skip
_ERRORS = {
    0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}  # fmt: skip
_HIDDEN_ROW = 0x10  # fDyZero: bit 4 of the second flag byte of BrtRowHdr (byte 11)


class _Broken(Exception):
    """The record stream ends inside a record or a field: the part is damaged."""


def _records(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(type, payload start, payload end) of every record of a part."""
    position, size = 0, len(data)
    while position < size:
        kind = data[position]
        position += 1
        if kind & 0x80:
            if position >= size:
                raise _Broken
            kind = (kind & 0x7F) | (data[position] & 0x7F) << 7
            position += 1
        length = 0
        for shift in (0, 7, 14, 21):
            if position >= size:
                raise _Broken
            byte = data[position]
            position += 1
            length |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
        end = position + length
        if end > size:
            raise _Broken
        yield kind, position, end
        position = end


def _u32(data: bytes, at: int, end: int) -> int:
    if at + 4 > end:
        raise _Broken
    value: int = _U32.unpack_from(data, at)[0]
    return value


def _wide_string(data: bytes, at: int, end: int) -> tuple[str, int]:
    """An XLWideString (count of UTF-16 units, then the units) and where it ends."""
    count = _u32(data, at, end)
    stop = at + 4 + 2 * count
    if stop > end:
        raise _Broken
    return data[at + 4 : stop].decode("utf-16-le", "replace"), stop


def xlsb_sheets(package: Package, workbook: str) -> tuple[list[SheetInfo], dict[str, SheetStructure]]:
    """The sheets of an .xlsb in tab order, and the structure of every worksheet (keyed by its part)."""
    relations = package.relationships(workbook)
    sheets = []
    try:
        data = package.read(workbook)
        for kind, start, end in _records(data):
            if kind != BUNDLE_SHEET:
                continue
            state = _u32(data, start, end)
            if _u32(data, start + 8, end) == 0xFFFFFFFF:  # no part: nothing calamine reads either
                continue
            relation, after = _wide_string(data, start + 8, end)
            name, _ = _wide_string(data, after, end)
            kind_uri, part = relations.get(relation, ("", ""))
            if not package.has(part):
                raise UnreadableWorkbook(
                    "damaged", f"Die Datei ist beschädigt: der Inhalt des Blatts „{name}“ fehlt. {RESEND}"
                )
            sheets.append(SheetInfo(name, state != 0, part, sheet_kind(kind_uri)))
    except _Broken:
        raise _damaged(workbook) from None
    structures = {s.part: scan_xlsb_sheet(package, s) for s in sheets if s.kind == "worksheet"}
    return sheets, structures


def _damaged(part: str) -> UnreadableWorkbook:
    return UnreadableWorkbook("damaged", f"Die Datei ist beschädigt: Teil „{part}“ ist unvollständig. {RESEND}")


def scan_xlsb_sheet(package: Package, sheet: SheetInfo) -> SheetStructure:
    """Hidden rows, merged ranges, error values and the extent of the values of one worksheet part."""
    data = package.read(sheet.part)
    facts = SheetStructure()
    row, row_hidden, in_data = 0, False, False
    try:
        for kind, start, end in _records(data):
            if kind == ROW_HEADER:
                row = _u32(data, start, end) + 1
                row_hidden = end - start > 11 and bool(data[start + 11] & _HIDDEN_ROW)
            elif kind in _CELLS and in_data:
                _cell(facts, data, start, end, _CELLS[kind], (row, row_hidden), sheet.name)
            elif kind == MERGE_CELL and end - start >= 16:
                first_row, last_row, first_column, last_column = _RFX.unpack_from(data, start)
                facts.merged_ranges.append(
                    f"{_ref(first_column + 1, first_row + 1)}:{_ref(last_column + 1, last_row + 1)}"
                )
            elif kind in (BEGIN_SHEET_DATA, END_SHEET_DATA):
                in_data = kind == BEGIN_SHEET_DATA
    except _Broken:
        raise _damaged(sheet.part) from None
    return facts


def _cell(
    facts: SheetStructure, data: bytes, start: int, end: int, kind: int, row: tuple[int, bool], sheet: str
) -> None:
    """Record one cell record's value, if it has one, at (row, its column)."""
    number, hidden = row
    column = _u32(data, start, end) + 1
    if kind == _BLANK:
        return
    value = start + 8
    if kind in (_STRING, _RICH):
        # A rich string starts with a flag byte; an empty text (a formula's "") is no value.
        if _u32(data, value + (kind == _RICH), end) == 0:
            return
    elif value >= end:
        raise _Broken
    if not (1 <= number <= MAX_ROW and 1 <= column <= MAX_COLUMN):
        raise UnreadableWorkbook(
            "damaged", f"Die Datei ist beschädigt: im Blatt „{sheet}“ liegt eine Zelle außerhalb. {RESEND}"
        )
    ref = _ref(column, number)
    facts.value_cells += 1
    facts.last_value_row = max(facts.last_value_row, number)
    if number > facts.max_row:
        facts.max_row, facts.max_row_ref = number, ref
    if column > facts.max_column:
        facts.max_column, facts.max_column_ref = column, ref
    if kind == _ERROR:
        facts.error_cells[ref] = _ERRORS.get(data[value], "#FEHLER")
    if hidden:
        facts.hidden_rows.add(number)


def _ref(column: int, row: int) -> str:
    return f"{column_letter(column)}{row}"
