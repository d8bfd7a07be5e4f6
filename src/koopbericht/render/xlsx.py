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

from ..assemble import Annex
from ..config import Settings
from ..values import XML_ILLEGAL
from .package import write_batched

SHEET = "Vorhaben"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
META_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE_REL}">'
    f'<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{META_REL}/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{DOC_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE_REL}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
# Styles: 0 default, 1 header (bold, shaded, wrapped), 2 body (wrapped, top-aligned).
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E2F3"/><bgColor indexed="64"/></patternFill></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Standard" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


BODY_CELL = 't="inlineStr" s="2"><is><t xml:space="preserve">'  # style 2: wrapped, top-aligned


def _inline(ref: str, text: str, style: int) -> str:
    if not text:
        return ""
    return f'<c r="{ref}" t="inlineStr" s="{style}"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def render_annex_xlsx(
    settings: Settings, annex: Annex, year: int, timestamp: dt.datetime, draft_mark: str | None = None
) -> bytes:
    """The Anlage as xlsx bytes (public columns only, grouped as in the Vorlage), identical for identical input.

    With `draft_mark` (an Entwurf) the mark is the sheet's tab name suffix, its printed page
    header and the title, and the document status says "Entwurf"; otherwise "Endfassung".
    """
    headers = ["Kürzel", "Geschäftsbereich", *(c.title for c in annex.columns)]
    widths = [8, 30, *(min(c.width, 60) for c in annex.columns)]
    letters = [get_column_letter(i) for i in range(1, len(headers) + 1)]
    last = f"{letters[-1]}{annex.count + 1}"
    output = io.BytesIO()
    stamp_tuple = (timestamp.year, timestamp.month, timestamp.day, timestamp.hour, timestamp.minute, 0)
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in _parts(settings, year, timestamp, f"${letters[-1]}${annex.count + 1}", draft_mark).items():
            archive.writestr(_info(name, stamp_tuple), content.encode("utf-8"))
        with archive.open(_info("xl/worksheets/sheet1.xml", stamp_tuple), "w") as stream:
            write_batched(stream, (chunk.encode("utf-8") for chunk in _sheet(annex, headers, widths, letters, last)))
            if draft_mark:  # printed on every page; element order: after autoFilter
                stream.write(
                    f'<headerFooter><oddHeader>&amp;C&amp;"-,Fett"{escape(draft_mark)}</oddHeader></headerFooter>'.encode()
                )
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
    for group in annex.groups:
        for row in group.rows:
            number += 1
            cells = []
            for letter, text in zip(letters, (group.code, group.name, *row), strict=True):
                if text:
                    xml = escaped.get(text)
                    if xml is None:
                        xml = escaped[text] = escape(XML_ILLEGAL.sub("", text))
                    cells.append(f'<c r="{letter}{number}" {BODY_CELL}{xml}</t></is></c>')
            yield f'<row r="{number}">{"".join(cells)}</row>'
    yield f'</sheetData><autoFilter ref="A1:{last}"/>'
