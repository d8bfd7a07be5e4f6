"""What every page of the Vorlage carries, and the document's core properties.

Header (the Vorlage number, and ENTWURF on every page of an Entwurf), footer with page
numbers as Word fields, and the core properties. A Word template's own header or
footer is kept and takes the place of koopbericht's; only the ENTWURF mark is added to it.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section, _BaseHeaderFooter
from docx.shared import Cm, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from ...document import VorlageDocument

# What makes a header or footer the template's own: text, a field, a picture or shape, a table.
_CONTENT = (
    ".//w:t[normalize-space()]|.//w:fldSimple|.//w:instrText|.//w:drawing|.//w:pict|.//w:object|.//w:tbl|.//w:sym"
)


def header_and_footer(document: DocumentObject, line: str) -> None:
    """`line` (paper and number) in the header, "Seite X von Y" in the footer, unless the template has its own.

    A template header with any content (text, a field, a logo, a table) replaces koopbericht's
    line rather than standing beside it; a template footer likewise replaces the page numbers.
    """
    _number_template_drawings(document)
    section = document.sections[0]
    if not any(_has_content(header) for header in _shown(document, section, footer=False)):
        paragraph = _first_paragraph(section.header)
        paragraph.text = line
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if not any(_has_content(footer) for footer in _shown(document, section, footer=True)):
        paragraph = _first_paragraph(section.footer)
        paragraph.text = "Seite "
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(" von ")
        _field(paragraph, "NUMPAGES", "1")


def mark_every_page(document: DocumentObject, mark: str) -> None:
    """Puts `mark` (ENTWURF …) first into every header a page can show, beside the existing content.

    A section without its own header shows the previous section's; a template's first-page or
    even-page header is a header of its own and gets the mark too.
    """
    headers: list[_BaseHeaderFooter] = []
    for index, section in enumerate(document.sections):
        for header in _shown(document, section, footer=False):
            if index == 0 or not header.is_linked_to_previous:
                headers.append(header)
    for header in headers:
        paragraph = _first_paragraph(header)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(mark)
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def _number_template_drawings(document: DocumentObject) -> None:
    """Number the drawings of the template's headers and footers (a logo) after the body's.

    python-docx numbers a new picture (the chart) by the body alone, so it could take the id of a
    logo in the header; Word reports a document whose drawing ids repeat as unreadable.
    """
    numbers = [int(n) for n in document.element.xpath("//wp:docPr/@id") if str(n).isdigit()]
    following = max(numbers, default=0) + 1
    for relationship in document.part.rels.values():
        if relationship.reltype in (RT.HEADER, RT.FOOTER):
            for properties in relationship.target_part.element.iter(qn("wp:docPr")):
                properties.set("id", str(following))
                following += 1


def _shown(document: DocumentObject, section: Section, *, footer: bool) -> list[_BaseHeaderFooter]:
    """The headers (or footers) pages of `section` show: the usual one, the first page's and even pages' if used."""
    shown: list[_BaseHeaderFooter] = [section.footer if footer else section.header]
    if section.different_first_page_header_footer:
        shown.append(section.first_page_footer if footer else section.first_page_header)
    if document.settings.odd_and_even_pages_header_footer:
        shown.append(section.even_page_footer if footer else section.even_page_header)
    return shown


def _has_content(part: _BaseHeaderFooter) -> bool:
    """Whether the document defines this header or footer and it holds more than empty paragraphs."""
    # Checked first: reading a header that is not defined would add an empty one to the document.
    return not part.is_linked_to_previous and bool(part._element.xpath(_CONTENT))


def _first_paragraph(part: _BaseHeaderFooter) -> DocxParagraph:
    """The header's (or footer's) first paragraph if it is first and empty, else a new empty one before all else."""
    element = part._element
    blocks = element.xpath("./w:p|./w:tbl|./w:sdt|./w:customXml")
    if blocks and blocks[0].tag == qn("w:p") and not blocks[0].xpath(_CONTENT):
        return DocxParagraph(blocks[0], part)
    paragraph = OxmlElement("w:p")
    if blocks:
        blocks[0].addprevious(paragraph)
    else:
        element.append(paragraph)
    return DocxParagraph(paragraph, part)


def _field(paragraph: DocxParagraph, instruction: str, placeholder: str) -> None:
    field = etree.SubElement(paragraph._p, qn("w:fldSimple"))
    field.set(qn("w:instr"), f" {instruction} ")
    run = etree.SubElement(field, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = placeholder


def core_properties(document: DocumentObject, doc: VorlageDocument) -> None:
    """Title, subject, author, language, status; every timestamp fixed so rebuilds are byte-identical."""
    properties = document.core_properties
    properties.title = doc.title
    properties.subject = doc.subject
    properties.author = doc.author
    properties.last_modified_by = doc.author
    properties.keywords = doc.keywords
    properties.language = "de-DE"
    properties.category = "Mitteilungsvorlage"
    properties.content_status = doc.status
    properties.comments = ""
    properties.identifier = doc.number
    properties.created = doc.timestamp
    properties.modified = doc.timestamp
    properties.last_printed = doc.timestamp
    properties.revision = 1


def turn_landscape(section: Section, portrait: Section) -> None:
    """`section` in landscape: `portrait`'s page turned, margins of 2 cm at the sides and 1.5 cm above and below.

    The landscape pages hold the Anlage's tables: every centimetre of height is another row.
    """
    width, height = portrait.page_width, portrait.page_height
    section.orientation = WD_ORIENT.LANDSCAPE
    if width is not None and height is not None and width < height:
        section.page_width, section.page_height = height, width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.top_margin = section.bottom_margin = Cm(1.5)
    section.header_distance = section.footer_distance = Cm(0.7)


EMU_PER_TWIP = 635


def move_section_break_into_previous_paragraph(document: DocumentObject) -> None:
    """Put a new section's break into the paragraph before it, not into an empty paragraph of its own."""
    # python-docx puts a section break into a new, empty paragraph; an empty paragraph is
    # exactly what accessible documents avoid, so the break moves into the one before it.
    body = document.element.body
    holder = body.sectPr.getprevious()
    previous = holder.getprevious()
    if previous is None or previous.tag != qn("w:p"):
        return
    section_properties = holder.find(qn("w:pPr")).find(qn("w:sectPr"))
    previous.get_or_add_pPr().append(section_properties)
    body.remove(holder)


def column_widths(document: DocumentObject, relative: tuple[float, ...]) -> list[int]:
    """Column widths in twips: the current section's text width shared out in the `relative` proportions."""
    section = document.sections[-1]
    page, left, right = section.page_width or Cm(21), section.left_margin or 0, section.right_margin or 0
    usable = (page - left - right) // EMU_PER_TWIP
    total = sum(relative) or 1.0
    widths = [int(usable * part / total) for part in relative]
    widths[-1] += int(usable) - sum(widths)
    return widths
