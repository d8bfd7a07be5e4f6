"""WordprocessingML tables built directly as XML, in time linear in their rows.

python-docx's `table.cell(r, c)` and `row.cells` walk the whole table on every call,
which makes a 20,000-row Anlage quadratic. These few functions build `w:tbl` with
lxml instead: one pass, each row appended once. Accessibility properties that
python-docx has no API for are set here too: `w:tblCaption`, `w:tblDescription`,
a repeated header row (`w:tblHeader`) and rows that do not split (`w:cantSplit`).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER_FILL = "D9E2F3"
GROUP_FILL = "EDEDED"


def w(tag: str) -> str:
    """The Clark name of a `w:` element or attribute."""
    return f"{{{W}}}{tag}"


def _sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, w(tag))
    for name, value in attributes.items():
        element.set(w(name), value)
    return element


def new_table(widths: Sequence[int], caption: str, description: str, table_style: str | None) -> etree._Element:
    """An empty `w:tbl` with fixed column widths (twips), caption and description."""
    table = etree.Element(w("tbl"), nsmap={"w": W})
    properties = _sub(table, "tblPr")
    if table_style:
        _sub(properties, "tblStyle", val=table_style)
    _sub(properties, "tblW", w=str(sum(widths)), type="dxa")
    _sub(properties, "tblLayout", type="fixed")
    _sub(properties, "tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0",
         noHBand="1", noVBand="1")  # fmt: skip
    _sub(properties, "tblCaption", val=caption)
    _sub(properties, "tblDescription", val=description)
    grid = _sub(table, "tblGrid")
    for width in widths:
        _sub(grid, "gridCol", w=str(width))
    return table


def _row(table: etree._Element, header: bool) -> etree._Element:
    row = _sub(table, "tr")
    properties = _sub(row, "trPr")
    _sub(properties, "cantSplit")
    if header:
        _sub(properties, "tblHeader")
    return row


def _cell(
    row: etree._Element,
    text: str,
    width: int,
    paragraph_style: str | None,
    *,
    bold: bool = False,
    fill: str | None = None,
    span: int = 1,
    keep_next: bool = False,
) -> None:
    cell = _sub(row, "tc")
    properties = _sub(cell, "tcPr")
    _sub(properties, "tcW", w=str(width), type="dxa")
    if span > 1:
        _sub(properties, "gridSpan", val=str(span))
    if fill:
        _sub(properties, "shd", val="clear", color="auto", fill=fill)
    paragraph = _sub(cell, "p")
    if paragraph_style or keep_next:
        paragraph_properties = _sub(paragraph, "pPr")
        if paragraph_style:
            _sub(paragraph_properties, "pStyle", val=paragraph_style)
        if keep_next:
            _sub(paragraph_properties, "keepNext")
    if not text:
        return
    run = _sub(paragraph, "r")
    if bold:
        _sub(_sub(run, "rPr"), "b")
    for index, line in enumerate(text.split("\n")):
        if index:
            _sub(run, "br")
        node = _sub(run, "t")
        node.text = line
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def add_header_row(
    table: etree._Element, texts: Sequence[str], widths: Sequence[int], paragraph_style: str | None
) -> None:
    """The header row: bold, shaded, repeated on every page, never split."""
    row = _row(table, header=True)
    for text, width in zip(texts, widths, strict=True):
        _cell(row, text, width, paragraph_style, bold=True, fill=HEADER_FILL, keep_next=True)


def add_group_row(table: etree._Element, text: str, widths: Sequence[int], paragraph_style: str | None) -> None:
    """A group row: one shaded cell across all columns, kept with the row that follows."""
    row = _row(table, header=False)
    _cell(row, text, sum(widths), paragraph_style, bold=True, fill=GROUP_FILL, span=len(widths), keep_next=True)


def add_data_row(
    table: etree._Element, texts: Sequence[str], widths: Sequence[int], paragraph_style: str | None
) -> None:
    """A data row that does not split across pages; a newline in a text becomes a line break."""
    row = _row(table, header=False)
    for text, width in zip(texts, widths, strict=True):
        _cell(row, text, width, paragraph_style)
