"""The checked and normalised data of a year: what the pipeline gives every use case.

Plain data between the stages: which file gave what, the report, and the one place that
decides what errors keep out of a publication (`YearData.exclusions`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import TYPES, Finding, Report, Scope, Severity
from .model import Activity
from .read import SourceFile


@dataclass
class FileResult:
    """What one file gave: its Geschäftsbereich, activities and whether it could be read."""

    source: SourceFile
    department: str | None
    activities: list[Activity] = field(default_factory=list)
    readable: bool = True
    # Values the department entered that no published file takes over, one line each (German).
    unpublished: list[str] = field(default_factory=list)
    # The configured columns the file has (keys); a column it lacks was not read at all.
    columns: frozenset[str] = frozenset()
    # The sheets read, in the order read (the one with the fullest header first).
    sheets: list[str] = field(default_factory=list)

    def place(self, activity: Activity) -> str:
        """Where `activity` stands in a line of what was left out: file, the sheet if there are several, row."""
        sheet = f", Blatt „{activity.source.sheet}“" if len(self.sheets) > 1 else ""
        return f"{activity.source.file}{sheet}, Zeile {activity.source.row}"


@dataclass
class YearData:
    """The checked and normalised data of a year (or of the given files)."""

    year: int | None
    report: Report
    files: list[FileResult]

    @property
    def activities(self) -> list[Activity]:
        """Every activity read, in file and row order."""
        return [a for result in self.files for a in result.activities]

    def exclusions(self) -> Exclusions:
        """What errors keep out of a publication, decided by each finding's scope, with the reason."""
        files: dict[str, str] = {}
        rows: dict[tuple[str, str | None, int], str] = {}
        for finding in self.report.findings:
            if finding.severity is not Severity.ERROR:
                continue
            reason = _reason(finding)
            if finding.scope in (Scope.FILE, Scope.COLUMN):
                files.setdefault(finding.file, reason)
            elif finding.scope in (Scope.ROW, Scope.CELL) and finding.row is not None:
                rows.setdefault((finding.file, finding.sheet, finding.row), reason)
        return Exclusions(files, rows)

    def publishable(self) -> list[Activity]:
        """The activities that no error keeps out (see `exclusions`)."""
        excluded = self.exclusions()
        return [a for a in self.activities if excluded.reason(a) is None]

    def left_out(self, published: list[Activity] | None = None) -> list[str]:
        """What a publication leaves out and why: one line per row, per file with no readable rows."""
        kept = {id(a) for a in (self.publishable() if published is None else published)}
        excluded = self.exclusions()
        lines = [
            f"{result.place(a)}: {a.title or a.id} – {excluded.reason(a) or 'ausgelassen'}"
            for result in self.files
            for a in result.activities
            if id(a) not in kept
        ]
        for result in self.files:
            if not result.activities and result.source.file in excluded.files:
                lines.append(f"{result.source.file}: nicht übernommen – {excluded.files[result.source.file]}")
        return lines


@dataclass(frozen=True)
class Exclusions:
    """Files and rows that errors keep out of a publication, each with the reason (a finding's title)."""

    files: dict[str, str]
    rows: dict[tuple[str, str | None, int], str]  # by file, sheet and row

    def reason(self, activity: Activity) -> str | None:
        """Why `activity` is left out, or None when it is published."""
        source = activity.source
        return (
            self.files.get(source.file)
            or self.rows.get((source.file, source.sheet, source.row))
            or self.rows.get((source.file, None, source.row))  # a finding about the row that names no sheet
        )


def _reason(finding: Finding) -> str:
    """Why an error leaves something out: the finding's title, with the column and the likely fix."""
    reason = TYPES[finding.code].title
    if finding.column and finding.scope in (Scope.FILE, Scope.COLUMN):
        reason += f": „{finding.column}“"
        if finding.suggestion:
            reason += f" (gemeint wohl „{finding.suggestion}“)"
    return reason
