"""`Anlage-Uebersicht-JAHR.xlsx`: the rows and columns of Anlage 1 in one sheet, ready to filter.

The columns are those of Anlage 1 (`anlage_spalten`, chosen by `assemble.annex_rows`), after the
Kürzel of the Geschäftsbereich (Anlage 1 names it in a title row; a filter needs it in a column), so
that the two attachments list the same; its name would take a landscape page's width from the text. The package
is written directly as SpreadsheetML, the sheet streamed row by row into the zip: openpyxl, even
in write-only mode, spent most of a large build turning cells into objects and back. Every value is
an inline string, so text that starts with `=`, `+`, `-` or `@` stays text; a Beginn or Ende is a
real date. An Entwurf says so in its first row. Header frozen, autofilter on, printed as
`pagesetup.print_plan` has it; fixed timestamps make the file byte-identical for identical input.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from ...assemble import Annex, annex_rows
from ...config import Column, ColumnType, Settings
from ...formatting import format_value
from ...normalise.values import XML_ILLEGAL, PartialDate
from ..zipped import write_batched
from .pagesetup import column_points, page_setup_xml, print_plan
from .parts import CONTENT_TYPES, MAIN, REL, ROOT_RELS, SHEET, STYLES, WORKBOOK_RELS
from .rows import DEFAULT_FONT_SIZE, LINE_FACTOR, text_height

EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's (and LibreOffice's) date numbers
GROUP_WIDTHS = (7,)  # the Kürzel of the Geschäftsbereich, which Anlage 1 names in a title row
LONGEST_COLUMN = 60  # characters: a line of text no wider than this reads well
FREE_TEXT_LEAST = 20  # characters: the narrowest a column of long free text (Vorhaben, Sachstand) gets
TABLE_WIDTH = 158  # characters across all columns: landscape A4 at ≥ 7 pt (`pagesetup.print_plan`)
BODY_CELL = 't="inlineStr" s="2"><is><t xml:space="preserve">'  # style 2: wrapped, top-aligned
MARK_STYLE = 6  # bold, dark red, wrapped


@dataclass(frozen=True)
class _Table:
    """What the sheet shows: headers, widths, rows of cells (text, or a date), where the header is."""

    headers: list[str]
    widths: list[float]
    rows: list[list[str | PartialDate]]
    header_row: int  # 2 under an Entwurf's mark, else 1

    @property
    def letters(self) -> list[str]:
        return [get_column_letter(i) for i in range(1, len(self.headers) + 1)]

    @property
    def last(self) -> str:
        return f"{self.letters[-1]}{self.header_row + len(self.rows)}"


def render_annex_xlsx(
    settings: Settings, annex: Annex, year: int, timestamp: dt.datetime, draft_mark: str | None = None
) -> bytes:
    """The Anlage as xlsx bytes (the columns of Anlage 1), identical for identical input.

    With `draft_mark` (an Entwurf) the mark is the sheet's first row, in the printed page header (below
    the title) and in the document title, and the document status says "Entwurf"; otherwise "Endfassung".
    """
    table = _table(settings, annex, year, draft_mark is not None)
    plan = print_plan(sum(column_points(w) for w in table.widths))
    output = io.BytesIO()
    stamp_tuple = (timestamp.year, timestamp.month, timestamp.day, timestamp.hour, timestamp.minute, 0)
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in _parts(settings, year, timestamp, table, draft_mark).items():
            archive.writestr(_info(name, stamp_tuple), content.encode("utf-8"))
        with archive.open(_info("xl/worksheets/sheet1.xml", stamp_tuple), "w") as stream:
            write_batched(stream, (chunk.encode("utf-8") for chunk in _sheet(table, draft_mark, plan.scale is None)))
            stream.write(page_setup_xml(plan, f"Kooperationsvorhaben {year}", draft_mark).encode("utf-8"))
            stream.write(b"</worksheet>")
    return output.getvalue()


def _table(settings: Settings, annex: Annex, year: int, draft: bool) -> _Table:
    """The rows of Anlage 1 with the Geschäftsbereich in front; dates of Beginn and Ende as dates."""
    columns, texts = annex_rows(settings, annex, year)
    widths = [*GROUP_WIDTHS, *_widths([c.title for c in columns], [r for rows in texts.values() for r in rows])]
    dates = {index: _dates(annex, column) for index, column in enumerate(columns) if column.type is ColumnType.DATE}
    rows: list[list[str | PartialDate]] = []
    for group in annex.groups:
        for row in texts[group.code]:
            cells = [dates[i].get(text, text) if i in dates else text for i, text in enumerate(row)]
            rows.append([group.code, *cells])
    return _Table(["Kürzel", *(c.title for c in columns)], widths, rows, 2 if draft else 1)


def _widths(headers: list[str], rows: list[tuple[str, ...]]) -> list[float]:
    """Widths in characters within the sheet's budget.

    Every word whole (a cell does not hyphenate), short values on one line where the budget allows,
    the rest shared out by how much each column wants.
    """
    budget = TABLE_WIDTH - sum(GROUP_WIDTHS)
    least, want = [], []
    for index, header in enumerate(headers):
        texts = [row[index] for row in rows]
        words = [len(word) for text in (header, *texts) for word in text.replace("\n", " ").split(" ")]  # not at NBSP
        lines = [len(line) for text in texts for line in text.split("\n")]
        longest_word = max(words, default=4) + 3.0  # the cell pads its text
        # In long free text a rare long word may break, rather than the table break across pages.
        least.append(min(longest_word, FREE_TEXT_LEAST) if max(lines, default=0) > LONGEST_COLUMN else longest_word)
        want.append(min(max(max(lines, default=0) + 2, least[-1]), LONGEST_COLUMN))
    if sum(want) <= budget:
        return want
    share = max(budget - sum(least), 0.0) / (sum(want) - sum(least))
    return [round(n + (w - n) * share, 1) for n, w in zip(least, want, strict=True)]


def _dates(annex: Annex, column: Column) -> dict[str, PartialDate]:
    """The dates of `column` by the text the Anlage shows for them (rows may be in any order)."""
    if column.key not in {c.key for c in annex.columns}:
        return {}
    (position,) = annex.positions((column.key,))
    values = (v[position] for group in annex.groups for v in group.values)
    return {format_value(v): v for v in values if isinstance(v, PartialDate)}


def _parts(settings: Settings, year: int, timestamp: dt.datetime, table: _Table, draft: str | None) -> dict[str, str]:
    """Every part of the package but the worksheet, by name."""
    stamp = timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    author = escape(settings.authority.name)
    status = "Entwurf" if draft else "Endfassung"
    title = f"Kooperationsvorhaben {year}" + (" (Entwurf)" if draft else "")
    first, end = table.header_row, f"${table.letters[-1]}${table.header_row + len(table.rows)}"
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "docProps/app.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>koopbericht</Application></Properties>",
        "docProps/core.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:contentStatus>{status}</cp:contentStatus>"
        f"<cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>de-DE</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" '
        f'xmlns:r="{REL}"><sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets>'
        f'<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{SHEET}!$A${first}:{end}</definedName>"
        f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{SHEET}!${first}:${first}</definedName>'
        "</definedNames></workbook>",
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/styles.xml": STYLES,
    }


def _info(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    return info


def _sheet(table: _Table, draft_mark: str | None, fitted: bool) -> Iterator[str]:
    letters, top = table.letters, table.header_row
    yield (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
        f'<sheetPr><pageSetUpPr fitToPage="{int(fitted)}"/></sheetPr>'  # fitted to the page's width, or at a scale
        f'<dimension ref="A1:{table.last}"/><sheetViews><sheetView workbookViewId="0">'
        f'<pane ySplit="{top}" topLeftCell="A{top + 1}" activePane="bottomLeft" state="frozen"/>'
        f'<selection pane="bottomLeft" activeCell="A{top + 1}" sqref="A{top + 1}"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><cols>'
        + "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(table.widths, 1))
        + "</cols><sheetData>"
    )
    if draft_mark:
        mark = _clean(draft_mark)
        height = text_height(mark, sum(table.widths), 12)
        yield f'<row r="1" ht="{height}" customHeight="1">{_inline("A1", mark, MARK_STYLE)}</row>'
    header = "".join(_inline(f"{c}{top}", h, 1) for c, h in zip(letters, table.headers, strict=True))
    yield f'<row r="{top}"{_height(table.headers, table.widths)}>{header}</row>'
    escaped: dict[str, str] = {}  # statuses, dates, partners and names recur: each is escaped once
    for number, row in enumerate(table.rows, start=top + 1):
        cells = []
        for letter, value in zip(letters, row, strict=True):
            if isinstance(value, PartialDate):  # a real date: it sorts and filters as one
                cells.append(_date_cell(f"{letter}{number}", value))
            elif value:
                xml = escaped.get(value)
                if xml is None:
                    xml = escaped[value] = escape(_clean(value))
                cells.append(f'<c r="{letter}{number}" {BODY_CELL}{xml}</t></is></c>')
        texts = [v if isinstance(v, str) else "" for v in row]
        yield f'<row r="{number}"{_height(texts, table.widths)}>{"".join(cells)}</row>'
    merge = f'<mergeCells count="1"><mergeCell ref="A1:{letters[-1]}1"/></mergeCells>' if draft_mark else ""
    yield f'</sheetData><autoFilter ref="A{top}:{table.last}"/>{merge}'


def _clean(text: str) -> str:
    return XML_ILLEGAL.sub("", text)


def _inline(ref: str, text: str, style: int) -> str:
    if not text:
        return ""
    return f'<c r="{ref}" t="inlineStr" s="{style}"><is><t xml:space="preserve">{escape(_clean(text))}</t></is></c>'


def _date_cell(ref: str, value: PartialDate) -> str:
    """A date as Excel's day number, formatted as precisely as it was reported (day, month or year)."""
    style = 5 if value.month is None else 4 if value.day is None else 3
    return f'<c r="{ref}" s="{style}"><v>{(value.first_day() - EXCEL_EPOCH).days}</v></c>'


def _height(texts: list[str], widths: list[float]) -> str:
    """A row height for the wrapped texts (spreadsheet programs do not re-measure a row on opening)."""
    height = max((text_height(t, w) for t, w in zip(texts, widths, strict=True) if t), default=0.0)
    if height <= DEFAULT_FONT_SIZE * LINE_FACTOR + 2:
        return ""
    return f' ht="{height}" customHeight="1"'
