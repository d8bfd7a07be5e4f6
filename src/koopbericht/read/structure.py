"""What openpyxl's streaming mode cannot see, read straight from the sheet XML.

Read-only openpyxl yields values only: no hidden rows, no merged ranges, and a
formula whose value was never calculated simply reads as empty. This module streams
the same XML once more with defusedxml (so XML bombs are refused) and records just
those facts, plus the last row that holds any value, so that blank rows in between
are read past and a million formatted empty rows at the end are not.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse

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


def scan_sheet(path: Path, part: str) -> SheetStructure:
    """Stream one sheet's XML and collect hidden rows, merged ranges and uncalculated formulas."""
    structure = SheetStructure()
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
            _scan(iterparse(stream, events=("start", "end")), structure)
    except KeyError:
        raise UnreadableWorkbook("damaged", f"Der Datei fehlt das Tabellenblatt {part}.") from None
    except DefusedXmlException:
        raise UnreadableWorkbook(
            "damaged", "Die Datei enthält unzulässige XML-Konstrukte (mögliche XML-Bombe) und wird nicht geöffnet."
        ) from None
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt ({exc}).") from None
    except Exception as exc:  # ParseError: truncated or broken XML
        raise UnreadableWorkbook("damaged", f"Das Tabellenblatt ist beschädigt (XML nicht lesbar: {exc}).") from None
    return structure


def _scan(events: Iterator[tuple[str, Element]], structure: SheetStructure) -> None:
    row_number, row_hidden = 0, False
    for event, element in events:
        name = _local(element.tag)
        if event == "start":
            if name == "row":
                row_number = int(element.get("r", row_number + 1))
                row_hidden = element.get("hidden") in ("1", "true")
            continue
        if name == "c":
            _cell(element, row_number, row_hidden, structure)
            element.clear()
        elif name == "row":
            element.clear()
        elif name == "mergeCell" and element.get("ref"):
            structure.merged_ranges.append(element.get("ref", ""))


def _cell(element: Element, row_number: int, row_hidden: bool, structure: SheetStructure) -> None:
    formula = value = None
    for child in element:
        kind = _local(child.tag)
        if kind == "f":
            formula = child
        elif kind == "v":
            value = child.text
        elif kind == "is":
            value = "".join(child.itertext())
    has_value = value not in (None, "")
    if formula is not None and not has_value:
        structure.formulas_without_value.append(element.get("r", ""))
        structure.last_value_row = max(structure.last_value_row, row_number)
    if has_value:
        structure.value_cells += 1
        structure.last_value_row = max(structure.last_value_row, row_number)
        if row_hidden:
            structure.hidden_rows.add(row_number)
