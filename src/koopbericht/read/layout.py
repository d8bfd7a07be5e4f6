"""A workbook's sheets and what their structure scan found, for every format koopbericht reads.

The format is decided by content, never by name: an xlsx (also .xlsm, .xltx, Strict Open
XML), a binary .xlsb, or an OpenDocument .ods. Each is checked as a package first (sizes
before unpacking, checksums, no DTD), then every worksheet is scanned for what calamine
cannot see (`structure`, `xlsb`, `odsscan`). Only then does calamine read values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from python_calamine import CalamineWorkbook

from .calamine import open_calamine
from .errors import UnreadableWorkbook
from .ods import check_opendocument, is_opendocument, ods_sheets, open_in_memory
from .package import Package, SheetInfo
from .sheetfacts import SheetStructure
from .sniff import check_archive, check_package, check_workbook_file, read_every_part
from .structure import scan_sheet
from .xlsb import xlsb_sheets

XLSX, XLSB, ODS = "xlsx", "xlsb", "ods"
XLSB_UNREADABLE = (
    "Die binäre Excel-Arbeitsmappe (.xlsb) lässt sich nicht vollständig lesen. Bitte in Excel öffnen und als "
    "„Excel-Arbeitsmappe (.xlsx)“ speichern."
)


@dataclass
class Layout:
    """The sheets of a workbook in tab order, and the structure of each worksheet (keyed by `SheetInfo.part`)."""

    format: str
    sheets: list[SheetInfo]
    structures: dict[str, SheetStructure] = field(default_factory=dict)
    strict: bool = False  # Strict Open XML, which openpyxl cannot read

    def worksheets(self) -> list[SheetInfo]:
        """The sheets that hold cells."""
        return [s for s in self.sheets if s.kind == "worksheet"]

    def streamable(self) -> bool:
        """Whether openpyxl's streaming reader can read a sheet that calamine should not hold whole."""
        return self.format == XLSX and not self.strict


def read_layout(path: Path) -> Layout:
    """Check the file at `path` as a package and scan its worksheets; raise UnreadableWorkbook if impossible."""
    check_workbook_file(path)
    with Package(path) as package:
        check_archive(package)
        if is_opendocument(package):
            check_opendocument(package)
            read_every_part(package)
            return Layout(ODS, *ods_sheets(package))
        workbook_part = check_package(package)
        if workbook_part.endswith(".bin"):
            return Layout(XLSB, *xlsb_sheets(package, workbook_part))
        sheets = package.sheets(workbook_part)
        shared_strings = package.shared_strings(workbook_part) if any(s.kind == "worksheet" for s in sheets) else None
        structures = {s.part: scan_sheet(package, s, shared_strings) for s in sheets if s.kind == "worksheet"}
        return Layout(XLSX, sheets, structures, package.is_strict(workbook_part))


def workbook_format(path: Path) -> str:
    """XLSX, XLSB or ODS, decided from the package alone (XLSX when it cannot be told)."""
    try:
        with Package(path) as package:
            if is_opendocument(package):
                return ODS
            part = package.workbook_part()
    except UnreadableWorkbook:
        return XLSX
    return XLSB if part is not None and part.endswith(".bin") else XLSX


def open_values(path: Path, layout: Layout) -> CalamineWorkbook | None:
    """The workbook opened by calamine for its values; None only for an xlsx that openpyxl can read instead."""
    if layout.format == XLSX:
        return open_calamine(path)
    try:
        return open_in_memory(path)
    except UnreadableWorkbook:
        if layout.format == XLSB:  # calamine reads .xlsb only in part: the way out is xlsx
            raise UnreadableWorkbook("format", XLSB_UNREADABLE) from None
        raise
