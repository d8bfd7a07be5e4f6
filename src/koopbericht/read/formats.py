"""One class per workbook format (xlsx, xlsb, ods) behind one `open_workbook()`.

Each format knows how its package is scanned (`scan`), how calamine gets its values
(`values`), whether openpyxl's streaming reader can stand in for a sheet calamine should
not hold whole (`streamable`), and how to refuse a sheet no reader can take (`refusal`).
Everything else asks the format instead of comparing its name.

The package is opened once: `sniff.read_every_part` inflates every member (checksum, no
DTD) and keeps the bytes; the structure scan reads them, and calamine gets them as an
uncompressed copy, so that no member is inflated twice.
"""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from python_calamine import CalamineWorkbook

from .calamine import calamine_call, open_calamine, unreadable
from .errors import UnreadableWorkbook
from .layout import ODS, XLSB, XLSB_UNREADABLE, XLSX, Layout
from .ods import check_opendocument, is_opendocument, ods_sheets
from .odsscan import too_far
from .package import Package
from .sheetfacts import SheetStructure
from .sniff import check_archive, check_package, check_workbook_file, read_every_part
from .structure import scan_sheet
from .xlsb import xlsb_sheets

_SAVE_XLSX = "Bitte die Datei als „Excel-Arbeitsmappe (.xlsx)“ speichern lassen."


class WorkbookFormat(ABC):
    """What koopbericht knows about one workbook format."""

    name: str

    @abstractmethod
    def scan(self, package: Package, workbook_part: str | None) -> Layout:
        """Check the package and scan every worksheet; raise UnreadableWorkbook if impossible."""

    def values(self, path: Path, layout: Layout) -> CalamineWorkbook | None:
        """The workbook opened by calamine, from the bytes the check inflated (or from its file)."""
        return _from_bytes(path, layout)

    def streamable(self, layout: Layout) -> bool:
        """Whether openpyxl's streaming reader can read a sheet that calamine should not hold whole."""
        return False

    @abstractmethod
    def refusal(self, sheet: str, far: SheetStructure | None) -> UnreadableWorkbook:
        """Why a sheet calamine cannot (or, `far` out, should not) hold whole is not read."""

    @property
    def copied_whole(self) -> bool:
        """Whether a marked copy is the file itself (xlsx), not a workbook rebuilt from what was read."""
        return False


class XlsxFormat(WorkbookFormat):
    """Office Open XML (also .xlsm, .xltx and Strict Open XML)."""

    name = XLSX

    def scan(self, package: Package, workbook_part: str | None) -> Layout:
        """See `WorkbookFormat.scan`."""
        assert workbook_part is not None
        sheets = package.sheets(workbook_part)
        worksheets = [s for s in sheets if s.kind == "worksheet"]
        shared_strings = package.shared_strings(workbook_part) if worksheets else None
        structures = {s.part: scan_sheet(package, s, shared_strings) for s in worksheets}
        return Layout(XLSX, sheets, structures, package.is_strict(workbook_part), package.stored_copy())

    def values(self, path: Path, layout: Layout) -> CalamineWorkbook | None:
        """None where calamine refuses the workbook: openpyxl's streaming reader reads it instead."""
        if layout.stored is None:
            return open_calamine(path)
        try:
            return _from_bytes(path, layout)
        except UnreadableWorkbook:
            return None

    def streamable(self, layout: Layout) -> bool:
        """See `WorkbookFormat.streamable`."""
        return not layout.strict  # openpyxl reads no Strict Open XML

    def refusal(self, sheet: str, far: SheetStructure | None) -> UnreadableWorkbook:
        """See `WorkbookFormat.refusal`."""
        if far is None:
            return UnreadableWorkbook(
                "format",
                "Die Datei ist im Format „Strict Open XML“ gespeichert und enthält zudem Teile (etwa ein "
                f"Makroblatt), die koopbericht in diesem Format nicht lesen kann. {_SAVE_XLSX}",
            )
        return UnreadableWorkbook(
            "format",
            f"Das Blatt „{sheet}“ reicht bis zur Zelle {_furthest(far)}, weit über die Tabelle hinaus, und die Datei "
            "ist im Format „Strict Open XML“ gespeichert; so kann koopbericht sie nicht lesen. Bitte die Werte "
            f"außerhalb der Tabelle löschen. {_SAVE_XLSX}",
        )

    @property
    def copied_whole(self) -> bool:
        """See `WorkbookFormat.copied_whole`."""
        return True


class XlsbFormat(WorkbookFormat):
    """Binary Excel workbooks (.xlsb): calamine reads them only in part, so the way out is xlsx."""

    name = XLSB

    def scan(self, package: Package, workbook_part: str | None) -> Layout:
        """See `WorkbookFormat.scan`."""
        assert workbook_part is not None
        return Layout(XLSB, *xlsb_sheets(package, workbook_part), stored=package.stored_copy())

    def values(self, path: Path, layout: Layout) -> CalamineWorkbook | None:
        """See `WorkbookFormat.values`."""
        try:
            return _from_bytes(path, layout)
        except UnreadableWorkbook:
            raise UnreadableWorkbook("format", XLSB_UNREADABLE) from None

    def refusal(self, sheet: str, far: SheetStructure | None) -> UnreadableWorkbook:
        """See `WorkbookFormat.refusal`."""
        if far is None:
            return UnreadableWorkbook("format", XLSB_UNREADABLE)
        return UnreadableWorkbook(
            "too-large",
            f"Das Blatt „{sheet}“ reicht bis zur Zelle {_furthest(far)}, weit über die Tabelle hinaus; so kann "
            "koopbericht die binäre Arbeitsmappe (.xlsb) nicht lesen. Bitte die Werte außerhalb der Tabelle löschen "
            "oder die Datei als „Excel-Arbeitsmappe (.xlsx)“ speichern lassen.",
        )


class OdsFormat(WorkbookFormat):
    """OpenDocument spreadsheets (.ods)."""

    name = ODS

    def scan(self, package: Package, workbook_part: str | None) -> Layout:
        """See `WorkbookFormat.scan`."""
        check_opendocument(package)
        read_every_part(package)
        return Layout(ODS, *ods_sheets(package), stored=package.stored_copy())

    def refusal(self, sheet: str, far: SheetStructure | None) -> UnreadableWorkbook:
        """See `WorkbookFormat.refusal`."""
        if far is None:
            return UnreadableWorkbook("damaged", unreadable(sheet))
        return too_far(sheet, _furthest(far))  # an .ods this far out is refused by its scan already


FORMATS: dict[str, WorkbookFormat] = {f.name: f for f in (XlsxFormat(), XlsbFormat(), OdsFormat())}


def format_of(layout: Layout) -> WorkbookFormat:
    """The format a layout was read in."""
    return FORMATS[layout.format]


def read_layout(path: Path) -> Layout:
    """Check the file at `path` as a package and scan its worksheets; raise UnreadableWorkbook if impossible."""
    check_workbook_file(path)
    with Package(path) as package:
        check_archive(package)
        if is_opendocument(package):
            return FORMATS[ODS].scan(package, None)
        workbook_part = check_package(package)
        return FORMATS[XLSB if workbook_part.endswith(".bin") else XLSX].scan(package, workbook_part)


def open_values(path: Path, layout: Layout) -> CalamineWorkbook | None:
    """The workbook opened by calamine for its values; None only for an xlsx that openpyxl can read instead."""
    return format_of(layout).values(path, layout)


@contextmanager
def open_workbook(path: Path) -> Iterator[tuple[Layout, CalamineWorkbook | None]]:
    """The one way into a workbook: its layout (checked and scanned) and calamine's values, closed after use."""
    layout = read_layout(path)
    values = open_values(path, layout) if layout.worksheets() else None
    try:
        yield layout, values
    finally:
        if values is not None:
            values.close()


def kept_for_copy(layout: Layout) -> Layout:
    """What a marked copy (`validate --annotate`) needs of a layout, without the inflated bytes.

    An xlsx is copied whole: of its worksheets only the merged ranges are kept (to refuse what
    openpyxl cannot hold). A rebuilt copy (.ods, .xlsb) writes every fact the scan found.
    """
    structures = layout.structures
    if format_of(layout).copied_whole:
        structures = {part: SheetStructure(merged_ranges=s.merged_ranges) for part, s in structures.items()}
    return Layout(layout.format, layout.sheets, structures, layout.strict)


def workbook_format(path: Path) -> WorkbookFormat:
    """The format, decided from the package alone (xlsx when it cannot be told)."""
    try:
        with Package(path) as package:
            if is_opendocument(package):
                return FORMATS[ODS]
            part = package.workbook_part()
    except UnreadableWorkbook:
        return FORMATS[XLSX]
    return FORMATS[XLSB if part is not None and part.endswith(".bin") else XLSX]


def _from_bytes(path: Path, layout: Layout) -> CalamineWorkbook:
    """Open calamine on the inflated members (or the file's bytes): it picks the format by content, not by name.

    By name, calamine would take an .ods saved as „GB1.xlsx“ for an xlsx and refuse it.
    """
    data = layout.stored
    if data is None:
        try:
            data = path.read_bytes()
        except OSError:
            raise UnreadableWorkbook("damaged", unreadable(None)) from None
    workbook: CalamineWorkbook = calamine_call(CalamineWorkbook.from_filelike, io.BytesIO(data))
    return workbook


def _furthest(far: SheetStructure) -> str:
    return far.max_column_ref if far.max_column > far.max_row else far.max_row_ref
