"""Writing the document model into a .docx with Word's own styles.

The Word template (pandoc-style reference document) supplies styles, page setup,
header and footer; its body is discarded. Headings use Heading 1–3, lists the real
List Bullet / List Number styles (each numbered list restarts at 1), tables the
linear XML writer in `oxml`. The result is byte-identical for the same input.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun
from lxml import etree

from ...document import BarChart, Heading, Image, LandscapeSection, ListBlock, Paragraph, Run, Table, VorlageDocument
from ...formatting import keep_together
from ..zipped import deterministic_zip
from . import oxml
from .chartpart import chart_inline
from .hyphenation import (
    NAME_RUN_PROPERTIES,
    automatic_hyphenation,
    name_pieces,
    never_hyphenated,
    never_hyphenated_paragraph,
)
from .numbering import restarted_numbering
from .page import (
    column_widths,
    core_properties,
    header_and_footer,
    mark_every_page,
    move_section_break_into_previous_paragraph,
    turn_landscape,
)  # fmt: skip
from .richcell import Revisions
from .styles import REQUIRED, find_style, normal_style, paragraph_style, set_language
from .template import open_template

W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TABLE_TEXT_STYLE = "Tabellentext"
# A table of up to this many rows is never split across pages (its rows are kept with the next).
KEEP_TOGETHER_ROWS = 12
# A table's place in the body is held by an XML processing instruction, put there through the
# tree. Serialising escapes every "<" in text and attribute values, so this markup can only
# come from the instruction itself, never from a user's string.
TABLE_PLACE = "koopbericht-tabelle"


def render_docx(doc: VorlageDocument, template: Path | None = None) -> bytes:
    """The Vorlage as .docx bytes."""
    document = open_template(template)
    _drop_comments_and_instructions(document)
    _prepare_styles(document)
    writer = _Writer(document, doc.names)
    writer.revisions = Revisions(f"{doc.timestamp:%Y-%m-%dT%H:%M:%SZ}")  # a fixed date: same bytes on rebuild
    if doc.landscape:
        writer.turn_first_section()
    for block in doc.blocks:
        writer.add(block)
    # "Mitteilungsvorlage 24/SVV/1155"; on the Anlage's own pages "Anlage 1 zur Mitteilungsvorlage …".
    header_and_footer(document, doc.subject or f"Mitteilungsvorlage {doc.number}")
    if doc.draft_mark:
        mark_every_page(document, doc.draft_mark)
    core_properties(document, doc)
    automatic_hyphenation(document)
    buffer = io.BytesIO()
    document.save(buffer)
    splice = _TableSplice(writer.tables)
    return deterministic_zip(buffer.getvalue(), doc.timestamp, {"word/document.xml": splice})


class _TableSplice:
    """Replaces each table's processing instruction in document.xml by the streamed table XML."""

    def __init__(self, tables: list[oxml.TableSpec]) -> None:
        self.tables = tables

    def __call__(self, document_xml: bytes) -> Iterator[bytes]:
        position = 0
        for number, spec in enumerate(self.tables):
            place = etree.tostring(_table_place(number))  # b"<?koopbericht-tabelle N?>"
            start = document_xml.find(place, position)
            if start < 0:
                raise RuntimeError(f"document.xml lacks the place of table {number}")
            yield document_xml[position:start]
            for chunk in oxml.table_xml(spec):
                yield chunk.encode("utf-8")
            position = start + len(place)
        if b"<?" + TABLE_PLACE.encode() in document_xml[position:]:
            raise RuntimeError("document.xml holds more table places than tables")
        yield document_xml[position:]


def _table_place(number: int) -> etree._ProcessingInstruction:
    return etree.ProcessingInstruction(TABLE_PLACE, str(number))


def _drop_comments_and_instructions(document: DocumentObject) -> None:
    """Removes XML comments and processing instructions the template's document.xml may hold.

    Word writes neither; without them, the only processing instructions in the serialised
    part are the table places, and no comment can contain a copy of one.
    """
    for node in list(document.element.iter(etree.Comment, etree.ProcessingInstruction)):
        parent = node.getparent()
        if parent is None:
            continue
        if node.tail:  # text after the node stays where it was
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + node.tail
            else:
                parent.text = (parent.text or "") + node.tail
        parent.remove(node)


def _prepare_styles(document: DocumentObject) -> None:
    """The small paragraph style of the Anlage's cells, and German as the document's language."""
    if find_style(document, TABLE_TEXT_STYLE) is None:
        style = document.styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal_style(document)
        style.font.size = Pt(9)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.line_spacing = 1.0  # the default 1.15 makes every Anlage row an eighth taller
    set_language(document, "de-DE")


class _Writer:
    def __init__(self, document: DocumentObject, names: frozenset[str]) -> None:
        self.document = document
        self.names = names
        self.figures = 0
        self.styles = {name: paragraph_style(document, name) for name in (*REQUIRED, TABLE_TEXT_STYLE)}
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
            style = self.styles[name]
            if style is not None:
                never_hyphenated(style)
        self.table_style = _style_id(find_style(document, "Table Grid", WD_STYLE_TYPE.TABLE))
        self.table_text = _style_id(self.styles[TABLE_TEXT_STYLE])
        self.after_table = False
        self.last_paragraph: DocxParagraph | None = None  # the body paragraph just written, if the last block
        self.tables: list[oxml.TableSpec] = []
        self.revisions = Revisions("")  # tracked changes (only the Synopse has them), dated by render_docx

    def add(self, block: Any) -> None:
        follows_table, self.after_table = self.after_table, isinstance(block, Table)
        introduction, self.last_paragraph = self.last_paragraph, None
        if isinstance(block, Table) and introduction is not None:
            introduction.paragraph_format.keep_with_next = True  # "… fand statt:" never ends a page alone
        if isinstance(block, Heading):
            style = "Title" if block.level == 0 else f"Heading {min(block.level, 3)}"
            self.document.add_paragraph(block.text, style=self.styles[style])
        elif isinstance(block, Paragraph):
            paragraph = self.document.add_paragraph()
            if follows_table:  # space after a table comes from formatting, never from an empty paragraph
                paragraph.paragraph_format.space_before = Pt(10)
            self._runs(paragraph, block.runs)
            self.last_paragraph = paragraph
        elif isinstance(block, ListBlock):
            self._list(block, follows_table)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Image):
            self._image(block)
        elif isinstance(block, BarChart):
            self._chart(block)
        elif isinstance(block, LandscapeSection):
            self._landscape()

    def _runs(self, paragraph: DocxParagraph, runs: tuple[Run, ...]) -> None:
        if any(run.link for run in runs):  # a link is never hyphenated: LibreOffice only switches off paragraphs
            never_hyphenated_paragraph(paragraph)
        for run in runs:
            if run.link:
                _hyperlink(paragraph, run)
                continue
            lines = run.text.split("\n")
            for index, line in enumerate(lines):
                for text, name in name_pieces(keep_together(line), self.names):
                    piece = paragraph.add_run(text)
                    piece.bold = run.bold or None
                    piece.italic = run.italic or None
                    if name:
                        _never_hyphenated_run(piece)
                if index < len(lines) - 1:
                    piece.add_break()

    def _list(self, block: ListBlock, follows_table: bool) -> None:
        base = "List Number" if block.ordered else "List Bullet"
        first = self.styles[base]
        restart = restarted_numbering(self.document, first.element) if block.ordered and first else None
        for index, item in enumerate(block.items):
            style = base if item.level == 0 else f"{base} {min(item.level + 1, 3)}"
            paragraph = self.document.add_paragraph(style=self.styles[style])
            if follows_table and index == 0:
                paragraph.paragraph_format.space_before = Pt(10)
            if restart is not None and item.level == 0:
                properties = paragraph._p.get_or_add_pPr()
                numbering = properties.get_or_add_numPr()
                numbering.get_or_add_ilvl().val = 0
                numbering.get_or_add_numId().val = restart
            self._runs(paragraph, item.runs)

    def _table(self, block: Table) -> None:
        caption = self.document.add_paragraph(block.caption, style=self.styles["Caption"])
        caption.paragraph_format.keep_with_next = True
        widths = column_widths(self.document, block.widths or (1.0,) * len(block.header))
        rows = [(row.cells, row.group, row.bold) for row in block.rows]
        text_style = self.table_text if block.small else None
        spec = oxml.TableSpec(
            widths, block.caption, block.description, block.header, rows, self.table_style, text_style,
            right_from=block.figures_from, title=block.title,
            # A small summary table stays on one page; the Anlage's tall rows may not fit one page together.
            keep_together=len(block.rows) <= KEEP_TOGETHER_ROWS and not block.small, hyphenated=block.hyphenated,
            names=self.names, padding=20 if block.small else 40,
            rich=[row.rich for row in block.rows], revisions=self.revisions,
        )  # fmt: skip
        # A processing instruction holds the place; the table is streamed in when the package is written.
        holder = self.document.add_paragraph()._p
        holder.addprevious(_table_place(len(self.tables)))
        holder.getparent().remove(holder)
        self.tables.append(spec)

    def _image(self, block: Image) -> None:
        self.document.add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
        self._figure(self.document.paragraphs[-1], block.alt, block.title)

    def _chart(self, block: BarChart) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.add_run()._r.append(chart_inline(self.document, block, self.figures + 1))
        self._figure(paragraph, block.alt, block.title)

    def _figure(self, picture: DocxParagraph, alt: str, title: str) -> None:
        """The picture's paragraph centred and kept with its caption, its alternative text set, the caption below."""
        self.figures += 1
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        picture.paragraph_format.space_before = Pt(10)  # clear of a table's bottom border above it
        for properties in picture._p.iter(qn("wp:docPr")):
            properties.set("descr", alt)
            properties.set("title", title)
        self.document.add_paragraph(f"Abbildung {self.figures}: {title}", style=self.styles["Caption"])

    def turn_first_section(self) -> None:
        """The document's first section in landscape, with the Anlage's margins."""
        turn_landscape(self.document.sections[0], self.document.sections[0])

    def _landscape(self) -> None:
        self.document.add_paragraph(
            "Die tabellarische Übersicht folgt als Anlage 1 auf den nächsten Seiten im Querformat."
        )
        previous = self.document.sections[-1]
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        move_section_break_into_previous_paragraph(self.document)
        turn_landscape(section, previous)


def _never_hyphenated_run(piece: DocxRun) -> None:
    """A name in running text: no hyphenation in Word (no proofing) nor in LibreOffice (no language)."""
    properties = piece._r.get_or_add_rPr()
    for child in etree.fromstring(f'<w:rPr xmlns:w="{W_NAMESPACE}">{NAME_RUN_PROPERTIES}</w:rPr>'):
        oxml.insert_in_order(properties, child, oxml.RUN_PROPERTIES_ORDER)


def _style_id(style: BaseStyle | None) -> str | None:
    return None if style is None else str(style.style_id)


def _hyperlink(paragraph: DocxParagraph, run: Run) -> None:
    assert run.link is not None
    relation = paragraph.part.relate_to(run.link, RT.HYPERLINK, is_external=True)
    link = etree.SubElement(paragraph._p, qn("w:hyperlink"))
    link.set(qn("r:id"), relation)
    element = etree.SubElement(link, qn("w:r"))
    properties = etree.SubElement(element, qn("w:rPr"))  # children in Word's order: b, i, color, u
    if run.bold:
        etree.SubElement(properties, qn("w:b"))
    if run.italic:
        etree.SubElement(properties, qn("w:i"))
    etree.SubElement(properties, qn("w:color")).set(qn("w:val"), "0563C1")
    etree.SubElement(properties, qn("w:u")).set(qn("w:val"), "single")
    text = etree.SubElement(element, qn("w:t"))
    text.text = run.text
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
