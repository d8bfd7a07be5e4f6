"""Rows tall enough for their wrapped text, and dates aligned with their (left-aligned) headings.

Excel and LibreOffice show a row at its stored height, however much wrapped text it holds, so
the text of a row without a height overlaps the next one; the heights are estimated here from
the length of the text, the width of its column (a merged range's columns together) and its type
size. A date or number takes the left edge like its heading: right-aligned, a date ran into the
text of the next column and a Beginn looked like an Ende.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

DEFAULT_FONT, DEFAULT_FONT_SIZE = "Calibri", 11.0
DEFAULT_WIDTH = 8.43  # characters: a column without a width of its own
LINE_FACTOR = 1.3  # a line of text takes 1.3 times its type size (15 points at 11 pt)
MAX_ROW_HEIGHT = 409.0  # Excel's limit
CHARACTERS_PER_WIDTH = 1.1  # ordinary text: more characters than digits fit a unit of width
CHECKED_CELLS = 200_000  # beyond this, a department's sheet is left as it is (the copy must be written fast)


def column_width(sheet: Worksheet, index: int) -> float:
    """The width of column `index` in characters; 0 when hidden."""
    for dimension in sheet.column_dimensions.values():
        low = dimension.min or 0
        if low <= index <= (dimension.max or low) or (not low and dimension.index == get_column_letter(index)):
            return 0.0 if dimension.hidden else float(dimension.width or DEFAULT_WIDTH)
    return float(sheet.sheet_format.defaultColWidth or DEFAULT_WIDTH)


def smallest_font_size(sheet: Worksheet) -> float:
    """The smallest type size of the cells with a value (11 pt in an empty sheet)."""
    sizes = [c.font.sz or DEFAULT_FONT_SIZE for c in _cells(sheet) if c.value is not None and c.font is not None]
    return float(min(sizes, default=DEFAULT_FONT_SIZE))


def _cells(sheet: Worksheet) -> list[Any]:
    cells = list(sheet._cells.values())
    return cells if len(cells) <= CHECKED_CELLS else []


def fit_row_heights(sheet: Worksheet) -> None:
    """Give every row without a height of its own one tall enough for its wrapped text."""
    spans = _merged_widths(sheet)
    widths: dict[int, float] = {}
    needed: dict[int, float] = {}
    for cell in _cells(sheet):
        if cell.value is None or not isinstance(cell.value, str) or not cell.alignment.wrap_text:
            continue
        if cell.column not in widths:
            widths[cell.column] = column_width(sheet, cell.column)
        width = spans.get(cell.coordinate, widths[cell.column])
        size = float(cell.font.sz or DEFAULT_FONT_SIZE)
        needed[cell.row] = max(needed.get(cell.row, 0.0), text_height(cell.value, width, size))
    for row, height in needed.items():
        dimension = sheet.row_dimensions[row]
        if dimension.height is None and height > DEFAULT_FONT_SIZE * LINE_FACTOR + 1:
            dimension.height = height


def text_height(text: str, width: float, size: float = DEFAULT_FONT_SIZE) -> float:
    """Points for `text` wrapped in a column `width` characters wide at `size` points."""
    per_line = max(int((width - 1) * CHARACTERS_PER_WIDTH * DEFAULT_FONT_SIZE / size), 4)
    lines = sum(_lines(part, per_line) for part in text.split("\n"))
    return min(round(lines * size * LINE_FACTOR + 2, 1), MAX_ROW_HEIGHT)


def _lines(paragraph: str, per_line: int) -> int:
    """Lines of `paragraph` broken at spaces into lines of at most `per_line` characters (a long word alone)."""
    lines, used = 1, 0
    for word in paragraph.split(" "):
        length = len(word)
        if used and used + 1 + length > per_line:
            lines, used = lines + 1, 0
        used += (1 if used else 0) + length
        while used > per_line:  # a word longer than the line is broken
            lines, used = lines + 1, used - per_line
    return lines


def _merged_widths(sheet: Worksheet) -> dict[str, float]:
    """The width of every merged range of one row, by its first cell."""
    spans = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == merged.max_row:
            width = sum(column_width(sheet, c) for c in range(merged.min_col, merged.max_col + 1))
            spans[f"{get_column_letter(merged.min_col)}{merged.min_row}"] = width
    return spans


def align_values(sheet: Worksheet) -> None:
    """Left-align the dates and numbers that have no alignment of their own, like their headings.

    A font without a name (openpyxl's `Font(bold=True)`) is given the workbook's, Calibri: LibreOffice
    would set it in its default serif face.
    """
    for cell in _cells(sheet):
        if cell.value is not None and cell.font is not None and cell.font.name is None:
            font = copy(cell.font)
            font.name = DEFAULT_FONT
            cell.font = font
        value = cell.value
        if isinstance(value, bool) or not isinstance(value, (int, float, dt.date)):
            continue
        if cell.alignment.horizontal is None:
            alignment = cell.alignment
            cell.alignment = Alignment(
                horizontal="left", vertical=alignment.vertical, wrap_text=alignment.wrap_text, indent=alignment.indent
            )
