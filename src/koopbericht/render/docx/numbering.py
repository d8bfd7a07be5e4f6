"""Lists' numbering definitions: copied between documents and restarted at 1, in the schema's order.

`w:numbering` holds its children in a fixed sequence: picture bullets, every
`w:abstractNum`, every `w:num`, and last the `w:numIdMacAtCleanup` that Word-made
templates often carry. A definition appended at the end would follow that last element,
and Word reports the document as unreadable; here each goes in its place.
"""

from __future__ import annotations

import copy

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from lxml import etree

from .oxml import insert_in_order

ORDER = ("numPicBullet", "abstractNum", "num", "numIdMacAtCleanup")


def _num_id(style: etree._Element) -> str | None:
    """The numId a paragraph style's own properties give, if any."""
    element = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return None if element is None else element.get(qn("w:val"))


def _num(document: DocumentObject, num_id: str | None) -> etree._Element | None:
    numbering = document.part.numbering_part.element
    return next((n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id), None)


def has_numbering(document: DocumentObject, style: etree._Element) -> bool:
    """Whether the paragraph style numbers its paragraphs: a numId other than 0 that numbering.xml defines."""
    num_id = _num_id(style)
    return num_id not in (None, "0") and _num(document, num_id) is not None


def take_numbering(
    source: DocumentObject, target: DocumentObject, model: etree._Element, style: etree._Element
) -> None:
    """Give `style` of `target` the numbering of the style `model` of `source`, copied over."""
    model_numbering = model.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    num_id = _num_id(model)
    if model_numbering is None or num_id is None:
        return
    new_id = copy_numbering(source, target, int(num_id))
    numbering = style.get_or_add_pPr().get_or_add_numPr()  # python-docx puts w:numPr in its place in w:pPr
    for child in list(numbering):
        numbering.remove(child)
    for child in model_numbering:
        numbering.append(copy.deepcopy(child))
    numbering.find(qn("w:numId")).set(qn("w:val"), str(new_id))


def copy_numbering(source: DocumentObject, target: DocumentObject, num_id: int) -> int:
    """Copy w:num `num_id` of `source` and its w:abstractNum into `target`; return the new numId."""
    source_numbering = source.part.numbering_part.element
    target_numbering = target.part.numbering_part.element
    num = _num(source, str(num_id))
    assert num is not None, num_id
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in source_numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
    )
    used_abstract = [_number(a.get(qn("w:abstractNumId"))) for a in target_numbering.findall(qn("w:abstractNum"))]
    new_abstract, new_num = max(used_abstract, default=-1) + 1, _next_num_id(target)
    abstract_copy = copy.deepcopy(abstract)
    abstract_copy.set(qn("w:abstractNumId"), str(new_abstract))
    for child in abstract_copy.findall(qn("w:nsid")) + abstract_copy.findall(qn("w:tmpl")):
        abstract_copy.remove(child)
    num_copy = copy.deepcopy(num)
    num_copy.set(qn("w:numId"), str(new_num))
    num_copy.find(qn("w:abstractNumId")).set(qn("w:val"), str(new_abstract))
    insert_in_order(target_numbering, abstract_copy, ORDER)
    insert_in_order(target_numbering, num_copy, ORDER)
    return new_num


def _next_num_id(document: DocumentObject) -> int:
    numbering = document.part.numbering_part.element
    return max((_number(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))), default=0) + 1


def _number(value: str | None) -> int:
    """An id as a number; one that is none (a damaged template) is passed over."""
    return int(value) if value is not None and value.isascii() and value.isdigit() else -1


def restarted_numbering(document: DocumentObject, style: etree._Element) -> int | None:
    """A new w:num on the same abstract numbering as the paragraph style `style`, starting again at 1."""
    source = _num(document, _num_id(style))
    if source is None:
        return None
    new_id = _next_num_id(document)
    clone = copy.deepcopy(source)
    clone.set(qn("w:numId"), str(new_id))
    for override in clone.findall(qn("w:lvlOverride")):
        clone.remove(override)
    override = etree.SubElement(clone, qn("w:lvlOverride"))
    override.set(qn("w:ilvl"), "0")
    etree.SubElement(override, qn("w:startOverride")).set(qn("w:val"), "1")
    insert_in_order(document.part.numbering_part.element, clone, ORDER)
    return new_id
