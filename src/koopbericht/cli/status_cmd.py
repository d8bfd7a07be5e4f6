"""`koopbericht status JAHR`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import DebugOption, ProjectOption, handled, stdout_json

if TYPE_CHECKING:
    from ..actions.status import YearStatus


class StatusFormat(StrEnum):
    """Output formats of status."""

    text = "text"
    json = "json"
    xlsx = "xlsx"
    csv = "csv"


def status(
    jahr: Annotated[int, typer.Argument(help="Berichtsjahr, z. B. 2023.", metavar="JAHR", show_default=False)],
    format: Annotated[
        StatusFormat | None,
        typer.Option(
            "--format",
            help="Ausgabe: text (Bildschirm), json, xlsx oder csv (Rücklaufliste für Excel). "
            "Ohne Angabe: text, bei -o nach der Dateiendung.",
            show_default=False,
        ),
    ] = None,
    ausgabe: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--ausgabe",
            help="In diese Datei schreiben. Ohne Angabe gehen xlsx und csv nach "
            "ausgabe/JAHR/Ruecklauf-JAHR.xlsx bzw. .csv.",
            metavar="DATEI",
            show_default=False,
        ),
    ] = None,
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Zeigt den Rücklauf je Geschäftsbereich (Eingang, Vorhaben, Fehler, Warnungen, Kontakt) und die Frist."""
    from ..actions.status import export_status, output_format, year_status
    from ..project.folder import Project
    from ..round.ruecklauf import status_json
    from . import console

    with handled(debug):
        chosen = output_format(format.value if format else None, ausgabe)
        project = Project.open(projekt)
        with console.FileProgress() as progress:
            result = year_status(project, jahr, progress=progress)
        written = export_status(project, result, chosen, ausgabe)
        if written is not None:
            console.success(f"Rücklaufliste geschrieben: {written}")
        elif chosen == "json":
            typer.echo(stdout_json(status_json(result)))
        else:
            _print_table(result)


def _print_table(result: YearStatus) -> None:
    """A table where every word fits, else a plain list (a pipe, a narrow window): never a split word."""
    from rich.markup import escape
    from rich.text import Text

    from ..formatting import german_date
    from ..round.ruecklauf import deadline_text
    from . import console
    from .listing import Column, Listing, show

    wide = console.stdout.width >= 120  # room for the addresses; else the names (the files have both)
    titles = ("Geschäftsbereich", "Meldebogen", "Eingang", "Vorhaben", "Fehler", "Warnungen", "Kontakt")
    listing = Listing([Column(t, wrap=t in ("Geschäftsbereich", "Meldebogen", "Kontakt")) for t in titles])
    listing.title = f"Rücklauf {result.year}"
    for row in result.departments:
        listing.add(
            f"{row.code} {row.name}",
            "\n".join(f.rsplit("/", 1)[-1] for f in row.files) if row.files else Text("fehlt", style="red"),
            german_date(row.received) if row.received else "–",
            str(row.activities) if row.files else "–",
            Text(str(row.errors), style="red") if row.errors else "0",
            Text(str(row.warnings), style="yellow") if row.warnings else "0",
            "\n".join(c.address() if wide else c.name or c.email for c in row.contacts)
            or Text("keine", style="yellow"),
        )
    show([listing], console.stdout)
    console.stdout.print(f"Eingegangen: {result.received} von {len(result.departments)} Geschäftsbereichen.")
    for file in result.unassigned_files:
        console.stdout.print(f"[yellow]Keinem Geschäftsbereich zugeordnet:[/] {escape(file)}")
    if result.deadline is None:
        console.stdout.print("Frist: keine angegeben (vorlage.toml, [meldung] frist).")
    elif result.days_left is not None and result.days_left >= 0:
        console.stdout.print(f"Frist: {german_date(result.deadline)} – {deadline_text(result)}.")
    else:
        console.stdout.print(f"Frist: {german_date(result.deadline)} – [red]{deadline_text(result)}[/].")
