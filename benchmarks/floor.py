"""The floor: read the Meldebögen with a reader alone, write an equally large table XML.

`python benchmarks/floor.py ORDNER [--reader calamine|openpyxl] [--years 2022,2023]` — what
any tool must at least do for a build of that working folder with the libraries
koopbericht stands on: read all values of the years' workbooks, and write a Word table
of the same size as XML into a zip (no checks, no document, no formatting). `build 2023`
reads 2022 as well (to find a Sachstand copied from the year before), and `compare`
reads both years, so the floor for both reads both years by default.
"""

from __future__ import annotations

import argparse
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from xml.sax.saxutils import escape


def _calamine_rows(path: Path) -> Iterator[Sequence[object]]:
    from python_calamine import CalamineWorkbook

    data = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    yield from (values for values in data[1:] if any(v not in ("", None) for v in values))


def _openpyxl_rows(path: Path) -> Iterator[Sequence[object]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    yield from (values for values in sheet.iter_rows(min_row=2, values_only=True) if any(values))
    workbook.close()


def main(folder: Path, reader: str, years: list[int]) -> None:
    """Read every workbook of `years` in `folder` and write one table XML of the same size."""
    read = _calamine_rows if reader == "calamine" else _openpyxl_rows
    rows: list[Sequence[object]] = []
    for year in years:
        for path in sorted((folder / str(year) / "meldungen").glob("*.xlsx")):
            rows.extend(read(path))
    parts = ["<w:tbl>"]
    for values in rows:
        cells = "".join(
            f"<w:tc><w:p><w:r><w:t>{escape(str(v))}</w:t></w:r></w:p></w:tc>" for v in values[:9] if v not in (None, "")
        )
        parts.append(f"<w:tr>{cells}</w:tr>")
    parts.append("</w:tbl>")
    with zipfile.ZipFile(folder / "floor.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "".join(parts))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--reader", choices=("calamine", "openpyxl"), default="calamine")
    parser.add_argument("--years", default="2022,2023")
    arguments = parser.parse_args()
    main(arguments.folder, arguments.reader, [int(y) for y in arguments.years.split(",") if y])
