"""`koopbericht jahr JAHR`, and what it shows (also for `init --jahr` in a working folder)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from .common import DebugOption, ProjectOption, handled

if TYPE_CHECKING:
    from ..actions.year import NewYear


def year(
    jahr: Annotated[int, typer.Argument(help="Das neue Berichtsjahr, z. B. 2024.", metavar="JAHR", show_default=False)],
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Legt ein neues Berichtsjahr an: vorlage.toml und Texte aus dem Vorjahr übernommen, leerer Ordner meldungen/."""
    from ..actions.year import start_year
    from ..project.folder import Project

    with handled(debug):
        show(start_year(Project.open(projekt), jahr))


def show(result: NewYear) -> None:
    """The new year's files, what to check in them, and the next steps of the yearly round."""
    from ..files.paths import shown_relative
    from ..formatting import counted
    from . import console

    origin = f"aus {result.source_year} übernommen" if result.source_year else "neu, ohne Vorjahr"
    console.success(f"Jahresordner {result.year} angelegt ({origin}): {result.root / str(result.year)}")
    for path in result.created:
        shown = shown_relative(path, result.root).as_posix()
        console.stdout.print(f"  {shown}{'/' if path.is_dir() else ''}", markup=False)
    if result.texts:
        console.stdout.print(
            f"{counted(len(result.texts), 'Text', 'Texte')} aus {result.source_year} übernommen: "
            f"{', '.join(result.texts)}.",
            markup=False,
        )
    for note in result.notes:
        console.warning(note)
    console.stdout.print("Nächste Schritte:", markup=False)
    for number, step in enumerate(result.next_steps, start=1):
        console.stdout.print(f"  {number}. {step}", markup=False)
