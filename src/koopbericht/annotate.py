"""`validate --annotate`: copies of the workbooks with every finding marked at its cell.

The copy gets a fill colour and a German comment on each cell with a finding, and a
sheet "Prüfergebnis" listing all findings of the file, so the clerk can send it back
to the department. The original is read, never written.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.workbook import Workbook

from .errors import UsageError
from .fileio import write_bytes_atomic
from .findings import Finding, Severity
from .pipeline import YearData
from .xlsxsafe import set_text

FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="FFC7CE"),
    Severity.WARNING: PatternFill("solid", fgColor="FFEB9C"),
}
LABELS = {Severity.ERROR: "Fehler", Severity.WARNING: "Warnung", Severity.INFO: "Hinweis"}
SUMMARY_SHEET = "Prüfergebnis"
_CANNOT_MARK = (
    "die Arbeitsmappe lässt sich zum Markieren nicht bearbeiten (etwa im Format „Strict Open XML“); "
    "bitte die Befunde aus der Liste weitergeben oder die Datei als „Excel-Arbeitsmappe (.xlsx)“ speichern lassen"
)


@dataclass(frozen=True)
class Annotated:
    """One annotated copy and how many findings it marks, or why no copy could be made."""

    source: str
    target: Path | None
    findings: int
    problem: str | None = None


class _CannotMark(Exception):
    """openpyxl cannot open the workbook for writing as it was read (German reason)."""


def annotate(data: YearData, folder: Path) -> list[Annotated]:
    """Write an annotated copy of every readable file that has errors or warnings into `folder`."""
    folder = folder.resolve()
    inputs = {result.source.path.resolve() for result in data.files}
    if any(folder == path.parent for path in inputs):
        raise UsageError(f"{folder} enthält die Meldebögen selbst; bitte einen anderen Ordner für --annotate angeben.")
    written = []
    for result in data.files:
        findings = [f for f in data.report.findings if f.file == result.source.file and f.severity is not Severity.INFO]
        if not result.readable or not findings:
            continue
        target = folder / result.source.path.name
        try:
            copy = _annotated_copy(result.source.path, findings)
        except _CannotMark as problem:
            written.append(Annotated(result.source.file, None, len(findings), str(problem)))
            continue
        write_bytes_atomic(target, copy)
        written.append(Annotated(result.source.file, target, len(findings)))
    return written


# What openpyxl raises on a package it cannot open for editing (Strict OOXML, odd parts).
_LOAD_ERRORS = (KeyError, ValueError, TypeError, IndexError, AttributeError, SyntaxError, zipfile.BadZipFile)


def _annotated_copy(path: Path, findings: list[Finding]) -> bytes:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(path)
    except _LOAD_ERRORS:
        raise _CannotMark(_CANNOT_MARK) from None
    # openpyxl drops sheets it does not understand (a Strict Open XML workbook loses all of
    # them); a copy without the sheet the findings are about would mislead.
    if any(f.sheet and f.sheet not in workbook.sheetnames for f in findings):
        raise _CannotMark(_CANNOT_MARK)
    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.sheet and finding.sheet in workbook.sheetnames and finding.cell:
            by_cell.setdefault((finding.sheet, finding.cell), []).append(finding)
    for (sheet, ref), cell_findings in by_cell.items():
        cell = workbook[sheet][ref]
        worst = min(cell_findings, key=lambda f: f.severity is not Severity.ERROR)
        cell.fill = FILLS[worst.severity]
        text = "\n\n".join(_comment_text(f) for f in cell_findings)
        cell.comment = Comment(text, "koopbericht", width=320, height=160)
    _summary_sheet(workbook, findings)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _comment_text(finding: Finding) -> str:
    text = f"{LABELS[finding.severity]} ({finding.code}): {finding.message}"
    if finding.suggestion:
        text += f"\nVorschlag: {finding.suggestion}"
    return text


def _summary_sheet(workbook: Workbook, findings: list[Finding]) -> None:
    if SUMMARY_SHEET in workbook.sheetnames:
        del workbook[SUMMARY_SHEET]
    sheet = workbook.create_sheet(SUMMARY_SHEET, 0)
    headers = ("Blatt", "Zelle", "Art", "Code", "Spalte", "Meldung", "Vorschlag")
    for index, (header, width) in enumerate(zip(headers, (14, 8, 10, 24, 20, 90, 30), strict=True), start=1):
        cell = sheet.cell(1, index)
        set_text(cell, header)
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = width
    for row, finding in enumerate(findings, start=2):
        values = (
            finding.sheet or "",
            finding.cell or "",
            LABELS[finding.severity],
            finding.code,
            finding.column or "",
            finding.message,
            finding.suggestion or "",
        )
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            set_text(cell, value)
            if column == 3 and finding.severity in FILLS:
                cell.fill = FILLS[finding.severity]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:G{len(findings) + 1}"
