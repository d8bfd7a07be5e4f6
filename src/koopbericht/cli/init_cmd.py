"""`koopbericht init [ORDNER]`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DebugOption, handled


def init(
    ordner: Annotated[
        Path,
        typer.Argument(
            help="Ordner, der angelegt wird (Standard: der aktuelle).", metavar="ORDNER", show_default=False
        ),
    ] = Path("."),
    jahr: Annotated[
        int | None,
        typer.Option(
            "--jahr", help="Berichtsjahr des ersten Jahresordners (Standard: das Vorjahr).", show_default=False
        ),
    ] = None,
    name: Annotated[str, typer.Option("--name", help="Name der Körperschaft.")] = "Musterstadt",
    kurzname: Annotated[
        str | None,
        typer.Option("--kurzname", help="Kurzname der Körperschaft (Standard: wie --name).", show_default=False),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Legt einen neuen Arbeitsordner an: koopbericht.toml, JAHR/vorlage.toml, text/ und meldungen/."""
    from ..actions.init import init_project
    from ..paths import shown_relative
    from . import console

    with handled(debug):
        result = init_project(ordner, jahr, name, kurzname)
        console.success(f"Arbeitsordner angelegt: {result.root}")
        for path in result.created:
            shown = shown_relative(path, result.root)
            console.stdout.print(f"  {shown}{'/' if path.is_dir() else ''}", markup=False)
        console.stdout.print(
            "Nächste Schritte: Geschäftsbereiche in koopbericht.toml und die Angaben in vorlage.toml "
            "anpassen, Meldebögen in meldungen/ ablegen.",
            markup=False,
        )
