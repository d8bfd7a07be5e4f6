"""The comparison in the terminal."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from ..compare import Comparison
from ..model import NO_REPORT
from ..render.comparison import caveats
from . import console


def print_comparison(result: Comparison) -> None:
    """Summary, new / gone / changed activities, partners and counts as rich tables."""
    out = console.stdout
    a, b = result.year_old, result.year_new
    out.print(
        f"[bold]{a} → {b}[/]: {result.total_old} → {result.total_new} Vorhaben; {len(result.added)} neu, "
        f"{len(result.removed)} nicht mehr gemeldet, {len(result.changed)} geändert, {result.unchanged} unverändert"
        + (f", {len(result.not_comparable)} nicht vergleichbar." if result.not_comparable else ".")
    )
    notes = caveats(result)
    if notes:
        out.print(f"[bold yellow]Vorbehalt:[/] {escape(notes[0])}")
        for note in notes[1:]:
            out.print(f"  – {escape(note)}")
    for title, activities in ((f"Neu {b}", result.added), (f"Nicht mehr gemeldet ({a} noch)", result.removed)):
        if not activities:
            continue
        table = Table(title=title, title_justify="left", expand=True)
        table.add_column("Nr.", no_wrap=True)
        table.add_column("GB", no_wrap=True)
        table.add_column("Vorhaben", ratio=3)
        table.add_column("Status", no_wrap=True)
        for activity in activities:
            nr = activity.published_id or "–"
            table.add_row(escape(nr), activity.department, escape(activity.title), activity.status or "")
        out.print(table)
    if result.not_comparable:
        table = Table(title="Nicht vergleichbar", title_justify="left", expand=True)
        table.add_column("Nr.", no_wrap=True)
        table.add_column("GB", no_wrap=True)
        table.add_column("Vorhaben", ratio=3)
        table.add_column("Grund", ratio=2)
        for item in result.not_comparable:
            activity = item.activity
            nr = activity.published_id or "–"
            table.add_row(escape(nr), activity.department, escape(activity.title), escape(item.reason))
        out.print(table)
    if result.changed:
        table = Table(title="Geändert", title_justify="left", expand=True, show_lines=True)
        table.add_column("Nr.", no_wrap=True)
        table.add_column("Vorhaben", ratio=2)
        table.add_column("Änderungen", ratio=4)
        for change in result.changed:
            lines = [f"{f.column}: {_short(f.old)} → {_short(f.new)}" for f in change.fields]
            if change.partners_added:
                lines.append("Partner neu: " + ", ".join(change.partners_added))
            if change.partners_removed:
                lines.append("Partner nicht mehr: " + ", ".join(change.partners_removed))
            if change.reason != "gleiche Nr.":
                lines.append(f"[dim]zugeordnet über {change.reason}[/]")
            nr = change.new.published_id or "–"
            table.add_row(escape(nr), escape(change.title), "\n".join(lines))
        out.print(table)
    if result.partners_gained or result.partners_lost:
        out.print(f"[bold]Neue Partner:[/] {escape(', '.join(result.partners_gained)) or '–'}")
        out.print(f"[bold]Nicht mehr beteiligt:[/] {escape(', '.join(result.partners_lost)) or '–'}")
    for counts in result.counts:
        table = Table(title=f"Vorhaben je {counts.dimension}", title_justify="left")
        table.add_column(counts.dimension)
        for header in (str(a), str(b), "±"):
            table.add_column(header, justify="right")
        for label, x, y in counts.rows:
            if x is None or y is None:
                table.add_row(escape(label), str(x) if x is not None else NO_REPORT,
                              str(y) if y is not None else NO_REPORT, "–")  # fmt: skip
            else:
                table.add_row(escape(label), str(x), str(y), f"{y - x:+d}" if y != x else "0")
        out.print(table)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split()) or "(leer)"
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")
