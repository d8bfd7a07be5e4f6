"""Alternative text for the figures LibreOffice 7.4 exports without it: Word's own charts.

LibreOffice reads a picture's `wp:docPr/@descr` into the PDF's /Figure as /Alt, but drops it
for a chart part: its import gives the chart object neither name nor description, so the
chart becomes a /Figure without /Alt, which PDF/UA-1 (ISO 14289-1 7.3) forbids. The .docx still
holds the text; it is put back here. The figures of the structure tree and the drawings of the
document body are taken in reading order and paired only when both counts agree, so a figure
never receives another one's text; a figure that has alternative text keeps it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence

import pikepdf
from lxml import etree

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def drawing_descriptions(docx: bytes) -> tuple[str, ...]:
    """The alternative text (`descr`) of every drawing in the body of `docx`, in reading order ("" if none)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        body = package.read("word/document.xml")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    root = etree.fromstring(body, parser)
    return tuple(str(properties.get("descr", "")) for properties in root.iter(f"{{{WP}}}docPr"))


def describe_figures(pdf: pikepdf.Pdf, descriptions: Sequence[str]) -> int:
    """Give each /Figure without /Alt the description of its drawing; how many were given one."""
    tree = pdf.Root.get("/StructTreeRoot")
    if not isinstance(tree, pikepdf.Dictionary):
        return 0
    figures = [element for element in _elements(tree.get("/K")) if element.get("/S") == pikepdf.Name.Figure]
    if len(figures) != len(descriptions):
        return 0
    given = 0
    for figure, text in zip(figures, descriptions, strict=True):
        if text.strip() and not str(figure.get("/Alt", "")).strip():
            figure.Alt = pikepdf.String(text)
            given += 1
    return given


def _elements(kids: object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element below `kids` in reading order (depth first); marked-content references skipped."""
    stack = [kids]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(reversed(list(item)))
        elif isinstance(item, pikepdf.Dictionary) and "/S" in item:
            yield item
            stack.append(item.get("/K"))
