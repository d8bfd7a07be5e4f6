"""An xlsx workbook rebuilt from an .ods or .xlsb, for `validate --annotate` to mark.

openpyxl writes only xlsx, and opens no .ods or .xlsb. The copy therefore holds what
koopbericht read: every sheet with its values at the same cells (so that each finding's
A1 reference points at the same value), error values, merged ranges, hidden rows and
hidden sheets. Formulas (their results are kept), formatting and comments of the
original are not carried over; the original itself is never written.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import CannotAnnotate, UnreadableWorkbook
from ..formatting import german_number
from ..read.a1 import range_bounds
from ..read.calamine import CalamineRows, calamine_call
from ..read.formats import open_values, read_layout
from ..read.layout import Layout
from ..read.sheetfacts import SheetStructure
from ..render.xlsx.safetext import set_text

# openpyxl creates an object for every cell of a merged range: N20:Z1048576 takes minutes and gigabytes.
MAX_MERGED_CELLS = 100_000
# What Excel does not allow in a sheet name, and its length limit.
_NOT_IN_TITLE = re.compile(r"[\\/*?:\[\]]")
MAX_TITLE = 31


def rebuilt_workbook(path: Path, layout: Layout | None = None) -> tuple[Workbook, dict[str, str]]:
    """The workbook at `path` as xlsx, and the title each sheet got (where Excel needs another name).

    `layout`: the sheets as the check scanned them; without it, the file is checked and scanned again.
    Only calamine's values are read again (from the file: the check kept no bytes).
    """
    try:
        layout = layout if layout is not None else read_layout(path)
        values = open_values(path, layout)
    except UnreadableWorkbook as problem:
        raise CannotAnnotate(f"die Arbeitsmappe lässt sich nicht erneut lesen: {problem.message}") from None
    assert values is not None  # only an xlsx may be left to openpyxl, and it is not rebuilt
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    titles: dict[str, str] = {}
    try:
        names = set(calamine_call(lambda: values.sheet_names))
        for info in layout.worksheets():
            if info.name not in names:
                continue
            sheet = workbook.create_sheet(_title(info.name, set(titles.values())))
            titles[info.name] = sheet.title
            sheet.sheet_state = "hidden" if info.hidden else "visible"
            rows = CalamineRows(calamine_call(values.get_sheet_by_name, info.name, sheet=info.name))
            _fill(sheet, rows, layout.structures[info.part])
    except UnreadableWorkbook as problem:
        raise CannotAnnotate(f"die Arbeitsmappe lässt sich nicht erneut lesen: {problem.message}") from None
    finally:
        values.close()
    if not workbook.worksheets:
        workbook.create_sheet("Tabelle1")
    return workbook, titles


def too_many_merged(example: str) -> str:
    """Why a workbook with merged ranges over too many cells is not marked."""
    limit = german_number(MAX_MERGED_CELLS)
    return (
        f"die Arbeitsmappe hat verbundene Zellen über mehr als {limit} Zellen (etwa {example}), zu viele zum "
        "Markieren; bitte die Befunde aus der Liste weitergeben oder die Verbindung der Zellen aufheben lassen"
    )


def _title(name: str, taken: set[str]) -> str:
    """`name` as a sheet title Excel accepts, distinct from those `taken`."""
    title = _NOT_IN_TITLE.sub("_", name).strip("'")[:MAX_TITLE] or "Tabelle"
    number = 1
    candidate = title
    while candidate.casefold() in {t.casefold() for t in taken}:
        number += 1
        suffix = f" ({number})"
        candidate = title[: MAX_TITLE - len(suffix)] + suffix
    return candidate


def _fill(sheet: Worksheet, rows: CalamineRows, structure: SheetStructure) -> None:
    """Write the values, error values, merged ranges and hidden rows of one sheet."""
    for number, values in rows:
        for index, value in enumerate(values, start=1):
            if value is not None and value != "":
                set_text(sheet.cell(number, index), _storable(value))
    for ref, text in structure.error_cells.items():
        cell = sheet[ref]
        if text in ERROR_CODES:
            cell.value, cell.data_type = text, "e"
        else:  # an error in another language (#NV) is no error value Excel knows: kept as its text
            set_text(cell, text)
    merged = 0
    for ref in structure.merged_ranges:
        first_column, first_row, last_column, last_row = range_bounds(ref)
        merged += (last_column - first_column + 1) * (last_row - first_row + 1)
        if merged > MAX_MERGED_CELLS:  # openpyxl creates an object for every cell of a merged range
            raise CannotAnnotate(too_many_merged(ref))
        sheet.merge_cells(ref)
    for number in structure.hidden_rows:
        sheet.row_dimensions[number].hidden = True


def _storable(value: Any) -> Any:
    """A value openpyxl can store; a duration (which xlsx has no type for) as text."""
    if isinstance(value, dt.timedelta):
        return str(value)
    return value
