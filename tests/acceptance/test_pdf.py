"""`build --pdf`: a tagged PDF/A-2b in German, identical on rebuild (its OParl entry: tests/render/test_oparl.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.shared import Cm
from typer.testing import CliRunner

from ..conftest import run
from ..libreoffice import convert, soffice
from ..pdfrules import figure_texts
from ..typesetting import broken_words, source_words

FOLDER = Path("ausgabe") / "2023"


@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The example built twice with --pdf (module-wide: LibreOffice takes seconds); the first PDF's bytes."""
    import shutil

    from ..conftest import EXAMPLE

    soffice()
    target = tmp_path_factory.mktemp("pdf") / "potsdam"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("ausgabe"))
    code, output = run(CliRunner(), "build", "2023", "-C", str(target), "--pdf")
    assert code == 0, output
    first = (target / FOLDER / "Kooperationsbericht-2023.pdf").read_bytes()
    code, output = run(CliRunner(), "build", "2023", "-C", str(target), "--pdf")
    assert code == 0, output
    return target, first


def test_pdf_is_identical_on_rebuild(pdf_build: tuple[Path, bytes]) -> None:
    project, first = pdf_build
    assert (project / FOLDER / "Kooperationsbericht-2023.pdf").read_bytes() == first


def test_pdf_is_tagged_pdfa_in_german(pdf_build: tuple[Path, bytes]) -> None:
    path = pdf_build[0] / FOLDER / "Kooperationsbericht-2023.pdf"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "de-DE"
        assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
        assert pdf.Root.ViewerPreferences.DisplayDocTitle
        assert len(pdf.open_outline().root) >= 5  # bookmarks from the headings
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfuaid:part>1</pdfuaid:part>" in xmp
        assert "<xmp:CreateDate>2024-10-22T09:00:00+02:00</xmp:CreateDate>" in xmp
        assert str(pdf.docinfo["/CreationDate"]) == "D:20241022090000+02'00'"
        assert str(pdf.docinfo["/Title"]) == "5. Kooperationsbericht der interkommunalen Zusammenarbeit"
        fonts = [f for page in pdf.pages for f in page.Resources.get("/Font", {}).values()]
        descriptors = [f.get("/DescendantFonts", [f])[0].FontDescriptor for f in fonts]
        assert descriptors and all(any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors)


def test_anlage_pdf_is_landscape_tagged_and_identical_on_rebuild(pdf_build: tuple[Path, bytes]) -> None:
    path = pdf_build[0] / FOLDER / "Anlage-1-Kooperationsvorhaben-2023.pdf"
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "de-DE" and "/StructTreeRoot" in pdf.Root
        assert all(page.mediabox[2] > page.mediabox[3] for page in pdf.pages)
    first = path.read_bytes()
    code, output = run(CliRunner(), "build", "2023", "-C", str(pdf_build[0]), "--pdf")
    assert code == 0, output
    assert path.read_bytes() == first


ANNEX_PDF = "Anlage-1-Kooperationsvorhaben-2023.pdf"


def test_no_word_is_broken_without_a_hyphen(pdf_build: tuple[Path, bytes]) -> None:
    """Hyphenation on, German patterns installed, columns wide enough: zero words torn apart.

    The counts are recorded in benchmarks/RESULTS.md ("Typography"); the message says where they broke.
    """
    folder = pdf_build[0] / FOLDER
    words = source_words(folder / "Kooperationsbericht-2023.docx", folder / "Anlage-1-Kooperationsvorhaben-2023.docx")
    for name in ("Kooperationsbericht-2023.pdf", ANNEX_PDF):
        broken = broken_words(folder / name, words)
        assert broken == [], f"{name}: {len(broken)} Wörter ohne Trennstrich umbrochen: {broken}"


def test_anlage_takes_at_most_six_pages_each_naming_its_geschaeftsbereich(pdf_build: tuple[Path, bytes]) -> None:
    path = pdf_build[0] / FOLDER / ANNEX_PDF
    with pikepdf.open(path) as pdf:
        pages = len(pdf.pages)
    # Five pages once; the Vorhaben column as wide as a long compound, names kept whole and cells
    # padded above and below (issue 26) take a sixth for the example's 47 Vorhaben.
    assert pages <= 6, f"Die Anlage hat {pages} Seiten (höchstens 6)."
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(path), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        # The repeated title row, e.g. "GB3 – Ordnung, Sicherheit, Soziales und Gesundheit (8 Vorhaben)".
        assert re.search(r"(OB|GB\d) – .+ \(\d+ Vorhaben\)", text), f"Seite {number} nennt keinen Geschäftsbereich"


def test_the_detector_finds_a_word_broken_without_a_hyphen(tmp_path: Path) -> None:
    """The check above can fail: a column too narrow, hyphenation off, LibreOffice tears the word apart."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    for column, width in zip(table.columns, (Cm(1.2), Cm(12)), strict=True):
        column.width = width
        column.cells[0].width = width
    table.rows[0].cells[0].text = "Schulentwicklungsplanung"
    table.rows[0].cells[1].text = "Daneben."
    source = tmp_path / "schmal.docx"
    document.save(str(source))
    pdf = convert(source, "pdf", tmp_path / "pdf", tmp_path / "profile")
    assert broken_words(pdf, source_words(source))


def test_the_chart_is_vector_text_in_the_documents_font_with_its_alt_text(pdf_build: tuple[Path, bytes]) -> None:
    """Word's own chart: no raster image, its labels text in Liberation Sans, a /Figure with the docx's alt text."""
    path = pdf_build[0] / FOLDER / "Kooperationsbericht-2023.pdf"
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) == 2, images  # the heading lines only: no picture at all
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    chart = text[text.index("Gesamt ") : text.index("Abbildung 2:")]
    assert re.search(r"geplant\s+laufend\s+abgeschlossen\s+ruhend", chart), chart  # the legend
    assert re.search(r"GB4 Stadtentwicklung, Bauen,\s+9\s+Wirtschaft und Mobilität\n", chart), chart  # as laid out
    with pikepdf.open(path) as pdf:
        [page] = [p for p in pdf.pages if "Abbildung 2:" in _page_text(path, pdf.pages.index(p) + 1)]
        names = {str(font.BaseFont).split("+")[-1] for font in page.Resources.Font.values()}
        assert all(name.startswith(("LiberationSans", "Arial", "OpenSymbol")) for name in names), names  # bullets
        alts = figure_texts(pdf)
    document = docx.Document(str(path.with_suffix(".docx")))
    described = document.element.body.xpath(".//wp:docPr/@descr")
    assert described[0].startswith("Balkendiagramm der Zahl der Vorhaben je Berichtsjahr")  # the development's
    assert described[1].startswith("Balkendiagramm der Vorhaben 2023")  # the Überblick's
    assert alts == described  # each figure its own drawing's text, paired in reading order


def _page_text(path: Path, number: int) -> str:
    command = ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout
