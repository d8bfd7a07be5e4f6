"""Every workbook koopbericht writes prints legibly: measured in the PDF LibreOffice makes of it.

The example's Meldebogen (with its Anleitung), a marked copy, the Rücklaufliste, the
Anlage-Uebersicht and the Vergleich are each converted; the smallest type on every page must be
at least 7 pt, the page count must stay near what the content needs, and a table fitted to
the page's width must show all its headings on every page of its sheet (no table cut into
column slices).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from typer.testing import CliRunner

from ..conftest import EXAMPLE, built_copy_of_example, run
from ..libreoffice import convert

SMALLEST_TYPE = 7.0


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built for 2023, with its forms, marked copies, Rücklaufliste and comparison written."""
    root = built_copy_of_example(tmp_path_factory.mktemp("printing"))
    runner = CliRunner()
    # The settled example has nothing to mark: the marked copies come from the example as shipped.
    unsettled = tmp_path_factory.mktemp("unsettled") / "potsdam"
    shutil.copytree(EXAMPLE, unsettled, ignore=shutil.ignore_patterns("ausgabe"))
    code, output = run(runner, "validate", "2023", "--annotate", str(root / "markiert"), "-C", str(unsettled))
    assert code == 0 and list((root / "markiert").glob("*.xlsx")), output
    for args in (
        ("template", "2023"),
        ("status", "2023", "--format", "xlsx", "-o", str(root / "ruecklauf.xlsx")),
        ("compare", "2022", "2023", "--format", "xlsx"),
    ):
        code, output = run(runner, *args, "-C", str(root))
        assert code in (0, 1), output  # validate ends with 1 where it found warnings only under --strict
    return root


def workbooks(root: Path) -> dict[str, Path]:
    out = root / "ausgabe" / "2023"
    return {
        "meldebogen": out / "meldeboegen" / "GB1_Meldebogen_2023.xlsx",
        "markiert": sorted((root / "markiert").glob("*.xlsx"))[0],
        "ruecklauf": root / "ruecklauf.xlsx",
        "anlage": out / "Anlage-Uebersicht-2023.xlsx",
        "vergleich": out / "Vergleich-2022-2023.xlsx",
    }


# At most this many pages: the content and nothing more (the Meldebogen prints across two pages,
# its Anleitung on one; the Vergleich's „Geändert“ lists 38 activities' Sachstand).
MOST_PAGES = {"meldebogen": 4, "markiert": 6, "ruecklauf": 1, "anlage": 8, "vergleich": 11}


def type_sizes(pdf: Path) -> list[list[float]]:
    """The type sizes set on each page (LibreOffice sets text at its printed size, without a text matrix scale)."""
    with pikepdf.open(pdf) as document:
        return [
            [float(i.operands[1]) for i in pikepdf.parse_content_stream(page) if str(i.operator) == "Tf"]
            for page in document.pages
        ]


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def pdfs(example: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    return {name: convert(path, "pdf", folder / name, folder / "profile") for name, path in workbooks(example).items()}


@pytest.mark.parametrize("name", sorted(MOST_PAGES))
def test_printed_type_is_legible_on_few_pages(pdfs: dict[str, Path], name: str) -> None:
    sizes = type_sizes(pdfs[name])
    assert 1 <= len(sizes) <= MOST_PAGES[name], (name, len(sizes))
    for number, page in enumerate(sizes, start=1):
        assert page and min(page) >= SMALLEST_TYPE, (name, number, min(page, default=0))


@pytest.mark.parametrize("name", sorted(MOST_PAGES))
def test_every_page_has_the_title_and_its_number(example: Path, pdfs: dict[str, Path], name: str) -> None:
    title = load_workbook(workbooks(example)[name]).properties.title
    texts = page_texts(pdfs[name])
    for number, text in enumerate(texts, start=1):
        if title:  # the Anlage's title is its header's: "Kooperationsvorhaben 2023"
            assert title in text, (name, number)
        assert f"Seite {number} von {len(texts)}" in text, (name, number)


@pytest.mark.parametrize("name", sorted(MOST_PAGES))
def test_no_fitted_table_is_cut_into_column_slices(example: Path, pdfs: dict[str, Path], name: str) -> None:
    """Each page of a sheet fitted to the page's width shows every heading; a wider one its first (the Nr.)."""
    book = load_workbook(workbooks(example)[name])
    sheets = [s for s in book.worksheets if s.sheet_state == "visible"]
    texts = page_texts(pdfs[name])
    for sheet in sheets:
        # In a workbook of several sheets the page header names the sheet at the right.
        pages = [t for t in texts if len(sheets) == 1 or t.lstrip("\n").split("\n")[0].rstrip().endswith(sheet.title)]
        assert pages, (name, sheet.title)
        if not sheet.print_title_rows:
            continue
        title_row = int(sheet.print_title_rows.split(":")[0].strip("$"))
        headings = [str(c.value).split()[0] for c in sheet[title_row] if c.value]
        fitted = sheet.page_setup.scale is None
        for text in pages:
            shown = headings if fitted else headings[:1]
            assert all(word in text for word in shown), (name, sheet.title, [w for w in shown if w not in text])


def word_boxes(pdf: Path) -> list[list[tuple[float, float, float, float]]]:
    """The box of every word, page by page (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page)
        pages.append([(float(a), float(b), float(c), float(d)) for a, b, c, d in found])
    return pages


@pytest.mark.parametrize("name", sorted(MOST_PAGES))
def test_no_text_runs_over_other_text(pdfs: dict[str, Path], name: str) -> None:
    """Wrapped text in a row too low for it would be printed over the next row's: no two words may overlap."""
    for number, boxes in enumerate(word_boxes(pdfs[name]), start=1):
        boxes.sort()
        for index, (x0, y0, x1, y1) in enumerate(boxes):
            for a0, b0, a1, b1 in boxes[index + 1 :]:
                if a0 >= x1:
                    break  # sorted by left edge: no later box reaches back
                overlap = (min(x1, a1) - max(x0, a0)) * (min(y1, b1) - max(y0, b0))
                smaller = min((x1 - x0) * (y1 - y0), (a1 - a0) * (b1 - b0))
                assert min(y1, b1) <= max(y0, b0) or overlap < 0.3 * smaller, (name, number, (x0, y0), (a0, b0))


def test_the_anleitung_prints_on_one_page_and_says_ja_or_nein(example: Path, pdfs: dict[str, Path]) -> None:
    anleitung = load_workbook(workbooks(example)["meldebogen"])["Anleitung"]
    pflicht = [row[1] for row in anleitung.iter_rows(values_only=True) if row[0] and row[2] in ("ja", "nein (intern)")]
    assert pflicht and set(pflicht) == {"ja", "nein"}
    pages = [t for t in page_texts(pdfs["meldebogen"]) if "Feste Kennung" in t or "Pflicht" in t]
    assert len(pages) == 1
    for row in anleitung.iter_rows(min_row=1):
        text = str(row[3].value or "")
        if len(text) > 2 * 110:  # three lines or more in its 90 characters: the row is tall enough for them
            number = int(row[0].row or 0)
            assert (anleitung.row_dimensions[number].height or 0) >= 3 * 14, number


def test_dates_and_numbers_stand_left_like_their_headings(example: Path) -> None:
    """Right-aligned, a date ran into the next column („06.12.2026GB1_Meldebogen…“), a Beginn looked like an Ende."""
    paths = workbooks(example)
    for sheet in (load_workbook(paths["ruecklauf"]).active, load_workbook(paths["meldebogen"])["Meldebogen"]):
        assert sheet is not None
        cells = [c for row in sheet.iter_rows() for c in row if isinstance(c, Cell)]
        values = [c for c in cells if isinstance(c.value, (int, float)) or c.is_date]
        assert values and all(c.alignment.horizontal == "left" for c in values), sheet.title
