"""`validate`: check a year's Meldebögen (or given files) and decide the exit outcome; annotate copies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, CannotAnnotate, KoopberichtError, UsageError
from ..files.atomic import write_bytes_atomic
from ..findings import Severity
from ..findings.advice import counts_text
from ..project.folder import Project, valid_year
from ..year import FileResult, YearData
from ..year.pipeline import Progress, check_paths, check_year
from .arguments import check_files

if TYPE_CHECKING:
    from ..round.marked import Cover


@dataclass(frozen=True)
class Annotated:
    """One annotated copy and how many findings it marks (`errors` and `warnings` of them), or why no copy was made.

    `note` says, in German, what the clerk should know about the copy (an .ods written as .xlsx).
    """

    source: str
    target: Path | None
    findings: int
    problem: str | None = None
    note: str | None = None
    errors: int = 0
    warnings: int = 0

    @property
    def counts(self) -> str:
        """What the copy marks, in the right number: "1 Fehler und 2 Warnungen"."""
        return counts_text(self.errors, self.warnings)


@dataclass(frozen=True)
class Validation:
    """What `validate` found and how the command ends."""

    data: YearData
    exit_code: int


def validate(
    project: Project,
    targets: list[str],
    *,
    strict: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Validation:
    """Check the year (`targets[0]` if it is a year, else the newest) or the files in `targets`.

    Exit outcome: 3 when no file could be read at all, 1 on errors (or warnings with `strict`), else 0.
    """
    year, files = _split_targets(targets, project)
    paths = check_files(project, year, files)
    if paths:
        data = check_paths(project, paths, year, today=today, progress=progress)
    else:
        assert year is not None
        project.year_settings(year)  # a broken vorlage.toml is reported before any work
        data = check_year(project, year, today=today, progress=progress)
    return Validation(data, _exit_code(data, strict))


def _exit_code(data: YearData, strict: bool) -> int:
    report = data.report
    if report.files and report.unreadable_files == report.files:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if report.fails(strict) else EXIT_OK


def _split_targets(targets: list[str], project: Project) -> tuple[int | None, list[str]]:
    """The year asked for (or the newest, when no file is given) and the files."""
    year = None
    if targets and targets[0].isdigit() and len(targets[0]) == 4:
        year = valid_year(int(targets[0]))
        targets = targets[1:]
    if year is None and not targets:
        years = project.years()
        if not years:
            raise UsageError("Im Arbeitsordner gibt es noch kein Jahr (Ordner JAHR mit vorlage.toml).")
        year = years[-1]
    return year, targets


def annotate_copies(
    data: YearData, folder: Path, project: Project | None = None, *, today: dt.date | None = None
) -> list[Annotated]:
    """Write a copy of every readable file with errors or warnings, its cells marked, into `folder`.

    The copies speak to the department: with `project`, their first sheet „Was ist zu tun“ names
    the Geschäftsbereich, the deadline of the year's vorlage.toml (passed or not, as of `today`)
    and whom to ask, and the texts name the allowed values of a list. The same files give the
    same bytes. The originals are never written: a folder that holds them is refused. An .ods or
    .xlsb is copied as an .xlsx of the same name (`GB1.ods` → `GB1.xlsx`), as only xlsx can be marked.
    """
    from ..round.marked import annotated_copy  # openpyxl: imported only when asked for

    folder = folder.resolve()
    if any(folder == result.source.path.resolve().parent for result in data.files):
        raise UsageError(f"{folder} enthält die Meldebögen selbst; bitte einen anderen Ordner für --annotate angeben.")
    written: list[Annotated] = []
    taken = {result.source.path.name.casefold() for result in data.files}
    for result in data.files:
        findings = [  # an accepted finding is settled: the department is not asked about it
            f
            for f in data.report.findings
            if f.file == result.source.file and f.severity is not Severity.INFO and f.accepted is None
        ]
        if not result.readable or not findings:
            continue
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = len(findings) - errors
        try:
            cover = _cover(result, data.year, project, today)
            copy = annotated_copy(result.source.path, findings, cover, result.layout)
        except CannotAnnotate as problem:
            written.append(
                Annotated(result.source.file, None, len(findings), str(problem), errors=errors, warnings=warnings)
            )
            continue
        name, note = result.source.path.name, None
        if copy.rebuilt_from is not None:
            name = _xlsx_name(result.source.path, copy.rebuilt_from, taken)
            taken.add(name.casefold())
            note = _rebuilt_note(copy.rebuilt_from)
        target = folder / name
        write_bytes_atomic(target, copy.data)
        written.append(
            Annotated(result.source.file, target, len(findings), note=note, errors=errors, warnings=warnings)
        )
    return written


def _cover(result: FileResult, year: int | None, project: Project | None, today: dt.date | None) -> Cover:
    """What the copy of `result` says besides its findings: the department, the deadline and whom to ask."""
    from ..round.marked import Cover

    if project is None:
        return Cover(result.source.path.name, year=year, today=today)
    known = project.settings.department(result.department or "")
    department = f"{known.code} {known.name}" if known else ""
    cover = Cover(result.source.path.name, department, year, today=today, settings=project.settings)
    if year is None or year not in project.years():
        return cover
    try:
        settings = project.year_settings(year)
    except KoopberichtError:  # a broken vorlage.toml (validate with files only): a copy without the deadline
        return cover
    return replace(
        cover,
        deadline=settings.deadline,
        contact=settings.contact,
        email=settings.contact_email,
        phone=settings.contact_phone,
    )


def _xlsx_name(source: Path, kind: str, taken: set[str]) -> str:
    """`GB1.ods` → `GB1.xlsx`; `GB1_ods.xlsx` where another Meldebogen of the same folder is called that."""
    name = f"{source.stem}.xlsx"
    if source.suffix.lower() == ".xlsx" or name.casefold() in taken:
        name = f"{source.stem}_{kind}.xlsx"
    return name


def _rebuilt_note(kind: str) -> str:
    return (
        f"als Excel-Arbeitsmappe (.xlsx), weil sich eine .{kind}-Datei nicht markieren lässt; die Kopie enthält die "
        "Werte, verbundenen Zellen und ausgeblendeten Zeilen und Blätter, aber keine Formeln und Formatierungen "
        "des Originals"
    )
