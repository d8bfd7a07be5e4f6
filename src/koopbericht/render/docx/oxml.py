"""WordprocessingML tables written as XML text, streamed, in time linear in their rows.

python-docx's per-cell access (`table.cell`) walks the whole table on every call (quadratic), and
even a hand-built lxml tree of a 20,000-row Anlage holds over a million elements in
memory. Tables are therefore never built as objects: `table_xml` yields the `w:tbl`
markup row by row, and `render.docx` splices it into `word/document.xml` while the
package is written. Accessibility properties that python-docx has no API for are set
here: `w:tblCaption`, `w:tblDescription`, a repeated header row (`w:tblHeader`) and
rows that do not split (`w:cantSplit`).

Elements added to a part python-docx has parsed (numbering, document defaults, run
properties) go where the schema's sequence puts them: `insert_in_order`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from ...document import Run
from ...formatting import keep_together
from ...normalise.values import XML_ILLEGAL
from .hyphenation import NAME_RUN_PROPERTIES, name_pieces
from .richcell import Revisions, rich_paragraph

HEADER_FILL = "D9E2F3"
GROUP_FILL = "EDEDED"


def _text(text: str) -> str:
    return escape(XML_ILLEGAL.sub("", keep_together(text)))


@dataclass(frozen=True)
class TableSpec:
    """Everything needed to write one table: widths in twips, texts, and styles."""

    widths: Sequence[int]
    caption: str
    description: str
    header: Sequence[str]
    rows: Sequence[tuple[Sequence[str], bool, bool]]  # (cells, is_group_row, is_bold)
    table_style: str | None
    paragraph_style: str | None
    right_from: int | None = None  # columns from this index on are right-aligned (figures)
    title: str | None = None  # a header row across all columns above the column titles (repeated too)
    keep_together: bool = False  # a small table: never split across pages
    rich: Sequence[Sequence[Sequence[Run]]] = ()  # per row: its cells as formatted runs, or nothing (plain)
    revisions: Revisions | None = None  # numbers and dates the tracked changes in `rich`
    hyphenated: Sequence[bool] = ()  # the columns of free text hyphenation may split; every other cell never
    names: frozenset[str] = frozenset()  # words never hyphenated even in free text
    padding: int = 40  # twips inside each cell above and below its text

    def right(self, column: int) -> bool:
        """Whether column `column` is right-aligned."""
        return self.right_from is not None and column >= self.right_from

    def hyphenate(self, column: int) -> bool:
        """Whether hyphenation may split the words of column `column`."""
        return column < len(self.hyphenated) and self.hyphenated[column]


def _paragraph(
    text: str, style: str | None, *, bold: bool = False, keep_next: bool = False, right: bool = False,
    hyphenate: bool = False,
) -> str:  # fmt: skip
    # In the schema's order: pStyle, keepNext, suppressAutoHyphens, jc. Names, terms, numbers and
    # titles in a cell are never hyphenated ("Pots-dam", "Ver-trag"), only free text is.
    properties = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
    properties += ("<w:keepNext/>" if keep_next else "") + ("" if hyphenate else "<w:suppressAutoHyphens/>")
    properties += ('<w:jc w:val="right"/>' if right else "") + "</w:pPr>"
    properties = properties.replace("<w:pPr></w:pPr>", "")
    if not text:
        return f"<w:p>{properties}</w:p>"
    return f"<w:p>{properties}{_run(text, bold=bold)}</w:p>"


def _run(text: str, *, bold: bool = False, names: frozenset[str] = frozenset()) -> str:
    """The text as runs, words of `names` in runs hyphenation never splits; line breaks in it become `w:br`."""
    if names:
        return "".join(_one_run(piece, bold=bold, name=name) for piece, name in name_pieces(keep_together(text), names))
    return _one_run(text, bold=bold)


def _one_run(text: str, *, bold: bool = False, name: bool = False) -> str:
    if "\n" in text:
        lines = "<w:br/>".join(f'<w:t xml:space="preserve">{_text(line)}</w:t>' for line in text.split("\n"))
    else:
        lines = f'<w:t xml:space="preserve">{_text(text)}</w:t>'
    properties = ("<w:b/>" if bold else "") + (NAME_RUN_PROPERTIES if name else "")  # in the schema's order
    return f"<w:r>{f'<w:rPr>{properties}</w:rPr>' if properties else ''}{lines}</w:r>"


def _cell(text: str, width: int, style: str | None, *, fill: str | None = None, span: int = 1, bold: bool = False,
          keep_next: bool = False, right: bool = False, hyphenate: bool = False) -> str:  # fmt: skip
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    paragraph = _paragraph(text, style, bold=bold, keep_next=keep_next, right=right, hyphenate=hyphenate)
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph}</w:tc>"


# 0.1 cm left and right inside every cell instead of Word's 0.19 cm: the Anlage's seven
# columns win 1.2 cm of text width, and the ruled cells still keep text off the lines.
# Above and below, so that text never sits on a rule (Word's default is none): 2 pt around the
# Vorlage's 11 pt text, 1 pt around the Anlage's 9 pt (`padding`, in twips).
def _cell_margins(padding: int) -> str:
    return (
        f'<w:tblCellMar><w:top w:w="{padding}" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        f'<w:bottom w:w="{padding}" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
    )


def table_xml(spec: TableSpec) -> Iterator[str]:
    """The `w:tbl` element as text, one row per chunk."""
    widths = list(spec.widths)
    style = f'<w:tblStyle w:val="{spec.table_style}"/>' if spec.table_style else ""
    yield (
        f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f"{_cell_margins(spec.padding)}"
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>'
        f"<w:tblCaption w:val={quoteattr(XML_ILLEGAL.sub('', spec.caption))}/>"
        f"<w:tblDescription w:val={quoteattr(XML_ILLEGAL.sub('', spec.description))}/></w:tblPr>"
        "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    )
    yield from _header_rows(spec, widths)
    total = sum(widths)
    # A body cell differs from its neighbours in the column only by its text: the markup
    # around the text is made once per column (most of a large Anlage is body cells).
    opening = [
        _cell("", width, spec.paragraph_style, hyphenate=spec.hyphenate(column)).removesuffix("</w:p></w:tc>")
        for column, width in enumerate(widths)
    ]
    cell_names = [spec.names if spec.hyphenate(column) else frozenset() for column in range(len(widths))]
    if spec.keep_together or spec.right_from is not None or any(bold for _, _, bold in spec.rows):
        yield from _small_rows(spec, widths)
        yield "</w:tbl>"
        return
    for index, (cells, group, _) in enumerate(spec.rows):
        if index < len(spec.rich) and spec.rich[index]:
            yield _rich_row(spec, widths, spec.rich[index])
        elif group:  # one shaded cell across all columns, kept with the row that follows
            yield (
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + _cell(
                    cells[0], total, spec.paragraph_style, fill=GROUP_FILL, span=len(widths), bold=True, keep_next=True
                )
                + "</w:tr>"
            )
        else:
            yield (
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + "".join(
                    f"{start}{_run(text, names=names)}</w:p></w:tc>" if text else f"{start}</w:p></w:tc>"
                    for text, start, names in zip(cells, opening, cell_names, strict=True)
                )
                + "</w:tr>"
            )
    yield "</w:tbl>"


def _rich_row(spec: TableSpec, widths: list[int], cells: Sequence[Sequence[Run]]) -> str:
    """A body row whose cells are formatted runs (the Synopse's marked words)."""
    return (
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f"{rich_paragraph(runs, spec.paragraph_style, spec.revisions)}</w:tc>"
            for runs, width in zip(cells, widths, strict=True)
        )
        + "</w:tr>"
    )


def _header_rows(spec: TableSpec, widths: list[int]) -> Iterator[str]:
    """The title row (if any) and the column titles: bold, shaded, repeated on every page, never split."""
    if spec.title is not None:  # says on every page what the rows belong to
        title = _cell(spec.title, sum(widths), spec.paragraph_style, fill=GROUP_FILL, span=len(widths), bold=True,
                      keep_next=True)  # fmt: skip
        yield f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{title}</w:tr>"
    cells = "".join(
        _cell(text, width, spec.paragraph_style, fill=HEADER_FILL, bold=True, keep_next=True, right=spec.right(i))
        for i, (text, width) in enumerate(zip(spec.header, widths, strict=True))
    )
    yield f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>"


def _small_rows(spec: TableSpec, widths: list[int]) -> Iterator[str]:
    """The body of a small table, cell by cell.

    Figures are right-aligned and total rows bold; to keep the table on one page, every row but the
    last is kept with the next.
    """
    last = len(spec.rows) - 1
    for index, (cells, group, bold) in enumerate(spec.rows):
        keep = spec.keep_together and index < last
        if index < len(spec.rich) and spec.rich[index]:
            yield _rich_row(spec, widths, spec.rich[index])
            continue
        if group:
            cell = _cell(cells[0], sum(widths), spec.paragraph_style, fill=GROUP_FILL, span=len(widths), bold=True,
                         keep_next=True)  # fmt: skip
        else:
            cell = "".join(
                _cell(
                    text,
                    width,
                    spec.paragraph_style,
                    bold=bold,
                    keep_next=keep,
                    right=spec.right(column),
                    hyphenate=spec.hyphenate(column),
                )
                for column, (text, width) in enumerate(zip(cells, widths, strict=True))
            )
        yield f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell}</w:tr>"


# The children of w:rPr in the order Word requires (ECMA-376 1st edition: EG_RPrBase as a sequence).
RUN_PROPERTIES_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath",
)  # fmt: skip


def insert_in_order(parent: etree._Element, child: etree._Element, order: Sequence[str]) -> None:
    """Insert `child` before the first sibling that `order` puts after it, else at the end.

    Siblings `order` does not name (extensions of later Word versions) are passed over.
    """
    rank = order.index(etree.QName(child).localname)
    for sibling in parent:
        if isinstance(sibling.tag, str) and etree.QName(sibling).localname in order[rank + 1 :]:
            sibling.addprevious(child)
            return
    parent.append(child)
