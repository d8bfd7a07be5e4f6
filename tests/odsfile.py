"""Writing OpenDocument spreadsheets by hand, as programs other than LibreOffice write them.

LibreOffice-made files come from `libreoffice.convert`; these are for what LibreOffice
never writes (a formula without a value, odd repeats) and for damaged packages.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{encryption}'
    "</manifest:file-entry></manifest:manifest>"
)
ENCRYPTION = (
    '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" '
    'manifest:checksum="AAAA"><manifest:algorithm '
    'manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
    'manifest:initialisation-vector="AAAA"/></manifest:encryption-data>'
)


@dataclass(frozen=True)
class Cell:
    """A cell written as given: raw attributes and content (for formulas, spans, repeats, errors)."""

    attributes: str = ""
    content: str = ""
    covered: bool = False

    def xml(self) -> str:
        name = "table:covered-table-cell" if self.covered else "table:table-cell"
        return f"<{name} {self.attributes}>{self.content}</{name}>"


def cell(value: Any, extra: str = "") -> str:
    """A table cell holding `value` as LibreOffice would write it (None: an empty cell)."""
    if isinstance(value, Cell):
        return value.xml()
    if value is None:
        return f"<table:table-cell {extra}/>"
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}" {extra}>'
            f"<text:p>{value:%d.%m.%Y}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        kind = f'office:value-type="float" office:value="{value}"'
        return f"<table:table-cell {kind} {extra}><text:p>{value}</text:p></table:table-cell>"
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
    kind = 'office:value-type="string" calcext:value-type="string"'
    return f"<table:table-cell {kind} {extra}>{paragraphs}</table:table-cell>"


def row(values: list[Any], attributes: str = "") -> str:
    return f"<table:table-row {attributes}>{''.join(cell(v) for v in values)}</table:table-row>"


def content(tables: list[tuple[str, str]], hidden: tuple[str, ...] = ()) -> str:
    """content.xml with the given (name, rows XML) tables; the names in `hidden` are hidden sheets."""
    styles = "".join(
        f'<style:style style:name="{name}" style:family="table">'
        f'<style:table-properties table:display="{shown}"/></style:style>'
        for name, shown in (("taShown", "true"), ("taHidden", "false"))
    )
    body = "".join(
        f'<table:table table:name={quoteattr(name)} table:style-name="{"taHidden" if name in hidden else "taShown"}">'
        f'<table:table-column table:number-columns-repeated="16384"/>{rows}</table:table>'
        for name, rows in tables
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} office:version="1.3">'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"
    )


def write_ods(
    path: Path,
    content_xml: str | bytes,
    *,
    mimetype: str | None = MIMETYPE,
    manifest: str | None = None,
    encrypted: bool = False,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """An .ods package: `mimetype` first and stored, the manifest, content.xml and any `extra` members."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        if manifest is None:
            manifest = MANIFEST.format(mimetype=MIMETYPE, encryption=ENCRYPTION if encrypted else "")
        if manifest:
            archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path
