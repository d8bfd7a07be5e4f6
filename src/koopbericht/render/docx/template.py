"""The Word template: a .docx or .dotx whose styles, page setup, header and footer are used.

Like pandoc's reference document, only the template's formatting counts; its body
text is removed. A template made by Word (also a German one) or saved by LibreOffice
serves alike: `styles` finds the styles under either's names and adds those the
template lacks.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from ...errors import UsageError
from ...files.oserrors import os_reason
from . import styles

# What python-docx, zipfile and lxml raise for a file that is not a readable Word package; anything
# else is a bug in koopbericht and is reported as one, not blamed on the user's template.
_DAMAGED_DOCX = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, KeyError, ValueError, PackageNotFoundError,
    etree.XMLSyntaxError,
)  # fmt: skip

# What Word 2013 and later write into a new document's w:compat: without them Word opens the Vorlage
# in compatibility mode (python-docx's template says Word 2010, 14) and lays out tables as Word 2010 did.
WORD_2013_COMPAT = (
    ("compatibilityMode", "15"),
    ("overrideTableStyleFontSizeAndJustification", "1"),
    ("enableOpenTypeFeatures", "1"),
    ("doNotFlipMirrorIndents", "1"),
    ("differentiateMultirowTableHeaders", "1"),
)
WORD_URI = "http://schemas.microsoft.com/office/word"

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
        raise UsageError(f"Die Word-Vorlage {path} kann nicht gelesen werden: {os_reason(exc)}.") from None
    except _DAMAGED_DOCX:
        raise UsageError(
            f"Die Word-Vorlage {path} ist kein lesbares Word-Dokument (.docx/.dotx): die Datei ist beschädigt "
            "oder in einem anderen Format gespeichert. Bitte in Word öffnen und als Word-Dokument oder "
            "Word-Vorlage speichern."
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    styles.complete(document)
    return document


def _default_document() -> DocumentObject:
    """python-docx's template set up for a German Vorlage: A4, usual margins, Arial, Word 2013's settings."""
    document = Document()
    _as_new_word_document(document)
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


def _as_new_word_document(document: DocumentObject) -> None:
    """Word 2013's compatibility settings, and no thumbnail: python-docx's shows an empty page as preview.

    A house template is left as it is: its compatibility mode and preview are its author's choice.
    """
    compat = document.settings.element.find(qn("w:compat"))  # python-docx's template has one, in its place
    for child in list(compat):
        compat.remove(child)  # also w:useFELayout: East Asian layout, which Word does not set for German
    for name, value in WORD_2013_COMPAT:
        setting = compat.makeelement(qn("w:compatSetting"), {})
        setting.set(qn("w:name"), name)
        setting.set(qn("w:uri"), WORD_URI)
        setting.set(qn("w:val"), value)
        compat.append(setting)
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype == RT.THUMBNAIL:
            del package.rels[key]  # the part goes with it: a package keeps only the parts it relates to


def _as_document(data: bytes) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
            target.writestr(item, content)
    return output.getvalue()
