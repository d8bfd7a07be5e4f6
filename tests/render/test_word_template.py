"""The Word template: a damaged one is a usage error with a German message, never an internal error;
a house template's own header and footer replace koopbericht's, never duplicate them."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm
from docx.text.paragraph import Paragraph as DocxParagraph
from PIL import Image
from typer.testing import CliRunner

from ..conftest import EXAMPLE, run, settle_example


def package(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def good_docx() -> dict[str, bytes]:
    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def damaged(kind: str) -> bytes:
    members = good_docx()
    if kind == "kein-zip":
        return b"Dies ist kein Word-Dokument."
    if kind == "abgeschnitten":
        return package(members)[:2000]
    if kind == "ohne-dokument":
        return package({k: v for k, v in members.items() if k != "word/document.xml"})
    if kind == "kaputtes-xml":
        return package({**members, "word/document.xml": b"<w:document"})
    if kind == "leeres-zip":
        return package({})
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["kein-zip", "abgeschnitten", "ohne-dokument", "kaputtes-xml", "leeres-zip"])
def test_damaged_template_is_a_usage_error(kind: str, example_copy: Path, runner: CliRunner) -> None:
    template = example_copy / "hausvorlage.docx"
    template.write_bytes(damaged(kind))
    code, output = run(runner, "build", "2023", "-C", str(example_copy), "--template", str(template))
    assert code == 2, output
    assert "Die Word-Vorlage" in output and "kein lesbares Word-Dokument" in output
    assert not (example_copy / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx").exists()


# A house template's own header and footer replace koopbericht's, never stand beside them.

HOUSE = "Stadtverwaltung Musterstadt"
OWN_LINE = "Mitteilungsvorlage 24/SVV/1155"
MARK = "ENTWURF – Stand der Meldungen unvollständig"
FIELDS = ".//w:fldSimple/@w:instr|.//w:instrText/text()"


def logo(path: Path) -> Path:
    Image.new("RGB", (60, 20), (0, 70, 140)).save(path)
    return path


def field(paragraph: DocxParagraph, instruction: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {instruction} ")
    paragraph._p.append(simple)


def fill_header(kind: str, section: Section, folder: Path) -> None:
    """The template's own header content of the given kind; "leer" leaves one empty paragraph."""
    if kind == "text":
        section.header.paragraphs[0].text = HOUSE
    elif kind == "logo":
        section.header.paragraphs[0].add_run().add_picture(str(logo(folder / "logo.png")))
    elif kind == "feld":
        field(section.header.paragraphs[0], "STYLEREF 1")
    elif kind == "tabelle":
        section.header.add_table(1, 2, Cm(16))  # a layout table with empty cells still is the template's header
    elif kind == "erste-seite":
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = HOUSE
    elif kind == "leer":
        section.header.paragraphs[0].text = ""
    else:
        raise AssertionError(kind)


def house_template(folder: Path, header: str | None, own_footer: bool) -> Path:
    """A .docx house template with a header of kind `header` (None: none) and perhaps its own page number."""
    template = Document()
    template.add_paragraph("Dieser Text der Vorlage darf nicht im Ergebnis stehen.")
    section = template.sections[0]
    if header is not None:
        fill_header(header, section, folder)
    if own_footer:
        paragraph = section.footer.paragraphs[0]
        paragraph.text = "Stadtverwaltung Musterstadt · Seite "
        field(paragraph, "PAGE")
    path = folder / "hausvorlage.docx"
    template.save(str(path))
    return path


def parts(path: Path, reltype: str) -> list[BaseOxmlElement]:
    """The root element of every header (or footer) part of the Word file."""
    document = Document(str(path))
    return [rel.target_part.element for rel in document.part.rels.values() if rel.reltype == reltype]


def text(elements: list[BaseOxmlElement]) -> str:
    return "\n".join("".join(e.xpath(".//w:t/text()")) for e in elements)


def found(elements: list[BaseOxmlElement], path: str) -> list[object]:
    return [hit for e in elements for hit in e.xpath(path)]


def fields(elements: list[BaseOxmlElement]) -> list[str]:
    return [str(i).split()[0] for e in elements for i in e.xpath(FIELDS)]


def built(folder: Path, template: Path, *missing: str) -> list[Path]:
    """The example built with `template`, the Meldebögen of `missing` departments removed; the two Word files."""
    project = folder / "potsdam"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("ausgabe"))
    settle_example(project)  # its open findings settled: complete unless departments are `missing`
    for department in missing:
        for workbook in (project / "2023" / "meldungen").glob(f"{department}_*.xlsx"):
            workbook.unlink()
    code, output = run(CliRunner(), "build", "2023", "-C", str(project), "--template", str(template))
    assert code == 0, output
    assert ("Entwurf:" in output) == bool(missing), output
    out = project / "ausgabe" / "2023"
    return [out / "Kooperationsbericht-2023.docx", out / "Anlage-1-Kooperationsvorhaben-2023.docx"]


def test_template_header_and_footer_replace_koopbericht_s(tmp_path: Path) -> None:
    for path in built(tmp_path, house_template(tmp_path, "text", own_footer=True)):
        headers, footers = parts(path, RT.HEADER), parts(path, RT.FOOTER)
        assert text(headers).count(HOUSE) == 1, path.name
        assert "Mitteilungsvorlage" not in text(headers)
        assert fields(footers) == ["PAGE"]  # the template's page number, no second "Seite … von …"
        assert " von " not in text(footers)
        assert "darf nicht im Ergebnis stehen" not in "\n".join(p.text for p in Document(str(path)).paragraphs)


@pytest.mark.parametrize("kind", ["logo", "feld", "tabelle", "erste-seite"])
def test_any_content_of_the_template_header_counts(kind: str, tmp_path: Path) -> None:
    vorlage, _ = built(tmp_path, house_template(tmp_path, kind, own_footer=False))
    headers = parts(vorlage, RT.HEADER)
    assert "Mitteilungsvorlage" not in text(headers)
    if kind == "logo":
        assert len(found(headers, ".//w:drawing")) == 1
        ids = found([Document(str(vorlage)).element, *headers], ".//wp:docPr/@id")
        # the two charts' (development and Überblick) and the logo's: Word rejects an id used twice
        assert len(ids) == 3 and len(set(ids)) == 3
    assert fields(parts(vorlage, RT.FOOTER)) == ["PAGE", "NUMPAGES"]  # the template has no footer: koopbericht's


@pytest.mark.parametrize("kind", [None, "leer"])
def test_without_a_template_header_koopbericht_writes_its_own(kind: str | None, tmp_path: Path) -> None:
    for path in built(tmp_path, house_template(tmp_path, kind, own_footer=False)):
        headers, footers = parts(path, RT.HEADER), parts(path, RT.FOOTER)
        assert text(headers).count(OWN_LINE) == 1, path.name
        assert fields(footers) == ["PAGE", "NUMPAGES"]
        assert "Seite " in text(footers) and " von " in text(footers)


@pytest.mark.parametrize("kind", ["text", "logo"])
def test_entwurf_mark_stands_beside_the_template_header(kind: str, tmp_path: Path) -> None:
    for path in built(tmp_path, house_template(tmp_path, kind, own_footer=True), "GB5"):
        headers = parts(path, RT.HEADER)
        assert len(headers) == 1 and text(headers).count(MARK) == 1, path.name
        assert "Mitteilungsvorlage" not in text(headers)
        first, *rest = headers[0].xpath("./w:p|./w:tbl")
        assert "".join(first.xpath(".//w:t/text()")) == MARK  # a paragraph of its own, first in the header
        assert not first.xpath(".//w:drawing")
        if kind == "text":
            assert [text([p]) for p in rest] == [HOUSE]
        else:
            assert [len(p.xpath(".//w:drawing")) for p in rest] == [1]
            assert not rest[0].xpath("./w:pPr/w:jc")  # the logo's paragraph keeps the template's alignment
