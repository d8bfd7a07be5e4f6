"""`validate`: check a year's Meldebögen (or given files) and decide the exit outcome; annotate copies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, UsageError
from ..pipeline import Progress, check_paths, check_year
from ..project import Project, valid_year
from ..yeardata import YearData

if TYPE_CHECKING:
    from ..annotate import Annotated


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
    paths = [Path(f) for f in files]
    for path in paths:
        if not path.exists():
            raise UsageError(f"Die Datei {path} gibt es nicht.")
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


def annotate_copies(data: YearData, folder: Path) -> list[Annotated]:
    """Write a copy of every file with errors or warnings, its cells marked, into `folder` (never the originals)."""
    from ..annotate import annotate  # openpyxl: imported only when asked for

    return annotate(data, folder)
