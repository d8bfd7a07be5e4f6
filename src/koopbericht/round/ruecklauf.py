"""The Rücklaufliste (`status`): which Geschäftsbereich has sent its Meldebogen, as JSON, CSV and xlsx.

The CSV is for Excel as it is: UTF-8 with a byte order mark, `;` between the fields and
German dates. The xlsx has the deadline on top, then one table with a frozen header and an
autofilter, real dates, widths from the content, and prints landscape on the page's width.
Identical input gives identical bytes (`stamped_xlsx`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..config import Contact
from ..formatting import counted, german_date
from ..render.xlsx.safetext import set_text
from ..render.xlsx.stamped import workbook_bytes

HEADER = (
    "Kürzel", "Geschäftsbereich", "Meldebogen", "Eingang", "Dateien", "Vorhaben", "Fehler", "Warnungen",
    "Ansprechpersonen", "E-Mail",
)  # fmt: skip
SHEET, FIRST_ROW, DATE_FORMAT = "Rücklauf", 6, "DD.MM.YYYY"
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
MISSING_FILL = PatternFill("solid", fgColor="FFC7CE")
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")
TOP = Alignment(vertical="top", wrap_text=True)
_FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class DepartmentStatus:
    """One Geschäftsbereich's line in the Rücklaufliste; `received`: its mail's Date, else when its file was saved."""

    code: str
    name: str
    files: tuple[str, ...]
    activities: int
    errors: int
    warnings: int
    received: dt.date | None = None
    sender: str = ""  # who sent the latest file, when it came by mail (`eingang`)
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class YearStatus:
    """The Rücklauf of one year, as of `today`."""

    year: int
    departments: tuple[DepartmentStatus, ...]
    unassigned_files: tuple[str, ...]
    deadline: dt.date | None
    days_left: int | None
    today: dt.date

    @property
    def received(self) -> int:
        """How many Geschäftsbereiche have sent a Meldebogen."""
        return sum(1 for d in self.departments if d.files)


def deadline_text(status: YearStatus) -> str:
    """The days to the deadline in words ("noch 8 Tage", "heute", "abgelaufen seit 3 Tagen"), or ""."""
    if status.days_left is None:
        return ""
    if status.days_left == 0:
        return "heute"
    if status.days_left > 0:
        return f"noch {counted(status.days_left, 'Tag', 'Tage')}"
    return f"abgelaufen seit {counted(-status.days_left, 'Tag', 'Tagen')}"


def status_json(status: YearStatus) -> dict[str, Any]:
    """The Rücklauf as a JSON-ready dict (German keys, dates as JJJJ-MM-TT, null where nothing was sent)."""
    return {
        "jahr": status.year,
        "stand": status.today.isoformat(),
        "frist": status.deadline.isoformat() if status.deadline else None,
        "tage_bis_frist": status.days_left,
        "eingegangen": status.received,
        "geschaeftsbereiche": [
            {
                "kuerzel": d.code,
                "name": d.name,
                "eingegangen": bool(d.files),
                "eingang": d.received.isoformat() if d.received else None,
                "dateien": list(d.files),
                "vorhaben": d.activities if d.files else None,
                "fehler": d.errors if d.files else None,
                "warnungen": d.warnings if d.files else None,
                "kontakte": [{"name": c.name, "email": c.email} for c in d.contacts],
            }
            for d in status.departments
        ],
        "nicht_zugeordnet": list(status.unassigned_files),
    }


def _rows(status: YearStatus) -> list[tuple[Any, ...]]:
    """One row per Geschäftsbereich in the order of HEADER; None where there is nothing to show."""
    rows = []
    for d in status.departments:
        sent = bool(d.files)
        rows.append(
            (
                d.code,
                d.name,
                "eingegangen" if sent else "fehlt",
                d.received,
                "; ".join(f.rsplit("/", 1)[-1] for f in d.files) or None,
                d.activities if sent else None,
                d.errors if sent else None,
                d.warnings if sent else None,
                "; ".join(c.name for c in d.contacts if c.name) or None,
                "; ".join(c.email for c in d.contacts) or None,
            )
        )
    return rows


def status_csv(status: YearStatus) -> bytes:
    """The table as CSV that Excel opens as it is: UTF-8 with BOM, `;`, CRLF, dates as 20.03.2024."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in _rows(status):
        writer.writerow([_csv_field(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return german_date(value)
    text = str(value)
    # Excel would take "=…" in a CSV for a formula; the apostrophe keeps it text.
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA_START) else text


def status_xlsx(status: YearStatus, author: str) -> bytes:
    """The Rücklaufliste as xlsx bytes: deadline on top, the table below; identical for identical input."""
    timestamp = dt.datetime.combine(status.today, dt.time())
    workbook = Workbook()
    workbook.properties.creator = workbook.properties.lastModifiedBy = author
    workbook.properties.title = f"Rücklauf der Meldebögen {status.year}"
    workbook.properties.language = "de-DE"
    workbook.properties.created = workbook.properties.modified = timestamp
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    _write_top(sheet, status)
    rows = _rows(status)
    _write_table(sheet, rows)
    for offset, file in enumerate(status.unassigned_files, start=FIRST_ROW + len(rows) + 2):
        set_text(sheet.cell(offset, 1), f"Keinem Geschäftsbereich zugeordnet: {file}")
    return workbook_bytes(workbook, timestamp)


def _write_top(sheet: Worksheet, status: YearStatus) -> None:
    """Title, deadline (a real date) with the days left, the date of the list, and the count received."""
    set_text(sheet["A1"], f"Rücklauf der Meldebögen {status.year}")
    sheet["A1"].font = Font(bold=True, size=14)
    labels = ("Rückgabefrist", "Stand", "Eingegangen")
    for row, label in enumerate(labels, start=2):
        set_text(sheet.cell(row, 1), label)
        sheet.cell(row, 1).font = Font(bold=True)
    if status.deadline is not None:
        sheet["B2"].value = status.deadline
        sheet["B2"].number_format = DATE_FORMAT
        set_text(sheet["C2"], deadline_text(status))
    else:
        set_text(sheet["B2"], "keine angegeben (vorlage.toml, [meldung] frist)")
    sheet["B3"].value = status.today
    sheet["B3"].number_format = DATE_FORMAT
    total = counted(len(status.departments), "Geschäftsbereich", "Geschäftsbereichen")
    set_text(sheet["B4"], f"{status.received} von {total}")
    for ref in ("B2", "B3", "B4"):
        sheet[ref].alignment = Alignment(horizontal="left")


def _write_table(sheet: Worksheet, rows: list[tuple[Any, ...]]) -> None:
    """The header with fill and filter, frozen; the rows with real dates and marked gaps."""
    widths = [len(title) + 2 for title in HEADER]
    widths[0] = len("Rückgabefrist") + 3  # the labels above the table share the first column
    for column, title in enumerate(HEADER, start=1):
        cell = sheet.cell(FIRST_ROW, column)
        set_text(cell, title)
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEADER_FILL, TOP
    for number, values in enumerate(rows, start=FIRST_ROW + 1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(number, column)
            set_text(cell, value)
            cell.alignment = TOP
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            widths[column - 1] = max(widths[column - 1], len(_csv_field(value)) + 2)
        if values[2] == "fehlt":
            sheet.cell(number, 3).fill = MISSING_FILL
        if values[6]:
            sheet.cell(number, 7).fill = MISSING_FILL
        if values[7]:
            sheet.cell(number, 8).fill = WARNING_FILL
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width, 24)  # longer names wrap
    last = FIRST_ROW + len(rows)
    sheet.auto_filter.ref = f"A{FIRST_ROW}:{get_column_letter(len(HEADER))}{last}"
    sheet.freeze_panes = f"A{FIRST_ROW + 1}"
