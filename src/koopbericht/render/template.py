"""The Word template: a .docx or .dotx whose styles, page setup, header and footer are used.

Like pandoc's reference document, only the template's formatting counts; its body
text is removed. Styles the Vorlage needs but the template lacks (Word stores only
the styles a document has used) are copied from python-docx's default template,
list styles together with their numbering.
"""

from __future__ import annotations

import copy
import io
import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from ..errors import UsageError

# What python-docx, zipfile and lxml raise for a file that is not a readable Word package; anything
# else is a bug in koopbericht and is reported as one, not blamed on the user's template.
_DAMAGED_DOCX = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, KeyError, ValueError, PackageNotFoundError,
    etree.XMLSyntaxError,
)  # fmt: skip

REQUIRED_STYLES = (
    "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Bullet 2", "List Bullet 3",
    "List Number", "List Number 2", "List Number 3", "Caption", "Table Grid",
)  # fmt: skip
TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def open_template(path: Path | None) -> DocumentObject:
    """A document with the template's formatting and an empty body."""
    if path is None:
        return _default_document()
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".dotx":
            data = _as_document(data)
        document = Document(io.BytesIO(data))
    except OSError as exc:
        raise UsageError(f"Die Word-Vorlage {path} kann nicht gelesen werden ({exc.strerror}).") from None
    except _DAMAGED_DOCX as exc:
        raise UsageError(
            f"Die Word-Vorlage {path} ist kein lesbares Word-Dokument (.docx/.dotx): {type(exc).__name__}."
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _add_missing_styles(document)
    return document


def _default_document() -> DocumentObject:
    """python-docx's template set up for a German Vorlage: A4, usual margins, Arial."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.header_distance = section.footer_distance = Cm(1)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        font = document.styles[name].font
        font.name = "Arial"
        rpr = document.styles[name].element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if fonts is not None and fonts.get(qn(attribute)) is not None:
                del fonts.attrib[qn(attribute)]
    document.styles["Normal"].font.size = Pt(11)
    document.styles["Caption"].paragraph_format.space_before = Pt(10)
    return document


def _as_document(data: bytes) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
            target.writestr(item, content)
    return output.getvalue()


def _add_missing_styles(document: DocumentObject) -> None:
    present = {style.name for style in document.styles}
    missing = [name for name in REQUIRED_STYLES if name not in present]
    if not missing:
        return
    default = Document()
    for name in missing:
        element = copy.deepcopy(default.styles[name].element)
        num_id = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            num_id.set(qn("w:val"), str(_copy_numbering(default, document, int(num_id.get(qn("w:val"))))))
        document.styles.element.append(element)


def _copy_numbering(source: DocumentObject, target: DocumentObject, num_id: int) -> int:
    """Copy w:num `num_id` and its w:abstractNum into the target; return the new numId."""
    source_numbering = source.part.numbering_part.element
    target_numbering = target.part.numbering_part.element
    num = next(n for n in source_numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in source_numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
    )
    used_abstract = [int(a.get(qn("w:abstractNumId"))) for a in target_numbering.findall(qn("w:abstractNum"))]
    used_num = [int(n.get(qn("w:numId"))) for n in target_numbering.findall(qn("w:num"))]
    new_abstract, new_num = max(used_abstract, default=-1) + 1, max(used_num, default=0) + 1
    abstract_copy = copy.deepcopy(abstract)
    abstract_copy.set(qn("w:abstractNumId"), str(new_abstract))
    for child in abstract_copy.findall(qn("w:nsid")) + abstract_copy.findall(qn("w:tmpl")):
        abstract_copy.remove(child)
    num_copy = copy.deepcopy(num)
    num_copy.set(qn("w:numId"), str(new_num))
    num_copy.find(qn("w:abstractNumId")).set(qn("w:val"), str(new_abstract))
    first_num = target_numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract_copy)  # all abstractNum elements precede all num elements
    else:
        target_numbering.append(abstract_copy)
    target_numbering.append(num_copy)
    return new_num
