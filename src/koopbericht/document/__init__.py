"""The Vorlage as a document model: what `assemble` produces and `render` writes.

Plain frozen dataclasses, independent of python-docx, so the content can be checked
in tests and rendered into other formats without re-reading any input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A piece of text with emphasis; `link` makes it a hyperlink; a newline is a line break.

    The Synopse marks deleted words `struck` and inserted words `underlined`; `tracked` ("del" or
    "ins") writes the run as a Word tracked change instead (only in table cells, see `TableRow.rich`).
    """

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    struck: bool = False
    underlined: bool = False
    tracked: str | None = None


@dataclass(frozen=True)
class Heading:
    """A heading of level 0 (document title) to 3."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph."""

    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ListItem:
    """One list entry; `level` 0 is the outermost."""

    runs: tuple[Run, ...]
    level: int = 0


@dataclass(frozen=True)
class ListBlock:
    """A bullet or numbered list; numbered lists start at 1 each time."""

    ordered: bool
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class TableRow:
    """A table row; a `group` row has one cell spanning all columns."""

    cells: tuple[str, ...]
    group: bool = False
    bold: bool = False  # a total row
    # The cells as formatted runs, one tuple per cell, where plain text is not enough (the Synopse);
    # `cells` still holds each cell's whole text (for the column widths).
    rich: tuple[tuple[Run, ...], ...] = ()


@dataclass(frozen=True)
class Table:
    """A table with a caption (shown and stored as w:tblCaption) and a repeated header row."""

    caption: str
    description: str
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    widths: tuple[float, ...] = ()
    small: bool = False
    figures_from: int | None = None  # the columns from this one on hold figures: right-aligned
    title: str | None = None  # a first header row across all columns, repeated on every page with the header
    hyphenated: tuple[bool, ...] = ()  # the columns of free text, the only cells hyphenation may split


@dataclass(frozen=True)
class Image:
    """A PNG image with alternative text."""

    png: bytes
    alt: str
    title: str
    width_cm: float


@dataclass(frozen=True)
class ChartSeries:
    """One status of a bar chart: its name (in the legend), fill colour ("#rrggbb") and one count per bar."""

    name: str
    colour: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class BarChart:
    """A horizontal stacked bar chart, written as the word processor's own chart (vector, in the document's font).

    `totals` is the text at the end of each bar: its sum, or words such as "keine Meldung" instead of a bar;
    `room` is how much of the value axis (in Vorhaben) beyond the longest bar the longest of them takes.
    A category's line breaks are kept: its label is wrapped as the layout measured it.
    """

    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    totals: tuple[str, ...]
    room: float
    alt: str
    title: str
    width_cm: float
    height_cm: float


@dataclass(frozen=True)
class LandscapeSection:
    """Everything after this marker is set on landscape pages."""


Block = Heading | Paragraph | ListBlock | Table | Image | BarChart | LandscapeSection


@dataclass(frozen=True)
class VorlageDocument:
    """The whole Vorlage with its metadata."""

    number: str
    title: str
    subject: str
    author: str
    keywords: str
    timestamp: dt.datetime
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    status: str = "Endfassung"  # or "Entwurf"; stored as the core property contentStatus
    draft_mark: str | None = None  # shown in the header of every page of an Entwurf
    landscape: bool = False  # the whole document in landscape (the Anlage as its own file)
    names: frozenset[str] = frozenset()  # words of names and terms never hyphenated, not even in free text


@dataclass(frozen=True)
class PublishedFile:
    """A published file with its bytes (for size and checksum); `master` is the file it was made from."""

    name: str
    file_name: str
    data: bytes
    master: str | None = None  # the file name of the document this one is a rendering of (a PDF's docx)
