"""`Anlage-Uebersicht-JAHR.xlsx`: every published activity in one sheet, ready to filter.

Written in openpyxl's streaming (write-only) mode, so memory stays flat; every text is
stored as text, never as a formula; header frozen, autofilter on, widths set.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..assemble import format_value
from ..config import Settings
from ..model import Activity
from ..values import XML_ILLEGAL
from .package import deterministic_zip

SHEET = "Vorhaben"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def render_annex_xlsx(settings: Settings, activities: list[Activity], year: int, timestamp: dt.datetime) -> bytes:
    """The Anlage as xlsx bytes (public columns only), identical for identical input."""
    columns = settings.public_columns()
    names = {d.code: d.name for d in settings.departments}
    workbook = Workbook(write_only=True)
    workbook.properties.creator = settings.authority.name
    workbook.properties.title = f"Kooperationsvorhaben {year}"
    workbook.properties.created = timestamp
    sheet = workbook.create_sheet(SHEET)
    headers = ["Kürzel", "Geschäftsbereich", *(c.title for c in columns)]
    widths = [8, 30, *(min(c.width, 60) for c in columns)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(activities) + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="D9E2F3")
    wrap = Alignment(wrap_text=True, vertical="top")
    header_cells = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        header_cells.append(cell)
    sheet.append(header_cells)
    for activity in activities:
        values = {"nr": "" if activity.id_assigned else activity.id, **activity.values}
        row = [activity.department, names.get(activity.department, "")]
        row += [format_value(c, values.get(c.key)) for c in columns]
        sheet.append([_text_cell(sheet, value, wrap) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = timestamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return deterministic_zip(_fix_modified(buffer.getvalue(), stamp), timestamp)


def _text_cell(sheet: Any, value: str, alignment: Alignment) -> Any:
    cell = WriteOnlyCell(sheet, value=XML_ILLEGAL.sub("", value) if value else None)
    if value:
        cell.data_type = "s"  # "=…", "+…", "-…", "@…" stay text
        cell.alignment = alignment
    return cell


def _fix_modified(data: bytes, stamp: bytes) -> bytes:
    # openpyxl stamps the save time into docProps/core.xml; replace it with the fixed one.
    import zipfile

    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(item, content)
    return output.getvalue()
