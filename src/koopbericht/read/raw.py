"""What the reading stage hands on: a workbook's header, rows and cells as read, with their places."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .layout import Layout
from .sheetfacts import SheetStructure


class RawCell(NamedTuple):
    """A non-empty cell value as read, with its A1 reference.

    A named tuple, not a dataclass: a large Meldebogen has hundreds of thousands of
    cells, and a tuple of plain values is built fast and left alone by the garbage
    collector once it is seen to hold no containers.
    """

    value: Any
    ref: str


@dataclass(slots=True)
class RawRow:
    """One data row: the non-empty cells of known columns, by column key, and cells with error values."""

    number: int
    cells: dict[str, RawCell]
    hidden: bool = False
    # Cells of known columns that hold an error value (#N/A, #DIV/0!, …): value is its text.
    errors: dict[str, RawCell] = field(default_factory=dict)


@dataclass(frozen=True)
class HeaderCell:
    """A header cell as found, and the configured column it maps to (None: unknown)."""

    title: str
    ref: str
    key: str | None


@dataclass
class UnknownColumn:
    """A titled header cell that maps to no configured column, and what stands below it."""

    title: str
    ref: str
    values: int = 0  # how many cells below the header hold a value
    samples: list[Any] = field(default_factory=list)  # the first few of them


@dataclass
class RawMeldebogen:
    """Everything read from one workbook, before any check or normalisation."""

    path: Path
    file: str
    sheet: str
    header_row: int
    header: list[HeaderCell]
    columns: dict[str, int]
    rows: list[RawRow] = field(default_factory=list)
    structure: SheetStructure = field(default_factory=SheetStructure)
    hidden_sheets_with_data: list[str] = field(default_factory=list)
    # The first cell below the header in each column without a heading, which is not read.
    outside_cells: list[RawCell] = field(default_factory=list)
    # Header cells that hold an error value instead of a title (value: the error's text).
    header_errors: list[RawCell] = field(default_factory=list)
    # Columns with a title koopbericht does not know, by column index (from 1).
    unknown_columns: dict[int, UnknownColumn] = field(default_factory=dict)
    # The last row of the header: below header_row when a second row (translated or split titles) belongs to it.
    header_end: int = 0
    # The table's foot: footnotes, sources and a legend under the table, the first cell of each row.
    foot: list[RawCell] = field(default_factory=list)
    # Further sheets with the header, read as part of the Meldebogen (the first sheet holds this list).
    more_sheets: list[RawMeldebogen] = field(default_factory=list)
    # Visible sheets with a header that were not read, and why (German, to finish „… wird nicht gelesen: “).
    sheets_set_aside: list[tuple[str, str]] = field(default_factory=list)
    # Of those, the ones whose every row stands in another sheet read (nothing is lost with them).
    sheets_repeated: list[str] = field(default_factory=list)
    # The workbook's format and sheets as the check scanned them, for a marked copy (`formats.kept_for_copy`).
    layout: Layout | None = field(default=None, repr=False, compare=False)

    def sheets(self) -> list[RawMeldebogen]:
        """The sheets read: the first one and every further one."""
        return [self, *self.more_sheets]

    def __post_init__(self) -> None:
        self.header_end = max(self.header_end, self.header_row)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold back Python's cycle collector while a workbook's rows are built.

    A large Meldebogen is hundreds of thousands of small objects (cells, rows, their
    readings) that hold no reference cycles. Their allocation keeps triggering the
    collector, whose full passes walk the whole growing heap of every workbook read
    before, a fifth of the time of a year with 20,000 rows. Nothing is collected later
    than it would be: the collector runs again as soon as it is allowed to.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
