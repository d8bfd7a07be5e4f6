"""The Anlage xlsx as a working list: the columns of Anlage 1, real dates, print setup, rows tall enough."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ..conftest import EXAMPLE, built_copy_of_example, run, settle_example
from ..libreoffice import convert

ANLAGE_1 = [
    "Nr.", "Vorhaben", "Kooperationspartner", "Kooperationsform", "Status", "Laufzeit", "Beschreibung/Sachstand",
]  # fmt: skip


@pytest.fixture(scope="module")
def annex_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_copy_of_example(tmp_path_factory.mktemp("xlsx")) / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx"


def test_the_columns_of_anlage_1_and_no_other(annex_xlsx: Path) -> None:
    """The example's anlage_spalten: the same „Tabellarische Übersicht“ as the Word Anlage 1."""
    sheet = load_workbook(annex_xlsx).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["Kürzel", *ANLAGE_1]
    laufzeit = {row[1]: row[6] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert laufzeit["OB-001"] == "seit\u00a02018"  # as Anlage 1 has it, never broken


def with_columns(root: Path, columns: str) -> Path:
    """A copy of the example whose anlage_spalten are `columns`, its open findings settled, built for 2023."""
    config = root / "potsdam" / "koopbericht.toml"
    shutil.copytree(EXAMPLE, root / "potsdam", ignore=shutil.ignore_patterns("ausgabe"))
    settle_example(root / "potsdam")
    text = config.read_text(encoding="utf-8")
    start = text.index("anlage_spalten = ")
    config.write_text(text[:start] + f"anlage_spalten = {columns}" + text[text.index("\n", start) :], encoding="utf-8")
    code, output = run(CliRunner(), "build", "2023", "-C", str(root / "potsdam"))
    assert code == 0, output
    return root / "potsdam" / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx"


def test_a_column_taken_out_of_anlage_spalten_is_not_published(tmp_path: Path) -> None:
    path = with_columns(tmp_path, '["Nr.", "Vorhaben", "Status", "Beginn", "Ende"]')
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["Kürzel", "Nr.", "Vorhaben", "Status", "Beginn", "Ende"]


def test_an_entwurf_says_so_in_its_first_row(tmp_path: Path) -> None:
    root = tmp_path / "potsdam"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("ausgabe"))
    next((root / "2023" / "meldungen").glob("GB2*")).unlink()
    code, output = run(CliRunner(), "build", "2023", "-C", str(root))
    assert code == 0, output
    sheet = load_workbook(root / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx").active
    assert sheet is not None
    assert str(sheet["A1"].value).startswith("ENTWURF") and sheet["A2"].value == "Kürzel"
    assert sheet.freeze_panes == "A3" and sheet.print_title_rows == "$2:$2" and sheet.auto_filter.ref.startswith("A2:")


def test_dates_are_dates_shown_as_precisely_as_reported(tmp_path: Path) -> None:
    sheet = load_workbook(with_columns(tmp_path, '["Nr.", "Vorhaben", "Beginn", "Ende"]')).active
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
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)  # one page wide, at ≥ 7 pt
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
            assert "Kürzel" in page and "Beschreibung/Sachstand" in page  # the header row, all columns, on every page
            assert "Kooperationsvorhaben 2023" in page
