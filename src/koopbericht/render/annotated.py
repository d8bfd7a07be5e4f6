"""`validate --annotate`: copies of the workbooks with every finding marked at its cell.

The copy gets a fill colour and a German comment on each cell with a finding, and a
sheet "Prüfergebnis" listing all findings of the file, so the clerk can send it back
to the department. The original is read, never written. An .ods or .xlsb, which openpyxl
cannot open, is copied as an xlsx of its values (`rebuilt`).
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import CannotAnnotate
from ..fileio import os_reason
from ..findings import Finding, Severity
from ..read.layout import XLSX, workbook_format
from ..read.structure import MAX_COLUMN, MAX_ROW
from ..read.workbook import openpyxl_errors
from .rebuilt import MAX_MERGED_CELLS, rebuilt_workbook, too_many_merged
from .xlsxsafe import set_text

FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="FFC7CE"),
    Severity.WARNING: PatternFill("solid", fgColor="FFEB9C"),
}
LABELS = {Severity.ERROR: "Fehler", Severity.WARNING: "Warnung", Severity.INFO: "Hinweis"}
SUMMARY_SHEET = "Prüfergebnis"
_CANNOT_MARK = (
    "die Arbeitsmappe lässt sich zum Markieren nicht bearbeiten (etwa im Format „Strict Open XML“); "
    "bitte die Befunde aus der Liste weitergeben oder die Datei als „Excel-Arbeitsmappe (.xlsx)“ speichern lassen"
)
# <mergeCell ref="B7:C7"/>, with or without a namespace prefix; found in the raw XML, before openpyxl sees it.
_MERGE_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref\s*=\s*[\"']([^\"']*)[\"']")
_CHUNK = 1 << 20
_OVERLAP = 1024  # bytes kept between chunks so that an element split by a chunk boundary is still found


@dataclass(frozen=True)
class AnnotatedCopy:
    """The marked copy as xlsx bytes; `rebuilt_from` names the format (ods, xlsb) it was rebuilt from, if any."""

    data: bytes
    rebuilt_from: str | None = None


def annotated_copy(path: Path, findings: list[Finding]) -> AnnotatedCopy:
    """A copy of the workbook at `path` with each finding's cell filled and commented, and a summary sheet.

    An xlsx is copied whole; an .ods or .xlsb becomes an xlsx of what koopbericht read from it
    (`rebuilt`). Raises `CannotAnnotate` (German reason) where no copy can be made as the file was read.
    """
    kind = workbook_format(path)
    titles: dict[str, str] = {}  # the sheet titles of a rebuilt copy, by the original's sheet names
    if kind == XLSX:
        workbook = _opened(path)
    else:
        workbook, titles = rebuilt_workbook(path)
    # openpyxl drops sheets it does not understand (a Strict Open XML workbook loses all of
    # them); a copy without the sheet the findings are about would mislead.
    if any(f.sheet and titles.get(f.sheet, f.sheet) not in workbook.sheetnames for f in findings):
        raise CannotAnnotate(_CANNOT_MARK)
    by_cell: dict[tuple[str, str], list[tuple[str, Finding]]] = {}
    for finding in findings:
        if finding.sheet and finding.cell:
            title = titles.get(finding.sheet, finding.sheet)
            target = _markable_cell(workbook[title], finding.cell)
            if target is not None:
                by_cell.setdefault((title, target), []).append((finding.cell, finding))
    for (sheet, ref), cell_findings in by_cell.items():
        cell = workbook[sheet][ref]
        worst = min((f for _, f in cell_findings), key=lambda f: f.severity is not Severity.ERROR)
        cell.fill = FILLS[worst.severity]
        text = "\n\n".join(_comment_text(f, None if at == ref else at) for at, f in cell_findings)
        cell.comment = Comment(text, "koopbericht", width=320, height=160)
    _summary_sheet(workbook, findings)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return AnnotatedCopy(buffer.getvalue(), None if kind == XLSX else kind)


def _opened(path: Path) -> Workbook:
    """The xlsx at `path` opened by openpyxl for writing a copy; `CannotAnnotate` where it cannot."""
    try:
        # openpyxl refuses a path whose name does not end in .xlsx (GB3.xls, no extension) even when
        # it is an xlsx, which koopbericht reads by content; given an open file it does not look at the name.
        with path.open("rb") as stream:
            _refuse_huge_merges(stream)
            stream.seek(0)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return load_workbook(stream)
    except OSError as error:
        raise CannotAnnotate(f"die Datei lässt sich nicht öffnen: {os_reason(error)}") from None
    except openpyxl_errors():
        raise CannotAnnotate(_CANNOT_MARK) from None


def _refuse_huge_merges(stream: IO[bytes]) -> None:
    """Raise `CannotAnnotate` if the merged ranges of the workbook cover too many cells for openpyxl."""
    try:
        with zipfile.ZipFile(stream) as package:
            merged = 0
            for info in package.infolist():
                with package.open(info) as member:
                    for ref in _merge_refs(member):
                        merged += _cells_in(ref)
                        if merged > MAX_MERGED_CELLS:
                            raise CannotAnnotate(too_many_merged(ref.decode("ascii", "replace")))
    except CannotAnnotate:
        raise
    except openpyxl_errors():  # ZIP and XML damage included
        raise CannotAnnotate(_CANNOT_MARK) from None


def _merge_refs(member: IO[bytes]) -> Iterator[bytes]:
    """The ref of every <mergeCell> in one package part, read in chunks; nothing from a part that is not XML."""
    tail = b""
    first = True
    while chunk := member.read(_CHUNK):
        if first and not chunk.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            return  # pictures and other binary parts
        first = False
        buffer = tail + chunk
        # A match that lies wholly in the kept tail was found in the previous chunk already.
        yield from (m.group(1) for m in _MERGE_CELL.finditer(buffer) if m.end() > len(tail))
        tail = buffer[-_OVERLAP:]


def _cells_in(ref: bytes) -> int:
    """How many cells the merged range `ref` spans (whole rows or columns count in full); 0 if unreadable."""
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode("ascii").replace("$", ""))
    except (UnicodeDecodeError, ValueError, TypeError):
        return 0  # openpyxl cannot read it either and refuses the workbook
    columns = (max_col or MAX_COLUMN) - (min_col or 1) + 1
    rows = (max_row or MAX_ROW) - (min_row or 1) + 1
    return max(columns, 0) * max(rows, 0)


def _markable_cell(sheet: Worksheet, ref: str) -> str | None:
    """The cell that can carry the mark for `ref`: itself, or the top-left cell of its merged range."""
    try:
        column, row, _, _ = range_boundaries(ref)
    except ValueError:
        return None
    if column is None or row is None:
        return None
    coordinate = f"{get_column_letter(column)}{row}"
    if not isinstance(sheet[coordinate], MergedCell):
        return coordinate
    for merged in sheet.merged_cells.ranges:
        if coordinate in merged:
            return f"{get_column_letter(merged.min_col)}{merged.min_row}"
    return None


def _comment_text(finding: Finding, elsewhere: str | None = None) -> str:
    """The comment for one finding; `elsewhere` names its own cell when the mark sits on a merged range's first."""
    text = f"{LABELS[finding.severity]} ({finding.code}): {finding.message}"
    if elsewhere:
        text += f" (betrifft {elsewhere})"
    if finding.suggestion:
        text += f"\nVorschlag: {finding.suggestion}"
    return text


def _summary_sheet(workbook: Workbook, findings: list[Finding]) -> None:
    if SUMMARY_SHEET in workbook.sheetnames:
        del workbook[SUMMARY_SHEET]
    sheet = workbook.create_sheet(SUMMARY_SHEET, 0)
    headers = ("Blatt", "Zelle", "Art", "Code", "Spalte", "Meldung", "Vorschlag")
    for index, (header, width) in enumerate(zip(headers, (14, 8, 10, 24, 20, 90, 30), strict=True), start=1):
        cell = sheet.cell(1, index)
        set_text(cell, header)
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = width
    for row, finding in enumerate(findings, start=2):
        values = (
            finding.sheet or "",
            finding.cell or "",
            LABELS[finding.severity],
            finding.code,
            finding.column or "",
            finding.message,
            finding.suggestion or "",
        )
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            set_text(cell, value)
            if column == 3 and finding.severity in FILLS:
                cell.fill = FILLS[finding.severity]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:G{len(findings) + 1}"
