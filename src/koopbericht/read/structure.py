"""What calamine cannot see, read straight from the sheet XML.

python-calamine yields values only: no hidden rows, no merged ranges, and a formula
whose value was never calculated reads as empty. A byte search decides whether a
sheet has any such markup at all; only then is its XML streamed with expat, refusing
DTDs and entities as defusedxml does, to record those facts and the last row that
holds a value (so blank rows in between are read past).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import UnreadableWorkbook

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@dataclass(frozen=True)
class SheetInfo:
    """A worksheet as listed in the workbook: name, visibility and XML part."""

    name: str
    hidden: bool
    part: str


@dataclass
class SheetStructure:
    """Facts about one sheet that only its XML shows."""

    hidden_rows: set[int] = field(default_factory=set)
    merged_ranges: list[str] = field(default_factory=list)
    formulas_without_value: list[str] = field(default_factory=list)
    last_value_row: int = 0
    value_cells: int = 0


def list_sheets(archive: zipfile.ZipFile) -> list[SheetInfo]:
    """The worksheets of the workbook in tab order, with their visibility."""
    try:
        workbook = fromstring(archive.read("xl/workbook.xml"))
        relations = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError as exc:
        raise UnreadableWorkbook("damaged", f"Der Datei fehlt ein notwendiger Teil ({exc.args[0]}).") from None
    except DefusedXmlException:
        raise UnreadableWorkbook(
            "damaged", "Die Datei enthält unzulässige XML-Konstrukte (mögliche XML-Bombe) und wird nicht geöffnet."
        ) from None
    except Exception as exc:  # ParseError and friends: the XML is broken
        raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt (XML nicht lesbar: {exc}).") from None
    targets = {rel.get("Id"): rel.get("Target", "") for rel in relations if _local(rel.tag) == "Relationship"}
    sheets = []
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        target = targets.get(element.get(f"{{{_REL_NS}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        state = element.get("state", "visible")
        sheets.append(SheetInfo(element.get("name", ""), state != "visible", part))
    return sheets


# Markup that only the full scan can interpret; without it a sheet needs no scan at all.
_NEEDS_SCAN = re.compile(rb"<(?:\w+:)?(?:f|mergeCell)[\s/>]|\bhidden=\"(?:1|true)\"|<!DOCTYPE|<!ENTITY")
_HAS_VALUE = re.compile(rb"<(?:\w+:)?(?:v|t)(?:\s[^>]*)?>[^<]")
_CHUNK = 1 << 20
NO_LIMIT = 1 << 62


def scan_sheet(path: Path, part: str) -> SheetStructure:
    """Collect hidden rows, merged ranges and uncalculated formulas of one sheet.

    Most sheets have none of these; a byte search in C settles that, and only a sheet
    that has some is parsed in full. Without the full parse the last row with a value
    is left open (NO_LIMIT): calamine stops at the last cell that holds one anyway.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            with archive.open(part) as stream:
                needs_scan, has_values = _quick_look(stream)
            if not needs_scan:
                return SheetStructure(last_value_row=NO_LIMIT, value_cells=int(has_values))
            with archive.open(part) as stream:
                return _SheetScanner().scan(stream)
    except KeyError:
        raise UnreadableWorkbook("damaged", f"Der Datei fehlt das Tabellenblatt {part}.") from None
    except _Forbidden:
        raise UnreadableWorkbook(
            "damaged", "Die Datei enthält unzulässige XML-Konstrukte (mögliche XML-Bombe) und wird nicht geöffnet."
        ) from None
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt ({exc}).") from None
    except expat.ExpatError as exc:
        raise UnreadableWorkbook("damaged", f"Das Tabellenblatt ist beschädigt (XML nicht lesbar: {exc}).") from None


def _quick_look(stream: IO[bytes]) -> tuple[bool, bool]:
    tail = b""
    has_values = False
    while chunk := stream.read(_CHUNK):
        window = tail + chunk
        if _NEEDS_SCAN.search(window):
            return True, True
        has_values = has_values or bool(_HAS_VALUE.search(window))
        tail = window[-64:]  # a marker split across two chunks is still seen
    return False, has_values


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
        self.ref = ""
        self.formula = self.value = self.capturing = False
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
            self.ref = attributes.get("r", "")
            self.formula = self.value = False
        elif local in ("v", "t"):
            self.capturing = True
        elif local == "f":
            self.formula = True
        elif local == "row":
            self.row = int(attributes.get("r", self.row + 1))
            self.row_hidden = attributes.get("hidden") in ("1", "true")
        elif local == "mergeCell" and attributes.get("ref"):
            self.structure.merged_ranges.append(attributes["ref"])

    def _text(self, data: str) -> None:
        if self.capturing and data:
            self.value = True

    def _end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        if local in ("v", "t"):
            self.capturing = False
        elif local == "c":
            structure = self.structure
            if self.formula and not self.value:
                structure.formulas_without_value.append(self.ref)
                structure.last_value_row = max(structure.last_value_row, self.row)
            if self.value:
                structure.value_cells += 1
                structure.last_value_row = max(structure.last_value_row, self.row)
                if self.row_hidden:
                    structure.hidden_rows.add(self.row)
