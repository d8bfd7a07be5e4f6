"""The structure scan's fast path answers exactly what the full scan answers, or leaves the part to it.

`fastscan` reads the usual worksheet XML with regular expressions; `structure`'s expat
scanner, with a callback per element, is the reference. Wherever the fast path answers,
the two must agree to the last fact, and odd-but-valid XML (comments, CDATA, namespace
prefixes, entity-encoded attributes, …) must either be read right or handed over.
"""

from __future__ import annotations

import dataclasses
import random
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from koopbericht.read import fastscan
from koopbericht.read.errors import UnreadableWorkbook
from koopbericht.read.structure import _Forbidden, _SheetScanner

from ..conftest import EXAMPLE, REPO

CORPUS = REPO.parent / "shared" / "corpus"
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def full(xml: bytes, shared: int | None) -> dict[str, Any] | str:
    """The full scan's structure, or how it refuses the part."""
    try:
        return dataclasses.asdict(_SheetScanner("Blatt", shared).scan_bytes(xml))
    except _Forbidden:
        return "xml-bomb"
    except UnreadableWorkbook as error:
        return error.message
    except Exception as error:  # broken XML: the full scan names the line
        return type(error).__name__


def fast(xml: bytes, shared: int | None) -> dict[str, Any] | None:
    """The fast path's structure, merged ranges read as `scan_sheet` reads them; None: handed over."""
    found = fastscan.scan_data(xml, shared)
    if found is None:
        return None
    if found.skeleton is not None:
        found.structure.merged_ranges = _SheetScanner("Blatt", None).scan_bytes(found.skeleton).merged_ranges
    return dataclasses.asdict(found.structure)


def agree(xml: bytes, shared: int | None = 10) -> bool:
    """Assert that the fast path agrees with the full scan wherever it answers; whether it answered."""
    answer = fast(xml, shared)
    if answer is not None:
        assert answer == full(xml, shared), xml[:2000]
    return answer is not None


DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def sheet(rows: str, after: str = "", declaration: str = DECLARATION) -> bytes:
    return f"{declaration}<worksheet {MAIN}><sheetData>{rows}</sheetData>{after}</worksheet>".encode()


# Forms real writers use (Excel, LibreOffice, openpyxl, xlsxwriter): read by the fast path.
READ_FAST = {
    "inline": '<row r="1"><c r="A1" t="inlineStr"><is><t>Nr.</t></is></c></row>',
    "shared": '<row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>3</v></c></row>',
    "number-and-formula": '<row r="2"><c r="B2"><f>1+1</f><v>2</v></c><c r="C2" t="str"><f>""</f><v></v></c></row>',
    "uncalculated": '<row r="2"><c r="B2"><f>1+1</f></c><c r="C2" t="str"><f>A1</f><v/></c></row>',
    "error": '<row r="3"><c r="A3" t="e"><v>#N/A</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
    "hidden": '<row r="4" hidden="1"><c r="A4"><v>1</v></c></row><row r="5" hidden="true"><c r="A5"/></row>',
    "no-references": "<row><c><v>1</v></c><c/><c><v>3</v></c></row><row><c><v>4</v></c></row>",
    "rich-text": '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">a </t>'
    "</r><r><t>b</t></r></is></c></row>",
    "phonetic": '<row r="1"><c r="A1" t="inlineStr"><is><t/><rPh sb="0" eb="1"><t>k</t></rPh><phoneticPr fontId="1"/>'
    "</is></c></row>",
    "whitespace": '\n  <row r="1" >\n    <c r="A1" t="inlineStr" >\n      <is>\n        <t> </t>\n'
    "      </is>\n    </c>\n  </row>\n",
    "empty-row": '<row r="1"/><row r="7" customHeight="1" ht="30"></row>',
    "far": '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    "merged": '<row r="1"><c r="A1"><v>1</v></c></row>',
}


@pytest.mark.parametrize("name", READ_FAST)
def test_usual_forms_are_read_fast_and_right(name: str) -> None:
    after = '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>' if name == "merged" else ""
    assert agree(sheet(READ_FAST[name], after))


def test_a_namespace_prefix_used_throughout_is_read_fast() -> None:
    rows = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>'
    xml = f'<x:worksheet xmlns:x="{MAIN[7:-1]}"><x:sheetData>{rows}</x:sheetData></x:worksheet>'.encode()
    assert agree(xml)


# Valid but unusual XML, and damage: read right or handed to the full scan, never misread.
ODD = {
    "comment": '<row r="1"><!-- <c r="A1"><v>1</v></c> --><c r="B1"><v>2</v></c></row>',
    "cdata": '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>',
    "instruction": '<row r="1"><?pi <c r="A1"><v>1</v></c>?><c r="B1"><v>2</v></c></row>',
    "entity-reference": '<row r="1"><c r="&#66;1"><v>2</v></c></row>',
    "entity-type": '<row r="1"><c r="A1" t="&#101;"><v>#N/A</v></c></row>',
    "entity-hidden": '<row r="1" hidden="&#49;"><c r="A1"><v>1</v></c></row>',
    "single-quotes": "<row r='1' hidden='1'><c r='A1' t='e'><v>#N/A</v></c></row>",
    "quote-in-attribute": '<row r="1"><c foo=\' r="Z9"\' r="A1"><v>1</v></c></row>',
    "entity-index": '<row r="1"><c r="A1" t="s"><v>&#49;</v></c></row>',
    "dangling-index": '<row r="1"><c r="A1" t="s"><v>10</v></c></row>',
    "no-index": '<row r="1"><c r="A1" t="s"><v>x</v></c></row>',
    "out-of-order": '<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>',
    "twice": '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>',
    "outside-grid": '<row r="1"><c r="XFE1"><v>1</v></c></row>',
    "row-zero": '<row r="0"><c><v>1</v></c></row>',
    "leading-zero": '<row r="1"><c r="A01"><v>1</v></c></row>',
    "lower-case": '<row r="1"><c r="a1"><v>1</v></c></row>',
    "mixed-prefix": '<row r="1"><x:c xmlns:x="urn:x" r="A1"><v>1</v></x:c></row>',
    "value-after-formula": '<row r="1"><c r="A1"><v>1</v><f>1</f></c></row>',
    "text-in-cell": '<row r="1"><c r="A1">stray<v>1</v></c></row>',
    "unknown-element": '<row r="1"><c r="A1"><extLst/><v>1</v></c></row>',
    "merge-in-rows": '<row r="1"><c r="A1" t="inlineStr"><is><mergeCell ref="A1:B2"/><t>x</t></is></c></row>',
    "word-in-text": '<row r="1"><c r="A1" t="inlineStr"><is><t>sheetData</t></is></c></row>',
    "error-with-return": '<row r="1"><c r="A1" t="e"><v>#N/A&#13;</v></c></row>',
    "broken": '<row r="1"><c r="A1"><v>1</v></row>',
}


@pytest.mark.parametrize("name", ODD)
def test_odd_xml_is_read_right_or_handed_over(name: str) -> None:
    agree(sheet(ODD[name]))


@pytest.mark.parametrize(
    "declaration",
    [
        "",
        '<?xml version="1.0"?>',
        "<?xml version='1.0' encoding='utf-8'?>",
        '<?xml version="1.0" encoding="ISO-8859-1"?>',
        '<?xml version="1.1"?>',
        "\ufeff",
    ],
)
def test_declarations(declaration: str) -> None:
    agree(sheet(READ_FAST["inline"], declaration=declaration))


def test_a_dtd_is_handed_to_the_full_scan_which_refuses_it() -> None:
    xml = b'<!DOCTYPE worksheet [<!ENTITY a "b">]>' + sheet(READ_FAST["inline"], declaration="")
    assert fast(xml, None) is None
    assert full(xml, None) == "xml-bomb"


def test_other_encodings_are_handed_over() -> None:
    xml = sheet(READ_FAST["inline"], declaration='<?xml version="1.0" encoding="UTF-16"?>').decode()
    assert fast(xml.encode("utf-16"), None) is None


def worksheets(paths: list[Path]) -> list[bytes]:
    parts = []
    for path in paths:
        try:
            with zipfile.ZipFile(path) as archive:
                parts += [archive.read(n) for n in archive.namelist() if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n)]
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, NotImplementedError, RuntimeError):
            continue
    return [part for part in parts if len(part) < 200_000]


VALUES = [b"1", b"0", b"A1", b"B1", b"XFD1", b"s", b"e", b"str", b"inlineStr", b"true", b"", b"&#49;", b"C5", b"A0"]
SNIPPETS = [
    b"<!-- x -->", b"<![CDATA[x]]>", b"<?pi x?>", b"&#65;", b" ", b"\r\n", b"<c/>", b"<row/>", b"</row>", b"<v>1</v>",
    b"<t>x</t>", b"<f>1</f>", b'<c r="A1"/>', b'<c r="XFD1048576"><v>1</v></c>', b'<c r="B2" t="s"><v>9</v></c>',
    b'<c t="e"><v>#N/A</v></c>', b'<mergeCell ref="A1:B2"/>', b' hidden="1"', b" t='s'", b"<", b'"', b"x:",
]  # fmt: skip


def mutate(rng: random.Random, xml: bytes) -> bytes:
    """A few small changes, most of them keeping the XML well-formed."""
    for _ in range(rng.randint(1, 3)):
        choice = rng.random()
        if choice < 0.4:
            found = list(re.finditer(rb'\b(r|t|hidden|s)="([^"]*)"', xml))
            if found:
                match = rng.choice(found)
                xml = xml[: match.start(2)] + rng.choice(VALUES) + xml[match.end(2) :]
        elif choice < 0.5:
            found = list(re.finditer(rb' r="[^"]*"', xml))
            if found:
                match = rng.choice(found)
                xml = xml[: match.start()] + xml[match.end() :]
        else:
            tags = [m.start() + 1 for m in re.finditer(rb"><", xml)] or [0]
            at = rng.choice(tags)
            xml = xml[:at] + rng.choice(SNIPPETS) + xml[at:]
    return xml


@pytest.mark.parametrize("seed", range(5))
def test_fuzz_the_fast_path_never_disagrees(seed: int) -> None:
    rng = random.Random(seed)
    paths = sorted(EXAMPLE.glob("*/meldungen/*.xlsx"))
    if CORPUS.is_dir():
        paths += rng.sample(sorted(CORPUS.glob("*.xlsx")), 40)
    bases = worksheets(paths)
    answered = sum(agree(mutate(rng, rng.choice(bases)), rng.choice([None, 5, 1000])) for _ in range(300))
    assert answered > 30  # the fuzz reaches the fast path, not only the full scan


def test_the_fast_path_agrees_on_every_worksheet_of_the_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"Der Korpus {CORPUS} fehlt.")
    parts = worksheets(sorted(CORPUS.glob("*.xls[xm]")))
    answered = sum(agree(part, 1_000_000) for part in parts)
    assert answered > 0.95 * len(parts)
