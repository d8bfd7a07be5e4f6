"""`koopbericht build JAHR`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import DebugOption, ProjectOption, handled

if TYPE_CHECKING:
    from ..actions.build import BuildResult
    from ..project.folder import Project


def build(
    jahr: Annotated[int, typer.Argument(help="Berichtsjahr, z. B. 2023.", metavar="JAHR", show_default=False)],
    trotz_fehlern: Annotated[
        bool,
        typer.Option("--trotz-fehlern", help="Auch bei Fehlern erstellen; fehlerhafte Zeilen werden weggelassen."),
    ] = False,
    endfassung: Annotated[
        bool,
        typer.Option(
            "--endfassung",
            help="Nur erstellen, wenn das Jahr vollständig ist (sonst Abbruch mit den fehlenden Punkten).",
        ),
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Zusätzlich Vorlage und Anlage als PDF/A (barrierearm) mit LibreOffice.")
    ] = False,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Word-Vorlage (.docx/.dotx) für Formatvorlagen, Seite, Kopf- und Fußzeile.",
            metavar="DATEI",
            show_default=False,
        ),
    ] = None,
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Erstellt Mitteilungsvorlage und Anlage 1 (.docx), die Anlage als Tabelle (.xlsx) und den OParl-Export.

    Solange etwas fehlt (Meldebögen, weggelassene Zeilen, Platzhaltertext, Vorlagen-Nummer), ist das
    Ergebnis ein gekennzeichneter Entwurf; mit --endfassung wird dann nichts erstellt.
    """
    from ..actions.build import build_year
    from ..errors import BuildRefused
    from ..project.folder import Project
    from . import console
    from .findings_view import print_findings

    with handled(debug):
        project = Project.open(projekt)
        try:
            with console.FileProgress() as progress:
                result = build_year(project, jahr, allow_errors=trotz_fehlern, final=endfassung,
                                    pdf=pdf, template=template, progress=progress)  # fmt: skip
        except BuildRefused as refused:
            print_findings(refused.report, verbose=False, strict=False)
            raise
        _show(result, project, jahr)


def _show(result: BuildResult, project: Project, jahr: int) -> None:
    """What was written, what was left out, and whether it is an Entwurf."""
    from ..findings import Severity
    from ..findings.advice import counts_text
    from . import console

    errors, warnings = result.report.count(Severity.ERROR), result.report.count(Severity.WARNING)
    for path in result.outputs:
        console.success(f"{project.relative(path)}")
    for notice in result.notices:
        console.warning(notice)
    console.stdout.print(
        f"{result.activities} Vorhaben veröffentlicht"
        + (f", {counts_text(errors, warnings)} (koopbericht validate {jahr})" if errors or warnings else "")
        + ".",
        markup=False,
    )
    if result.left_out:
        console.warning(f"Wegen Fehlern weggelassen ({len(result.left_out)}):")
        for line in result.left_out:
            console.stderr.print(f"  • {line}", markup=False, soft_wrap=True)
    if result.draft:
        count = len(result.draft_reasons)
        points = "1 offener Punkt" if count == 1 else f"{count} offene Punkte"
        console.stdout.print(f"Entwurf: Die Vorlage ist als Entwurf gekennzeichnet ({points}):", markup=False)
        for reason in result.draft_reasons:
            console.stdout.print(f"  • {reason}", markup=False, soft_wrap=True)
    else:
        console.stdout.print(
            "Endfassung: alle Geschäftsbereiche haben gemeldet, nichts wurde weggelassen.", markup=False
        )
