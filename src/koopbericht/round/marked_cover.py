"""The first sheet of an annotated copy, „Was ist zu tun“: the cover note for the Geschäftsbereich.

It says what the copy is, the result in numbers, by when and to whom it goes back and
whom to ask, lists every marked cell with what to do (each a link to the cell), and ends
with how to send the form back. It opens first, as the active sheet; the data sheets are
left as they were, except for the marks.
"""

from __future__ import annotations

from collections import Counter

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Font
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from ..findings import Finding, Severity
from ..findings.advice import activity_text, severity_counts
from ..findings.catalogue import DESCRIPTION_UNCHANGED
from ..formatting import german_date
from ..render.xlsx.safetext import set_text
from .marked_sheets import (
    COVER_SHEET,
    HEADER_FILL,
    LABELS,
    MARKS,
    SUMMARY_SHEET,
    TOP_WRAP,
    Cover,
    mark,
    row_height,
)

WIDTHS = {"A": 17, "B": 26, "C": 15, "D": 9, "E": 45}
LAST = "E"
FULL_WIDTH = sum(WIDTHS.values())
BOLD = Font(bold=True)
STALE = DESCRIPTION_UNCHANGED.code  # last year's Sachstand: never right as it stands, always to update


def cover_sheet(workbook: Workbook, findings: list[Finding], cover: Cover) -> None:
    """Put „Was ist zu tun“ first and make it the only selected, active sheet."""
    sheet = workbook.create_sheet(COVER_SHEET, 0)
    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    data_sheet = _data_sheet(findings)
    row = _head(sheet, findings, cover, data_sheet)
    row = _cells(sheet, row + 1, findings, cover)
    _closing(sheet, row + 1, findings, cover, data_sheet)
    for other in workbook.worksheets:
        other.sheet_view.tabSelected = False
    sheet.sheet_view.tabSelected = True
    sheet.sheet_view.showGridLines = False
    workbook.active = 0
    for view in workbook.views:
        view.firstSheet = 0  # the tab shown, not scrolled out of sight


def _data_sheet(findings: list[Finding]) -> str | None:
    """The sheet most findings are about: the one with the table."""
    sheets = Counter(f.sheet for f in findings if f.sheet and f.cell)
    return sheets.most_common(1)[0][0] if sheets else None


def _head(sheet: Worksheet, findings: list[Finding], cover: Cover, data_sheet: str | None) -> int:
    """Title, introduction and the facts (file, department, result, deadline, contact); the next free row."""
    set_text(sheet["A1"], COVER_SHEET)
    sheet["A1"].font = Font(bold=True, size=14)
    errors = any(f.severity is Severity.ERROR for f in findings)
    year = f" für das Berichtsjahr {cover.year}" if cover.year else ""
    where = f"im Blatt „{data_sheet}“ " if data_sheet else ""
    if errors:
        intro = (
            f"Ihr Meldebogen{year} wurde geprüft. Bitte korrigieren Sie die unten aufgeführten Angaben {where}"
            f"und senden Sie den Meldebogen {cover.by_when} zurück."
        )
    elif any(f.code == STALE for f in findings):  # last year's Sachstand is never right as it stands
        others = ", prüfen Sie die übrigen Angaben" if any(f.code != STALE for f in findings) else ""
        intro = (
            f"Ihr Meldebogen{year} wurde geprüft und enthält keine Fehler, aber Sachstände aus dem Vorjahr. Bitte "
            f"aktualisieren Sie die unten aufgeführten Sachstände {where}".rstrip()
            + f"{others} und senden Sie den Meldebogen "
            f"{cover.by_when} zurück."
        )
    else:
        intro = (
            f"Ihr Meldebogen{year} wurde geprüft und enthält keine Fehler. Bitte prüfen Sie die unten aufgeführten "
            f"Angaben {where}und senden Sie den Meldebogen {cover.by_when} zurück, wenn Sie etwas ändern."
        )
    _paragraph(sheet, 2, intro)
    deadline = ""
    if cover.deadline is not None:
        deadline = german_date(cover.deadline) + (" (abgelaufen)" if cover.expired else "")
    facts = [
        ("Meldebogen", cover.file_name),
        ("Geschäftsbereich", cover.department),
        ("Ergebnis", severity_counts(findings, spelled=True)),
        ("Frist", deadline),
        ("Fragen an", cover.contact),
        ("E-Mail", cover.email),
        ("Telefon", cover.phone),
    ]
    row = 4
    for label, value in facts:
        if value:
            set_text(sheet.cell(row, 1), label)
            sheet.cell(row, 1).font = BOLD
            _paragraph(sheet, row, value, first="B")
            row += 1
    return row


def _cells(sheet: Worksheet, row: int, findings: list[Finding], cover: Cover) -> int:
    """The list of marked cells with what to do; the next free row."""
    set_text(sheet.cell(row, 1), "Die markierten Angaben")
    sheet.cell(row, 1).font = Font(bold=True, size=12)
    row += 1
    for column, header in enumerate(("Zelle", "Vorhaben", "Spalte", "Art", "Was ist zu tun"), start=1):
        cell = sheet.cell(row, column)
        set_text(cell, header)
        cell.font = BOLD
        cell.fill = HEADER_FILL
    several = len({f.sheet for f in findings if f.sheet}) > 1
    for finding in findings:
        row += 1
        place = finding.cell or "–"
        if finding.cell and several:
            place = f"{finding.sheet}!{finding.cell}"
        values = (place, activity_text(finding), finding.column or "", LABELS[finding.severity], cover.text(finding))
        for column, value in enumerate(values, start=1):
            set_text(sheet.cell(row, column), value)
            sheet.cell(row, column).alignment = TOP_WRAP
        if finding.sheet and finding.cell:
            _link(sheet.cell(row, 1), finding.sheet, finding.cell)
        mark(sheet.cell(row, 4), finding.severity)
        sheet.row_dimensions[row].height = row_height(list(zip(values, WIDTHS.values(), strict=True)))
    return row + 1


def _closing(sheet: Worksheet, row: int, findings: list[Finding], cover: Cover, data_sheet: str | None) -> None:
    """How to correct and send the form back."""
    set_text(sheet.cell(row, 1), "So senden Sie den Meldebogen zurück")
    sheet.cell(row, 1).font = Font(bold=True, size=12)
    where = f"im Blatt „{data_sheet}“" if data_sheet else "im Meldebogen"
    severities = {f.severity for f in findings}
    kinds = []
    if Severity.ERROR in severities:
        kinds.append(
            f"Fehler ({MARKS[Severity.ERROR].looks}) bitte korrigieren; sonst können die betroffenen Angaben "
            "nicht in den Bericht übernommen werden."
        )
    if Severity.WARNING in severities:
        kinds.append(f"Warnungen ({MARKS[Severity.WARNING].looks}) bitte prüfen und die Angabe, wo nötig, ändern.")
    if any(f.code == STALE for f in findings):
        kinds.append("Einen Sachstand, der noch der des Vorjahres ist, bitte in jedem Fall aktualisieren.")
    recipient = cover.email or cover.contact
    to = f" an {recipient}" if recipient else ""
    steps = [
        f"1. Bitte die markierten Zellen {where} bearbeiten. Der Kommentar an jeder markierten Zelle sagt, "
        "was zu tun ist; ein Klick auf die Zelle in der Liste oben führt zu ihr.",
        f"2. {' '.join(kinds)}",
        "3. Die Datei als Excel-Arbeitsmappe (.xlsx) speichern. Markierungen, Kommentare und die Blätter "
        f"„{COVER_SHEET}“ und „{SUMMARY_SHEET}“ dürfen bleiben.",
        f"4. Den Meldebogen {cover.by_when}{to} zurücksenden.",
    ]
    for offset, step in enumerate(steps, start=1):
        _paragraph(sheet, row + offset, step)


def _paragraph(sheet: Worksheet, row: int, text: str, first: str = "A") -> None:
    """`text` wrapped across the columns from `first` to the last, the row as high as the text needs."""
    set_text(sheet[f"{first}{row}"], text)
    sheet[f"{first}{row}"].alignment = TOP_WRAP
    sheet.merge_cells(f"{first}{row}:{LAST}{row}")
    width = sum(w for letter, w in WIDTHS.items() if letter >= first)
    sheet.row_dimensions[row].height = row_height([(text, width)])


def _link(cell: Cell | MergedCell, sheet_name: str, ref: str) -> None:
    """A link within the workbook from `cell` to `ref` in the sheet `sheet_name`."""
    quoted = sheet_name.replace("'", "''")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!{ref}")
    cell.font = Font(color="0563C1", underline="single")
