"""`koopbericht validate [JAHR] [DATEI...]`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..actions.validate import Annotated as Annotated_

from .common import DebugOption, ProjectOption, handled, stdout_json


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
    from ..actions.validate import annotate_copies
    from ..actions.validate import validate as run_validate
    from ..project import Project
    from . import console
    from .findings_view import print_findings

    with handled(debug):
        project = Project.open(projekt)
        with console.FileProgress() as progress:
            result = run_validate(project, ziele or [], strict=strict, progress=progress)
        report = result.data.report
        if format is OutputFormat.json:
            typer.echo(stdout_json(report.as_json(include_infos=verbose)))
        else:
            print_findings(report, verbose, strict)
        if annotate is not None:  # after the findings are shown: a copy that cannot be written ends with exit 5
            _show_annotated(annotate_copies(result.data, annotate, project))
        if result.exit_code:
            raise typer.Exit(result.exit_code)


def _show_annotated(copies: list[Annotated_]) -> None:
    from . import console

    for done in copies:
        if done.target is None:
            console.warning(f"Keine markierte Kopie von {done.source}: {done.problem}.")
        else:
            note = f" – {done.note}" if done.note else ""
            console.stderr.print(f"Markierte Kopie: {done.target} ({done.counts}){note}", markup=False)
