"""The Synopse of two years as a Word document in the Vorlage's house style.

A title and the figures of `compare`, then per Geschäftsbereich (in configured order) one
landscape table with the columns Nr./Vorhaben, „Bericht JAHR_A“ and „Bericht JAHR_B“: a
row per changed field, deleted words struck through on the left and inserted words
underlined on the right; new activities only on the right, activities no longer reported
only on the left; unchanged ones only counted. A Geschäftsbereich without usable
Meldebogen in one of the years is named with the reason, and its unmatched activities are
„nicht vergleichbar“, never „nicht mehr gemeldet“. With `tracked`, the right column also
holds the changes as Word tracked changes (rejecting them all gives the earlier text).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ...compare import Change, Comparison, Uncomparable
from ...config import Settings
from ...document import Block, Heading, ListBlock, ListItem, Paragraph, Run, Table, TableRow, VorlageDocument
from ...formatting import spelled_count, spelled_number
from ...model import Activity
from ..comparison import caveats
from .synopse_rows import Rows, activity_row, change_rows, uncomparable_row
from .writer import render_docx

WIDTHS = (1.3, 2.0, 2.0)


def synopsis_file_name(year_old: int, year_new: int) -> str:
    """`Synopse-JAHR_A-JAHR_B.docx`."""
    return f"Synopse-{year_old}-{year_new}.docx"


def render_synopsis(
    settings: Settings, result: Comparison, *, tracked: bool = False, template: Path | None = None
) -> bytes:
    """The Synopse as .docx bytes, dated 1 January after the later year, 9:00 (same bytes on rebuild)."""
    return render_docx(synopsis_document(settings, result, tracked=tracked), template)


def synopsis_document(settings: Settings, result: Comparison, *, tracked: bool = False) -> VorlageDocument:
    """The Synopse as a document model."""
    a, b = result.year_old, result.year_new
    blocks: list[Block] = [Heading(0, f"Synopse der Kooperationsberichte {a} und {b}")]
    blocks += _summary(result, tracked)
    parts = _by_department(result)
    unchanged = _unchanged_by_department(settings, result, parts)
    number = 0
    for department in settings.departments:
        part = parts.get(department.code, _Part())
        section, tables = _department(result, part, department.code, department.name, number, unchanged, tracked)
        number += tables
        blocks += section
    return VorlageDocument(
        number="",
        title=f"Synopse der Kooperationsberichte {a} und {b}",
        subject=f"Synopse {a}–{b}",
        author=settings.authority.name,
        keywords=f"Kooperationsbericht; Synopse; {a}; {b}",
        timestamp=dt.datetime(b + 1, 1, 1, 9),
        blocks=tuple(blocks),
        landscape=True,
    )


def _summary(result: Comparison, tracked: bool) -> list[Block]:
    """How to read it, the figures of compare, and what the comparison leaves out."""
    a, b = result.year_old, result.year_new
    reading = (
        f"Gegenübergestellt sind die Meldungen der Berichte {a} (links) und {b} (rechts). Für jedes geänderte "
        f"Vorhaben steht jedes geänderte Feld in einer eigenen Zeile: Wörter, die {b} entfallen sind, stehen links "
        "durchgestrichen, neue Wörter rechts unterstrichen."
    )
    if tracked:
        reading += (
            f" In der rechten Spalte stehen die Änderungen als Änderungsverfolgung von {a} zu {b}: Word zeigt "
            "gelöschte Wörter durchgestrichen und neue unterstrichen, und im Überarbeitungsbereich lassen sie sich "
            "einzeln durchgehen."
        )
    figures = (
        f"Für {b} wurden {spelled_count(result.total_new, 'Vorhaben', 'Vorhaben')} verwendet, für {a} "
        f"{spelled_number(result.total_old)}. {_capital(spelled_count(len(result.added), 'Vorhaben', 'Vorhaben'))} "
        f"{'ist' if len(result.added) == 1 else 'sind'} neu, "
        f"{_are(len(result.removed), 'wird', 'werden')} nicht mehr gemeldet, bei {_how_many(len(result.changed))} "
        f"hat sich etwas geändert, {_are(result.unchanged)} unverändert"
    )
    if result.not_comparable:
        figures += f", {_are(len(result.not_comparable))} nicht vergleichbar"
    blocks: list[Block] = [Paragraph((Run(reading),)), Paragraph((Run(figures + "."),))]
    notes = caveats(result)
    if notes:
        blocks.append(Paragraph((Run("Vorbehalt: ", True), Run(notes[0]))))
        if notes[1:]:
            blocks.append(ListBlock(False, tuple(ListItem((Run(note),)) for note in notes[1:])))
    return blocks


def _how_many(count: int) -> str:
    """A count of Vorhaben after „bei“ (dative): "keinem", "einem", "zwei", "38"."""
    return {0: "keinem", 1: "einem"}.get(count, spelled_number(count))


def _are(count: int, singular: str = "ist", plural: str = "sind") -> str:
    """A count of Vorhaben standing for the noun, with its verb: "keines ist", "eines ist", "zwei sind"."""
    word = {0: "keines", 1: "eines"}.get(count, spelled_number(count))
    return f"{word} {singular if count <= 1 else plural}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class _Part:
    """What the Synopse shows of one Geschäftsbereich."""

    changed: list[Change] = field(default_factory=list)
    added: list[Activity] = field(default_factory=list)
    removed: list[Activity] = field(default_factory=list)
    uncomparable: list[Uncomparable] = field(default_factory=list)


def _by_department(result: Comparison) -> dict[str, _Part]:
    """The comparison split by Geschäftsbereich in one pass (not one pass per Geschäftsbereich)."""
    parts: dict[str, _Part] = defaultdict(_Part)
    for change in result.changed:
        parts[change.new.department].changed.append(change)
    for activity in result.added:
        parts[activity.department].added.append(activity)
    for activity in result.removed:
        parts[activity.department].removed.append(activity)
    for item in result.not_comparable:
        parts[item.activity.department].uncomparable.append(item)
    return parts


def _department(
    result: Comparison, part: _Part, code: str, name: str, number: int, unchanged: dict[str, int] | None, tracked: bool
) -> tuple[list[Block], int]:
    """The heading, counts, gaps and (if anything is to show) the table of one Geschäftsbereich."""
    a, b = result.year_old, result.year_new
    label = f"{code} – {name}" if name else code
    changed, added, removed, uncomparable = part.changed, part.added, part.removed, part.uncomparable
    counts = [f"neu: {len(added)}", f"nicht mehr gemeldet: {len(removed)}", f"geändert: {len(changed)}"]
    if unchanged is not None:
        counts.append(f"unverändert: {unchanged.get(code, 0)}")
    if uncomparable:
        counts.append(f"nicht vergleichbar: {len(uncomparable)}")
    blocks: list[Block] = [Heading(1, label), Paragraph((Run("Vorhaben " + ", ".join(counts) + "."),))]
    for gap in (g for g in result.gaps if g.department == code):
        other = b if gap.year == a else a
        lead = f"Meldung {gap.year} unvollständig: " if gap.partial else f"Keine verwendbare Meldung {gap.year}: "
        blocks.append(Paragraph((
            Run(lead, True),
            Run(f"Meldebogen {gap.reason}. Vorhaben aus {other} ohne Gegenstück sind daher nicht vergleichbar "
                "und weder als neu noch als nicht mehr gemeldet gezählt."),
        )))  # fmt: skip
    rows: Rows = []
    for change in changed:
        rows += change_rows(change, tracked)
    rows += [activity_row(x, a, b, new=True) for x in added]
    rows += [activity_row(x, a, b, new=False) for x in removed]
    rows += [uncomparable_row(u, a, b) for u in uncomparable]
    if not rows:
        return blocks, 0
    header = ("Nr./Vorhaben", f"Bericht {a}", f"Bericht {b}")
    blocks.append(
        Table(
            f"Tabelle {number + 1}: Änderungen {a} zu {b} in {label} – links {a}, rechts {b}; durchgestrichen: "
            f"{b} entfallene Wörter, unterstrichen: {b} neue Wörter",
            f"Je geändertem Feld eine Zeile mit dem Text von {a} und von {b}; entfallene Wörter sind "
            "durchgestrichen, neue unterstrichen. Neue Vorhaben stehen nur rechts, nicht mehr gemeldete nur links.",
            header,
            tuple(TableRow(tuple("".join(r.text for r in cell) for cell in row), rich=row) for row in rows),
            WIDTHS,
            small=True,
            title=label,
        )
    )
    return blocks, 1


def _unchanged_by_department(settings: Settings, result: Comparison, parts: dict[str, _Part]) -> dict[str, int] | None:
    """The unchanged activities per Geschäftsbereich, where that adds up to compare's total (else None).

    compare counts the unchanged pairs only as a whole; per Geschäftsbereich they are the activities
    used for the later year less the new, changed and not comparable ones there.
    """
    used = next((c for c in result.counts if c.dimension == "Geschäftsbereich"), None)
    if used is None:
        return None
    by_label = {label: after for label, _, after in used.rows}
    unchanged: dict[str, int] = {}
    for department in settings.departments:
        after = by_label.get(f"{department.code} {department.name}")
        if not after:
            continue
        part = parts.get(department.code, _Part())
        later = sum(1 for u in part.uncomparable if u.year == result.year_new)
        unchanged[department.code] = after - len(part.added) - len(part.changed) - later
    if sum(unchanged.values()) != result.unchanged or any(n < 0 for n in unchanged.values()):
        return None
    return unchanged
