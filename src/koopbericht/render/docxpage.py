"""What every page of the Vorlage carries, and the document's core properties.

Header (the Vorlage number, and ENTWURF on every page of an Entwurf), footer with page
numbers as Word fields, and the core properties. A Word template's own header and
footer are kept.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section, _BaseHeaderFooter
from docx.shared import Cm, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from ..document import VorlageDocument


def header_and_footer(document: DocumentObject, number: str) -> None:
    """The Vorlage number in the header and "Seite X von Y" in the footer, unless the template has them."""
    section = document.sections[0]
    header = section.header
    if number not in "".join(p.text for p in header.paragraphs):
        paragraph = header.paragraphs[0] if not header.paragraphs[0].text else header.add_paragraph()
        paragraph.text = f"Mitteilungsvorlage {number}"
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer
    if not any(p._p.xpath(".//w:fldSimple|.//w:instrText") for p in footer.paragraphs):
        paragraph = footer.paragraphs[0] if not footer.paragraphs[0].text else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Seite ")
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
        candidates: list[_BaseHeaderFooter] = [section.header]
        if section.different_first_page_header_footer:
            candidates.append(section.first_page_header)
        if document.settings.odd_and_even_pages_header_footer:
            candidates.append(section.even_page_header)
        for header in candidates:
            if index == 0 or not header.is_linked_to_previous:
                headers.append(header)
    for header in headers:
        first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph = first.insert_paragraph_before() if first.text else first
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(mark)
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


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
    """`section` in landscape: `portrait`'s page turned, margins of 2 cm."""
    width, height = portrait.page_width, portrait.page_height
    section.orientation = WD_ORIENT.LANDSCAPE
    if width is not None and height is not None and width < height:
        section.page_width, section.page_height = height, width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.top_margin = section.bottom_margin = Cm(2)


# CT_Settings children that follow w:autoHyphenation (ISO 29500-1 §17.15.1.78); it goes before the first.
_AFTER_HYPHENATION = frozenset(
    [
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "showEnvelope",
        "summaryLength",
        "clickAndTypeStyle",
        "defaultTableStyle",
        "evenAndOddHeaders",
        "bookFoldRevPrinting",
        "bookFoldPrinting",
        "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery",
        "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin",
        "doNotShadeFormData",
        "noPunctuationKerning",
        "characterSpacingControl",
        "printTwoOnOne",
        "strictFirstAndLastChars",
        "noLineBreaksAfter",
        "noLineBreaksBefore",
        "savePreviewPicture",
        "doNotValidateAgainstSchema",
        "saveInvalidXml",
        "ignoreMixedContent",
        "alwaysShowPlaceholderText",
        "doNotDemarcateInvalidXml",
        "saveXmlDataOnly",
        "useXSLTWhenSaving",
        "saveThroughXslt",
        "showXMLTags",
        "alwaysMergeEmptyNamespace",
        "updateFields",
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
)


def automatic_hyphenation(document: DocumentObject) -> None:
    """Switch on automatic hyphenation: German compounds otherwise break mid-word in narrow columns."""
    settings = document.settings.element
    if settings.find(qn("w:autoHyphenation")) is not None:
        return
    switch = etree.Element(qn("w:autoHyphenation"))
    for child in settings:
        if isinstance(child.tag, str) and etree.QName(child).localname in _AFTER_HYPHENATION:
            child.addprevious(switch)
            return
    settings.append(switch)


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
