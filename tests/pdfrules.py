"""Detectors for the PDF/A-2b and PDF/UA-1 rules veraPDF failed koopbericht's PDFs on, and their neighbours.

veraPDF cannot be installed in the test environment, so the rules that matter are checked here
on the PDF's bytes with pikepdf and lxml, written apart from koopbericht's repair code
(src/koopbericht/render/pdf/conform.py, xmp.py) so that a mistake there is not repeated here:

- ISO 19005-2 6.6.2.3.1: every XMP schema not predefined by PDF/A-2 is declared in a
  `pdfaExtension:schemas` entry with the prefix used and each property used;
- ISO 14289-1 7.1-3: no path is painted outside marked content (tagged or artifact), on a
  page or in a Form XObject the page draws outside marked content;
- what else PDF/UA asks of the document as a whole: structure tree, /MarkInfo, /Lang, a title
  shown in the window, alternative text on figures, a scope on table headers, no text
  outside marked content.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

import pikepdf
from lxml import etree

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFA_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
PDFA_PROPERTY = "http://www.aiim.org/pdfa/ns/property#"
DC = "http://purl.org/dc/elements/1.1/"
NOT_SCHEMAS = {RDF, "adobe:ns:meta/", "http://www.w3.org/XML/1998/namespace"}
# ISO 19005-2 6.6.2.3.1: the schemas of XMP 2004 (Adobe's XMP Specification, part 2) and PDF/A's own.
PREDEFINED = {
    "http://purl.org/dc/elements/1.1/",  # dc
    "http://ns.adobe.com/xap/1.0/",  # xmp
    "http://ns.adobe.com/xap/1.0/rights/",  # xmpRights
    "http://ns.adobe.com/xap/1.0/mm/",  # xmpMM
    "http://ns.adobe.com/xmp/Identifier/qual/1.0/",  # xmpidq
    "http://ns.adobe.com/pdf/1.3/",  # pdf
    "http://ns.adobe.com/photoshop/1.0/",  # photoshop
    "http://ns.adobe.com/camera-raw-settings/1.0/",  # crs
    "http://ns.adobe.com/tiff/1.0/",  # tiff
    "http://ns.adobe.com/exif/1.0/",  # exif
    "http://cipa.jp/exif/1.0/",  # exifEX
    "http://ns.adobe.com/exif/1.0/aux/",  # aux
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",  # Iptc4xmpCore
    "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#",  # stEvt
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#",  # stRef
    "http://ns.adobe.com/xap/1.0/sType/Version#",  # stVer
    "http://ns.adobe.com/xap/1.0/sType/Job#",  # stJob
    "http://ns.adobe.com/xap/1.0/sType/Dimensions#",  # stDim
    "http://ns.adobe.com/xap/1.0/sType/Font#",  # stFnt
    "http://ns.adobe.com/xap/1.0/bj/",  # xmpBJ
    "http://ns.adobe.com/xap/1.0/t/pg/",  # xmpTPg
    "http://ns.adobe.com/xmp/1.0/DynamicMedia/",  # xmpDM
    "http://ns.adobe.com/xap/1.0/g/",  # xmpG
    "http://ns.adobe.com/xap/1.0/g/img/",  # xmpGImg
    "http://www.aiim.org/pdfa/ns/id/",  # pdfaid
    "http://www.aiim.org/pdfa/ns/extension/",  # pdfaExtension
    PDFA_SCHEMA,  # pdfaSchema
    PDFA_PROPERTY,  # pdfaProperty
    "http://www.aiim.org/pdfa/ns/type#",  # pdfaType
    "http://www.aiim.org/pdfa/ns/field#",  # pdfaField
}
Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}


def undeclared_xmp_schemas(pdf: bytes) -> list[str]:
    """Each `prefix:property` of the XMP whose schema is neither predefined nor declared (with that prefix)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        stream = document.Root.get("/Metadata")
        if not isinstance(stream, pikepdf.Stream):
            return []
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        root = etree.fromstring(stream.read_bytes(), parser)
    declared = {}  # namespace → (prefix, property names)
    for entry in root.iter(f"{{{RDF}}}li"):
        uri = entry.findtext(f"{{{PDFA_SCHEMA}}}namespaceURI")
        if uri is not None:
            names = {n.strip() for n in entry.xpath(".//p:name/text()", namespaces={"p": PDFA_PROPERTY})}
            declared[uri.strip()] = ((entry.findtext(f"{{{PDFA_SCHEMA}}}prefix") or "").strip(), names)
    missing: dict[str, None] = {}
    for prefix, uri, name in _properties(root):
        if uri in PREDEFINED or uri in NOT_SCHEMAS:
            continue
        schema = declared.get(uri)
        if schema is None or schema[0] != prefix or name not in schema[1]:
            missing[f"{prefix}:{name} ({uri})"] = None
    return list(missing)


def _properties(root: etree._Element) -> Iterator[tuple[str, str, str]]:
    """(prefix, namespace, name) of every element and attribute in the packet, the RDF syntax included."""
    for element in root.iter(etree.Element):
        qname = etree.QName(element)
        yield element.prefix or "", qname.namespace or "", qname.localname
        for attribute in element.attrib:
            name = etree.QName(attribute)
            prefix = next((p for p, u in element.nsmap.items() if u == name.namespace), "") or ""
            yield prefix, name.namespace or "", name.localname


def paths_outside_marked_content(pdf: bytes) -> list[tuple[int, str]]:
    """(page number, operator) for each path painted at marked-content depth 0, forms drawn there included."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, start=1):
            resources = page.obj.get("/Resources")
            for operator, marked in _painted(pikepdf.parse_content_stream(page), resources, False, set()):
                if operator in PAINTING and not marked:
                    found.append((number, operator))
    return found


def text_outside_marked_content(pdf: bytes) -> list[tuple[int, str]]:
    """(page number, "BT") for each text object begun at marked-content depth 0."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, start=1):
            resources = page.obj.get("/Resources")
            for operator, marked in _painted(pikepdf.parse_content_stream(page), resources, False, set()):
                if operator == "BT" and not marked:
                    found.append((number, operator))
    return found


def _painted(
    instructions: Iterable[Instruction], resources: object, inside: bool, seen: set[tuple[int, int]]
) -> Iterator[tuple[str, bool]]:
    """(operator, whether inside marked content) for each operator, descending into Form XObjects."""
    depth = 0
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    for instruction in instructions:
        operator = str(instruction.operator)
        if operator in ("BMC", "BDC"):
            depth += 1
        elif operator == "EMC":
            depth -= 1
        marked = inside or depth > 0
        yield operator, marked
        if operator == "Do" and isinstance(xobjects, pikepdf.Dictionary):
            form = xobjects.get(str(instruction.operands[0]))
            if isinstance(form, pikepdf.Stream) and form.get("/Subtype") == "/Form" and form.objgen not in seen:
                inner = pikepdf.parse_content_stream(form)
                yield from _painted(inner, form.get("/Resources", resources), marked, seen | {form.objgen})


def accessibility_gaps(pdf: bytes) -> list[str]:
    """What PDF/UA-1 asks of the whole document and the PDF lacks, each as a short English sentence."""
    gaps = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root
        if "/StructTreeRoot" not in root:
            gaps.append("no structure tree (/StructTreeRoot)")
        mark_info = root.get("/MarkInfo")
        if not isinstance(mark_info, pikepdf.Dictionary) or not _true(mark_info.get("/Marked")):
            gaps.append("not marked as tagged (/MarkInfo /Marked true)")
        if not str(root.get("/Lang", "")).strip():
            gaps.append("no document language (/Lang)")
        preferences = root.get("/ViewerPreferences")
        if not isinstance(preferences, pikepdf.Dictionary) or not _true(preferences.get("/DisplayDocTitle")):
            gaps.append("the title is not shown in the window (/DisplayDocTitle true)")
        metadata = root.get("/Metadata")
        xmp = metadata.read_bytes() if isinstance(metadata, pikepdf.Stream) else b""
        if b"<dc:title>" not in xmp or b"pdfuaid:part" not in xmp:
            gaps.append("no dc:title or no pdfuaid:part in the XMP metadata")
        if "/StructTreeRoot" in root:
            tree = root.StructTreeRoot
            gaps.extend(_element_gaps(tree) if isinstance(tree, pikepdf.Dictionary) else ["a broken structure tree"])
    return gaps


def _true(value: object) -> bool:
    """A PDF boolean comes out of pikepdf as Python's True."""
    return value is True


def _element_gaps(tree: pikepdf.Dictionary) -> list[str]:
    """Figures without alternative text, table headers without a scope (types resolved through /RoleMap)."""
    role_map = tree.get("/RoleMap", pikepdf.Dictionary())
    gaps = []
    for element in _elements(tree.get("/K")):
        kind, hops = str(element.get("/S", "")), 0
        while kind in role_map and hops < 10:  # a custom type as the standard type it stands for
            kind, hops = str(role_map[kind]), hops + 1
        if kind == "/Figure" and not str(element.get("/Alt", element.get("/ActualText", ""))).strip():
            gaps.append(f"a figure ({element.get('/S')}) without alternative text (/Alt)")
        if kind == "/TH":
            found = element.get("/A", pikepdf.Array())
            attributes = list(found) if isinstance(found, pikepdf.Array) else [found]
            if not any(isinstance(a, pikepdf.Dictionary) and "/Scope" in a for a in attributes):
                gaps.append("a table header cell (TH) without /Scope")
    return gaps


def figure_texts(pdf: pikepdf.Pdf) -> list[str]:
    """The alternative text of every /Figure, in reading order ("" where there is none)."""
    tree = pdf.Root.get("/StructTreeRoot")
    elements = _elements(tree.get("/K")) if isinstance(tree, pikepdf.Dictionary) else iter(())
    return [str(e.get("/Alt", "")) for e in elements if e.get("/S") == pikepdf.Name.Figure]


def _elements(kids: object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element below `kids`, depth first (marked-content and object references skipped)."""
    stack = [kids]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(reversed(list(item)))
        elif isinstance(item, pikepdf.Dictionary) and "/S" in item:
            yield item
            stack.append(item.get("/K"))
