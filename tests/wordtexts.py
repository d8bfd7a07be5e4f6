"""Building Word texts (`text/*.docx`) for tests, with python-docx and raw WordprocessingML where it has no API."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from PIL import Image

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)

# The Markdown twin of `twin_docx`: the same section, written as a clerk would in Markdown.
TWIN_MARKDOWN = """\
# Radverkehr in der Region

Der Geschäftsbereich meldet **{{ anzahl_aktivitaeten }} Vorhaben**, davon einige *gemeinsam* mit den
Nachbarn. Mehr beim [Verkehrsverbund](https://www.vbb.de/).

## Partner

- Landkreis Potsdam-Mittelmark
- Stadt Teltow
  - Ortsteil Seehof

Die Reihenfolge:

1. Erstens
2. Zweitens

### Sitzung

Die gemeinsame Sitzung ergab:

| Thema | Ergebnis |
| --- | --- |
| Radweg | fertig |
| Brücke | {{ berichtsjahr }} |

#### Kleinere Punkte

Ende des Abschnitts.
"""


def add_link(paragraph: Paragraph, text: str, url: str, *, bold: bool = False) -> None:
    """A hyperlink as Word writes it: w:hyperlink with r:id, its run in the Hyperlink character style."""
    relation = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    bold_xml = "<w:b/>" if bold else ""
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {NAMESPACES} r:id="{relation}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>{bold_xml}'
            f"</w:rPr><w:t>{text}</w:t></w:r></w:hyperlink>"
        )
    )


def add_xml(document: DocumentObject, xml: str) -> None:
    """A body-level element (paragraph, table, content control) written as raw XML, before the section."""
    element = parse_xml(xml.replace("<NS>", NAMESPACES))
    document.element.body.sectPr.addprevious(element)


def add_numbering(document: DocumentObject, number_format: str) -> int:
    """A new list definition whose every level has `number_format` (bullet, decimal, …); returns its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
        f'<w:lvlText w:val="{"•" if number_format == "bullet" else f"%{level + 1}."}"/></w:lvl>'
        for level in range(9)
    )
    abstract = parse_xml(f'<w:abstractNum {NAMESPACES} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # every w:abstractNum before the first w:num, as the schema says
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {NAMESPACES} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    )
    return num_id


def numbered(document: DocumentObject, text: str, num_id: int, level: int = 0) -> Paragraph:
    """A list paragraph as Word's list buttons make it: style List Paragraph, numbering given directly."""
    paragraph = document.add_paragraph(text, style="List Paragraph")
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = num_id
    return paragraph


def png(width: int = 40, height: int = 20) -> bytes:
    """A small PNG picture."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "steelblue").save(buffer, "PNG")
    return buffer.getvalue()


def add_picture(document: DocumentObject, name: str, alt: str | None, title: str | None = None) -> None:
    """An inline picture in its own paragraph, with `name` and (if given) alt text and title in wp:docPr."""
    document.add_picture(io.BytesIO(png()), width=Cm(6))
    properties = next(document.paragraphs[-1]._p.iter(qn("wp:docPr")))
    properties.set("name", name)
    if alt is not None:
        properties.set("descr", alt)
    if title is not None:
        properties.set("title", title)


def twin_document() -> DocumentObject:
    """The Word version of `TWIN_MARKDOWN`, made with python-docx's default styles."""
    document = Document()
    document.add_heading("Radverkehr in der Region", 1)
    paragraph = document.add_paragraph("Der Geschäftsbereich meldet ")
    paragraph.add_run("{{ anzahl_aktivitaeten }} Vorhaben").bold = True
    paragraph.add_run(", davon einige ")
    paragraph.add_run("gemeinsam").italic = True
    paragraph.add_run(" mit den Nachbarn. Mehr beim ")
    add_link(paragraph, "Verkehrsverbund", "https://www.vbb.de/")
    paragraph.add_run(".")
    document.add_heading("Partner", 2)
    document.add_paragraph("Landkreis Potsdam-Mittelmark", style="List Bullet")
    document.add_paragraph("Stadt Teltow", style="List Bullet")
    document.add_paragraph("Ortsteil Seehof", style="List Bullet 2")
    document.add_paragraph("Die Reihenfolge:")
    document.add_paragraph("Erstens", style="List Number")
    document.add_paragraph("Zweitens", style="List Number")
    document.add_heading("Sitzung", 3)
    document.add_paragraph("Die gemeinsame Sitzung ergab:")
    table = document.add_table(rows=3, cols=2)
    for row, values in zip(table.rows, [("Thema", "Ergebnis"), ("Radweg", "fertig"), ("Brücke", "{{ berichtsjahr }}")],
                           strict=True):  # fmt: skip
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("Kleinere Punkte", 4)
    document.add_paragraph("Ende des Abschnitts.")
    return document


def save(document: DocumentObject, path: Path) -> Path:
    """Save `document` at `path`, making the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
