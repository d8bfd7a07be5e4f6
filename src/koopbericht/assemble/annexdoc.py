"""The Anlage "Tabellarische Übersicht" as a table block, and as a document of its own.

Councils upload the Anlage beside the Vorlage as its own file; it carries the Vorlage's
number in its header and title, its ENTWURF mark, and is landscape throughout. The same
blocks go into the Vorlage itself when `[ausgabe] anlage_in_vorlage` asks for it.
"""

from __future__ import annotations

from ..config import Column, Settings, YearSettings
from ..config.model import RUNNING_TIME
from ..document import Block, Heading, Paragraph, Run, Table, TableRow, VorlageDocument
from ..formatting import counted, running_time
from .annex import Annex, AnnexGroup
from .annexlayout import NEW_ACTIVITY, annex_widths, hyphenated, name_words
from .stamps import draft_mark, timestamp_for
from .stats import Completeness

ANNEX_TITLE = "Tabellarische Übersicht der Kooperationsvorhaben"


def annex_blocks(settings: Settings, annex: Annex, year: int, heading: str = "Anlage 1") -> list[Block]:
    """The heading and one table per Geschäftsbereich, each naming it in a header row on every page."""
    columns, texts = annex_rows(settings, annex, year)
    titles = ", ".join(c.title for c in columns)
    header = tuple(c.title for c in columns)
    widths = annex_widths(settings, columns)
    free_text = tuple(hyphenated(column) for column in columns)
    blocks: list[Block] = [Heading(1, f"{heading}: {ANNEX_TITLE} {year}")]
    if not annex.groups:
        blocks.append(Paragraph((Run("Es liegt kein veröffentlichbares Vorhaben vor."),)))
    for number, group in enumerate(annex.groups, start=1):
        name = f"{group.code} – {group.name}" if group.name else group.code
        reported = counted(len(group.rows), "Vorhaben", "Vorhaben")
        blocks.append(
            Table(
                # The title row below names the Geschäftsbereich; the caption only numbers the part.
                f"Anlage 1, Teil {number} von {len(annex.groups)}",
                f"{reported} von {name} mit den Spalten {titles}.",
                header,
                tuple(TableRow(row) for row in texts[group.code]),
                widths,
                small=True,
                title=f"{name} ({reported})",
                hyphenated=free_text,
            )
        )
    return blocks


def annex_rows(settings: Settings, annex: Annex, year: int) -> tuple[list[Column], dict[str, list[tuple[str, ...]]]]:
    """The columns of Anlage 1 (`anlage_spalten`) and, by Geschäftsbereich, the texts of its rows.

    The Word Anlage and the xlsx `Anlage-Uebersicht` both show these, so that they list the same.
    """
    keys = settings.output.annex_columns
    columns = [settings.annex_column(key) for key in keys]
    return columns, {group.code: _shown_texts(annex, group, keys, year) for group in annex.groups}


def _shown_texts(annex: Annex, group: AnnexGroup, keys: tuple[str, ...], year: int) -> list[tuple[str, ...]]:
    """The cells of `keys` for every row of `group`, an empty Nr. as „neu“."""
    rows = _cells(annex, group, keys, year)
    if "nr" not in keys:
        return rows
    nr = keys.index("nr")
    return [(*row[:nr], row[nr] or NEW_ACTIVITY, *row[nr + 1 :]) for row in rows]


def _cells(annex: Annex, group: AnnexGroup, keys: tuple[str, ...], year: int) -> list[tuple[str, ...]]:
    """The cells of `keys` for every row of `group`; "laufzeit" is made from the row's Beginn and Ende."""
    if RUNNING_TIME.key not in keys or RUNNING_TIME.key in {c.key for c in annex.columns}:
        positions = annex.positions(keys)
        return [tuple(row[p] for p in positions) for row in group.rows]
    begin, end = annex.positions(("beginn", "ende"))
    status = next((p for p, c in enumerate(annex.columns) if c.key == "status"), None)
    shown = [key for key in keys if key != RUNNING_TIME.key]
    position = dict(zip(shown, annex.positions(shown), strict=True))
    rows = []
    for row, values in zip(group.rows, group.values, strict=True):
        finished = status is not None and values[status] == "abgeschlossen"
        running = running_time(values[begin], values[end], year, finished)
        rows.append(tuple(running if key == RUNNING_TIME.key else row[position[key]] for key in keys))
    return rows


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
        blocks=tuple(annex_blocks(settings, annex, year.year, heading=title)),  # one heading: the table needs the page
        status=completeness.status,
        draft_mark=draft_mark(completeness),
        landscape=True,
        names=name_words(settings),
    )
