"""A table in a Word text, read as the simple table Markdown has: the first row is the header, cells are text.

Rows deleted with tracked changes are left out (and noted); merged cells are taken one
by one, the covered ones empty; a table inside a cell is taken as text. Every paragraph
in the table is read through the text reader, so it is counted and its notes are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol
from xml.etree.ElementTree import Element

from .wordinline import TRACKED
from .wordpackage import W

MERGED = "Tabelle mit verbundenen Zellen: die Zellen werden einzeln übernommen."
NESTED = "Tabelle in einer Tabellenzelle: nur ihr Text wird übernommen."


class CellReader(Protocol):
    """What the table reader needs of the text reader: paragraph numbers, cell text, notes."""

    number: int

    def cell_paragraph(self, element: Element) -> str:
        """Read the next paragraph (a cell's) and return its text."""

    def note(self, number: int, message: str) -> None:
        """Note `message` for paragraph `number`."""


@dataclass(frozen=True)
class WordTable:
    """A table's header, rows (all as wide as the widest row) and its own caption (w:tblCaption), if any."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str


def read_table(element: Element, reader: CellReader) -> WordTable:
    """The table `element`; an empty one has no header."""
    rows: list[list[str]] = []
    for row in _children(element, "tr"):
        first = reader.number + 1
        properties = row.find(f"{W}trPr")
        cells = [text for cell in _children(row, "tc") for text in _cell(cell, reader, first)]
        if properties is not None and properties.find(f"{W}ins") is not None:
            reader.note(first, TRACKED)
        if properties is not None and properties.find(f"{W}del") is not None:
            reader.note(first, TRACKED)  # a deleted row: none of its text is published
            continue
        if any(cells):
            rows.append(cells)
    width = max((len(cells) for cells in rows), default=0)
    padded = [tuple(cells + [""] * (width - len(cells))) for cells in rows]
    caption = element.find(f"{W}tblPr/{W}tblCaption")
    title = caption.get(f"{W}val", "") if caption is not None else ""
    return WordTable(padded[0] if padded else (), tuple(padded[1:]), " ".join(title.split()))


def _cell(cell: Element, reader: CellReader, row_start: int) -> list[str]:
    """The cell's text, then an empty cell for each further column it spans; a merged-away cell is empty."""
    properties = cell.find(f"{W}tcPr")
    span_element = properties.find(f"{W}gridSpan") if properties is not None else None
    span_value = span_element.get(f"{W}val", "1") if span_element is not None else "1"
    span = int(span_value) if span_value.isdigit() and 0 < int(span_value) <= 64 else 1
    merge = properties.find(f"{W}vMerge") if properties is not None else None
    lines = []
    for child in cell:
        if child.tag == f"{W}p":
            lines.append(reader.cell_paragraph(child))
        elif child.tag == f"{W}tbl":
            nested = read_table(child, reader)
            reader.note(row_start, NESTED)
            lines += ["; ".join(c for c in row if c) for row in (nested.header, *nested.rows)]
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            lines += [reader.cell_paragraph(p) for p in (content if content is not None else ()) if p.tag == f"{W}p"]
    if span > 1 or merge is not None:
        reader.note(row_start, MERGED)
    text = "\n".join(line for line in lines if line)
    if merge is not None and merge.get(f"{W}val") != "restart":
        text = ""  # continues the cell above: its text is there
    return [text] + [""] * (span - 1)


def _children(parent: Element, tag: str) -> Iterator[Element]:
    """`parent`'s children named `tag`, also where wrapped in a content control or custom XML."""
    for child in parent:
        if child.tag == f"{W}{tag}":
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == f"{W}customXml":
            yield from _children(child, tag)
