"""The Anlage xlsx as a working list: real dates, print setup, rows tall enough for their text."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ..conftest import built_copy_of_example
from ..libreoffice import convert


@pytest.fixture(scope="module")
def annex_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_copy_of_example(tmp_path_factory.mktemp("xlsx")) / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx"


def test_dates_are_dates_shown_as_precisely_as_reported(annex_xlsx: Path) -> None:
    sheet = load_workbook(annex_xlsx).active
    assert sheet is not None
    headers = [c.value for c in sheet[1]]
    formats: dict[str, dt.datetime] = {}
    for row in sheet.iter_rows(min_row=2):
        for column in ("Beginn", "Ende"):
            cell = row[headers.index(column)]
            if cell.value is not None:
                assert isinstance(cell.value, dt.datetime), (cell.coordinate, cell.value)
                formats.setdefault(cell.number_format, cell.value)
    assert set(formats) == {"dd.mm.yyyy", "mm\\/yyyy", "yyyy"}  # a day, a month, a year alone
    assert formats["yyyy"].month == 1 and formats["yyyy"].day == 1
    nr = headers.index("Nr.")
    begin = {row[nr].value: row[headers.index("Beginn")].value for row in sheet.iter_rows(min_row=2)}
    assert begin["OB-003"] == dt.datetime(2020, 5, 1)  # reported as 01.05.2020
    assert begin["GB1-001"] == dt.datetime(2022, 3, 1)  # reported as 03/2022


def test_print_setup_and_row_heights(annex_xlsx: Path) -> None:
    sheet = load_workbook(annex_xlsx).active
    assert sheet is not None
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr is not None and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$1:$1"
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and header.center.text == "Kooperationsvorhaben 2023"
    assert footer is not None and footer.center.text == "Seite &P von &N"
    headers = [c.value for c in sheet[1]]
    description = headers.index("Beschreibung/Sachstand")
    for row in sheet.iter_rows(min_row=2):
        text = str(row[description].value or "")
        height = sheet.row_dimensions[int(row[0].row or 0)].height
        if len(text) > 90:  # more than two lines in its column: the row is tall enough for them
            assert height is not None and height >= 15 * 3, (row[0].row, height)


def test_printed_on_landscape_pages_with_every_column(annex_xlsx: Path, tmp_path: Path) -> None:
    pdf = convert(annex_xlsx, "pdf", tmp_path / "pdf", tmp_path / "profile")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True, check=True)
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info.stdout)
    assert sizes and all(float(width) > float(height) for width, height in sizes)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for page in text.split("\f"):
        if page.strip():
            assert "Kürzel" in page and "Finanzierung" in page  # the header row, all columns, on every page
            assert "Kooperationsvorhaben 2023" in page
