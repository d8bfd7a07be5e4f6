"""`validate --annotate`: copies of the workbooks with every finding marked at its cell, for the department.

The copy gets a fill and a frame (`annotated_sheets.MARKS`) and a comment on each cell with
a finding, in the department's words (`advice`); a first sheet „Was ist zu tun“
(`annotated_cover`) and a last sheet „Prüfergebnis“ listing all findings, so the clerk can
send it back as it is. The original is read, never written. An .ods or .xlsb, which
openpyxl cannot open, is copied as an xlsx of its values (`rebuilt`).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles.borders import DEFAULT_BORDER
from openpyxl.styles.fills import DEFAULT_EMPTY_FILL
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import CannotAnnotate
from ..files.oserrors import os_reason
from ..findings import Finding, Severity
from ..findings.advice import activity_text
from ..read.formats import format_of, workbook_format
from ..read.layout import Layout
from ..read.structure import MAX_COLUMN, MAX_ROW
from ..read.workbook import openpyxl_errors
from ..render.xlsx.stamped import workbook_bytes
from .marked_cover import cover_sheet
from .marked_sheets import COVER_SHEET, LABELS, MARKS, SUMMARY_SHEET, Cover, mark, summary_sheet
from .rebuilt import MAX_MERGED_CELLS, rebuilt_workbook, too_many_merged

__all__ = ["MARKS", "AnnotatedCopy", "CannotAnnotate", "Cover", "annotated_copy"]

COMMENT_AUTHOR = "Prüfung des Meldebogens"
COMMENT_WIDTH, COMMENT_CHARACTERS = 340, 48  # pixels, and characters of a line at that width
OLD_FILLS = {"00FFC7CE", "00FFEB9C"}  # the marks of copies written before the border was added
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


def annotated_copy(
    path: Path, findings: list[Finding], cover: Cover | None = None, layout: Layout | None = None
) -> AnnotatedCopy:
    """A copy of the workbook at `path` with each finding's cell marked and commented, for the department.

    The copy opens on the sheet „Was ist zu tun“ (`cover`: deadline, whom to ask) and ends with
    „Prüfergebnis“. An xlsx is copied whole; an .ods or .xlsb becomes an xlsx of what koopbericht read
    from it (`rebuilt`). The same file and findings give the same bytes. Raises `CannotAnnotate`
    (German reason) where no copy can be made as the file was read.

    `layout`: the format and sheets as the check scanned them (`formats.kept_for_copy`); with it, the
    format is not detected and no sheet scanned again, only what openpyxl loads to write the copy is read.
    """
    cover = cover or Cover()
    kind = format_of(layout) if layout is not None else workbook_format(path)
    titles: dict[str, str] = {}  # the sheet titles of a rebuilt copy, by the original's sheet names
    if kind.copied_whole:
        workbook = _opened(path, layout)
    else:
        workbook, titles = rebuilt_workbook(path, layout)
    # openpyxl drops sheets it does not understand (a Strict Open XML workbook loses all of
    # them); a copy without the sheet the findings are about would mislead.
    if any(f.sheet and titles.get(f.sheet, f.sheet) not in workbook.sheetnames for f in findings):
        raise CannotAnnotate(_CANNOT_MARK)
    findings = [replace(f, sheet=titles.get(f.sheet, f.sheet)) if f.sheet else f for f in findings]
    for old in (COVER_SHEET, SUMMARY_SHEET):
        if old in workbook.sheetnames and not any(f.sheet == old for f in findings):
            del workbook[old]  # a copy sent back and checked again gets new ones
    _unmark(workbook)
    _mark_cells(workbook, findings, cover)
    cover_sheet(workbook, findings, cover)
    summary_sheet(workbook, findings, cover)
    stamp = _stamp(path)
    data = workbook_bytes(workbook, stamp, created=not kind.copied_whole)
    return AnnotatedCopy(data, None if kind.copied_whole else kind.name)


def _stamp(path: Path) -> dt.datetime:
    """The time of the copy: when the original was last changed, to the minute (UTC)."""
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(tzinfo=None)
    return changed.replace(second=0, microsecond=0)


def _mark_cells(workbook: Workbook, findings: list[Finding], cover: Cover) -> None:
    """Fill, frame and comment every cell with a finding (a merged range's at its first cell)."""
    by_cell: dict[tuple[str, str], list[tuple[str, Finding]]] = {}
    for finding in findings:
        if finding.sheet and finding.cell:
            target = _markable_cell(workbook[finding.sheet], finding.cell)
            if target is not None:
                by_cell.setdefault((finding.sheet, target), []).append((finding.cell, finding))
    for (sheet, ref), cell_findings in by_cell.items():
        cell = workbook[sheet][ref]
        worst = min((f for _, f in cell_findings), key=lambda f: f.severity is not Severity.ERROR)
        mark(cell, worst.severity)
        text = "\n\n".join(_comment_text(f, cover, None if at == ref else at) for at, f in cell_findings)
        if cell.comment is not None and cell.comment.text.strip():  # the department's own note is kept
            text += f"\n\nIhr Kommentar: {cell.comment.text.strip()}"
        cell.comment = _comment(text)


def _comment(text: str) -> Comment:
    """A comment box big enough for `text` (Excel shows a note at its stored size, cutting off the rest)."""
    lines = sum(-(-max(len(part), 1) // COMMENT_CHARACTERS) for part in text.split("\n"))
    return Comment(text, COMMENT_AUTHOR, width=COMMENT_WIDTH, height=min(24 + 15 * lines, 600))


def _unmark(workbook: Workbook) -> None:
    """Take off the marks and comments of an earlier check, on a copy that was sent back and is checked again."""
    fills = {m.fill.fgColor.rgb for m in MARKS.values()} | OLD_FILLS
    for sheet in workbook.worksheets:
        for cell in list(sheet._cells.values()):
            if cell.comment is None or cell.comment.author not in (COMMENT_AUTHOR, "koopbericht"):
                continue
            cell.comment = None
            if cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb in fills:
                cell.fill = DEFAULT_EMPTY_FILL
                cell.border = DEFAULT_BORDER


def _opened(path: Path, layout: Layout | None = None) -> Workbook:
    """The xlsx at `path` opened by openpyxl for writing a copy; `CannotAnnotate` where it cannot.

    Its merged ranges are counted from `layout` where the check scanned them, else from the file.
    """
    if layout is not None:
        _refuse_huge_merges_in(layout)
    try:
        # openpyxl refuses a path whose name does not end in .xlsx (GB3.xls, no extension) even when
        # it is an xlsx, which koopbericht reads by content; given an open file it does not look at the name.
        with path.open("rb") as stream:
            if layout is None:
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


def _refuse_huge_merges_in(layout: Layout) -> None:
    """`_refuse_huge_merges` from the merged ranges the check's scan found, without reading the file again."""
    merged = 0
    for structure in layout.structures.values():
        for ref in structure.merged_ranges:
            merged += _cells_in(ref.encode("ascii", "replace"))
            if merged > MAX_MERGED_CELLS:
                raise CannotAnnotate(too_many_merged(ref))


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


def _comment_text(finding: Finding, cover: Cover, elsewhere: str | None = None) -> str:
    """The comment for one finding; `elsewhere` names its own cell when the mark sits on a merged range's first."""
    activity = activity_text(finding)
    label = LABELS[finding.severity] + (f" zu {activity}" if activity else "")
    label += f" (betrifft {elsewhere})" if elsewhere else ""
    return f"{label}: {cover.text(finding)}"
