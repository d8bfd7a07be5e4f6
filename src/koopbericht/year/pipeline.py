"""Read, check and normalise a year's Meldebögen (or given files) in one call.

This is the library entry point behind `validate`, `status`, `build` and `compare`:
it never prints; it returns the report (findings) and the normalised activities.
Fatal problems with one file become a finding about that file, not an exception.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from ..checks import (
    RowChecker,
    check_columns,
    check_departments,
    check_duplicates,
    check_layout,
)
from ..config.accepted import ACCEPTED_FILE, read_acceptances
from ..files.paths import leads_out
from ..findings import Finding, Report, Severity
from ..findings import catalogue as F
from ..model import Activity
from ..normalise.activities import Normaliser
from ..normalise.columns import cell_readers, read_rows
from ..normalise.values import Reading, one_line
from ..project.folder import Project
from ..read import RawMeldebogen, SourceFile, UnreadableWorkbook, source_files, year_files
from ..read.parallel import read_many
from . import FileResult, YearData
from .accepted import apply_acceptances
from .lastyear import offered_columns, with_last_year
from .stale import check_stale

_UNREADABLE = {
    "damaged": F.FILE_DAMAGED,
    "encrypted": F.FILE_ENCRYPTED,
    "format": F.FILE_FORMAT,
    "too-large": F.FILE_TOO_LARGE,
    "header": F.HEADER_MISSING,
    "link": F.FILE_LINK,
}

# What `check_stale` compares of the previous year: Nr. and Vorhaben and Kooperationspartner to find
# the activity again (as compare does), Beschreibung/Sachstand and Status to find them unchanged.
STALE_COLUMNS = frozenset({"nr", "vorhaben", "partner", "beschreibung", "status"})
NOT_NEEDED = Reading(None)


class Progress(Protocol):
    """Whoever shows progress is told how many files a check reads, then each file as it starts."""

    def start(self, total: int) -> None:
        """`total` files are about to be read."""

    def advance(self, file: str) -> None:
        """`file` (relative to the working folder) is read next."""


def check_year(
    project: Project,
    year: int,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    against_previous: bool = True,
) -> YearData:
    """Check every Meldebogen in `JAHR/meldungen/`, including missing and doubled departments.

    `against_previous` also reads the year before, to find a Sachstand copied unchanged from it (a
    warning); `compare`, which reads both years itself and needs no such warning, leaves it out.
    """
    sources = year_files(project.reports_dir(year), project.settings)
    data = _check(project, sources, year, whole_year=True, today=today, progress=progress)
    previous = _previous_activities(project, year - 1) if against_previous else []
    if previous:
        data.report.extend(check_stale(data.activities, previous, year - 1, project.settings))
        named = _naming_activities(data.report.findings, data.activities)
        named = list(with_last_year(named, previous, year - 1, project.settings))
        data.report.findings = sorted(named, key=_order_of(data))
    _accept(project, year, data.report)
    data.settle(project.settings.departments)  # the report is final: decide exclusions and states once
    return data


def _accept(project: Project, year: int, report: Report, files: set[str] | None = None) -> None:
    """Mark the findings the clerk accepted in JAHR/akzeptiert.toml (see `year.accepted`), of `files` if given."""
    entries = read_acceptances(project.year_dir(year) / ACCEPTED_FILE)
    chosen = [entry for entry in entries if files is None or entry.file in files]
    apply_acceptances(report, chosen, f"{year}/{ACCEPTED_FILE}")


def _previous_activities(project: Project, year: int) -> list[Activity]:
    """The activities of `year` as read, without checks; none if the year is not there or unreadable.

    Only for comparing Sachstand texts with the year after (`check_stale`), so only the columns
    that comparison uses are read into values (`STALE_COLUMNS`); a file that cannot be read is skipped.
    """
    if year not in project.years():
        return []
    normaliser = Normaliser(project.settings)
    needed = STALE_COLUMNS | offered_columns(project.settings)  # and what a missing required value is offered
    readers = {key: reader if key in needed else _not_needed for key, reader in cell_readers(project.settings).items()}
    activities: list[Activity] = []
    sources = year_files(project.reports_dir(year), project.settings)
    for source, raw in zip(sources, _read_all(project, sources, needed, year), strict=True):
        department = source.departments[0] if len(source.departments) == 1 else "?"
        if isinstance(raw, UnreadableWorkbook):
            continue
        for sheet in raw.sheets():
            activities += normaliser.activities(sheet, read_rows(sheet, readers), department)[0]
    return activities


def _not_needed(value: object) -> Reading:
    """A cell of the previous year that the Sachstand comparison does not look at: left out, not parsed."""
    return NOT_NEEDED


def check_paths(
    project: Project,
    paths: list[Path],
    year: int | None = None,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> YearData:
    """Check the given files; the report year (for date checks) is `year` or the files' year folder."""
    if year is None:
        parents = {p.resolve().parent for p in paths}
        if len(parents) == 1:
            folder = next(iter(parents))
            if folder.name == "meldungen" and folder.parent.name.isdigit():
                year = int(folder.parent.name)
    data = _check(
        project, source_files(paths, project.settings), year, whole_year=False, today=today, progress=progress
    )
    if year is not None and year in project.years():  # only the entries about the files checked
        _accept(project, year, data.report, {result.source.file for result in data.files})
    data.settle(project.settings.departments)
    return data


def _check(
    project: Project,
    sources: list[SourceFile],
    year: int | None,
    *,
    whole_year: bool,
    today: dt.date | None,
    progress: Progress | None,
) -> YearData:
    settings = project.settings
    report = Report(files=len(sources))
    checker = RowChecker(settings, year, today or dt.date.today())
    normaliser = Normaliser(settings)
    readers = cell_readers(settings)
    results = []
    if progress:
        progress.start(len(sources))
    read = _read_all(project, sources, year=year)
    for source in sources:
        if progress:
            progress.advance(source.file)
        raw = next(read)  # after `advance`: the file shown is the one being read
        department = source.departments[0] if len(source.departments) == 1 else None
        result = FileResult(source, department)
        results.append(result)
        if isinstance(raw, UnreadableWorkbook):
            result.readable = False
            report.unreadable_files += 1
            report.findings.append(_UNREADABLE[raw.kind].at(source.file, raw.message))
            continue
        for sheet in raw.sheets():  # every sheet with the header is part of the Meldebogen
            report.extend(check_columns(sheet, settings))
            report.extend(check_layout(sheet, settings))
            readings = read_rows(sheet, readers)  # every cell parsed once, for the checks and the normaliser
            report.extend(checker.check(sheet, readings))
            result.unpublished += _unpublished(sheet)
            result.columns |= frozenset(sheet.columns)
            activities, notes = normaliser.activities(sheet, readings, department or "?")
            result.activities += activities
            report.extend(notes)
        result.sheets = [sheet.sheet for sheet in raw.sheets()]
        result.layout = raw.layout
    report.extend(check_departments(sources, settings, whole_year))
    activities = [a for r in results for a in r.activities]
    report.extend(check_duplicates(activities, settings))
    report.activities = len(activities)
    data = YearData(year, report, results)
    report.findings = sorted(_naming_activities(report.findings, activities), key=_order_of(data))
    return data


def _naming_activities(findings: list[Finding], activities: list[Activity]) -> list[Finding]:
    """`findings`, each about a row of an activity naming that activity's Nr. and Vorhaben as reported.

    What a clerk needs on the phone with a department; a provisional Nr. (`nr-vergeben`) is not one
    the department gave, so it is left out, as is a Vorhaben that was left empty.
    """
    rows: dict[tuple[str, str | None, int], Activity] = {
        (a.source.file, a.source.sheet, a.source.row): a for a in activities
    }
    sheets = {a.source.file: a.source.sheet for a in activities}  # a finding without a sheet: the file's table
    named = []
    for finding in findings:
        sheet = finding.sheet or sheets.get(finding.file)
        activity = rows.get((finding.file, sheet, finding.row)) if finding.row is not None else None
        if activity is not None:
            nr, title = activity.published_id or None, activity.title or None
            finding = replace(finding, activity_nr=nr, activity_title=title)
        named.append(finding)
    return named


def _unpublished(raw: RawMeldebogen) -> list[str]:
    """Columns with values that are not read: unknown titles, and values beside the table."""
    lines = [
        f"Spalte „{one_line(column.title)}“ ({column.ref}, {column.values} Wert{'e' if column.values != 1 else ''}) "
        "nicht übernommen"
        for column in raw.unknown_columns.values()
        if column.values
    ]
    lines += [f"Werte außerhalb der Tabelle ab {cell.ref} nicht übernommen" for cell in raw.outside_cells]
    lines += [f"ausgeblendetes Blatt „{name}“ mit Daten nicht übernommen" for name in raw.hidden_sheets_with_data]
    return lines


def _read_all(
    project: Project, sources: list[SourceFile], only: frozenset[str] | None = None, year: int | None = None
) -> Iterator[RawMeldebogen | UnreadableWorkbook]:
    """Each Meldebogen of the working folder as read (never through a link out of it), or why it cannot be.

    Many files are read side by side in worker processes (`read.parallel`), yielded in order;
    `only`: the columns whose cells are read (`read_meldebogen`).
    """
    items: list[tuple[Path, str] | UnreadableWorkbook] = []
    for source in sources:
        try:
            _refuse_outside_links(source.path, project.root)
            items.append((source.path, source.file))
        except UnreadableWorkbook as problem:
            items.append(problem)
    for outcome in read_many(items, project.settings, only, year):
        yield UnreadableWorkbook(*outcome) if isinstance(outcome, tuple) else outcome


def _refuse_outside_links(path: Path, root: Path) -> None:
    """A link in the working folder may not lead out of it (nothing outside is read by accident)."""
    if path.is_symlink() and leads_out(path, root):
        raise UnreadableWorkbook(
            "link",
            f"Die Datei ist eine Verknüpfung auf {path.resolve()} außerhalb des Arbeitsordners und wird nicht gelesen. "
            "Bitte die Datei selbst in den Ordner meldungen/ kopieren.",
        )


def _order_of(data: YearData) -> Callable[[Finding], tuple[str, int, int, int]]:
    """Findings by file, then sheet in the order read (a file of one sheet: by row alone), row and severity."""
    ranks: dict[tuple[str, str | None], int] = {
        (r.source.file, sheet): rank for r in data.files for rank, sheet in enumerate(r.sheets)
    }

    def order(finding: Finding) -> tuple[str, int, int, int]:
        severity = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}[finding.severity]
        return (finding.file, ranks.get((finding.file, finding.sheet), 0), finding.row or 0, severity)

    return order
