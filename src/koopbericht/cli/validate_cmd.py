"""`koopbericht validate [JAHR] [DATEI...]`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_FINDINGS, EXIT_UNREADABLE, UsageError

if TYPE_CHECKING:
    from ..project import Project

from .common import DebugOption, ProjectOption, handled, stdout_json, year_progress


class OutputFormat(StrEnum):
    """Output formats of validate."""

    text = "text"
    json = "json"


def validate(
    ziele: Annotated[
        list[str] | None,
        typer.Argument(
            help="Berichtsjahr (z. B. 2023) und/oder einzelne Meldebögen. Ohne Angabe: das neueste Jahr.",
            metavar="JAHR|DATEI",
            show_default=False,
        ),
    ] = None,
    format: Annotated[OutputFormat, typer.Option("--format", help="Ausgabe als Tabelle (text) oder JSON.")] = (
        OutputFormat.text
    ),
    strict: Annotated[bool, typer.Option("--strict", help="Auch Warnungen führen zu Exit-Code 1.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Auch stille Vereinheitlichungen (Hinweise) zeigen.")
    ] = False,
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            help="Kopien der Meldebögen mit markierten Zellen und Kommentaren in diesen Ordner schreiben "
            "(zum Zurücksenden). Die Originale bleiben unverändert.",
            metavar="ORDNER",
            show_default=False,
        ),
    ] = None,
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Prüft Meldebögen und zeigt jeden Befund mit Datei, Blatt, Zelle und Vorschlag."""
    from .. import console
    from ..pipeline import check_paths, check_year
    from ..project import Project
    from .findings_view import print_findings

    with handled(debug):
        project = Project.open(projekt)
        year, files = _split_targets(ziele or [], project)
        paths = [Path(f) for f in files]
        for path in paths:
            if not path.exists():
                raise UsageError(f"Die Datei {path} gibt es nicht.")
        with console.file_progress(len(paths)) if paths else year_progress(project, year) as progress:
            if paths:
                data = check_paths(project, paths, year, progress=progress)
            else:
                assert year is not None
                project.year_settings(year)  # a broken vorlage.toml is reported before any work
                data = check_year(project, year, progress=progress)
        report = data.report
        if format is OutputFormat.json:
            typer.echo(stdout_json(report.as_json(include_infos=verbose)))
        else:
            print_findings(report, verbose, strict)
        if annotate is not None:
            from ..annotate import annotate as write_annotated  # openpyxl: imported only when needed

            for done in write_annotated(data, annotate):
                if done.target is None:
                    console.warning(f"Keine markierte Kopie von {done.source}: {done.problem}.")
                else:
                    console.stderr.print(f"Markierte Kopie: {done.target} ({done.findings} Befunde)", markup=False)
        if report.files and report.unreadable_files == report.files:
            raise typer.Exit(EXIT_UNREADABLE)
        if report.fails(strict):
            raise typer.Exit(EXIT_FINDINGS)


def _split_targets(targets: list[str], project: Project) -> tuple[int | None, list[str]]:
    from ..project import check_year

    year = None
    if targets and targets[0].isdigit() and len(targets[0]) == 4:
        year = check_year(int(targets[0]))
        targets = targets[1:]
    if year is None and not targets:
        years = project.years()
        if not years:
            raise UsageError("Im Arbeitsordner gibt es noch kein Jahr (Ordner JAHR mit vorlage.toml).")
        year = years[-1]
    return year, targets
