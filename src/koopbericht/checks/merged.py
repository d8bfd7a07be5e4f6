"""Merged cells, judged by what they hide.

Excel users merge cells for looks: a title over several columns, a header over two rows,
a description spread over two columns of every row. What matters is whether a merge hides
values koopbericht reads: a merge over several rows of the data leaves every row but the
first without its value (an error); a merge within one row over two or more read columns
leaves those after the first empty (a warning naming them); a merge within one row that
covers at most one read column, one in the title block or the header, or one over no data
row (an empty merge under the table, a footnote) hides nothing and is not reported.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from ..findings import Finding
from ..findings import catalogue as F
from ..read import RawMeldebogen
from ..read.a1 import range_bounds


def merged_cells(raw: RawMeldebogen, titles: dict[int, str]) -> Iterator[Finding]:
    """Findings for the merges that hide values of the table; `titles` are the read columns by index."""
    data_rows = sorted(row.number for row in raw.rows)
    for merged in raw.structure.merged_ranges:
        try:
            min_col, min_row, max_col, max_row = range_bounds(merged)
        except ValueError:
            continue
        if max_row <= raw.header_end or not _holds_data_row(data_rows, max(min_row, raw.header_end + 1), max_row):
            continue
        covered = [titles[index] for index in range(min_col, max_col + 1) if index in titles]
        top_left = merged.split(":")[0]
        if max_row > min_row:
            yield F.MERGED_CELLS.at(
                raw.file,
                f"Die Zellen {merged} sind über mehrere Zeilen verbunden; nur die erste Zeile hat einen Wert, die "
                "übrigen gelten als leer. Bitte die Verbindung aufheben und den Wert in jede Zeile eintragen.",
                sheet=raw.sheet,
                cell=top_left,
                row=min_row,
                column=titles.get(min_col),
                value=merged,
            )
        elif len(covered) > 1:
            yield _across(raw, merged, top_left, min_row, covered)


def _across(raw: RawMeldebogen, merged: str, top_left: str, row: int, covered: list[str]) -> Finding:
    names = ", ".join(f"„{title}“" for title in covered[:-1]) + f" und „{covered[-1]}“"
    rest = "die übrigen bleiben" if len(covered) > 2 else f"„{covered[-1]}“ bleibt"
    return F.MERGED_ACROSS.at(
        raw.file,
        f"Die Zellen {merged} sind verbunden und reichen über die Spalten {names}. Der Wert wird in "
        f"„{covered[0]}“ übernommen, {rest} in dieser Zeile leer. Bitte die Verbindung aufheben und jeden Wert "
        "in seine Spalte eintragen.",
        sheet=raw.sheet,
        cell=top_left,
        row=row,
        column=covered[0],
        value=merged,
    )


def _holds_data_row(data_rows: list[int], first: int, last: int) -> bool:
    """Whether a row read as data lies in first…last (a merge over none hides nothing)."""
    index = bisect.bisect_left(data_rows, first)
    return index < len(data_rows) and data_rows[index] <= last
