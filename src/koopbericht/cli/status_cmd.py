"""`koopbericht status JAHR`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import DebugOption, ProjectOption, handled, stdout_json

if TYPE_CHECKING:
    from rich.text import Text

    from ..actions.status import YearStatus
    from ..project.folder import Project


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
            _print_table(result, project)


def _print_table(result: YearStatus, project: Project) -> None:
    """A table where every word fits, else a plain list (a pipe, a narrow window): never a split word.

    A missing Meldebogen shows where it is expected (with the year's folder) and „–“ for what it cannot
    have; every contact keeps the e-mail address, the part the clerk needs to write.
    """
    from rich.markup import escape
    from rich.text import Text

    from ..actions.status import expected_forms
    from ..formatting import german_date
    from ..round.ruecklauf import deadline_text
    from . import console
    from .listing import Column, Listing, show

    titles = ("Geschäftsbereich", "Meldebogen", "Eingang", "Vorhaben", "Fehler", "Warnungen", "Kontakt")
    listing = Listing([Column(t, wrap=t in ("Geschäftsbereich", "Meldebogen", "Kontakt")) for t in titles])
    listing.title = f"Rücklauf {result.year}"
    expected = expected_forms(project, result.year)
    for row in result.departments:
        present = bool(row.files)
        listing.add(
            f"{row.code} {row.name}",
            "\n".join(f.rsplit("/", 1)[-1] for f in row.files)
            if present
            else Text.assemble(("fehlt", "red"), f" ({expected[row.code][1]})" if row.code in expected else ""),
            german_date(row.received) if row.received else "–",
            str(row.activities) if present else "–",
            _count(row.errors, "red") if present else "–",
            _count(row.warnings, "yellow") if present else "–",
            "\n".join(c.address() for c in row.contacts) or Text("keine", style="yellow"),
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


def _count(number: int, style: str) -> Text:
    from rich.text import Text

    return Text(str(number), style=style if number else "")
