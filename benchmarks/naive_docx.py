"""The naive python-docx path: an N-row table filled with `table.cell(r, c)` per cell.

`python benchmarks/naive_docx.py N ZIEL.docx` — what the Anlage would cost written the
obvious way; `table.cell` walks the whole table on every call, so this is quadratic.
"""

from __future__ import annotations

import sys

from docx import Document

COLUMNS = 8


def main(rows: int, target: str) -> None:
    """Fill a table cell by cell through `table.cell(r, c)` and save it."""
    document = Document()
    table = document.add_table(rows=rows + 1, cols=COLUMNS)
    for row in range(rows + 1):
        for column in range(COLUMNS):
            table.cell(row, column).text = f"Zeile {row} Spalte {column}"
    document.save(target)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
