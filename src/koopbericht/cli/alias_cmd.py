"""`koopbericht alias`: a spelling of the Meldebögen becomes an alias of a partner in koopbericht.toml."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import DebugOption, ProjectOption, handled


def alias(
    schreibweise: Annotated[
        str,
        typer.Argument(help="Die Schreibweise aus dem Meldebogen, z. B. „Schwielow-See“.", metavar="SCHREIBWEISE"),
    ],
    partner: Annotated[
        str,
        typer.Argument(help="Der Partner im Partnerverzeichnis, z. B. „Gemeinde Schwielowsee“.", metavar="PARTNER"),
    ],
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Trägt eine Schreibweise als Alias eines Partners in koopbericht.toml ein; Kommentare bleiben erhalten.

    Danach wird die Schreibweise in allen Jahren still als der eingetragene Partner übernommen.
    """
    from ..actions.alias import add_alias
    from ..project.folder import Project
    from . import console

    with handled(debug):
        project = Project.open(projekt)
        done = add_alias(project, schreibweise, partner)
        where = project.relative(done.path).as_posix()
        if done.changed:
            console.success(f"„{done.spelling}“ ist jetzt ein Alias von „{done.partner}“ ({where}).")
        else:
            console.stdout.print(f"„{done.spelling}“ ist schon ein Alias von „{done.partner}“; nichts geändert.",
                                 markup=False)  # fmt: skip
