"""The Anlage "Tabellarische Übersicht" as a table block, and as a document of its own.

Councils upload the Anlage beside the Vorlage as its own file; it carries the Vorlage's
number in its header and title, its ENTWURF mark, and is landscape throughout. The same
blocks go into the Vorlage itself when `[ausgabe] anlage_in_vorlage` asks for it.
"""

from __future__ import annotations

from ..config import Settings, YearSettings
from ..document import Block, Heading, Paragraph, Run, Table, TableRow, VorlageDocument
from ..formatting import counted
from .annex import Annex
from .stamps import draft_mark, timestamp_for
from .stats import Completeness

ANNEX_TITLE = "Tabellarische Übersicht der Kooperationsvorhaben"


def annex_blocks(settings: Settings, annex: Annex, year: int) -> list[Block]:
    """The heading and one table per Geschäftsbereich, each naming it in a header row on every page."""
    columns = [settings.column(key) for key in settings.output.annex_columns]
    positions = annex.positions(settings.output.annex_columns)
    titles = ", ".join(c.title for c in columns)
    widths = tuple(float(c.width) for c in columns)
    blocks: list[Block] = [Heading(1, f"Anlage 1: {ANNEX_TITLE} {year}")]
    if not annex.groups:
        blocks.append(Paragraph((Run("Es liegt kein veröffentlichbares Vorhaben vor."),)))
    for number, group in enumerate(annex.groups, start=1):
        name = f"{group.code} – {group.name}" if group.name else group.code
        reported = counted(len(group.rows), "Vorhaben", "Vorhaben")
        blocks.append(
            Table(
                f"Anlage 1, Teil {number}: {name}",
                f"{reported} von {name} mit den Spalten {titles}.",
                tuple(c.title for c in columns),
                tuple(TableRow(tuple(texts[p] for p in positions)) for texts in group.rows),
                widths,
                small=True,
                title=f"{name} ({reported})",
            )
        )
    return blocks


def _to_the(paper_type: str) -> str:
    """The article, by the word's ending: zur Mitteilungsvorlage, zur Anfrage, zum Antrag, zum Bericht."""
    feminine = paper_type.casefold().endswith(("e", "ung", "ion", "heit", "keit", "schaft", "schrift"))
    return "zur" if feminine else "zum"


def annex_document(settings: Settings, year: YearSettings, annex: Annex, completeness: Completeness) -> VorlageDocument:
    """The Anlage as its own document: title with the Vorlage's number, then heading and table."""
    master = year.master
    title = f"Anlage 1 {_to_the(master.paper_type)} {master.paper_type} {master.number}".strip()
    return VorlageDocument(
        number=master.number,
        title=f"{ANNEX_TITLE} {year.year}",
        subject=title,
        author=settings.authority.name,
        keywords=f"Kooperationsbericht; interkommunale Zusammenarbeit; {year.year}; Anlage",
        timestamp=timestamp_for(year),
        blocks=(Heading(0, title), *annex_blocks(settings, annex, year.year)),
        status=completeness.status,
        draft_mark=draft_mark(completeness),
        landscape=True,
    )
