"""`koopbericht compare JAHR_A JAHR_B`."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import DebugOption, ProjectOption, handled, stdout_json


class CompareFormat(StrEnum):
    """Output formats of compare."""

    text = "text"
    markdown = "markdown"
    json = "json"
    xlsx = "xlsx"


def compare(
    jahr_a: Annotated[int, typer.Argument(help="Das frühere Jahr, z. B. 2022.", metavar="JAHR_A", show_default=False)],
    jahr_b: Annotated[int, typer.Argument(help="Das spätere Jahr, z. B. 2023.", metavar="JAHR_B", show_default=False)],
    format: Annotated[
        CompareFormat, typer.Option("--format", help="Ausgabe: text (Terminal), markdown, json oder xlsx.")
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
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Zeigt, was sich zwischen zwei Jahren geändert hat: neue, weggefallene und geänderte Vorhaben."""
    from .. import console
    from ..compare import compare_years, to_json, to_markdown, to_xlsx
    from ..fileio import write_bytes_atomic
    from ..project import Project
    from .compare_view import print_comparison

    with handled(debug):
        project = Project.open(projekt)
        result = compare_years(project, jahr_a, jahr_b, allow_errors=trotz_fehlern)
        if format is CompareFormat.xlsx and ausgabe is None:
            ausgabe = project.output_dir(jahr_b) / f"Vergleich-{jahr_a}-{jahr_b}.xlsx"
        if format is CompareFormat.text and ausgabe is None:
            print_comparison(result)
        else:
            if format is CompareFormat.xlsx:
                data = to_xlsx(result)
            elif format is CompareFormat.json:
                # A file is UTF-8; stdout may not be, and its error handler would alter values.
                text = (
                    json.dumps(to_json(result), ensure_ascii=False, indent=2)
                    if ausgabe
                    else stdout_json(to_json(result))
                )
                data = (text + "\n").encode()
            elif format is CompareFormat.markdown:
                data = to_markdown(result).encode()
            else:
                with console.stdout.capture() as captured:
                    print_comparison(result)
                data = captured.get().encode()
            if ausgabe is None:
                typer.echo(data.decode(), nl=False)
            else:
                project.refuse_as_output(ausgabe)
                write_bytes_atomic(ausgabe, data)
                console.success(f"Vergleich geschrieben: {ausgabe}")
        for line in result.left_out:
            console.warning(f"Weggelassen wegen Fehlern: {line}")
        if format is not CompareFormat.text or ausgabe is not None:
            # The caveat is in the output itself; this is for whoever only looks at the terminal.
            for gap in result.gaps:
                console.warning(f"Nicht vergleichbar: {gap}")
            if result.not_comparable:
                console.warning(
                    f"Vergleich unvollständig: {len(result.not_comparable)} Vorhaben nicht vergleichbar "
                    "(der Vorbehalt steht in der Ausgabe)."
                )
