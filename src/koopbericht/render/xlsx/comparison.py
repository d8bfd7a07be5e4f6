"""`Vergleich-JAHR-JAHR.xlsx`: the comparison of two years as a workbook that reads and prints well.

„Überblick“ comes first with the headline figures (those of the Markdown and the JSON) and any
caveat; then one sheet per list, Geschäftsbereiche in the configured order. Every row of
„Geändert“ is a change, so nothing there is coloured; in „Zählung“ only the counts that changed
are, and each dimension ends in a total row. Text wraps in its column; page setup and row heights
are `workbook_bytes`'s. Dated 1 January after the newer year, 9:00, so that the same two years
always give the same bytes.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...compare import Change, Comparison, Counts, headline_figures
from ...model import NO_REPORT, Activity
from .safetext import set_text
from .stamped import workbook_bytes

NONE_GIVEN = "ohne Angabe"
CHANGED_FILL = PatternFill("solid", fgColor="FFEB9C")
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(name="Calibri", bold=True)
RIGHT = Alignment(horizontal="right", vertical="top")
DIFFERENCE = '+0;"−"0;"±"0'  # +2, −1 (the real minus), ±0, as the Markdown has them
ACTIVITY_COLUMNS = (("Nr.", 10), ("GB", 6), ("Vorhaben", 42), ("Kooperationspartner", 50), ("Status", 14))


def comparison_workbook(result: Comparison, notes: list[str]) -> bytes:
    """The workbook as xlsx bytes; `notes` are the caveats (empty when both years are complete)."""
    workbook = Workbook()
    workbook.properties.title = f"Vergleich der Kooperationsvorhaben {result.year_old} und {result.year_new}"
    workbook.properties.language = "de-DE"
    overview = workbook.active
    assert overview is not None
    _overview(overview, result, notes)
    if notes:
        _sheet(workbook, "Vorbehalte", [("Vorbehalt", 100)], [[note] for note in notes])
    _sheet(workbook, "Neu", ACTIVITY_COLUMNS, [_row(x) for x in result.added])
    _sheet(workbook, "Nicht mehr gemeldet", ACTIVITY_COLUMNS, [_row(x) for x in result.removed])
    if result.not_comparable:
        _sheet(
            workbook, "Nicht vergleichbar", [*ACTIVITY_COLUMNS, ("Jahr", 6), ("Grund", 40)],
            [[*_row(u.activity), str(u.year), u.reason] for u in result.not_comparable],
        )  # fmt: skip
    _changed_sheet(workbook, result)
    partner_rows = [[p, "hinzugekommen"] for p in result.partners_gained]
    partner_rows += [[p, "weggefallen"] for p in result.partners_lost]
    _sheet(workbook, "Partner", [("Kooperationspartner", 55), ("Veränderung", 16)], partner_rows)
    _counts_sheet(workbook, result)
    return workbook_bytes(workbook, dt.datetime(result.year_new + 1, 1, 1, 9))


def _overview(sheet: Worksheet, result: Comparison, notes: list[str]) -> None:
    """Title, the headline figures as a two-column table, and whether the comparison is complete."""
    sheet.title = "Überblick"
    set_text(sheet["A1"], f"Vergleich der Kooperationsvorhaben {result.year_old} und {result.year_new}")
    sheet["A1"].font = Font(name="Calibri", bold=True, size=14)
    _header(sheet, ["Kennzahl", "Anzahl"], row=3)
    row = 3
    for figure in headline_figures(result):
        row += 1
        set_text(sheet.cell(row, 1), figure.label)
        set_text(sheet.cell(row, 2), "–" if figure.value is None else figure.value)
        sheet.cell(row, 2).alignment = Alignment(horizontal="right")
    if notes:
        row += 2
        cell = sheet.cell(row, 1)
        set_text(cell, f"{notes[0]} Einzelheiten im Blatt „Vorbehalte“.")
        cell.alignment = WRAP
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 12


def _changed_sheet(workbook: Workbook, result: Comparison) -> None:
    """One line per changed value; for partners the lists of both years and what was added or dropped."""
    a, b = str(result.year_old), str(result.year_new)
    columns = [("Nr.", 10), ("GB", 6), ("Vorhaben", 28), ("Spalte", 20), (f"Wert {a}", 38),
               (f"Wert {b}", 38), ("Zuordnung", 14)]  # fmt: skip
    rows = []
    for change in result.changed:
        # An empty value says „ohne Angabe“, as in the Markdown: a blank cell reads as a value left out.
        entries = [(f.column, f.old or NONE_GIVEN, f.new or NONE_GIVEN) for f in change.fields]
        if change.partners_added or change.partners_removed:
            before = "; ".join(change.old.partners) or NONE_GIVEN
            entries.append(("Kooperationspartner", before, _partners_after(change)))
        for column, old, new in entries:
            rows.append([change.new.published_id, change.new.department, change.title, column, old, new, change.reason])
    _sheet(workbook, "Geändert", columns, rows)


def _partners_after(change: Change) -> str:
    """The partners of the newer year, and below them which were added and which dropped."""
    lines = ["; ".join(change.new.partners)]
    if change.partners_added:
        lines.append("hinzugekommen: " + "; ".join(change.partners_added))
    if change.partners_removed:
        lines.append("weggefallen: " + "; ".join(change.partners_removed))
    return "\n".join(lines)


def _counts_sheet(workbook: Workbook, result: Comparison) -> None:
    """Counts per dimension with their change (coloured where there is one), each dimension with its total."""
    columns = [("Merkmal", 16), ("Wert", 50), (str(result.year_old), 8), (str(result.year_new), 8), ("Veränderung", 13)]
    sheet = _sheet(workbook, "Zählung", columns, [])
    for index in (3, 4, 5):  # counts stand right, under their headings
        sheet.cell(1, index).alignment = RIGHT
    line = 1
    for group in result.counts:
        for label, x, y in [*group.rows, ("Insgesamt", *_totals(group))]:
            line += 1
            delta = None if x is None or y is None else y - x
            values: list[object] = [group.dimension, label, _cell_count(x), _cell_count(y), delta]
            for index, value in enumerate(values, start=1):
                cell = sheet.cell(line, index)
                set_text(cell, value)
                cell.alignment = WRAP if index < 3 else RIGHT
                cell.font = Font(name="Calibri", bold=label == "Insgesamt")
            sheet.cell(line, 5).number_format = DIFFERENCE
            if delta:
                sheet.cell(line, 5).fill = CHANGED_FILL


def _totals(group: Counts) -> tuple[int | None, int | None]:
    """The sum of each year's counts; None where a Geschäftsbereich has no count (no Meldebogen)."""
    old = [x for _, x, _ in group.rows]
    new = [y for _, _, y in group.rows]
    return (None if None in old else sum(x or 0 for x in old)), (None if None in new else sum(y or 0 for y in new))


def _cell_count(value: int | None) -> int | str:
    return NO_REPORT if value is None else value


def _row(activity: Activity) -> list[str]:
    partners = "; ".join(activity.partners)
    return [activity.published_id, activity.department, activity.title, partners, activity.status or ""]


def _header(sheet: Worksheet, titles: list[str], row: int = 1) -> None:
    for index, title in enumerate(titles, start=1):
        cell = sheet.cell(row, index)
        set_text(cell, title)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP


def _sheet(workbook: Workbook, name: str, columns: list[tuple[str, int]] | tuple[tuple[str, int], ...],
           rows: list[list[str]]) -> Worksheet:  # fmt: skip
    """A sheet with a frozen, filtered header and wrapped text; `columns` are titles with widths."""
    sheet: Worksheet = workbook.create_sheet(name)
    _header(sheet, [title for title, _ in columns])
    for line, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(line, index)
            set_text(cell, value)
            cell.alignment = WRAP
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    return sheet
