"""Tables that fit the terminal, and a plain list where they do not: no word is ever split.

rich folds a word wider than its column ("Kooperat|ionspart|ner") and shares a table's width
out by ratio, whatever the longest word. A `Listing` measures its cells itself instead:

- on a terminal wide enough for every column to hold its longest word, it is a table whose
  column widths are fixed here, so rich only ever wraps at spaces;
- otherwise (a pipe, a file, a narrow window) every row is a block of lines: the first column
  heads the block, every other non-empty value follows as „Titel: Wert“, wrapped at spaces with
  a hanging indent. A word longer than the line (a long path) stays whole and runs over.

Any command can print its overview this way: build a `Listing` and call `show`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

Cell = str | Text
_WORD = re.compile(r"[^ \t]+")
PADDING = 2  # rich's cell padding: a space either side
INDENT = "  "  # of the labelled lines under a block's heading
NARROW = 24  # below this many columns for a value, the value goes below its label


@dataclass(frozen=True)
class Column:
    """A column of the table; in the plain list, the label of a row's line."""

    title: str
    wrap: bool = True  # False: short values (a cell reference, a Kürzel) kept on one line in a table


@dataclass
class Listing:
    """Rows under columns, printed as a table or as a plain list (see the module's docstring)."""

    columns: Sequence[Column]
    rows: list[Sequence[Cell]] = field(default_factory=list)
    title: str = ""
    lines: bool = False  # a rule between the table's rows

    def add(self, *cells: Cell) -> None:
        """Append a row: one cell per column, text or styled `Text`."""
        self.rows.append(cells)

    def table_width(self) -> int:
        """The narrowest this table can be with every word whole: borders, padding and each column's longest word."""
        return len(self.columns) + 1 + sum(narrowest + PADDING for narrowest, _ in self.measures())

    def measures(self) -> list[tuple[int, int]]:
        """Per column: the width of its longest word (line, if it does not wrap) and of its longest line."""
        measures = []
        for index, column in enumerate(self.columns):
            texts = [column.title, *(plain(row[index]) for row in self.rows)]
            lines = [line for text in texts for line in text.splitlines()] or [""]
            longest = max(cell_len(line) for line in lines)
            words = [word for line in lines for word in line.split()] if column.wrap else lines
            measures.append((max((cell_len(word) for word in words), default=1), longest))
        return measures


def plain(cell: Cell) -> str:
    """A cell's text without its style."""
    return cell.plain if isinstance(cell, Text) else cell


def fits(listings: Sequence[Listing], out: Console) -> bool:
    """Whether `out` is a terminal wide enough to show every one of `listings` as a table."""
    return out.is_terminal and all(listing.table_width() <= out.width for listing in listings)


def show(listings: Sequence[Listing], out: Console) -> None:
    """Tables when `out` is a terminal wide enough for all of them, else all as plain lists (one way per output)."""
    as_table = fits(listings, out)
    for listing in listings:
        if as_table:
            print_table(listing, out)
        else:
            print_list(listing, out)


def print_table(listing: Listing, out: Console) -> None:
    """`listing` as a table in `out`'s width; columns narrower than a word are not possible (see `fits`)."""
    measures = listing.measures()
    room = out.width - (len(listing.columns) + 1) - PADDING * len(listing.columns)
    widths = fitted([low for low, _ in measures], [high for _, high in measures], room)
    if listing.title:
        print_wrapped(Text(listing.title, style="bold"), out)
    table = Table(show_lines=listing.lines)
    for column, width in zip(listing.columns, widths, strict=True):
        table.add_column(Text(column.title), width=width, no_wrap=not column.wrap)
    for row in listing.rows:
        table.add_row(*(Text(cell) if isinstance(cell, str) else cell for cell in row))
    out.print(table)
    out.print()  # apart from what follows, as a list's blocks are


def fitted(narrowest: list[int], widest: list[int], room: int) -> list[int]:
    """Column widths within `room`: each at least its narrowest, the rest shared by how much more each could use."""
    wanted = [high - low for low, high in zip(narrowest, widest, strict=True)]
    spare = room - sum(narrowest)
    if sum(wanted) <= spare:
        return list(widest)
    if spare <= 0:
        return list(narrowest)
    widths = [low + want * spare // sum(wanted) for low, want in zip(narrowest, wanted, strict=True)]
    by_want = sorted(range(len(widths)), key=lambda index: wanted[index], reverse=True)
    for index in by_want[: room - sum(widths)]:  # what rounding down left over, one column each
        widths[index] += 1
    return widths


def print_list(listing: Listing, out: Console) -> None:
    """`listing` as blocks: the first column's value as heading, the others as labelled, wrapped lines."""
    if listing.title:
        print_wrapped(Text(listing.title, style="bold"), out)
        out.print()
    labels = [f"{column.title}:" for column in listing.columns[1:]]
    label_width = max((cell_len(label) for label in labels), default=0)
    for row in listing.rows:
        heading = row[0] if isinstance(row[0], Text) else Text(row[0], style="bold")
        print_wrapped(heading, out)
        for label, cell in zip(labels, row[1:], strict=True):
            value = cell if isinstance(cell, Text) else Text(cell)
            if value.plain.strip():
                _print_labelled(label.ljust(label_width), value, out)
        out.print()


def _print_labelled(label: str, value: Text, out: Console) -> None:
    """`label` and `value` wrapped below each other at the label's width, or `value` below `label` if too narrow."""
    indent = INDENT + " " * (cell_len(label) + 1)
    if out.width - cell_len(indent) < NARROW:
        out.print(Text(INDENT + label.rstrip()), soft_wrap=True)
        print_wrapped(value, out, INDENT * 2)
        return
    for number, line in enumerate(_wrapped(value, out.width - cell_len(indent))):
        lead = INDENT + label + " " if number == 0 else indent
        out.print(Text(lead) + line, soft_wrap=True)


def print_wrapped(text: Cell, out: Console, indent: str = "") -> None:
    """`text` (not markup) wrapped at spaces to `out`'s width, every line after `indent`."""
    text = Text(text) if isinstance(text, str) else text
    for line in _wrapped(text, out.width - cell_len(indent)):
        out.print(Text(indent) + line, soft_wrap=True)


def print_hanging(text: Cell, out: Console, indent: str, hanging: str) -> None:
    """`text` wrapped at spaces, the first line after `indent`, the others after the deeper `hanging`."""
    text = Text(text) if isinstance(text, str) else text
    first, *rest = _wrapped(text, out.width - cell_len(hanging)) or [Text()]
    out.print(Text(indent) + first, soft_wrap=True)
    for line in rest:
        out.print(Text(hanging) + line, soft_wrap=True)


def _wrapped(text: Text, width: int) -> list[Text]:
    """`text` wrapped at spaces into lines of at most `width` cells; a longer word stays whole on its own line.

    Only spaces break a line: a no-break space (see `formatting.keep_together`) holds.
    """
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        start, breaks = 0, []
        for word in _WORD.finditer(paragraph.plain):
            if word.start() > start and cell_len(paragraph.plain[start : word.end()]) > width:
                breaks.append(start := word.start())
        for line in paragraph.divide(breaks):
            line.rstrip()  # the space a line was broken at
            lines.append(line)
    return lines
