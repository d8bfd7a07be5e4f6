"""`koopbericht info`: the programs koopbericht runs with, the working folder and the settings in effect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import DebugOption, ProjectOption, handled

if TYPE_CHECKING:
    from ..config import Settings
    from .listing import Listing


def environment_lines() -> list[str]:
    """Version, Python, LibreOffice and German hyphenation, one line each, as `--version` and `info` show them."""
    from ..actions.environment import environment

    found = environment()
    lines = [f"koopbericht {found.version}", f"Python {found.python} ({found.python_program})"]
    if found.soffice is None:
        lines.append("LibreOffice: nicht gefunden (nötig für „build --pdf“; siehe docs/fehlerbehebung.md)")
        lines.append("Deutsche Silbentrennung: ohne LibreOffice nicht prüfbar")
        return lines
    lines.append(f"LibreOffice {found.soffice_version or '(Version unbekannt)'} ({found.soffice})")
    if found.hyphenation is None:
        lines.append("Deutsche Silbentrennung: fehlt (siehe docs/fehlerbehebung.md)")
    else:
        lines.append(f"Deutsche Silbentrennung: vorhanden ({found.hyphenation})")
    return lines


def info(projekt: ProjectOption = None, debug: DebugOption = False) -> None:
    """Zeigt Version, LibreOffice und Silbentrennung, Arbeitsordner, Jahre und die wirksamen Einstellungen."""
    from rich.text import Text

    from ..formatting import counted
    from ..project.folder import Project
    from . import console
    from .listing import print_wrapped, show

    with handled(debug):
        out = console.stdout
        for line in environment_lines():
            print_wrapped(line, out)
        out.print()
        project = Project.open(projekt)
        settings = project.settings
        print_wrapped(Text.assemble((settings.authority.name, "bold"), f" ({settings.authority.short_name})"), out)
        print_wrapped(f"Arbeitsordner: {project.root}", out)
        years = project.years()
        print_wrapped(f"Jahre: {', '.join(map(str, years)) if years else 'noch keines'}", out)
        out.print()
        show([_departments(settings), _columns(settings)], out)
        for vocabulary in settings.vocabularies.values():
            values = "; ".join(vocabulary.values)
            print_wrapped(Text.assemble("Vokabular ", (vocabulary.name, "bold"), ": ", values), out)
        print_wrapped(f"Partnerverzeichnis: {counted(len(settings.partners), 'Eintrag', 'Einträge')}", out)
        annex = ", ".join(settings.annex_column(key).title for key in settings.output.annex_columns)
        print_wrapped(f"Spalten der Anlage: {annex}", out)


def _departments(settings: Settings) -> Listing:
    from .listing import Column, Listing

    listing = Listing((Column("Kürzel", wrap=False), Column("Name"), Column("Meldebögen (Muster)")))
    listing.title = "Geschäftsbereiche"
    for department in settings.departments:
        listing.add(department.code, department.name, ", ".join(department.patterns))
    return listing


def _columns(settings: Settings) -> Listing:
    from rich.text import Text

    from .listing import Column, Listing

    titles = ("Spalte", "Typ", "Pflicht", "Veröffentlicht", "Auch erkannt als")
    listing = Listing(tuple(Column(title) for title in titles), title="Spalten des Meldebogens")
    for column in settings.columns:
        listing.add(
            column.title,
            column.type.value + (f" ({column.vocabulary})" if column.vocabulary else ""),
            "ja" if column.required else "",
            "ja" if column.public else Text("nein (intern)", style="red"),
            ", ".join(column.aliases),
        )
    return listing
