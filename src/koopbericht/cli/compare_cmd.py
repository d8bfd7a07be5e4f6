"""`koopbericht compare JAHR_A JAHR_B`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..actions.compare import CompareOutcome
    from ..compare import Comparison

from .common import DebugOption, ProjectOption, handled, stdout_json


class CompareFormat(StrEnum):
    """Output formats of compare."""

    text = "text"
    markdown = "markdown"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"


PdfOption = Annotated[
    bool, typer.Option("--pdf", help="Die Synopse (--format docx) auch als PDF/A schreiben (braucht LibreOffice).")
]
TrackedOption = Annotated[
    bool,
    typer.Option(
        "--nachverfolgung",
        help="In der Synopse (--format docx) die Änderungen als Word-Änderungsverfolgung zeigen.",
    ),
]


def compare(
    jahr_a: Annotated[int, typer.Argument(help="Das frühere Jahr, z. B. 2022.", metavar="JAHR_A", show_default=False)],
    jahr_b: Annotated[int, typer.Argument(help="Das spätere Jahr, z. B. 2023.", metavar="JAHR_B", show_default=False)],
    format: Annotated[
        CompareFormat,
        typer.Option(
            "--format",
            help="Ausgabe: text (Terminal), markdown, json, xlsx oder docx (Synopse als Word-Datei).",
        ),
    ] = CompareFormat.text,
    ausgabe: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--ausgabe",
            help="In diese Datei schreiben statt auf den Bildschirm.",
            metavar="DATEI",
            show_default=False,
        ),
    ] = None,
    trotz_fehlern: Annotated[
        bool,
        typer.Option("--trotz-fehlern", help="Auch vergleichen, wenn ein Jahr Fehler hat (ohne fehlerhafte Zeilen)."),
    ] = False,
    pdf: PdfOption = False,
    nachverfolgung: TrackedOption = False,
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Zeigt, was sich zwischen zwei Jahren geändert hat: neue, weggefallene und geänderte Vorhaben."""
    from ..actions.compare import compare_and_write
    from ..project.folder import Project
    from . import console
    from .compare_view import print_comparison

    def as_text(comparison: Comparison) -> str:
        with console.stdout.capture() as captured:
            print_comparison(comparison)
        return captured.get()

    with handled(debug):
        project = Project.open(projekt)
        outcome = compare_and_write(
            project, jahr_a, jahr_b, format=format.value, target=ausgabe, allow_errors=trotz_fehlern, as_text=as_text,
            pdf=pdf, tracked=nachverfolgung,
        )  # fmt: skip
        _present(outcome, format)


def _present(outcome: CompareOutcome, format: CompareFormat) -> None:
    """On the terminal: the comparison (unless it went to a file) and the notices."""
    from ..render.comparison import to_json, to_markdown
    from . import console
    from .compare_view import print_comparison

    comparison = outcome.comparison
    if outcome.written is not None:
        what = "Synopse" if format is CompareFormat.docx else "Vergleich"
        for path in (outcome.written, *outcome.written_too):
            console.success(f"{what} geschrieben: {path}")
    elif format is CompareFormat.text:
        print_comparison(comparison)
    elif format is CompareFormat.json:
        typer.echo(stdout_json(to_json(comparison)))
    else:
        typer.echo(to_markdown(comparison), nl=False)
    for notice in outcome.notices:
        console.warning(notice)
