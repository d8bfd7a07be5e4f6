"""Printing an openpyxl sheet: A4, as wide as one page and as long as needed, the header repeated.

The Meldebogen, the annotated copies and the Rücklaufliste all print this way; one place
keeps the four settings Excel needs for it together (fitToPage without fitToWidth/Height
prints on one page, however long the sheet).
"""

from __future__ import annotations

from typing import Literal

from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet


def print_on_page_width(
    sheet: Worksheet,
    orientation: Literal["portrait", "landscape"],
    title_rows: str | None = None,
    side_margins: float | None = None,
) -> None:
    """A4 in `orientation`, one page wide, `title_rows` (e.g. "1:1") on every page; margins in inches."""
    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if side_margins is not None:
        sheet.page_margins.left = sheet.page_margins.right = side_margins
    if title_rows:
        sheet.print_title_rows = title_rows
