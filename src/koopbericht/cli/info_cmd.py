"""`koopbericht info`: the working folder and the settings in effect."""

from __future__ import annotations

from .common import DebugOption, ProjectOption, handled


def info(projekt: ProjectOption = None, debug: DebugOption = False) -> None:
    """Zeigt Arbeitsordner, Jahre und die wirksamen Einstellungen (mit Vorgaben)."""
    from rich.table import Table

    from ..project import Project
    from . import console

    with handled(debug):
        project = Project.open(projekt)
        settings = project.settings
        out = console.stdout
        out.print(f"[bold]{settings.authority.name}[/] ({settings.authority.short_name})")
        out.print(f"Arbeitsordner: {project.root}", markup=False)
        years = project.years()
        out.print(f"Jahre: {', '.join(map(str, years)) if years else 'noch keines'}", markup=False)

        departments = Table(title="Geschäftsbereiche", title_justify="left")
        for header in ("Kürzel", "Name", "Meldebögen (Muster)"):
            departments.add_column(header)
        for department in settings.departments:
            departments.add_row(department.code, department.name, ", ".join(department.patterns))
        out.print(departments)

        columns = Table(title="Spalten des Meldebogens", title_justify="left")
        for header in ("Spalte", "Typ", "Pflicht", "Veröffentlicht", "Auch erkannt als"):
            columns.add_column(header)
        for column in settings.columns:
            columns.add_row(
                column.title,
                column.type.value + (f" ({column.vocabulary})" if column.vocabulary else ""),
                "ja" if column.required else "",
                "ja" if column.public else "[red]nein (intern)[/]",
                ", ".join(column.aliases),
            )
        out.print(columns)

        for vocabulary in settings.vocabularies.values():
            out.print(f"Vokabular [bold]{vocabulary.name}[/]: {'; '.join(vocabulary.values)}")
        out.print(f"Partnerverzeichnis: {len(settings.partners)} Einträge", markup=False)
        annex = ", ".join(settings.annex_column(key).title for key in settings.output.annex_columns)
        out.print(f"Spalten der Anlage: {annex}", markup=False)
