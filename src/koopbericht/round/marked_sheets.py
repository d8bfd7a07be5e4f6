"""The marks of an annotated copy and its sheet „Prüfergebnis“: every finding in a wrapped, printable list.

Errors and warnings are marked with a fill and a border: the border tells them apart from
the template's own markings (pale yellow „bitte aktualisieren“, salmon rows to correct,
no border) and from each other also in greyscale print. Texts are the department's
(`advice`); the codes stay in the last column of „Prüfergebnis“, for the clerk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.cell import get_column_letter
from openpyxl.workbook.workbook import Workbook

from ..config import Settings
from ..findings import Finding, Severity
from ..findings.advice import activity_text, department_text
from ..formatting import format_value, german_date
from ..render.xlsx.safetext import set_text

SUMMARY_SHEET = "Prüfergebnis"
COVER_SHEET = "Was ist zu tun"
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
TOP_WRAP = Alignment(wrap_text=True, vertical="top")
LINE_HEIGHT = 15.0  # points per line of 11-point text
SHOWN = 300  # characters of an entered value in „Prüfergebnis“


def _frame(style: Literal["thick", "dashed"], color: str) -> Border:
    side = Side(style=style, color=color)
    return Border(left=side, right=side, top=side, bottom=side)


@dataclass(frozen=True)
class Mark:
    """How a finding's cell is marked, and how the cover sheet describes that mark."""

    fill: PatternFill
    border: Border
    label: str
    looks: str


MARKS = {
    Severity.ERROR: Mark(
        PatternFill("solid", fgColor="E87474"), _frame("thick", "C00000"), "Fehler", "rot, dicker Rahmen"
    ),
    Severity.WARNING: Mark(
        PatternFill("solid", fgColor="FFB020"), _frame("dashed", "7F4F00"), "Warnung", "orange, gestrichelter Rahmen"
    ),
}
LABELS = {Severity.ERROR: "Fehler", Severity.WARNING: "Warnung", Severity.INFO: "Hinweis"}


@dataclass(frozen=True)
class Cover:
    """What the copy says besides the findings: for whom, by when, whom to ask.

    Everything is optional: a copy made without the working folder's settings still says what to do.
    """

    file_name: str = ""
    department: str = ""  # "GB1 Zentrale Verwaltung"
    year: int | None = None
    deadline: dt.date | None = None
    contact: str = ""
    email: str = ""
    phone: str = ""
    today: dt.date | None = None
    settings: Settings | None = None

    def text(self, finding: Finding, *, with_suggestion: bool = True) -> str:
        """The department's text for `finding`."""
        return department_text(finding, self.settings, with_suggestion=with_suggestion)

    @property
    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self.deadline is not None and self.deadline < (self.today or dt.date.today())

    @property
    def by_when(self) -> str:
        """By when to send the copy back: "bis zum 29.03.2024", or "so bald wie möglich" (none, or passed)."""
        if self.deadline is None or self.expired:
            return "so bald wie möglich"
        return f"bis zum {german_date(self.deadline)}"


def mark(cell: Any, severity: Severity) -> None:
    """Fill and frame `cell` as a finding of `severity`; infos are not marked."""
    if severity in MARKS:
        cell.fill = MARKS[severity].fill
        cell.border = MARKS[severity].border


def row_height(texts: Sequence[tuple[str, float]]) -> float:
    """Enough height for the longest of `texts` wrapped in columns `width` characters wide.

    Spreadsheet programs do not re-measure a row on opening, and never a merged cell's.
    """
    lines = 1
    for text, width in texts:
        per_line = max(int(width * 1.1) - 2, 4)  # a column width counts digits; text runs a little narrower
        lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in text.split("\n")))
    return min(LINE_HEIGHT * lines + 3, 409.0)


SUMMARY_COLUMNS = (
    ("Blatt", 11),
    ("Zelle", 7),
    ("Art", 9),
    ("Vorhaben", 21),
    ("Spalte", 15),
    ("Eingetragen", 22),
    ("Was ist zu tun", 41),
    ("Vorschlag", 14),
    ("Code (für das Büro)", 20),
)


def summary_sheet(workbook: Workbook, findings: list[Finding], cover: Cover) -> None:
    """The sheet „Prüfergebnis“ at the end: one wrapped row per finding, printable in landscape."""
    sheet = workbook.create_sheet(SUMMARY_SHEET)
    for index, (header, width) in enumerate(SUMMARY_COLUMNS, start=1):
        cell = sheet.cell(1, index)
        set_text(cell, header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = TOP_WRAP
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.row_dimensions[1].height = row_height([(header, width) for header, width in SUMMARY_COLUMNS])
    for row, finding in enumerate(findings, start=2):
        values = (
            finding.sheet or "",
            finding.cell or "",
            LABELS[finding.severity],
            activity_text(finding),
            finding.column or "",
            entered(workbook, finding),
            cover.text(finding, with_suggestion=False),
            finding.suggestion or "",
            finding.code,
        )
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            set_text(cell, value)
            cell.alignment = TOP_WRAP
        mark(sheet.cell(row, 3), finding.severity)
        widths = [width for _, width in SUMMARY_COLUMNS]
        sheet.row_dimensions[row].height = row_height([(str(v), w) for v, w in zip(values, widths, strict=True)])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(SUMMARY_COLUMNS))}{len(findings) + 1}"
    sheet.print_title_rows = "1:1"  # A4, orientation and fit are `workbook_bytes`'s, for every workbook


def entered(workbook: Workbook, finding: Finding) -> str:
    """What the finding's cell holds, as the department sees it; the finding's value where the cell cannot say.

    A text cell is shown as it is (a finding's value may be something else: the year a Sachstand was
    copied from); an error value, a formula or a date is shown as the check read it.
    """
    cell = None
    if finding.sheet in workbook.sheetnames and finding.cell:
        try:
            cell = workbook[finding.sheet][finding.cell]
        except (KeyError, ValueError, IndexError):  # a range or a reference beyond the sheet
            cell = None
    if cell is not None and cell.data_type == "s" and isinstance(cell.value, str):
        return _cut(cell.value)
    if finding.value is not None:
        return _cut(finding.value if isinstance(finding.value, str) else format_value(finding.value))
    if cell is not None and cell.value is not None:
        return _cut(format_value(cell.value))
    return ""


def _cut(text: str) -> str:
    """A long text shortened for the list; the marked cell itself holds all of it."""
    return text if len(text) <= SHOWN else text[: SHOWN - 1].rstrip() + "…"
