"""Writing small binary workbooks (.xlsb) by hand: no library and no LibreOffice filter writes them.

The records follow [MS-XLSB]: workbook.bin lists the sheets (BrtBundleSh), each sheet
part holds rows (BrtRowHdr, with fDyZero for a hidden row), cells (text, number, error)
and merged ranges (BrtMergeCell). calamine reads what this writes.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HIDDEN_ROW = 0x1000  # fDyZero in BrtRowHdr's flags
ERROR_CODES = {"#N/A": 0x2A, "#DIV/0!": 0x07, "#REF!": 0x17}
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class Error(str):
    """An error value (#N/A, …) rather than text."""


def record(kind: int, payload: bytes = b"") -> bytes:
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    length, size = b"", len(payload)
    while True:
        byte = size & 0x7F
        size >>= 7
        length += bytes([byte | (0x80 if size else 0)])
        if not size:
            break
    return head + length + payload


def wide(text: str) -> bytes:
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


def cell_record(column: int, value: Any) -> bytes:
    head = struct.pack("<II", column, 0)
    if isinstance(value, Error):
        return record(0x03, head + bytes([ERROR_CODES[value]]))
    if isinstance(value, int | float):
        return record(0x05, head + struct.pack("<d", float(value)))
    return record(0x06, head + wide(str(value)))


@dataclass
class Sheet:
    """A worksheet: rows by number (from 1), each a list of values from column A (None: no cell)."""

    name: str
    rows: dict[int, list[Any]]
    hidden_rows: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # first row, last row, first col, last col
    hidden: bool = False

    def part(self) -> bytes:
        data = record(0x81) + record(0x94, struct.pack("<IIII", 0, max(self.rows, default=1) - 1, 0, 20))
        data += record(0x91)
        for number in sorted(self.rows):
            flags = HIDDEN_ROW if number in self.hidden_rows else 0
            data += record(0x00, struct.pack("<IIHHBI", number - 1, 0, 300, flags, 0, 0))
            for column, value in enumerate(self.rows[number]):
                if value is not None:
                    data += cell_record(column, value)
        data += record(0x92)
        if self.merged:
            data += record(0xB1, struct.pack("<I", len(self.merged)))
            for first_row, last_row, first_col, last_col in self.merged:
                data += record(0xB0, struct.pack("<IIII", first_row - 1, last_row - 1, first_col - 1, last_col - 1))
            data += record(0xB2)
        return data + record(0x82)


def write_xlsb(path: Path, sheets: list[Sheet]) -> Path:
    """An .xlsb package with the given sheets."""
    workbook = record(0x83) + record(0x8F)
    for index, sheet in enumerate(sheets, start=1):
        payload = struct.pack("<II", 1 if sheet.hidden else 0, index) + wide(f"rId{index}") + wide(sheet.name)
        workbook += record(0x9C, payload)
    workbook += record(0x90) + record(0x9D, b"\x00" * 26) + record(0x84)
    relations = "".join(
        f'<Relationship Id="rId{i}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{i}.bin"/>'
        for i in range(1, len(sheets) + 1)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="bin" '
            'ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" '
            'Target="xl/workbook.bin"/></Relationships>',
        )
        archive.writestr("xl/workbook.bin", workbook)
        archive.writestr(
            "xl/_rels/workbook.bin.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships">{relations}</Relationships>',
        )
        for index, sheet in enumerate(sheets, start=1):
            archive.writestr(f"xl/worksheets/sheet{index}.bin", sheet.part())
    return path
