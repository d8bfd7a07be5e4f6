"""The PDF/A and PDF/UA repairs on small made-up PDFs and XMP packets: what is declared, what is wrapped, what not.

No LibreOffice here; tests/acceptance/test_pdf_conformance.py checks the repairs on real `build --pdf` output.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from koopbericht.render.pdf.conform import conform, mark_untagged_paths, wrap_paths
from koopbericht.render.pdf.xmp import PDFUA, declare_schemas

from ..pdfrules import paths_outside_marked_content, text_outside_marked_content, undeclared_xmp_schemas

PACKET = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" rdf:about="">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
{more}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
"""
PDFUA_PART = """  <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>"""
EXTENSION = """  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag>{entries}</rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>"""
ENTRY = """<rdf:li rdf:parseType="Resource"><pdfaSchema:schema>{name}</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>{uri}</pdfaSchema:namespaceURI><pdfaSchema:prefix>{prefix}</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource"><pdfaProperty:name>{property}</pdfaProperty:name>
    <pdfaProperty:valueType>{type}</pdfaProperty:valueType><pdfaProperty:category>internal</pdfaProperty:category>
    <pdfaProperty:description>d</pdfaProperty:description></rdf:li></rdf:Seq></pdfaSchema:property></rdf:li>"""
PDFUA_ENTRY = ENTRY.format(name="PDF/UA", uri=PDFUA, prefix="pdfuaid", property="part", type="Integer")
OTHER_ENTRY = ENTRY.format(name="Other", uri="http://example.org/other/", prefix="o", property="p", type="Text")
UNDECLARED_PDFUA = [f"pdfuaid:part ({PDFUA})"]


def packet(*parts: str) -> bytes:
    return PACKET.replace("{more}", "\n".join(parts)).encode()


def pdf_with(xmp: bytes = b"", content: bytes = b"", forms: dict[str, bytes] | None = None) -> bytes:
    """A one-page PDF with `xmp` as its metadata, `content` as its page and `forms` as Form XObjects /Fm…."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(content)
    if forms:
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({
            f"/{name}": pdf.make_stream(data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                                        BBox=[0, 0, 100, 100])
            for name, data in forms.items()
        }))  # fmt: skip
    if xmp:
        pdf.Root.Metadata = pdf.make_stream(xmp, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
    output = io.BytesIO()
    pdf.save(output, deterministic_id=True)
    return output.getvalue()


def repaired(data: bytes) -> tuple[bytes, int]:
    output = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        repairs = conform(pdf)
        pdf.save(output, deterministic_id=True)
    return output.getvalue(), repairs.paths


# The XMP: schemas PDF/A-2 does not predefine are declared, once.


def test_pdfua_is_declared_as_an_extension_schema() -> None:
    raw = packet(PDFUA_PART)
    assert undeclared_xmp_schemas(pdf_with(raw)) == UNDECLARED_PDFUA  # the detector sees LibreOffice 7.4's fault
    xmp, declared = declare_schemas(raw)
    assert declared == (PDFUA,) and undeclared_xmp_schemas(pdf_with(xmp)) == []
    root = etree.fromstring(xmp)
    assert root.xpath("string(//s:prefix)", namespaces={"s": "http://www.aiim.org/pdfa/ns/schema#"}) == "pdfuaid"
    assert b'<?xpacket begin="\xef\xbb\xbf"' in xmp and xmp.rstrip().endswith(b'<?xpacket end="w"?>')
    assert declare_schemas(xmp) == (xmp, ())  # nothing left to declare: the bytes stay as they are


def test_a_declaration_already_there_is_not_repeated() -> None:
    """Newer LibreOffice declares PDF/UA itself (tdf#157517)."""
    xmp = packet(PDFUA_PART, EXTENSION.format(entries=PDFUA_ENTRY))
    assert declare_schemas(xmp) == (xmp, ())
    assert undeclared_xmp_schemas(pdf_with(xmp)) == []


def test_a_missing_declaration_joins_the_existing_ones() -> None:
    xmp, declared = declare_schemas(packet(PDFUA_PART, EXTENSION.format(entries=OTHER_ENTRY)))
    assert declared == (PDFUA,)
    assert xmp.count(b"<pdfaExtension:schemas>") == 1 and xmp.count(b"<pdfaSchema:namespaceURI>") == 2
    assert undeclared_xmp_schemas(pdf_with(xmp)) == []


def test_other_simple_properties_are_declared_with_their_value_types() -> None:
    other = """  <rdf:Description rdf:about="" xmlns:foo="http://example.org/foo/" foo:kurz="1">
   <foo:text>Wert</foo:text>
   <foo:liste><rdf:Bag><rdf:li>a</rdf:li><rdf:li>b</rdf:li></rdf:Bag></foo:liste>
   <foo:folge><rdf:Seq><rdf:li>a</rdf:li></rdf:Seq></foo:folge>
   <foo:titel><rdf:Alt><rdf:li xml:lang="x-default">T</rdf:li></rdf:Alt></foo:titel>
  </rdf:Description>"""
    raw = packet(PDFUA_PART, other)
    assert len(undeclared_xmp_schemas(pdf_with(raw))) == 6
    xmp, declared = declare_schemas(raw)
    assert declared == (PDFUA, "http://example.org/foo/") and undeclared_xmp_schemas(pdf_with(xmp)) == []
    types = etree.fromstring(xmp).xpath(
        "//p:valueType/text()", namespaces={"p": "http://www.aiim.org/pdfa/ns/property#"}
    )
    assert sorted(types) == ["Integer", "Lang Alt", "Text", "Text", "bag Text", "seq Text"]


def test_a_structured_value_is_not_guessed_at() -> None:
    """A structure would need a pdfaType declaration; declaring it as text would be wrong, so it stays undeclared."""
    structured = """  <rdf:Description rdf:about="" xmlns:foo="http://example.org/foo/">
   <foo:teil rdf:parseType="Resource"><foo:feld>1</foo:feld></foo:teil>
  </rdf:Description>"""
    xmp, declared = declare_schemas(packet(PDFUA_PART, structured))
    assert declared == (PDFUA,)
    assert undeclared_xmp_schemas(pdf_with(xmp)) == [
        "foo:teil (http://example.org/foo/)", "foo:feld (http://example.org/foo/)"
    ]  # fmt: skip


def test_an_xmp_with_entities_is_neither_resolved_nor_rewritten(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIMNIS", encoding="utf-8")
    doctype = f'<!DOCTYPE x:xmpmeta [<!ENTITY e SYSTEM "{secret.as_uri()}">]>\n<x:xmpmeta'.encode()
    hostile = packet(PDFUA_PART).replace(b"<x:xmpmeta", doctype, 1).replace(b">B<", b">B&e;<")
    assert declare_schemas(hostile) == (hostile, ())


def test_a_broken_xmp_is_left_as_it_is() -> None:
    broken = packet(PDFUA_PART).replace(b"</rdf:RDF>", b"")
    assert declare_schemas(broken) == (broken, ())


# The page content: paths outside marked content become artifacts; nothing else changes.

TITLE_RULE = b"0.3 0.5 0.7 RG q 1 w 0 J 1 j 538.5 750.8 m 70.9 750.8 l S Q"
TAGGED = b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 700 Td (Text) Tj ET EMC"


def operators(data: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [str(i.operator) for i in pikepdf.parse_content_stream(pdf.pages[0])]


def well_nested(names: list[str]) -> bool:
    """q/Q and BMC/BDC…EMC each balanced, and never closed in another's scope."""
    stack = []
    for name in names:
        if name in ("q", "BMC", "BDC"):
            stack.append("q" if name == "q" else "M")
        elif name in ("Q", "EMC") and (not stack or stack.pop() != ("q" if name == "Q" else "M")):
            return False
    return not stack


def test_a_title_rule_outside_marked_content_becomes_an_artifact() -> None:
    raw = pdf_with(content=TAGGED + b"\n" + TITLE_RULE)
    assert paths_outside_marked_content(raw) == [(1, "S")]
    fixed, painted = repaired(raw)
    assert painted == 1 and paths_outside_marked_content(fixed) == []
    assert operators(fixed)[-11:] == ["RG", "q", "w", "J", "j", "BMC", "m", "l", "S", "EMC", "Q"]
    assert operators(fixed)[:9] == operators(raw)[:9]  # the tagged text as it was


def test_paths_in_tagged_or_artifact_content_and_text_stay_as_they_are() -> None:
    content = b"\n".join([
        b"/Artifact BMC 0 0 m 10 10 l S EMC", b"/Figure <</MCID 1>> BDC 0 0 10 10 re f EMC",
        b"BT /F1 12 Tf (Kopfzeile) Tj ET",  # text outside marked content: a different problem, not wrapped
    ])  # fmt: skip
    raw = pdf_with(content=content)
    fixed, painted = repaired(raw)
    assert painted == 0 and operators(fixed) == operators(raw)
    assert text_outside_marked_content(fixed) == [(1, "BT")]


def test_a_run_of_paths_is_wrapped_on_one_q_level() -> None:
    content = b"q 0 0 10 10 re W n 0 0 m 1 1 l S q 2 w 2 2 m 3 3 l S Q 4 4 m 5 5 l S Q 1 0 0 RG 6 6 m 7 7 l S"
    raw = pdf_with(content=content)
    assert paths_outside_marked_content(raw) == [(1, "n"), (1, "S"), (1, "S"), (1, "S"), (1, "S")]
    fixed, painted = repaired(raw)
    assert painted == 5 and paths_outside_marked_content(fixed) == []
    names = operators(fixed)
    assert well_nested(names) and names.count("BMC") == 2  # one run inside the outer q, one after it
    assert [n for n in names if n not in ("BMC", "EMC")] == operators(raw)


def test_a_form_drawn_outside_marked_content_has_its_paths_wrapped() -> None:
    raw = pdf_with(content=b"q /Fm1 Do Q " + TAGGED + b" /P <</MCID 1>> BDC /Fm2 Do EMC",
                   forms={"Fm1": b"0 0 m 50 0 l S", "Fm2": b"0 0 10 10 re f"})  # fmt: skip
    assert paths_outside_marked_content(raw) == [(1, "S")]  # Fm2 is drawn inside tagged content
    fixed, painted = repaired(raw)
    assert painted == 1 and paths_outside_marked_content(fixed) == []


def test_a_form_drawn_both_inside_and_outside_marked_content_is_left_alone() -> None:
    """Wrapping its paths would put an artifact into tagged content (rule 7.1-1): that case stays visible."""
    raw = pdf_with(content=b"/Fm1 Do /P <</MCID 0>> BDC /Fm1 Do EMC", forms={"Fm1": b"0 0 m 50 0 l S"})
    fixed, painted = repaired(raw)
    assert painted == 0 and paths_outside_marked_content(fixed) == [(1, "S")]


PIECES = st.sampled_from([
    "0 0 m 1 1 l S", "0 0 5 5 re f", "0 0 5 5 re W n", "1 w", "0 0 1 rg", "q", "Q",
    "BT /F1 9 Tf (x) Tj ET", "/P <</MCID 0>> BDC", "/Artifact BMC", "EMC",
])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=14))
def test_any_well_nested_stream_stays_well_nested_and_draws_the_same(pieces: list[str]) -> None:
    """Only BMC/EMC pairs are added, at balanced q levels; every path ends up in marked content."""
    scratch = pikepdf.new()  # kept in a name: a stream outlives its Pdf only as a dangling object
    instructions = list(pikepdf.parse_content_stream(scratch.make_stream(" ".join(pieces).encode())))
    names = [str(i.operator) for i in instructions]
    if not well_nested(names):
        return
    wrapped, painted = wrap_paths(instructions)
    result = [str(i.operator) for i in wrapped]
    assert well_nested(result) and [n for n in result if n not in ("BMC", "EMC")] == [
        n for n in names if n not in ("BMC", "EMC")
    ]
    assert result.count("BMC") - names.count("BMC") == result.count("EMC") - names.count("EMC")
    depth = 0
    for name in result:
        depth += {"BMC": 1, "BDC": 1, "EMC": -1}.get(name, 0)
        assert depth > 0 or name not in ("S", "f", "n")
    assert painted == sum(1 for i, name in enumerate(names) if name in ("S", "f", "n") and _outside(names, i))


def _outside(names: list[str], index: int) -> bool:
    return sum({"BMC": 1, "BDC": 1, "EMC": -1}.get(name, 0) for name in names[:index]) == 0


def test_mark_untagged_paths_counts_what_it_wrapped() -> None:
    with pikepdf.open(io.BytesIO(pdf_with(content=TITLE_RULE + b" " + TITLE_RULE))) as pdf:
        assert mark_untagged_paths(pdf) == 2
        assert mark_untagged_paths(pdf) == 0  # a second pass finds nothing left
