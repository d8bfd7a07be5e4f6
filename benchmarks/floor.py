"""The floor: read every Meldebogen with openpyxl read-only alone, write an equally large table XML.

`python benchmarks/floor.py ORDNER` — what any tool must at least do for a build of
that working folder, with the libraries koopbericht stands on: read all values, and
write a Word table of the same size as XML (no checks, no document, no formatting).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import load_workbook


def main(folder: Path) -> None:
    """Read every workbook of `folder`'s 2023 and write one table XML of the same size."""
    rows = []
    for path in sorted((folder / "2023" / "meldungen").glob("*.xlsx")):
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows.extend(values for values in sheet.iter_rows(min_row=2, values_only=True) if any(values))
        workbook.close()
    parts = ["<w:tbl>"]
    for values in rows:
        cells = "".join(
            f"<w:tc><w:p><w:r><w:t>{escape(str(v))}</w:t></w:r></w:p></w:tc>" for v in values[:9] if v is not None
        )
        parts.append(f"<w:tr>{cells}</w:tr>")
    parts.append("</w:tbl>")
    with zipfile.ZipFile(folder / "floor.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "".join(parts))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
