"""The comparison in the terminal."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from ..compare import Comparison, Counts
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
        if activities:
            rows = [(a.published_id or "–", a.department, a.title, a.status or "") for a in activities]
            out.print(_activity_table(title, "Status", rows))
    if result.not_comparable:
        rows = [(u.activity.published_id or "–", u.activity.department, u.activity.title, u.reason)
                for u in result.not_comparable]  # fmt: skip
        out.print(_activity_table("Nicht vergleichbar", "Grund", rows))
    if result.changed:
        out.print(_changes_table(result))
    if result.partners_gained or result.partners_lost:
        out.print(f"[bold]Neue Partner:[/] {escape(', '.join(result.partners_gained)) or '–'}")
        out.print(f"[bold]Nicht mehr beteiligt:[/] {escape(', '.join(result.partners_lost)) or '–'}")
    for counts in result.counts:
        out.print(_counts_table(counts, a, b))


def _activity_table(title: str, last: str, rows: list[tuple[str, str, str, str]]) -> Table:
    """Nr., GB, Vorhaben and one more column (Status, or why not comparable); all text escaped."""
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("Nr.", no_wrap=True)
    table.add_column("GB", no_wrap=True)
    table.add_column("Vorhaben", ratio=3)
    table.add_column(last, no_wrap=last == "Status", ratio=None if last == "Status" else 2)
    for row in rows:
        table.add_row(*(escape(text) for text in row))
    return table


def _changes_table(result: Comparison) -> Table:
    table = Table(title="Geändert", title_justify="left", expand=True, show_lines=True)
    table.add_column("Nr.", no_wrap=True)
    table.add_column("Vorhaben", ratio=2)
    table.add_column("Änderungen", ratio=4)
    for change in result.changed:
        lines = [f"{escape(f.column)}: {_short(f.old)} → {_short(f.new)}" for f in change.fields]
        if change.partners_added:
            lines.append("Partner neu: " + escape(", ".join(change.partners_added)))
        if change.partners_removed:
            lines.append("Partner nicht mehr: " + escape(", ".join(change.partners_removed)))
        if change.reason != "gleiche Nr.":
            lines.append(f"[dim]Zuordnung: {escape(change.reason)}[/]")  # nominative: "Zuordnung: gleiche Nr."
        table.add_row(escape(change.new.published_id or "–"), escape(change.title), "\n".join(lines))
    return table


def _counts_table(counts: Counts, a: int, b: int) -> Table:
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
    return table


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split()) or "(leer)"
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")
