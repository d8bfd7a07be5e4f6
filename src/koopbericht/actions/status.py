"""`status`: the Rücklauf of a year — which Geschäftsbereich has sent what, and the deadline.

The Rücklaufliste also goes to a file: xlsx and CSV for the clerk (by default into
`ausgabe/JAHR/Ruecklauf-JAHR.xlsx|.csv`), JSON for programs.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..errors import UsageError
from ..files.atomic import write_bytes_atomic
from ..findings import Finding, Severity
from ..project.folder import Project
from ..round.ruecklauf import DepartmentStatus, YearStatus, status_csv, status_json, status_xlsx
from ..year import FileResult, YearData
from ..year.pipeline import Progress, check_year
from .intake_record import Intake, instant, valid_entries

__all__ = [
    "FORMATS", "DepartmentStatus", "YearStatus", "expected_forms", "export_status", "output_format", "year_status",
]  # fmt: skip

FORMATS = ("text", "json", "xlsx", "csv")
_SUFFIXES = {".json": "json", ".xlsx": "xlsx", ".csv": "csv"}


def year_status(
    project: Project, year: int, *, today: dt.date | None = None, progress: Progress | None = None
) -> YearStatus:
    """Check the year's Meldebögen and summarise them per Geschäftsbereich."""
    today = today or dt.date.today()
    settings = project.year_settings(year)
    data = check_year(project, year, today=today, progress=progress)
    deadline = settings.deadline
    days_left = (deadline - today).days if deadline else None
    mails = valid_entries(project.reports_dir(year))
    return YearStatus(year, _departments(project, data, mails), _unassigned(data), deadline, days_left, today)


def expected_forms(project: Project, year: int) -> dict[str, tuple[str, str]]:
    """By Kürzel: the Geschäftsbereich ("GB2 Bauen") and where its form is expected ("2024/meldungen/GB2*.xlsx")."""
    folder = project.relative(project.reports_dir(year)).as_posix()
    return {
        d.code: (f"{d.code} {d.name}", " oder ".join(f"{folder}/{pattern}" for pattern in d.patterns))
        for d in project.settings.departments
    }


def output_format(format: str | None, target: Path | None) -> str:
    """The format asked for; without one, the one the file name says (`.xlsx`, `.csv`, `.json`), else text."""
    if format is not None:
        if format not in FORMATS:
            raise UsageError(f"Unbekanntes Format „{format}“. Erlaubt: {', '.join(FORMATS)}.")
        return format
    if target is None:
        return "text"
    found = _SUFFIXES.get(target.suffix.lower())
    if found is None:
        raise UsageError(
            f"Aus dem Dateinamen {target.name} geht kein Format hervor. Bitte die Endung .xlsx, .csv oder .json "
            "verwenden oder das Format mit --format angeben."
        )
    return found


def export_status(project: Project, status: YearStatus, format: str, target: Path | None = None) -> Path | None:
    """Write the Rücklaufliste as `format` to `target`; return the file written, or None for the terminal.

    Without `target`, xlsx and CSV go to `ausgabe/JAHR/Ruecklauf-JAHR.xlsx|.csv`; JSON and text stay
    for the terminal. Text cannot be written to a file (a usage error).
    """
    if format not in FORMATS:
        raise UsageError(f"Unbekanntes Format „{format}“. Erlaubt: {', '.join(FORMATS)}.")
    if format == "text":
        if target is not None:
            raise UsageError(
                "Die Textausgabe ist für den Bildschirm. Für eine Datei bitte --format xlsx, csv oder json."
            )
        return None
    if target is None:
        if format == "json":
            return None
        target = project.output_dir(status.year) / f"Ruecklauf-{status.year}.{format}"
    project.refuse_as_output(target)
    if format == "xlsx":
        data = status_xlsx(status, project.settings.authority.name)
    elif format == "csv":
        data = status_csv(status)
    else:
        data = (json.dumps(status_json(status), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_bytes_atomic(target, data)
    return target


def _departments(project: Project, data: YearData, mails: dict[str, Intake]) -> tuple[DepartmentStatus, ...]:
    """One row per Geschäftsbereich, from its files as the year's state assigns them (`YearData.state`)."""
    findings_by_file: dict[str, list[Finding]] = {}
    for finding in data.report.findings:
        if finding.accepted is None:  # an accepted finding is settled: neither an error nor a warning to chase
            findings_by_file.setdefault(finding.file, []).append(finding)
    rows = []
    for department in project.settings.departments:
        state = data.state(department.code)
        files = {r.source.file for r in state.files}
        findings = [f for file in sorted(files) for f in findings_by_file.get(file, [])]
        rows.append(
            DepartmentStatus(
                department.code,
                department.name,
                tuple(sorted(files)),
                state.activities,
                sum(1 for f in findings if f.severity is Severity.ERROR),
                sum(1 for f in findings if f.severity is Severity.WARNING),
                *_received(list(state.files), mails),
                department.contacts,
            )
        )
    return tuple(rows)


def _received(results: list[FileResult], mails: dict[str, Intake]) -> tuple[dt.date | None, str]:
    """When the latest of the files came in, and from whom.

    A file taken from a mail by `eingang` (and unchanged since) came in on its mail's Date, from its
    sender; any other file on the day it was saved (its modification time), from nobody known.
    """
    latest: tuple[dt.datetime, str] | None = None
    for result in results:
        entry = mails.get(result.source.path.name)
        try:
            if entry is not None and entry.date is not None:
                moment, sender = instant(entry.date), entry.sender
            else:
                moment, sender = dt.datetime.fromtimestamp(result.source.path.stat().st_mtime, tz=dt.UTC), ""
        except (OSError, OverflowError, ValueError):
            continue
        if latest is None or moment > latest[0]:
            latest = (moment, sender)
    if latest is None:
        return None, ""
    moment = latest[0] if latest[1] else latest[0].astimezone()  # a mail's own day; a file's local day
    return moment.date(), latest[1]


def _unassigned(data: YearData) -> tuple[str, ...]:
    return tuple(r.source.file for r in data.files if r.department is None)
