"""Printing a worksheet on A4: orientation by width, legible type, titles and page numbers on every page.

Every openpyxl workbook koopbericht writes passes `ready_for_print` on its way out
(`stamped.workbook_bytes`), the streamed Anlage xlsx uses `print_plan` and `page_setup_xml`.
A sheet that fits the page's width at ≥ 7 pt printed type is fitted to it; a wider one is
printed at a fixed scale across pages, its frozen columns repeated at the left of each, as its
frozen header row is on top of every page. Spreadsheet programs neither measure the height of a
row with wrapped text on opening (LibreOffice included) nor align a date with its left-aligned
heading; both are done here (`rows.py`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ...normalise.values import XML_ILLEGAL
from .rows import DEFAULT_FONT_SIZE, align_values, column_width, fit_row_heights, smallest_font_size

A4_WIDTH, A4_HEIGHT = 595.28, 841.89  # points
SIDE_MARGIN = 0.5  # inches, left and right
SMALLEST_PRINTED = 7.2  # points: 7 pt is the least a reader should get, and the widths are estimated
PORTRAIT_PRINTED = 8.0  # points: a sheet printed portrait at this size or larger is not turned
PAGE_NUMBERS = "Seite &P von &N"
NUMBER_COLUMN = 16  # characters: a first column this narrow holds a number or a code


def column_points(width: float) -> float:
    """Printed points of a column `width` characters wide at 100 %, in the widest of the usual fonts.

    A width counts digits of the default font: Calibri 11 makes a character 5.25 points, but
    LibreOffice without Calibri sets DejaVu Sans, 6.9 points; the wider one keeps the type legible in both.
    """
    return width * 6.9 + 3


@dataclass(frozen=True)
class PrintPlan:
    """How a sheet prints: `scale` None is fitted to the page's width, a percentage prints across pages."""

    orientation: Literal["portrait", "landscape"]
    scale: int | None = None


def print_plan(points: float, font_size: float = DEFAULT_FONT_SIZE) -> PrintPlan:
    """The plan for a sheet `points` wide at 100 %, its smallest type `font_size` points."""
    margins = 2 * SIDE_MARGIN * 72
    if font_size * (A4_WIDTH - margins) / points >= PORTRAIT_PRINTED:
        return PrintPlan("portrait")
    if font_size * (A4_HEIGHT - margins) / points >= SMALLEST_PRINTED:
        return PrintPlan("landscape")
    return PrintPlan("landscape", math.ceil(100 * SMALLEST_PRINTED / font_size))


def ready_for_print(workbook: Workbook) -> None:
    """Page setup, row heights and alignment for every visible sheet of `workbook`."""
    visible = [s for s in workbook.worksheets if s.sheet_state == "visible"]
    title = workbook.properties.title or ""
    for sheet in visible:
        align_values(sheet)
        fit_row_heights(sheet)
        set_up_page(sheet, title, sheet_name=len(visible) > 1)


def set_up_page(sheet: Worksheet, title: str, *, sheet_name: bool = False) -> None:
    """A4 as `print_plan` has it; `title` (and the sheet's name) on top, page numbers below."""
    used = range(1, max(sheet.max_column, 1) + 1)
    plan = print_plan(sum(column_points(column_width(sheet, c)) for c in used), smallest_font_size(sheet))
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = plan.orientation, sheet.PAPERSIZE_A4
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = plan.scale is None
    setup.fitToWidth, setup.fitToHeight = (1, 0) if plan.scale is None else (None, None)
    setup.scale = plan.scale
    setup.pageOrder = "overThenDown" if plan.scale else None  # the pieces of a row one after another
    sheet.page_margins.left = sheet.page_margins.right = SIDE_MARGIN
    rows, columns = _frozen(sheet)
    if rows and not sheet.print_title_rows:
        sheet.print_title_rows = f"{rows}:{rows}"  # the table's header, the last frozen row
    if plan.scale and not columns and column_width(sheet, 1) <= NUMBER_COLUMN:
        columns = 1  # a narrow first column, as the Nr., names the row on every page
    if columns and plan.scale:
        sheet.print_title_cols = f"A:{get_column_letter(columns)}"
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None  # openpyxl makes both with the sheet
    header.center.text = _header_text(title or sheet.title)
    header.center.font = "-,Fett"
    header.right.text = "&A" if sheet_name and title else None
    footer.center.text = PAGE_NUMBERS


def _frozen(sheet: Worksheet) -> tuple[int, int]:
    """How many rows and columns the sheet freezes (0, 0 without frozen panes)."""
    if not sheet.freeze_panes:
        return 0, 0
    letters, row = coordinate_from_string(sheet.freeze_panes)
    return row - 1, column_index_from_string(letters) - 1


def page_setup_xml(plan: PrintPlan, title: str, subtitle: str | None = None) -> str:
    """The page setup elements of a streamed worksheet, after its data: `print_plan`, title, page numbers."""
    header = f'&C&"-,Fett"{_header_text(title)}' + (f"\n{_header_text(subtitle)}" if subtitle else "")
    fit = 'fitToWidth="1" fitToHeight="0"' if plan.scale is None else f'scale="{plan.scale}" pageOrder="overThenDown"'
    side = SIDE_MARGIN
    return (
        f'<pageMargins left="{side}" right="{side}" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        f'<pageSetup paperSize="9" {fit} orientation="{plan.orientation}"/>'
        f"<headerFooter><oddHeader>{escape(header)}</oddHeader>"
        f"<oddFooter>{escape('&C' + PAGE_NUMBERS)}</oddFooter></headerFooter>"
    )


def _header_text(text: str) -> str:
    """Text for a page header: `&` starts a header code there and is doubled to stand for itself."""
    return XML_ILLEGAL.sub("", text).replace("&", "&&")
