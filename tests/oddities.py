"""Odd but legitimate workbooks, made by the tests from a correct one by rewriting its package.

Each function takes a path to a correct xlsx (as `workbooks.write_workbook` writes it)
and rewrites the file in place the way another producer would have saved it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

TRANSITIONAL_TO_STRICT = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def rewrite(path: Path, change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> Path:
    """Rewrite every member of the package at `path` through `change` (name → bytes)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members = change(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def strict(path: Path) -> Path:
    """As Excel's "Strict Open XML" save option writes it: the ISO namespaces everywhere."""

    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        result = {}
        for name, data in members.items():
            if name.endswith((".xml", ".rels")):
                for old, new in TRANSITIONAL_TO_STRICT.items():
                    data = data.replace(old.encode(), new.encode())
                if name == "xl/workbook.xml":
                    data = data.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
            result[name] = data
        return result

    return rewrite(path, change)


def relocated(path: Path) -> Path:
    """The workbook part at `buch/arbeitsmappe.xml`, found only through `_rels/.rels`."""

    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        result = dict(members)
        workbook = result.pop("xl/workbook.xml")
        relations = result.pop("xl/_rels/workbook.xml.rels")
        # Targets were relative to xl/; from buch/ they must be absolute.
        relations = re.sub(rb'Target="(?!/)([^"]+)"', rb'Target="/xl/\1"', relations)
        result["buch/arbeitsmappe.xml"] = workbook
        result["buch/_rels/arbeitsmappe.xml.rels"] = relations
        result["_rels/.rels"] = result["_rels/.rels"].replace(b"xl/workbook.xml", b"buch/arbeitsmappe.xml")
        result["[Content_Types].xml"] = result["[Content_Types].xml"].replace(
            b"/xl/workbook.xml", b"/buch/arbeitsmappe.xml"
        )
        return result

    return rewrite(path, change)


MACRO_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Makro</t></is></c></row></sheetData>'
    b"</xm:macrosheet>"
)


def with_macro_sheet(path: Path) -> Path:
    """An Excel 4 macro sheet beside the data sheet, as old templates still carry."""

    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        result = dict(members)
        result["xl/macrosheets/sheet1.xml"] = MACRO_SHEET
        result["xl/_rels/workbook.xml.rels"] = result["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>",
            b'<Relationship Id="rIdMakro" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" '
            b'Target="macrosheets/sheet1.xml"/></Relationships>',
        )
        result["xl/workbook.xml"] = result["xl/workbook.xml"].replace(
            b"</sheets>",
            b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            b'name="Makro1" sheetId="99" r:id="rIdMakro"/></sheets>',
        )
        result["[Content_Types].xml"] = result["[Content_Types].xml"].replace(
            b"</Types>",
            b'<Override PartName="/xl/macrosheets/sheet1.xml" '
            b'ContentType="application/vnd.ms-excel.macrosheet+xml"/></Types>',
        )
        return result

    return rewrite(path, change)


def xlsb(path: Path) -> Path:
    """A binary workbook (.xlsb) package: the workbook part is `xl/workbook.bin`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/xl/workbook.bin" '
            'ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
        )
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00\x80\x01\x00")
    return path


def patch_sheet(path: Path, change: Callable[[bytes], bytes]) -> Path:
    """Rewrite the first worksheet's XML."""

    def apply(members: dict[str, bytes]) -> dict[str, bytes]:
        return {name: change(data) if name == "xl/worksheets/sheet1.xml" else data for name, data in members.items()}

    return rewrite(path, apply)


def read_member(path: Path, name: str) -> bytes:
    """One member of the package at `path`."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)
