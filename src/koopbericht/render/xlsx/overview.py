"""`Anlage-Uebersicht-JAHR.xlsx`: every published activity in one sheet, ready to filter.

The package is written directly as SpreadsheetML, the sheet streamed row by row into
the zip: openpyxl, even in write-only mode, spent most of a large build turning
cells into objects and back. Every value is an inline string, so text that starts
with `=`, `+`, `-` or `@` stays text; header frozen, autofilter on, widths set;
fixed timestamps make the file byte-identical for identical input.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from ...assemble import Annex
from ...config import ColumnType, Settings
from ...normalise.values import XML_ILLEGAL, PartialDate
from ..zipped import write_batched
from .parts import CONTENT_TYPES, MAIN, REL, ROOT_RELS, SHEET, STYLES, WORKBOOK_RELS

EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's (and LibreOffice's) date numbers
# Estimating wrapped rows: Calibri 11 fits about one character (more in plain text, fewer in capitals and
# long words that wrap early) per unit of column width; rather a line too many than text over the next row;
# a line takes 15 points; Excel allows 409 points at most.
CHARACTERS_PER_WIDTH, LINE_HEIGHT, MAX_ROW_HEIGHT = 1.0, 15, 409
BODY_CELL = 't="inlineStr" s="2"><is><t xml:space="preserve">'  # style 2: wrapped, top-aligned


def _inline(ref: str, text: str, style: int) -> str:
    if not text:
        return ""
    return f'<c r="{ref}" t="inlineStr" s="{style}"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def render_annex_xlsx(
    settings: Settings, annex: Annex, year: int, timestamp: dt.datetime, draft_mark: str | None = None
) -> bytes:
    """The Anlage as xlsx bytes (public columns only, grouped as in the Vorlage), identical for identical input.

    With `draft_mark` (an Entwurf) the mark is in the printed page header (below the title) and the
    document title, and the document status says "Entwurf"; otherwise "Endfassung".
    """
    headers = ["Kürzel", "Geschäftsbereich", *(c.title for c in annex.columns)]
    widths = [8, 24, *(min(c.width, 45) for c in annex.columns)]  # narrow enough to print legibly
    letters = [get_column_letter(i) for i in range(1, len(headers) + 1)]
    last = f"{letters[-1]}{annex.count + 1}"
    output = io.BytesIO()
    stamp_tuple = (timestamp.year, timestamp.month, timestamp.day, timestamp.hour, timestamp.minute, 0)
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in _parts(settings, year, timestamp, f"${letters[-1]}${annex.count + 1}", draft_mark).items():
            archive.writestr(_info(name, stamp_tuple), content.encode("utf-8"))
        with archive.open(_info("xl/worksheets/sheet1.xml", stamp_tuple), "w") as stream:
            write_batched(stream, (chunk.encode("utf-8") for chunk in _sheet(annex, headers, widths, letters, last)))
            stream.write(_page_setup(f"Kooperationsvorhaben {year}", draft_mark).encode("utf-8"))
            stream.write(b"</worksheet>")
    return output.getvalue()


def _parts(settings: Settings, year: int, timestamp: dt.datetime, end: str, draft_mark: str | None) -> dict[str, str]:
    """Every part of the package but the worksheet, by name; `end` is the table's last cell, as $F$48."""
    stamp = timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    author = escape(settings.authority.name)
    status = "Entwurf" if draft_mark else "Endfassung"
    title = f"Kooperationsvorhaben {year}" + (" (Entwurf)" if draft_mark else "")
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
        f"{SHEET}!$A$1:{end}</definedName>"
        f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{SHEET}!$1:$1</definedName>'
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


def _sheet(annex: Annex, headers: list[str], widths: list[int], letters: list[str], last: str) -> Iterator[str]:
    yield (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'  # printed fit to the page's width
        f'<dimension ref="A1:{last}"/><sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><cols>'
        + "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1))
        + "</cols><sheetData>"
    )
    yield '<row r="1">' + "".join(_inline(f"{c}1", h, 1) for c, h in zip(letters, headers, strict=True)) + "</row>"
    number = 1
    escaped: dict[str, str] = {}  # statuses, dates, partners and names recur: each is escaped once
    dates = {index + 2 for index, column in enumerate(annex.columns) if column.type is ColumnType.DATE}
    for group in annex.groups:
        for row, values in zip(group.rows, group.values, strict=True):
            number += 1
            cells = []
            texts = (group.code, group.name, *row)
            for index, (letter, text) in enumerate(zip(letters, texts, strict=True)):
                value = values[index - 2] if index in dates else None
                if isinstance(value, PartialDate):  # a real date: it sorts and filters as one
                    cells.append(_date_cell(f"{letter}{number}", value))
                elif text:
                    xml = escaped.get(text)
                    if xml is None:
                        xml = escaped[text] = escape(XML_ILLEGAL.sub("", text))
                    cells.append(f'<c r="{letter}{number}" {BODY_CELL}{xml}</t></is></c>')
            yield f'<row r="{number}"{_height(texts, widths)}>{"".join(cells)}</row>'
    yield f'</sheetData><autoFilter ref="A1:{last}"/>'


def _date_cell(ref: str, value: PartialDate) -> str:
    """A date as Excel's day number, formatted as precisely as it was reported (day, month or year)."""
    style = 5 if value.month is None else 4 if value.day is None else 3
    return f'<c r="{ref}" s="{style}"><v>{(value.first_day() - EXCEL_EPOCH).days}</v></c>'


def _height(texts: tuple[str, ...], widths: list[int]) -> str:
    """A row height for the wrapped texts, estimated from their length.

    Spreadsheet programs do not re-measure a row on opening, so wrapped text would overlap the next row.
    """
    lines = 1
    for text, width in zip(texts, widths, strict=True):
        if text:
            per_line = max(1, int(width * CHARACTERS_PER_WIDTH))
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in text.split("\n")))
    if lines == 1:
        return ""
    return f' ht="{min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)}" customHeight="1"'


def _page_setup(title: str, draft_mark: str | None) -> str:
    """Landscape A4 fit to the page's width; title (and ENTWURF) in the header, page numbers in the footer."""
    header = f'&C&"-,Fett"{_header_text(title)}' + (f"\n{_header_text(draft_mark)}" if draft_mark else "")
    return (
        '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        f"<headerFooter><oddHeader>{escape(header)}</oddHeader>"
        f"<oddFooter>{escape('&CSeite &P von &N')}</oddFooter></headerFooter>"
    )


def _header_text(text: str) -> str:
    """Text for a page header: `&` starts a header code there and is doubled to stand for itself."""
    return XML_ILLEGAL.sub("", text).replace("&", "&&")
