"""`koopbericht akzeptieren`: a finding checked and the value right as it is, recorded in JAHR/akzeptiert.toml."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import DebugOption, ProjectOption, handled


def accept(
    jahr: Annotated[int, typer.Argument(help="Das Berichtsjahr, z. B. 2023.", metavar="JAHR", show_default=False)],
    code: Annotated[
        str, typer.Argument(help="Der Code des Befunds, wie validate ihn zeigt.", metavar="CODE", show_default=False)
    ],
    datei: Annotated[
        str,
        typer.Argument(
            help="Die Datei des Befunds, wie validate sie zeigt, oder nur ihr Name.",
            metavar="DATEI",
            show_default=False,
        ),
    ],
    zelle: Annotated[str, typer.Argument(help="Die Zelle des Befunds, z. B. D5.", metavar="ZELLE", show_default=False)],
    grund: Annotated[
        str,
        typer.Option("--grund", help="Warum der Wert so richtig ist; wird festgehalten.", metavar="TEXT"),
    ],
    wert: Annotated[
        str | None,
        typer.Option("--wert", help="Der Wert, wenn eine Zelle mehrere Befunde desselben Codes hat.", metavar="WERT"),
    ] = None,
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Nimmt einen Befund an: der Wert ist geprüft und richtig, die Endfassung wird nicht mehr aufgehalten.

    Festgehalten wird in JAHR/akzeptiert.toml (Code, Datei, Zelle, Wert, Nr. und Titel des Vorhabens,
    Grund). Ändert sich der Wert der Zelle oder steht dort ein anderes Vorhaben, gilt die Annahme
    nicht mehr.
    """
    from ..actions.accept import accept_finding
    from ..project.folder import Project
    from . import console

    with handled(debug):
        project = Project.open(projekt)
        done = accept_finding(project, jahr, code, datei, zelle, grund, value=wert)
        entry = done.entry
        value = f" („{entry.value}“)" if entry.value else ""
        console.success(f"Angenommen: „{entry.code}“ in {entry.file}, Zelle {entry.cell}{value}.")
        where = project.relative(done.path).as_posix()
        lapse = "Ändert sich der Wert der Zelle oder steht dort ein anderes Vorhaben, gilt die Annahme nicht mehr."
        console.say(console.stdout, f"Festgehalten in {where}. {lapse}")
        if entry.code == "partner-unbekannt" and entry.suggestion:  # the usual fix is an alias, valid every year
            console.say(
                console.stdout,
                f"Ist „{entry.value}“ nur eine andere Schreibweise von „{entry.suggestion}“, ist ein Alias besser: "
                f'koopbericht alias "{entry.value}" "{entry.suggestion}"',
            )
