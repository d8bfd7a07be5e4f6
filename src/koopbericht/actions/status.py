"""`status`: the Rücklauf of a year — which Geschäftsbereich has sent what, and the deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Finding, Severity
from ..pipeline import Progress, check_year
from ..project import Project
from ..yeardata import FileResult, YearData


@dataclass(frozen=True)
class DepartmentStatus:
    """One Geschäftsbereich's line in the status table."""

    code: str
    name: str
    files: tuple[str, ...]
    activities: int
    errors: int
    warnings: int


@dataclass(frozen=True)
class YearStatus:
    """The Rücklauf of one year."""

    year: int
    departments: tuple[DepartmentStatus, ...]
    unassigned_files: tuple[str, ...]
    deadline: dt.date | None
    days_left: int | None

    @property
    def received(self) -> int:
        """How many Geschäftsbereiche have sent a Meldebogen."""
        return sum(1 for d in self.departments if d.files)


def year_status(
    project: Project, year: int, *, today: dt.date | None = None, progress: Progress | None = None
) -> YearStatus:
    """Check the year's Meldebögen and summarise them per Geschäftsbereich."""
    today = today or dt.date.today()
    settings = project.year_settings(year)
    data = check_year(project, year, today=today, progress=progress)
    deadline = settings.deadline
    days_left = (deadline - today).days if deadline else None
    return YearStatus(year, _departments(project, data), _unassigned(data), deadline, days_left)


def _departments(project: Project, data: YearData) -> tuple[DepartmentStatus, ...]:
    results_by_department: dict[str | None, list[FileResult]] = {}
    for result in data.files:
        results_by_department.setdefault(result.department, []).append(result)
    findings_by_file: dict[str, list[Finding]] = {}
    for finding in data.report.findings:
        findings_by_file.setdefault(finding.file, []).append(finding)
    rows = []
    for department in project.settings.departments:
        results = results_by_department.get(department.code, [])
        files = {r.source.file for r in results}
        findings = [f for file in sorted(files) for f in findings_by_file.get(file, [])]
        rows.append(
            DepartmentStatus(
                department.code,
                department.name,
                tuple(sorted(files)),
                sum(len(r.activities) for r in results),
                sum(1 for f in findings if f.severity is Severity.ERROR),
                sum(1 for f in findings if f.severity is Severity.WARNING),
            )
        )
    return tuple(rows)


def _unassigned(data: YearData) -> tuple[str, ...]:
    return tuple(r.source.file for r in data.files if r.department is None)
