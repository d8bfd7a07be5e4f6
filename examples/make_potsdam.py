"""Write the example Meldebögen of `examples/potsdam/` from `potsdam_data.py`.

Run from the repository root: `python examples/make_potsdam.py`. The workbooks are
committed; this script documents how they were made and remakes them after a change
to the data. Each department's file has its own small quirks of layout (title rows,
another sheet first, alias headers), as files returned by real departments do.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

sys.path.insert(0, str(Path(__file__).parent))
from potsdam_data import ACTIVITIES, IN_2021, ONLY_2021

ROOT = Path(__file__).parent / "potsdam"
FIELDS = [
    ("nr", "Nr.", 10),
    ("handlungsfeld", "Handlungsfeld", 24),
    ("vorhaben", "Vorhaben", 40),
    ("partner", "Kooperationspartner", 40),
    ("form", "Kooperationsform", 22),
    ("status", "Status", 14),
    ("beginn", "Beginn", 12),
    ("ende", "Ende", 12),
    ("beschreibung", "Beschreibung/Sachstand", 60),
    ("ergebnis", "Ergebnis/Ausblick", 40),
    ("finanzierung", "Finanzierung", 26),
    ("ansprechpartner", "Ansprechpartner", 30),
    ("bemerkung", "Bemerkung (intern)", 30),
]
# Departments that use other (configured) headers for some columns.
HEADER_VARIANTS = {
    "GB2": {"partner": "Partner", "beschreibung": "Beschreibung"},
    "GB5": {"partner": "Beteiligte Partner"},
}
FIXED_TIME = dt.datetime(2024, 3, 1, 9, 0, 0)


def activity_for(year: int, activity: dict[str, Any]) -> dict[str, Any] | None:
    """The activity as reported in `year`, or None when not reported that year."""
    if year == 2021:
        in_2021 = IN_2021.get(activity["nr"])
        as_in_2022 = activity_for(2022, activity)
        return None if in_2021 is None or as_in_2022 is None else {**as_in_2022, **in_2021}
    if year == 2023:
        return None if activity.get("only_2022") else activity
    if "y2022" in activity and activity["y2022"] is None:
        return None
    return {**activity, **(activity.get("y2022") or {})}


def write_rows(sheet: Any, department: str, rows: list[dict[str, Any]], first_row: int) -> None:
    headers = HEADER_VARIANTS.get(department, {})
    fill = PatternFill("solid", fgColor="DDEBF7")
    for column, (key, title, width) in enumerate(FIELDS, start=1):
        cell = sheet.cell(first_row, column, headers.get(key, title))
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(first_row + 1, 1)
    for offset, activity in enumerate(rows, start=1):
        for column, (key, _, _) in enumerate(FIELDS, start=1):
            value = activity.get(key)
            if value in (None, ""):
                continue
            cell = sheet.cell(first_row + offset, column, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(value, dt.datetime):
                cell.number_format = "DD.MM.YYYY"


def write_department(year: int, department: str, activities: list[dict[str, Any]]) -> Path:
    rows = [a for a in (activity_for(year, act) for act in activities) if a is not None]
    if year == 2021:
        rows += ONLY_2021.get(department, [])
    workbook = Workbook()
    workbook.properties.creator = f"{department} (Beispieldaten)"
    workbook.properties.created = FIXED_TIME
    sheet = workbook.active
    sheet.title = "Meldebogen"
    first_row = 1
    if department == "GB1":
        sheet["A1"] = f"Meldebogen Kooperationsbericht {year}"
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A2"] = "Geschäftsbereich 1 – Zentrale Steuerung, Finanzen und Digitalisierung"
        first_row = 4
    if department == "GB3":
        notes = sheet
        notes.title = "Hinweise"
        notes["A1"] = "Bitte tragen Sie Ihre Vorhaben im Blatt „Meldung“ ein."
        sheet = workbook.create_sheet("Meldung")
    write_rows(sheet, department, rows, first_row)
    path = ROOT / str(year) / "meldungen" / f"{department}_Meldebogen_{year}.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def main() -> None:
    for year in (2021, 2022, 2023):
        for department, activities in ACTIVITIES.items():
            print(write_department(year, department, activities))


if __name__ == "__main__":
    main()
