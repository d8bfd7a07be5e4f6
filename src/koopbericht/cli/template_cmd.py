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
    from ..actions.template import plan_templates
    from ..project.folder import Project
    from . import console

    with handled(debug):
        project = Project.open(projekt)
        plan = plan_templates(project, jahr, gb)
        for warning in plan.warnings:  # before anything is written
            console.warning(warning)
        for result in plan.write():
            carried = f"{result.prefilled} Vorhaben aus {jahr - 1} übernommen" if result.prefilled else "leer"
            if result.to_correct:
                carried += f", davon {result.to_correct} rot zur Korrektur markiert"
            if result.gap is not None and result.gap.partial:
                carried += f" – für {jahr - 1} war nicht jede Datei lesbar"
            elif result.gap is not None and not plan.previous.folder_missing:  # else one warning says it for all
                carried += f" – für {jahr - 1} lag kein lesbarer Meldebogen vor"
            console.success(f"{project.relative(result.path)} ({carried})")
