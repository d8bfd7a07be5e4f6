"""`koopbericht erinnerung JAHR`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from .common import DebugOption, ProjectOption, handled

if TYPE_CHECKING:
    from ..actions.reminders import Reminders
    from ..project.folder import Project


def erinnerung(
    jahr: Annotated[int, typer.Argument(help="Berichtsjahr, z. B. 2023.", metavar="JAHR", show_default=False)],
    auch_warnungen: Annotated[
        bool,
        typer.Option(
            "--auch-warnungen", help="Auch an Geschäftsbereiche schreiben, deren Meldebogen nur Warnungen hat."
        ),
    ] = False,
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Schreibt E-Mail-Entwürfe (.eml) an Geschäftsbereiche, deren Meldebogen fehlt oder Fehler hat; sendet nichts."""
    from ..actions.reminders import write_reminders
    from ..project.folder import Project
    from . import console

    with handled(debug):
        project = Project.open(projekt)
        with console.FileProgress() as progress:
            result = write_reminders(project, jahr, with_warnings=auch_warnungen, progress=progress)
        _present(project, result)


def _present(project: Project, result: Reminders) -> None:
    """The drafts as a table where every word fits, else a list; where they are, and what the clerk should know."""
    from rich.text import Text

    from ..formatting import counted
    from . import console
    from .listing import Column, Listing, show

    shown = project.relative(result.folder)
    for path in result.removed:
        console.warning(f"Veraltete Erinnerung entfernt: {project.relative(path)}")
    if not result.written:
        console.success("Keine Erinnerung nötig: Alle Meldebögen sind da, und keiner muss korrigiert werden.")
    else:
        columns = [Column("Geschäftsbereich", wrap=False), Column("Empfänger"), Column("Grund"), Column("Anhang")]
        listing = Listing(columns, title=f"Erinnerungen {result.year}")
        for reminder in result.written:
            listing.add(
                reminder.department,
                "\n".join(reminder.recipients) or Text("keine Adresse", style="red"),
                reminder.reason,
                "\n".join(reminder.attachments) or "–",
            )
        show([listing], console.stdout)
        drafts = counted(len(result.written), "Entwurf", "Entwürfe")
        console.success(
            f"{drafts} nach {shown} geschrieben. Es wurde nichts versendet: Bitte die Entwürfe in Outlook oder "
            "Thunderbird öffnen, prüfen und von dort senden."
        )
    for notice in result.notices:
        console.warning(notice)
