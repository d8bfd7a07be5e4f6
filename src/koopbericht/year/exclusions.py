"""What errors keep out of a publication: the one place that decides it, from each finding's scope."""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import TYPES, Finding, Report, Scope, Severity
from ..model import Activity

RowKey = tuple[str, str | None, int]  # file, sheet (None: a finding that names none), row


@dataclass(frozen=True)
class Exclusions:
    """Files and rows that errors keep out of a publication, each with the reason (a finding's title).

    `file_findings` and `row_findings` keep every error behind a decision, for whoever has to explain
    it cell by cell (the prefilled form marks the rows to correct).
    """

    files: dict[str, str]
    rows: dict[RowKey, str]  # by file, sheet and row
    file_findings: dict[str, tuple[Finding, ...]]
    row_findings: dict[RowKey, tuple[Finding, ...]]

    def reason(self, activity: Activity) -> str | None:
        """Why `activity` is left out, or None when it is published."""
        source = activity.source
        return (
            self.files.get(source.file)
            or self.rows.get((source.file, source.sheet, source.row))
            or self.rows.get((source.file, None, source.row))  # a finding about the row that names no sheet
        )

    def findings(self, activity: Activity) -> tuple[Finding, ...]:
        """The errors that keep `activity` out: those about its whole file first, then those about its row."""
        source = activity.source
        on_row = self.row_findings.get((source.file, source.sheet, source.row), ())
        unnamed_sheet = self.row_findings.get((source.file, None, source.row), ()) if source.sheet is not None else ()
        return self.file_findings.get(source.file, ()) + on_row + unnamed_sheet


def exclusions(report: Report) -> Exclusions:
    """Decide what the report's errors keep out: a file- or column-wide error its file, a row or cell error its row."""
    by_file: dict[str, list[Finding]] = {}
    by_row: dict[RowKey, list[Finding]] = {}
    for finding in report.findings:
        if finding.severity is not Severity.ERROR:
            continue
        if finding.scope in (Scope.FILE, Scope.COLUMN):
            by_file.setdefault(finding.file, []).append(finding)
        elif finding.scope in (Scope.ROW, Scope.CELL) and finding.row is not None:
            by_row.setdefault((finding.file, finding.sheet, finding.row), []).append(finding)
    return Exclusions(
        {file: _reason(found[0]) for file, found in by_file.items()},
        {row: _reason(found[0]) for row, found in by_row.items()},
        {file: tuple(found) for file, found in by_file.items()},
        {row: tuple(found) for row, found in by_row.items()},
    )


def _reason(finding: Finding) -> str:
    """Why an error leaves something out: the finding's title, with the column and the likely fix."""
    reason = TYPES[finding.code].title
    if finding.column and finding.scope in (Scope.FILE, Scope.COLUMN):
        reason += f": „{finding.column}“"
        if finding.suggestion:
            reason += f" (gemeint wohl „{finding.suggestion}“)"
    return reason
