"""`koopbericht status JAHR`."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import DebugOption, ProjectOption, handled


def status(
    jahr: Annotated[int, typer.Argument(help="Berichtsjahr, z. B. 2023.", metavar="JAHR", show_default=False)],
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Zeigt den Rücklauf: Meldebogen je Geschäftsbereich, Vorhaben, Fehler, Warnungen und die Frist."""
    from rich.table import Table

    from ..actions.status import year_status
    from ..project import Project
    from . import console

    with handled(debug):
        project = Project.open(projekt)
        with console.FileProgress() as progress:
            result = year_status(project, jahr, progress=progress)
        table = Table(title=f"Rücklauf {jahr}", title_justify="left", expand=True)
        table.add_column("Geschäftsbereich", ratio=2, overflow="fold")
        table.add_column("Meldebogen", ratio=2, overflow="fold")
        for header in ("Vorhaben", "Fehler", "Warnungen"):
            table.add_column(header, justify="right", no_wrap=True)
        for row in result.departments:
            table.add_row(
                f"[bold]{row.code}[/] {row.name}",
                "\n".join(f.rsplit("/", 1)[-1] for f in row.files) if row.files else "[red]fehlt[/]",
                str(row.activities) if row.files else "–",
                f"[red]{row.errors}[/]" if row.errors else "0",
                f"[yellow]{row.warnings}[/]" if row.warnings else "0",
            )
        console.stdout.print(table)
        console.stdout.print(f"Eingegangen: {result.received} von {len(result.departments)} Geschäftsbereichen.")
        for file in result.unassigned_files:
            console.stdout.print(f"[yellow]Keinem Geschäftsbereich zugeordnet:[/] {file}")
        if result.deadline is None:
            console.stdout.print("Frist: keine angegeben (vorlage.toml, [meldung] frist).")
        elif result.days_left is not None and result.days_left >= 0:
            console.stdout.print(
                f"Frist: {result.deadline:%d.%m.%Y} – noch {result.days_left} "
                f"{'Tag' if result.days_left == 1 else 'Tage'}."
            )
        else:
            days = -(result.days_left or 0)
            console.stdout.print(
                f"Frist: {result.deadline:%d.%m.%Y} – [red]abgelaufen seit {days} {'Tag' if days == 1 else 'Tagen'}[/]."
            )
