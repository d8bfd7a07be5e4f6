"""`build --pdf` passes what veraPDF checks for PDF/A-2b and PDF/UA-1, whatever shape the Vorlage takes.

veraPDF 1.28 failed LibreOffice 7.4's PDFs on two rules (ISO 19005-2 6.6.2.3.1: the PDF/UA
schema undeclared in the XMP; ISO 14289-1 7.1-3: the Title's bottom border drawn outside
marked content). tests/pdfrules.py checks those rules and the document-wide PDF/UA ones on
the Vorlage and Anlage PDFs of five builds: the example, an Entwurf, the Anlage inside the
Vorlage, and house templates from Word and from LibreOffice with rules in header and footer.
The control tests show each detector failing where the fault is: on LibreOffice's own
output, and on a PDF with the accessibility data taken out. LibreOffice takes seconds per
run, so every build is module-wide.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from typer.testing import CliRunner

from koopbericht.render.pdf.conform import conform
from koopbericht.render.pdf.libreoffice import EXPORT_OPTIONS

from ..conftest import EXAMPLE, run, settle_example
from ..libreoffice import convert, soffice
from ..pdfrules import (
    accessibility_gaps,
    paths_outside_marked_content,
    text_outside_marked_content,
    undeclared_xmp_schemas,
)

FOLDER = Path("ausgabe") / "2023"
VORLAGE, ANLAGE = "Kooperationsbericht-2023.pdf", "Anlage-1-Kooperationsvorhaben-2023.pdf"
HOUSE = "Stadtverwaltung Musterstadt"
# pBdr's successors in w:pPr (ECMA-376 CT_PPr), so the border lands where Word expects it.
AFTER_BORDER = ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr", "w:sectPr")


def build(project: Path, *options: str) -> tuple[Path, str]:
    """`project` built for 2023 with --pdf and `options`: its output folder and what the build printed."""
    code, output = run(CliRunner(), "build", "2023", "-C", str(project), "--pdf", *options)
    assert code == 0, output
    return project / FOLDER, output


def copy_of_example(folder: Path) -> Path:
    project = folder / "potsdam"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("ausgabe"))
    settle_example(project)  # its open findings settled as LIESMICH.md says: the example is an Endfassung
    return project


def ruled(paragraph: DocxParagraph, side: str) -> DocxParagraph:
    """`paragraph` with a rule on `side` (top, bottom), as house templates draw under a letterhead."""
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for name, value in (("val", "single"), ("sz", "8"), ("space", "1"), ("color", "1F4E79")):
        edge.set(qn(f"w:{name}"), value)
    borders.append(edge)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *AFTER_BORDER)
    return paragraph


def house_document() -> DocumentObject:
    """A house template: a ruled letterhead, a ruled footer with the page number, body text not carried over."""
    document = docx.Document()
    document.add_paragraph("Vorlagentext, der nicht im Ergebnis stehen darf")
    section = document.sections[0]
    ruled(section.header.paragraphs[0], "bottom").text = HOUSE
    footer = ruled(section.footer.paragraphs[0], "top")
    footer.text = f"{HOUSE} · Seite "
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    footer._p.append(field)
    return document


def word_template(folder: Path) -> Path:
    """Made by python-docx, whose default template is Word's own."""
    path = folder / "hausvorlage-word.docx"
    house_document().save(str(path))
    return path


def libreoffice_template(folder: Path) -> Path:
    """The same template, opened and saved by LibreOffice twice: as .odt, then back as .docx."""
    source = word_template(folder)
    odt = convert(source, "odt", folder / "odt", folder / "profil")
    return convert(odt, "docx:MS Word 2007 XML", folder / "libreoffice", folder / "profil")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """The example built with --pdf, then built again: the output folder and the first build's PDFs."""
    soffice()
    folder, _ = build(copy_of_example(tmp_path_factory.mktemp("beispiel")))
    first = {name: (folder / name).read_bytes() for name in (VORLAGE, ANLAGE)}
    build(folder.parents[1])
    return folder, first


def entwurf(folder: Path) -> Path:
    project = copy_of_example(folder)
    (project / "2023" / "meldungen" / "GB5_Meldebogen_2023.xlsx").unlink()
    out, output = build(project)
    assert "Entwurf:" in output, output
    return out


def anlage_in_vorlage(folder: Path) -> Path:
    project = copy_of_example(folder)
    config = project / "koopbericht.toml"
    text = config.read_text(encoding="utf-8")
    assert "[ausgabe]\n" in text
    config.write_text(text.replace("[ausgabe]\n", "[ausgabe]\nanlage_in_vorlage = true\n"), encoding="utf-8")
    return build(project)[0]


def with_template(maker: Callable[[Path], Path]) -> Callable[[Path], Path]:
    def built(folder: Path) -> Path:
        return build(copy_of_example(folder), "--template", str(maker(folder)))[0]

    return built


BUILDS: dict[str, Callable[[Path], Path]] = {
    "entwurf": entwurf,
    "anlage-in-vorlage": anlage_in_vorlage,
    "word-vorlage": with_template(word_template),
    "libreoffice-vorlage": with_template(libreoffice_template),
}


@pytest.fixture(scope="module", params=["beispiel", *BUILDS])
def pdfs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, example: tuple[Path, dict[str, bytes]]
) -> dict[str, bytes]:
    """The Vorlage and Anlage PDFs of one kind of build, by file name."""
    kind = str(request.param)
    if kind == "beispiel":
        return example[1]
    soffice()
    folder = BUILDS[kind](tmp_path_factory.mktemp(kind))
    return {name: (folder / name).read_bytes() for name in (VORLAGE, ANLAGE)}


def test_every_xmp_schema_is_predefined_or_declared(pdfs: dict[str, bytes]) -> None:
    assert {name: undeclared_xmp_schemas(data) for name, data in pdfs.items()} == {VORLAGE: [], ANLAGE: []}


def test_no_path_is_drawn_outside_marked_content(pdfs: dict[str, bytes]) -> None:
    assert {name: paths_outside_marked_content(data) for name, data in pdfs.items()} == {VORLAGE: [], ANLAGE: []}


def test_no_text_is_outside_marked_content(pdfs: dict[str, bytes]) -> None:
    """Not repaired (text would need tagging, not hiding as an artifact), but LibreOffice leaves none."""
    assert {name: text_outside_marked_content(data) for name, data in pdfs.items()} == {VORLAGE: [], ANLAGE: []}


def test_the_document_has_what_pdf_ua_asks_for(pdfs: dict[str, bytes]) -> None:
    assert {name: accessibility_gaps(data) for name, data in pdfs.items()} == {VORLAGE: [], ANLAGE: []}


def test_the_repaired_pdfs_are_identical_on_rebuild(example: tuple[Path, dict[str, bytes]]) -> None:
    folder, first = example
    assert {name: (folder / name).read_bytes() == data for name, data in first.items()} == {VORLAGE: True, ANLAGE: True}


# Controls: each detector finds its fault where the fault is.


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """LibreOffice's PDF of a document with a Title (ruled below), exported as `build --pdf` does, not repaired."""
    soffice()
    folder = tmp_path_factory.mktemp("roh")
    document = docx.Document()
    document.core_properties.title = "Kooperationsbericht"  # PDF/UA: a title, shown in the window
    document.add_heading("Kooperationsbericht", 0)
    document.add_paragraph("Ein Absatz unter dem Titel.")
    source = folder / "titel.docx"
    document.save(str(source))
    target = "pdf:writer_pdf_Export:" + json.dumps(EXPORT_OPTIONS, separators=(",", ":"))
    return convert(source, target, folder / "pdf", folder / "profil").read_bytes()


def repaired(data: bytes) -> bytes:
    output = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        conform(pdf)
        pdf.save(output)
    return output.getvalue()


def test_libreoffice_alone_leaves_the_pdfua_schema_undeclared_and_the_title_rule_untagged(raw: bytes) -> None:
    assert undeclared_xmp_schemas(raw) == ["pdfuaid:part (http://www.aiim.org/pdfua/ns/id/)"]
    assert paths_outside_marked_content(raw) == [(1, "S"), (1, "S")]  # LibreOffice strokes the border twice


def test_the_repair_passes_both_rules_and_draws_the_same(raw: bytes, tmp_path: Path) -> None:
    fixed = repaired(raw)
    assert undeclared_xmp_schemas(fixed) == [] and paths_outside_marked_content(fixed) == []
    pictures = {}
    for name, data in (("roh", raw), ("repariert", fixed)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "40", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True)
        pictures[name] = [path.read_bytes() for path in sorted(tmp_path.glob(f"{name}-*.ppm"))]
    assert pictures["roh"] and pictures["roh"] == pictures["repariert"]


def test_the_gap_detector_finds_what_is_taken_out(example: tuple[Path, dict[str, bytes]]) -> None:
    """The example's Vorlage without its language, figure text, a header scope, tag mark and window title."""
    with pikepdf.open(io.BytesIO(example[1][VORLAGE])) as pdf:
        del pdf.Root["/Lang"]
        pdf.Root.MarkInfo.Marked = False
        pdf.Root.ViewerPreferences.DisplayDocTitle = False
        for element in pdf.objects:
            if isinstance(element, pikepdf.Dictionary) and element.get("/S") == "/Figure":
                del element["/Alt"]
        header = next(e for e in pdf.objects if isinstance(e, pikepdf.Dictionary) and e.get("/S") == "/TH")
        header.A = pikepdf.Array([a for a in header.A if "/Scope" not in a])
        output = io.BytesIO()
        pdf.save(output)
    assert accessibility_gaps(output.getvalue()) == [
        "not marked as tagged (/MarkInfo /Marked true)",
        "no document language (/Lang)",
        "the title is not shown in the window (/DisplayDocTitle true)",
        "a table header cell (TH) without /Scope",
        "a figure (/Figure) without alternative text (/Alt)",  # the development's chart
        "a figure (/Figure) without alternative text (/Alt)",  # the Überblick's
    ]


def test_the_gap_detector_finds_a_pdf_without_structure() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    output = io.BytesIO()
    pdf.save(output)
    assert accessibility_gaps(output.getvalue()) == [
        "no structure tree (/StructTreeRoot)",
        "not marked as tagged (/MarkInfo /Marked true)",
        "no document language (/Lang)",
        "the title is not shown in the window (/DisplayDocTitle true)",
        "no dc:title or no pdfuaid:part in the XMP metadata",
    ]


def test_the_gap_detector_resolves_custom_figure_types_through_the_role_map(raw: bytes) -> None:
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        tree = pdf.Root.StructTreeRoot
        tree.RoleMap = pikepdf.Dictionary({"/Diagramm": pikepdf.Name.Figure})
        document = tree.K if isinstance(tree.K, pikepdf.Dictionary) else tree.K[0]
        figure = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/Diagramm"),
                                                      P=document, K=pikepdf.Array()))  # fmt: skip
        document.K = pikepdf.Array([*document.K, figure]) if isinstance(document.K, pikepdf.Array) else [figure]
        output = io.BytesIO()
        pdf.save(output)
    assert accessibility_gaps(raw) == []
    assert accessibility_gaps(output.getvalue()) == ["a figure (/Diagramm) without alternative text (/Alt)"]
