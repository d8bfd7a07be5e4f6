"""PDF/A extension schemas for the XMP namespaces PDF/A-2 does not predefine (ISO 19005-2, 6.6.2.3).

A PDF/A file may use in its XMP metadata only the schemas of XMP 2004 and PDF/A itself, and
any other schema it declares in a `pdfaExtension:schemas` entry: name, namespace, prefix and
every property with its value type. LibreOffice 7.4 writes `pdfuaid:part` (PDF/UA) without
such a declaration; the declaration is added here, for PDF/UA with its documented value
types, for any other namespace with the simple types its values show. A namespace already
declared (newer LibreOffice declares PDF/UA itself) is left as it is, and a property with
structured values is not guessed at: its namespace stays undeclared rather than declared wrong.

The XMP is parsed with lxml without entities or network access, and written back only
when something was declared, in a fixed order: the same input gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

__all__ = ["PREDEFINED", "declare_schemas", "undeclared_namespaces"]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
EXTENSION = "http://www.aiim.org/pdfa/ns/extension/"
SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
PROPERTY = "http://www.aiim.org/pdfa/ns/property#"
PDFUA = "http://www.aiim.org/pdfua/ns/id/"
XML = "http://www.w3.org/XML/1998/namespace"
# Packet syntax, not schemas: RDF itself, the x:xmpmeta wrapper, xml:lang.
_SYNTAX = frozenset({RDF, "adobe:ns:meta/", XML})
# The schemas ISO 19005-2 (6.6.2.3.1) predefines: XMP 2004's, and PDF/A's own.
PREDEFINED = frozenset({
    "http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/xap/1.0/", "http://ns.adobe.com/xap/1.0/rights/",
    "http://ns.adobe.com/xap/1.0/mm/", "http://ns.adobe.com/xmp/Identifier/qual/1.0/",
    "http://ns.adobe.com/pdf/1.3/", "http://ns.adobe.com/photoshop/1.0/",
    "http://ns.adobe.com/camera-raw-settings/1.0/", "http://ns.adobe.com/tiff/1.0/",
    "http://ns.adobe.com/exif/1.0/", "http://cipa.jp/exif/1.0/", "http://ns.adobe.com/exif/1.0/aux/",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/", "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#",
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#", "http://ns.adobe.com/xap/1.0/sType/Version#",
    "http://ns.adobe.com/xap/1.0/sType/Job#", "http://ns.adobe.com/xap/1.0/sType/Dimensions#",
    "http://ns.adobe.com/xap/1.0/sType/Font#", "http://ns.adobe.com/xap/1.0/bj/",
    "http://ns.adobe.com/xap/1.0/t/pg/", "http://ns.adobe.com/xmp/1.0/DynamicMedia/",
    "http://ns.adobe.com/xap/1.0/g/", "http://ns.adobe.com/xap/1.0/g/img/",
    "http://www.aiim.org/pdfa/ns/id/", EXTENSION, SCHEMA, PROPERTY,
    "http://www.aiim.org/pdfa/ns/type#", "http://www.aiim.org/pdfa/ns/field#",
})  # fmt: skip
# The PDF/UA identification schema as ISO 14289-1 (5) defines it.
_KNOWN_SCHEMAS = {PDFUA: "PDF/UA Universal Accessibility Schema"}
_KNOWN_PROPERTIES = {
    (PDFUA, "part"): ("Integer", "Indicates which part of ISO 14289 (PDF/UA) the document conforms to"),
    (PDFUA, "amd"): ("Text", "Amendment of ISO 14289 the document conforms to"),
    (PDFUA, "corr"): ("Text", "Corrigendum of ISO 14289 the document conforms to"),
}
_CONTAINERS = {f"{{{RDF}}}Bag": "bag Text", f"{{{RDF}}}Seq": "seq Text"}


@dataclass(frozen=True)
class _Schema:
    uri: str
    prefix: str
    properties: tuple[tuple[str, str, str], ...]  # name, value type, description


def declare_schemas(xmp: bytes) -> tuple[bytes, tuple[str, ...]]:
    """`xmp` with a `pdfaExtension:schemas` entry for each namespace it lacks; the namespaces declared."""
    try:
        root = etree.fromstring(xmp, _parser())
    except etree.XMLSyntaxError:  # not ours to repair: the PDF is written as LibreOffice made it
        return xmp, ()
    schemas = [schema for uri in undeclared_namespaces(root) if (schema := _schema(root, uri)) is not None]
    rdf = root if root.tag == f"{{{RDF}}}RDF" else root.find(f"{{{RDF}}}RDF")
    # A DOCTYPE and its entities would not survive being written back (XMP has no use for them): left alone.
    if not schemas or rdf is None or root.getroottree().docinfo.doctype or any(root.iter(etree.Entity)):
        return xmp, ()
    bag = rdf.find(f"{{{RDF}}}Description/{{{EXTENSION}}}schemas/{{{RDF}}}Bag")
    if bag is None:  # no declaration yet: one more rdf:Description holds them
        names = {"pdfaExtension": EXTENSION, "pdfaSchema": SCHEMA, "pdfaProperty": PROPERTY}
        description = etree.SubElement(rdf, f"{{{RDF}}}Description", nsmap=names)
        description.set(f"{{{RDF}}}about", "")
        bag = etree.SubElement(etree.SubElement(description, f"{{{EXTENSION}}}schemas"), f"{{{RDF}}}Bag")
        _indent(rdf, description)
    for schema in schemas:
        _indent(bag, _declaration(bag, schema))
    return _serialised(root), tuple(schema.uri for schema in schemas)


def undeclared_namespaces(root: etree._Element) -> list[str]:
    """The namespaces of the XMP's properties that are neither predefined nor declared, in order of use."""
    declared = {text.strip() for text in root.xpath("//pdfaSchema:namespaceURI/text()|//@pdfaSchema:namespaceURI",
                                                       namespaces={"pdfaSchema": SCHEMA})}  # fmt: skip
    used: dict[str, None] = {}
    for element in root.iter(etree.Element):
        for name in (element.tag, *element.attrib):
            uri = etree.QName(name).namespace
            if uri is not None and uri not in _SYNTAX and uri not in PREDEFINED and uri not in declared:
                used[uri] = None
    return list(used)


def _schema(root: etree._Element, uri: str) -> _Schema | None:
    """What to declare for `uri`: its properties and their value types; None where a value is structured."""
    prefix, properties = "", dict[str, str | None]()
    for description in root.iter(f"{{{RDF}}}Description"):
        if not _top_level(description):
            continue
        prefix = prefix or next((p for p, u in description.nsmap.items() if u == uri and p), "")
        for name in description.attrib:  # shorthand properties (pdfuaid:part="1") are simple text
            if etree.QName(name).namespace == uri:
                properties.setdefault(etree.QName(name).localname, "Text")
        for child in description:
            if _in(child, uri):
                properties.setdefault(etree.QName(child).localname, _value_type(child))
    # A field of a structure in this namespace would need a pdfaType declaration: not guessed at.
    if not prefix or not properties or None in properties.values() or not _only_properties(root, uri):
        return None
    declared = []
    for name, found in sorted(properties.items()):
        value_type, description = _KNOWN_PROPERTIES.get((uri, name), (found, f"The {name} property of {uri}"))
        declared.append((name, str(value_type), description))
    return _Schema(uri, prefix, tuple(declared))


def _only_properties(root: etree._Element, uri: str) -> bool:
    """Whether `uri` names nothing but properties of the top-level rdf:Description elements."""
    for element in root.iter(etree.Element):
        parent = element.getparent()
        if _in(element, uri) and not (parent is not None and _top_level(parent)):
            return False
        if _has_attribute(element, uri) and not _top_level(element):
            return False
    return True


def _top_level(element: etree._Element) -> bool:
    parent = element.getparent()
    return element.tag == f"{{{RDF}}}Description" and parent is not None and parent.tag == f"{{{RDF}}}RDF"


def _value_type(property_element: etree._Element) -> str | None:
    """Text, a bag or sequence of texts, or a language alternative; None for anything structured."""
    if property_element.get(f"{{{RDF}}}parseType") is not None or property_element.get(f"{{{RDF}}}resource"):
        return None
    children = [c for c in property_element if isinstance(c.tag, str)]
    if not children:
        return "Text"
    container = children[0]
    if len(children) > 1 or any(len(item) or set(item.attrib) - {f"{{{XML}}}lang"} for item in container):
        return None
    if container.tag == f"{{{RDF}}}Alt" and all(item.get(f"{{{XML}}}lang") for item in container):
        return "Lang Alt"
    return _CONTAINERS.get(container.tag)


def _declaration(bag: etree._Element, schema: _Schema) -> etree._Element:
    """The `rdf:li` declaring `schema` (appended to `bag`), in the form ISO 19005-2 6.6.2.3.2 gives."""
    entry = etree.SubElement(bag, f"{{{RDF}}}li", nsmap={"pdfaSchema": SCHEMA, "pdfaProperty": PROPERTY})
    entry.set(f"{{{RDF}}}parseType", "Resource")
    for field, text in (("schema", _KNOWN_SCHEMAS.get(schema.uri, f"Schema {schema.uri}")),
                        ("namespaceURI", schema.uri), ("prefix", schema.prefix)):  # fmt: skip
        etree.SubElement(entry, f"{{{SCHEMA}}}{field}").text = text
    sequence = etree.SubElement(etree.SubElement(entry, f"{{{SCHEMA}}}property"), f"{{{RDF}}}Seq")
    for name, value_type, description in schema.properties:
        item = etree.SubElement(sequence, f"{{{RDF}}}li")
        item.set(f"{{{RDF}}}parseType", "Resource")
        values = (("name", name), ("valueType", value_type), ("category", "internal"), ("description", description))
        for field, text in values:
            etree.SubElement(item, f"{{{PROPERTY}}}{field}").text = text
    return entry


def _indent(parent: etree._Element, child: etree._Element) -> None:
    """Indent the new `child` (the last of `parent`) one space per level, as LibreOffice writes its XMP."""
    level = sum(1 for _ in parent.iterancestors()) + 1
    etree.indent(child, space=" ", level=level)
    before = child.getprevious()
    if before is None:
        parent.text = "\n" + " " * level
        child.tail = "\n" + " " * (level - 1)
    else:
        child.tail, before.tail = before.tail, "\n" + " " * level


def _serialised(root: etree._Element) -> bytes:
    """The packet: the nodes around the root (the xpacket instructions) each on its own line, then the root."""
    nodes = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    # Without tails: the whitespace between them is LibreOffice's padding, rewritten the same way every time.
    lines = [etree.tostring(node, encoding="UTF-8", xml_declaration=False, with_tail=False) for node in nodes]
    return b"\n".join(lines) + b"\n"


def _in(element: etree._Element, uri: str) -> bool:
    return isinstance(element.tag, str) and etree.QName(element).namespace == uri


def _has_attribute(element: etree._Element, uri: str) -> bool:
    return any(etree.QName(name).namespace == uri for name in element.attrib)


def _parser() -> etree.XMLParser:
    """No entities resolved, nothing fetched from the network: the XMP came from a document, not from us."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
