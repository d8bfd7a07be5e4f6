"""The styles the Vorlage uses, found in any house template and completed where it lacks them.

Word stores its built-in styles under English names, some in lower case ("heading 1",
"caption"), with ids that a German Word localises ("berschrift1"); LibreOffice writes
display case ("Heading 1"); hand-made templates may carry German names ("Überschrift 1").
python-docx looks a name up exactly, so here a style is found by id and by name, in any
case and in English or German. Styles the template lacks (Word stores only those a
document has used) are copied from python-docx's default template, list styles with
their numbering; every element goes where the schema puts it, as Word refuses others.
"""

from __future__ import annotations

import copy
import re

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle, ParagraphStyle
from lxml import etree

from . import numbering
from .oxml import RUN_PROPERTIES_ORDER, insert_in_order

# German Word's names of the built-in styles koopbericht uses, by Word's English name.
GERMAN_NAMES = {
    "Normal": "Standard", "Title": "Titel", "Caption": "Beschriftung", "Table Grid": "Tabellenraster",
    "Heading 1": "Überschrift 1", "Heading 2": "Überschrift 2", "Heading 3": "Überschrift 3",
    "List Bullet": "Aufzählungszeichen", "List Bullet 2": "Aufzählungszeichen 2",
    "List Bullet 3": "Aufzählungszeichen 3", "List Number": "Listennummer", "List Number 2": "Listennummer 2",
    "List Number 3": "Listennummer 3",
}  # fmt: skip
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
LISTS = ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3")
REQUIRED = ("Title", *HEADINGS, *LISTS, "Caption", "Table Grid")
# The children of w:docDefaults, in the schema's order.
DEFAULTS_ORDER = ("rPrDefault", "pPrDefault")


def _key(text: str | None) -> str:
    """A style name or id as compared: lower case, letters and digits only ("Überschrift 1" → "berschrift1").

    Word drops every character outside ASCII from the ids it makes of German names, so the key
    of a name and the key of the id Word made of it are the same.
    """
    return re.sub(r"[^0-9a-z]", "", (text or "").casefold())


def find_style(document: DocumentObject, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> BaseStyle | None:
    """The template's style for Word's built-in style `name` (or a style of koopbericht's own), if it has one.

    Tried in turn: the style id Word gives it ("Heading1"), its name in any case ("heading 1",
    "Heading 1"), then its German name or id ("Überschrift 1", "berschrift1"). The id comes
    first: LibreOffice may write a second style under the same name (its "List 2" as "List Bullet 3").
    """
    candidates = [style for style in document.styles if style.type == kind]
    wanted, german = _key(name), _key(GERMAN_NAMES.get(name))
    tiers = (
        lambda style: _key(style.style_id) == wanted,
        lambda style: _key(style.element.name_val) == wanted,
        lambda style: bool(german) and german in (_key(style.style_id), _key(style.element.name_val)),
    )
    for matches in tiers:
        found: BaseStyle | None = next(filter(matches, candidates), None)
        if found is not None:
            return found
    return None


def paragraph_style(document: DocumentObject, name: str) -> ParagraphStyle | None:
    """The template's paragraph style for `name` (see `find_style`)."""
    style = find_style(document, name)
    return style if isinstance(style, ParagraphStyle) else None


def normal_style(document: DocumentObject) -> BaseStyle | None:
    """The template's default paragraph style (Word's "Normal", German "Standard")."""
    return document.styles.default(WD_STYLE_TYPE.PARAGRAPH) or find_style(document, "Normal")


def complete(document: DocumentObject) -> None:
    """Add the styles the Vorlage needs and the template lacks; give its list styles numbering, its headings levels."""
    default: DocumentObject | None = None  # python-docx's template, read only when something is missing
    for name in REQUIRED:
        kind = WD_STYLE_TYPE.TABLE if name == "Table Grid" else WD_STYLE_TYPE.PARAGRAPH
        style = find_style(document, name, kind)
        if style is not None and name in HEADINGS:
            _outline_level(style, HEADINGS.index(name))
        if style is not None and (name not in LISTS or numbering.has_numbering(document, style.element)):
            continue
        default = default or Document()
        source = find_style(default, name, kind)
        assert source is not None, name
        if style is None:
            _copy_style(default, document, source)
        else:  # a list style without numbering would make a list of indented paragraphs
            numbering.take_numbering(default, document, source.element, style.element)


def _copy_style(source: DocumentObject, target: DocumentObject, style: BaseStyle) -> None:
    """Copy `style` from `source` into `target`, with its numbering and references that hold there."""
    element = copy.deepcopy(style.element)
    present = {str(s.style_id) for s in target.styles}
    if style.style_id in present:  # the id is taken by a style of another type
        element.set(qn("w:styleId"), _free_id(str(style.style_id), present))
    for tag in ("w:basedOn", "w:next", "w:link"):
        reference = element.find(qn(tag))
        if reference is None or reference.get(qn("w:val")) in present:
            continue
        replacement = _default_in_target(source, target, reference.get(qn("w:val"))) if tag != "w:link" else None
        if replacement is None:
            element.remove(reference)
        else:
            reference.set(qn("w:val"), replacement)
    num_id = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num_id is not None:
        num_id.set(qn("w:val"), str(numbering.copy_numbering(source, target, int(num_id.get(qn("w:val"))))))
    target.styles.element.append(element)


def _free_id(style_id: str, present: set[str]) -> str:
    number = 1
    while f"{style_id}{number}" in present:
        number += 1
    return f"{style_id}{number}"


def _default_in_target(source: DocumentObject, target: DocumentObject, style_id: str | None) -> str | None:
    """The target's default style of the same type, if `style_id` is the source's default ("Normal", "TableNormal")."""
    referenced = next((s for s in source.styles if s.style_id == style_id), None)
    if referenced is None or not referenced.element.default:
        return None
    default = target.styles.default(referenced.type)
    return None if default is None else str(default.style_id)


def _outline_level(style: BaseStyle, level: int) -> None:
    """A heading style without an outline level gets one: screen readers and the navigation pane need it."""
    properties = style.element.get_or_add_pPr()
    if properties.find(qn("w:outlineLvl")) is None:
        properties.get_or_add_outlineLvl().set(qn("w:val"), str(level))


def set_language(document: DocumentObject, language: str) -> None:
    """The document's default language (`w:lang` in `w:docDefaults`), each element where the schema wants it."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(qn("w:docDefaults"))
        styles.insert(0, defaults)  # docDefaults comes first in w:styles
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = etree.Element(qn("w:rPrDefault"))
        insert_in_order(defaults, run_defaults, DEFAULTS_ORDER)
    run_properties = run_defaults.find(qn("w:rPr"))
    if run_properties is None:
        run_properties = etree.SubElement(run_defaults, qn("w:rPr"))
    element = run_properties.find(qn("w:lang"))
    if element is None:
        element = etree.Element(qn("w:lang"))
        insert_in_order(run_properties, element, RUN_PROPERTIES_ORDER)
    element.set(qn("w:val"), language)
    element.set(qn("w:eastAsia"), language)
    element.set(qn("w:bidi"), "ar-SA")
