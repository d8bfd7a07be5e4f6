"""`koopbericht template JAHR [--gb KÜRZEL]`."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import DebugOption, ProjectOption, handled


def template(
    jahr: Annotated[
        int, typer.Argument(help="Berichtsjahr der neuen Meldebögen, z. B. 2024.", metavar="JAHR", show_default=False)
    ],
    gb: Annotated[
        str | None,
        typer.Option("--gb", help="Nur für diesen Geschäftsbereich (Kürzel).", metavar="KÜRZEL", show_default=False),
    ] = None,
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Schreibt je Geschäftsbereich einen Meldebogen, vorausgefüllt mit den Vorhaben des Vorjahres."""
    from .. import console
    from ..meldebogen import write_templates
    from ..project import Project

    with handled(debug):
        project = Project.open(projekt)
        results = write_templates(project, jahr, gb)
        for result in results:
            carried = f"{result.prefilled} Vorhaben aus {jahr - 1} übernommen" if result.prefilled else "leer"
            console.success(f"{project.relative(result.path)} ({carried})")
