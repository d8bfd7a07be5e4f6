"""Reading one Meldebogen: find the header in any sheet, map the columns, read the rows.

Every worksheet is scanned first (`layout`: the xlsx's XML, the .xlsb's records, the
.ods's content.xml): for what calamine cannot see, and to refuse damage before any
reader trusts the file. Values then come from python-calamine (`calamine`); a sheet of
an xlsx whose extent is far larger than a Meldebogen (one stray value at XFD1048576) is
read with openpyxl's streaming reader instead (`streamed`), only as wide as the header.
Every value keeps its cell reference (as Excel and LibreOffice Calc show it) so that
each finding can name it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from ..config import Settings
from ..normalise.values import one_line
from .calamine import CalamineRows, calamine_call
from .errors import UnreadableWorkbook
from .extent import MAX_EXTRA_HEADER_ROWS, block_titles, header_block, header_merges
from .formats import format_of, kept_for_copy, open_values, read_layout
from .header import HEADER_SCAN_ROWS, find_header, header_labels, map_header, nearest_header
from .kinds import ColumnKinds
from .layout import Layout
from .package import SheetInfo
from .raw import HeaderCell, RawCell, RawMeldebogen, RawRow, UnknownColumn, collector_paused
from .rows import DataRows
from .sheetfacts import SheetStructure
from .sheets import PARTIAL, named_aside, without_repeats
from .streamed import StreamedRows, openpyxl_errors

# What other stages take from here: the raw types, and the streaming reader's errors.
__all__ = [
    "TEMPLATE_LIST_SHEET",
    "HeaderCell",
    "RawCell",
    "RawMeldebogen",
    "RawRow",
    "UnknownColumn",
    "openpyxl_errors",
    "read_meldebogen",
]

# The hidden sheet in which `koopbericht template` keeps the dropdown values; not data.
TEMPLATE_LIST_SHEET = "Listen"
# Above this many cells from A1 to the furthest content, calamine's dense copy of a sheet
# would cost more memory than the data deserves (about 30 bytes a cell).
MAX_DENSE_CELLS = 2_000_000
# Header cells looked at in a sheet read by the streaming reader.
MAX_HEADER_COLUMNS = 256
# Titles quoted in the message when no header is found.
MAX_QUOTED = 6


def read_meldebogen(
    path: Path, file: str, settings: Settings, only: frozenset[str] | None = None, year: int | None = None
) -> RawMeldebogen:
    """Read the workbook at `path` (a Meldung for `year`); raise UnreadableWorkbook when that is impossible.

    With `only` (column keys), the rows keep the cells of those columns alone, and neither
    unknown columns nor values beside the table are looked for: for a year read only to
    compare a few columns with the next (`pipeline`), not to check it. `year` is the report year,
    to know a sheet named for an earlier one.
    """
    with collector_paused():
        return _read(path, file, settings, only, year)


def _read(path: Path, file: str, settings: Settings, only: frozenset[str] | None, year: int | None) -> RawMeldebogen:
    layout = read_layout(path)
    sheets = layout.worksheets()
    if not sheets:
        names = ", ".join(f"„{s.name}“" for s in layout.sheets) or "keine"
        message = f"Die Arbeitsmappe enthält kein Tabellenblatt mit Zellen (Blätter: {names})."
        raise UnreadableWorkbook("header", message)
    workbook = open_values(path, layout)
    try:
        reader = _Reader(path, workbook, layout, header_labels(settings), ColumnKinds.of(settings))
        reader.only = only
        reader.year = year
        raw = reader.read(sheets, file)
    finally:
        if workbook is not None:
            workbook.close()
    if only is None:  # a year that is checked: what a marked copy needs, so that it reads nothing again
        raw.layout = kept_for_copy(layout)
    return raw


class _Reader:
    """Finds the header sheet of one workbook and reads its data rows."""

    def __init__(
        self,
        path: Path,
        workbook: CalamineWorkbook | None,
        layout: Layout,
        labels: dict[str, str],
        kinds: ColumnKinds | None = None,
    ) -> None:
        self.path, self.workbook, self.layout, self.labels = path, workbook, layout, labels
        self.kinds = kinds or ColumnKinds(labels)
        self.structures = layout.structures
        self.loaded: dict[str, CalamineRows] = {}
        self.only: frozenset[str] | None = None  # the columns whose cells are kept (None: all)
        self.year: int | None = None  # the report year, to know a sheet named for an earlier one

    def rows(self, info: SheetInfo, width: int, height: int | None = None) -> Iterable[tuple[int, list[Any]]]:
        """The rows of a sheet (up to `height`), from calamine unless its extent is far beyond what data needs.

        A sheet calamine refuses although its XML was scanned whole (calamine 0.9 knows no
        #SPILL! or #CALC! error value) is streamed too; what openpyxl cannot read either is damage.
        """
        structure = self.structures[info.part]
        far = structure.spanned_cells() > MAX_DENSE_CELLS
        if self.workbook is not None and not far and info.part not in self.loaded:
            try:
                sheet = calamine_call(self.workbook.get_sheet_by_name, info.name, sheet=info.name)
                self.loaded[info.part] = CalamineRows(sheet)
            except UnreadableWorkbook:
                pass
        if info.part in self.loaded:
            return self.loaded[info.part]
        if not format_of(self.layout).streamable(self.layout):  # openpyxl reads no Strict Open XML, .xlsb, .ods
            raise format_of(self.layout).refusal(info.name, structure if far else None)
        limit = min(height or structure.max_row, structure.max_row) or height
        return StreamedRows(self.path, info.name, width, limit)

    def read(self, sheets: list[SheetInfo], file: str) -> RawMeldebogen:
        """Find the header (visible sheets first) and read the rows below it, in every sheet that has it.

        The sheet whose header names most columns comes first; every other visible sheet with a
        header is read too (a Meldebogen split over two sheets), or set aside with the reason.
        """
        found = self._headers(sheets)
        if not found:
            listed = ", ".join(f"„{s.name}“" for s in sheets) or "keine"
            raise UnreadableWorkbook(
                "header",
                f"In keinem Blatt ({listed}) wurde eine Kopfzeile gefunden.{self._nearest(sheets)} Erwartet wird "
                "eine Zeile mit Spaltenüberschriften wie „Vorhaben“, „Kooperationspartner“ und „Status“.",
            )
        named = [(f, named_aside(f[1].name, self.year)) for f in found]
        set_aside: list[tuple[str, str]] = []
        if any(why is None for _, why in named):  # a lone example is read: it is all there is
            found = [f for f, why in named if why is None]
            set_aside = [(f[1].name, why) for f, why in named if why is not None]
            for f, why in named:
                if why is not None:
                    self.loaded.pop(f[1].part, None)
        best = max(found, key=lambda f: f[0])  # the first of equally good sheets
        ordered = [best, *(f for f in found if f is not best)]
        raws: list[RawMeldebogen] = []
        for count, info, header_row, values in ordered:
            raw = self._read_sheet(info, header_row, values, file)
            self.loaded.pop(info.part, None)  # read: let calamine's copy go
            if raws and not self.kinds.required <= set(raw.columns) and count < best[0]:
                set_aside.append((info.name, PARTIAL))
                continue
            raws.append(raw)
        kept, repeated = without_repeats(raws)
        result = kept[0]
        result.more_sheets = kept[1:]
        result.sheets_set_aside = set_aside + repeated
        result.sheets_repeated = [name for name, _ in repeated]
        read = {raw.sheet for raw in raws}
        result.hidden_sheets_with_data = [
            other.name
            for other in sheets
            if other.hidden
            and other.name not in read
            and other.name != TEMPLATE_LIST_SHEET
            and self.structures[other.part].value_cells
        ]
        return result

    def _headers(self, sheets: list[SheetInfo]) -> list[tuple[int, SheetInfo, int, list[Any]]]:
        """(columns named, sheet, row, values) of each visible sheet with a header, in tab order.

        A hidden sheet is used only when no visible one has a header, and then only the best one.
        """
        workbook = self.workbook
        names = {s.name for s in sheets} if workbook is None else set(calamine_call(lambda: workbook.sheet_names))
        for group, every in (([s for s in sheets if not s.hidden], True), ([s for s in sheets if s.hidden], False)):
            found = []
            for info in group:
                if info.name not in names:
                    continue
                header = find_header(self.rows(info, MAX_HEADER_COLUMNS, HEADER_SCAN_ROWS), self.labels)
                if header:
                    found.append((header[0], info, header[1], header[2]))
                else:
                    self.loaded.pop(info.part, None)  # not a data sheet: let calamine's copy go
            if found:
                return found if every else [max(found, key=lambda f: f[0])]
        return []

    def _nearest(self, sheets: list[SheetInfo]) -> str:
        """Where the header came nearest, and which titles were missing there; "" without any row of titles."""
        best: tuple[int, SheetInfo, int, list[Any]] | None = None
        for info in sorted(sheets, key=lambda s: s.hidden):
            try:
                near = nearest_header(self.rows(info, MAX_HEADER_COLUMNS, HEADER_SCAN_ROWS), self.labels)
            except UnreadableWorkbook:
                continue
            finally:
                self.loaded.pop(info.part, None)
            if near and (best is None or near[0] > best[0]):
                best = (near[0], info, near[1], near[2])
        if best is None:
            return ""
        _, info, number, values = best
        header = map_header(values, number, self.labels)
        titles = [f"„{one_line(cell.title)}“" for cell in header if cell.title][:MAX_QUOTED]
        known = {cell.key for cell in header if cell.key}
        missing = [f"„{title}“" for title in self.kinds.titles(exclude=known)][:MAX_QUOTED]
        text = f" Am nächsten kommt Zeile {number} im Blatt „{info.name}“ ({', '.join(titles)})"
        return text + (f"; dort fehlen {', '.join(missing)}." if missing else ".")

    def _read_sheet(self, info: SheetInfo, header_row: int, header_values: list[Any], file: str) -> RawMeldebogen:
        """The header and rows of one sheet."""
        structure = self.structures[info.part]
        header, header_end = self._header(info, structure, header_row, header_values)
        columns: dict[str, int] = {}
        for index, cell in enumerate(header, start=1):
            if cell.key and cell.key not in columns:
                columns[cell.key] = index
        result = RawMeldebogen(
            self.path, file, info.name, header_row, header, columns, structure=structure, header_end=header_end
        )
        result.header_errors = [
            RawCell(structure.error_cells[cell.ref], cell.ref) for cell in header if cell.ref in structure.error_cells
        ]
        DataRows(result, self.kinds, self.only).read(self.rows(info, len(header)))
        return result

    def _header(
        self, info: SheetInfo, structure: SheetStructure, header_row: int, values: list[Any]
    ) -> tuple[list[HeaderCell], int]:
        """The header's cells and its last row.

        Title cells merged over several rows and a second title row directly below (translated
        or split titles) belong to the header.
        """
        header = map_header(values, header_row, self.labels)
        merges = header_merges(structure.merged_ranges, header_row)
        reach = max([header_row, *(m[3] for m in merges)]) + MAX_EXTRA_HEADER_ROWS
        start = min([header_row, *(m[1] for m in merges)])
        rows: dict[int, list[Any]] = {}
        for number, row_values in self.rows(info, MAX_HEADER_COLUMNS, reach):
            if number > reach:
                break
            if number >= start:
                rows[number] = list(row_values)
        first, last = header_block(header_row, rows, merges, self.kinds)
        if (first, last) == (header_row, header_row):
            return header, header_row
        return block_titles(header, rows, first, last, header_row, self.kinds), last
