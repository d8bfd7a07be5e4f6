"""The comparison in the terminal: tables where every word fits, else plain lists (`listing`), never a cut title."""

from __future__ import annotations

from rich.text import Text

from ..compare import Comparison, Counts
from ..formatting import MINUS
from ..model import NO_REPORT
from ..render.comparison import caveats
from . import console
from .listing import INDENT, Column, Listing, fits, print_hanging, print_wrapped, show

SHORT = 60  # characters of an old or new Sachstand shown; the Anlage and the Markdown have it whole


def print_comparison(result: Comparison) -> None:
    """Summary, new / gone / changed activities, partners and counts: all tables, or all lists."""
    out = console.stdout
    a, b = result.year_old, result.year_new
    parts = [
        f"{len(result.added)} neu",
        f"{len(result.removed)} nicht mehr gemeldet",
        f"{len(result.changed)} geändert",
    ]
    parts += [f"{result.unchanged} unverändert"] if result.unchanged else []
    parts += [f"{len(result.not_comparable)} nicht vergleichbar"] if result.not_comparable else []
    summary = f"{a} → {b}: {result.total_old} → {result.total_new} Vorhaben; {', '.join(parts)}."
    print_wrapped(Text.assemble((f"{a} → {b}", "bold"), summary[len(f"{a} → {b}") :]), out)
    notes = caveats(result)
    if notes:
        print_hanging(Text.assemble(("Vorbehalt:", "bold yellow"), f" {notes[0]}"), out, "", INDENT)
        for note in notes[1:]:
            print_hanging(f"– {note}", out, INDENT, INDENT * 2)
    out.print()
    listings = []
    for title, activities in ((f"Neu {b}", result.added), (f"Nicht mehr gemeldet ({a} noch)", result.removed)):
        if activities:
            rows = [(x.published_id or "ohne Nr.", x.department, x.title, x.status or "") for x in activities]
            listings.append(_activity_listing(title, "Status", rows))
    if result.not_comparable:
        rows = [(u.activity.published_id or "ohne Nr.", u.activity.department, u.activity.title, u.reason)
                for u in result.not_comparable]  # fmt: skip
        listings.append(_activity_listing("Nicht vergleichbar", "Grund", rows))
    if result.changed:
        listings.append(_changes_listing(result))
    show(listings, out)
    if result.partners_gained or result.partners_lost:
        print_hanging(Text.assemble(("Neue Partner:", "bold"), " " + (", ".join(result.partners_gained) or "–")),
                      out, "", INDENT)  # fmt: skip
        print_hanging(Text.assemble(("Nicht mehr beteiligt:", "bold"), " " + (", ".join(result.partners_lost) or "–")),
                      out, "", INDENT)  # fmt: skip
        out.print()
    _print_counts(result.counts, a, b)


def _activity_listing(title: str, last: str, rows: list[tuple[str, str, str, str]]) -> Listing:
    """Nr., GB, Vorhaben and one more column (Status, or why not comparable)."""
    columns = [Column("Nr.", wrap=False), Column("GB", wrap=False), Column("Vorhaben"), Column(last)]
    listing = Listing(columns, title=title)
    for row in rows:
        listing.add(*row)
    return listing


def _changes_listing(result: Comparison) -> Listing:
    listing = Listing(
        [Column("Nr.", wrap=False), Column("Vorhaben"), Column("Änderungen")], title="Geändert", lines=True
    )
    for change in result.changed:
        lines = [f"{f.column}: {_short(f.old, f.key)} → {_short(f.new, f.key)}" for f in change.fields]
        if change.partners_added:
            lines.append("Partner neu: " + ", ".join(change.partners_added))
        if change.partners_removed:
            lines.append("Partner nicht mehr: " + ", ".join(change.partners_removed))
        text = Text("\n".join(lines))
        if change.reason != "gleiche Nr.":
            text.append(f"\nZuordnung: {change.reason}", style="dim")  # nominative: "Zuordnung: gleiche Nr."
        listing.add(change.new.published_id or "ohne Nr.", change.title, text)
    return listing


def _print_counts(all_counts: list[Counts], a: int, b: int) -> None:
    """The counts per dimension: small tables, or one line per value ("laufend: 36 → 39 (+3)")."""
    out = console.stdout
    listings = []
    for counts in all_counts:
        columns = [Column(counts.dimension), *(Column(str(y), wrap=False) for y in (a, b)), Column("±", wrap=False)]
        listing = Listing(columns, title=f"Vorhaben je {counts.dimension}")
        for label, old, new in counts.rows:
            listing.add(label, _count(old), _count(new), _difference(old, new))
        listings.append(listing)
    if fits(listings, out):
        show(listings, out)
        return
    for counts, listing in zip(all_counts, listings, strict=True):
        print_wrapped(Text(f"{listing.title} ({a} → {b})", style="bold"), out)
        for label, old, new in counts.rows:
            difference = _difference(old, new)
            change = f" ({difference})" if difference not in ("0", "–") else ""
            print_hanging(f"{label}: {_count(old)} → {_count(new)}{change}", out, INDENT, INDENT * 2)
        out.print()


def _count(number: int | None) -> str:
    return NO_REPORT if number is None else str(number)


def _difference(old: int | None, new: int | None) -> str:
    if old is None or new is None:
        return "–"
    return f"{new - old:+d}".replace("-", MINUS) if new != old else "0"


def _short(text: str, key: str) -> str:
    """A field's value on one line; a long text (not the title) shortened at a space, never inside a word."""
    text = " ".join(text.split()) or "(leer)"
    if key == "vorhaben" or len(text) <= SHORT:
        return text
    cut = text[: SHORT + 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut} …"
