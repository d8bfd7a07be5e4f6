"""A corpus of hostile Meldebögen, made by the tests themselves.

Each builder writes one file at the given path; `HOSTILE` says which finding it must
produce and whether the file can still be read (cell-level problems) or not.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from .libreoffice import convert
from .workbooks import Text, row, write_workbook

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
    "<si><t>&lol9;</t></si></sst>"
)


def good(path: Path) -> Path:
    return write_workbook(path, [row(1, vorhaben="Radweg Süd")])


def truncated(path: Path) -> None:
    data = good(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def corrupt(path: Path) -> None:
    data = bytearray(good(path).read_bytes())
    for position in range(200, len(data) - 200, 97):
        data[position] ^= 0x5A
    path.write_bytes(bytes(data))


def text_named_xlsx(path: Path) -> None:
    path.write_text("Nr.;Vorhaben\nGB1-001;Radweg\n", encoding="utf-8")


def empty(path: Path) -> None:
    path.write_bytes(b"")


def encrypted(path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(good(path).read_bytes())
    with path.open("wb") as target:
        OOXMLFile(plain).encrypt("Geheim123", target)


def xml_bomb(path: Path) -> None:
    source = good(path.with_suffix(".tmp.xlsx"))
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in archive.infolist():
            data = archive.read(item.filename)
            if item.filename == "xl/sharedStrings.xml" or item.filename.endswith("sheet1.xml"):
                data = BILLION_LAUGHS.encode() if "sharedStrings" in item.filename else data
            target.writestr(item.filename, data)
        if "xl/sharedStrings.xml" not in archive.namelist():
            target.writestr("xl/sharedStrings.xml", BILLION_LAUGHS)
    source.unlink()


def decompression_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as stream:
            for _ in range(500):
                stream.write(b" " * (1024 * 1024))


def via_libreoffice(kind: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        work = path.parent / f".lo-{kind}"
        source = good(work / "quelle.xlsx")
        filters = {"xls": "xls:MS Excel 97", "ods": "ods"}
        converted = convert(source, filters[kind], work / "out", work / "profil")
        shutil.copy(converted, path)
        shutil.rmtree(work)

    return build


def million_empty_rows(path: Path) -> None:
    source = good(path.with_suffix(".tmp.xlsx"))
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in archive.infolist():
            data = archive.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                head, _, tail = data.partition(b"</sheetData>")
                empty_rows = b"".join(b'<row r="%d" s="0" customFormat="1" ht="15"/>' % n for n in range(3, 1_000_001))
                data = head.replace(b'<dimension ref="A1:J2"/>', b'<dimension ref="A1:J1000000"/>')
                data += empty_rows + b"</sheetData>" + tail
            target.writestr(item.filename, data)
    source.unlink()


def control_characters(path: Path) -> None:
    write_workbook(path, [row(1, vorhaben="Radweg _x0007_Süd")])


def long_cell(path: Path) -> None:
    write_workbook(path, [row(1, vorhaben="Radweg Süd", beschreibung="Sachstand " * 3276 + "1234567")])


def formula_without_value(path: Path) -> None:
    write_workbook(path, [row(1, vorhaben='="Radweg "&"Süd"')])


def link_outside(path: Path) -> None:
    outside = path.parents[3] / "ausserhalb.xlsx"
    good(outside)
    os.symlink(outside, path)


def formula_text(path: Path) -> None:
    write_workbook(path, [row(1, vorhaben=Text("=Radweg Süd"))])


# builder, expected finding code, readable (activities still come through)
HOSTILE: dict[str, tuple[Callable[[Path], None], str, bool]] = {
    "abgeschnitten": (truncated, "datei-beschaedigt", False),
    "beschaedigt": (corrupt, "datei-beschaedigt", False),
    "text": (text_named_xlsx, "datei-format", False),
    "leer": (empty, "datei-beschaedigt", False),
    "kennwort": (encrypted, "datei-verschluesselt", False),
    "xml-bombe": (xml_bomb, "datei-beschaedigt", False),
    "zip-bombe": (decompression_bomb, "datei-zu-gross", False),
    "xls": (via_libreoffice("xls"), "datei-format", False),
    "ods": (via_libreoffice("ods"), "", True),  # read like an xlsx (tests/read/test_ods.py)
    "verknuepfung": (link_outside, "datei-verknuepfung", False),
    "million-leerzeilen": (million_empty_rows, "", True),
    "steuerzeichen": (control_characters, "zeichen-entfernt", True),
    "lange-zelle": (long_cell, "text-zu-lang", True),
    "formel-ohne-wert": (formula_without_value, "formel-ohne-wert", True),
}
