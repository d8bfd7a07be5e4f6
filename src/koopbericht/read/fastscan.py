"""The structure scan's fast path: the usual worksheet XML read with C-speed regular expressions.

The full scan (`structure._SheetScanner`) calls Python for every element, which made
it the slowest stage of reading a large Meldebogen. Most worksheets are written by a
handful of programs in a handful of shapes, so this path first lets expat check the
whole part without any callback (well-formed, no DTD or entity: the XML-bomb guard),
and then requires the complete content of <sheetData> to match a strict grammar of
rows and cells exactly. Nothing is guessed: any part it does not fully understand
(comments, CDATA, processing instructions, another encoding, entity-encoded
references, unknown elements inside a cell, anything out of order or outside the
grid, a dangling shared-string index) makes it answer None, and the full scan reads
the part and reports whatever is wrong. Where it answers, it answers exactly what the
full scan would.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from xml.parsers import expat

from .a1 import column_index, column_letter
from .errors import UnreadableWorkbook
from .package import Package, SheetInfo
from .sheetfacts import MAX_COLUMN, MAX_ROW, FastScan, SheetStructure
from .xmlguard import guarded_parser

# Larger parts are streamed by the full scan: this path holds the whole part in memory.
MAX_FAST_BYTES = 64 * 1024 * 1024
# The rows are matched this much at a time, so that the matches of a large part stay small.
_CHUNK = 1 << 20

# The expressions work on the part's bytes (UTF-8, checked by expat): '<' and every other
# byte they look for is ASCII, which never occurs inside a multi-byte character.
# They are written as text and compiled for bytes, where \w is ASCII only.
_W = r"[ \t\r\n]"
_GENERIC_VALUE = r"""(?:"[^"]*"|'[^']*')"""
_ATTRS = rf"(?:{_W}+[\w.\-:]+{_W}*={_W}*{_GENERIC_VALUE})*+{_W}*"
# Attributes the scan reads are taken only in their plain form (double quotes, no entity);
# every other attribute the full scan ignores, so any spelling of it is fine. An attribute
# of another name makes the element unknown.
_ROW_ATTRS = (
    rf"""(?:{_W}+(?:r="(?P<number>[0-9]{{1,7}})"|hidden="(?P<hidden>[a-z0-9]*)"|"""
    rf"""(?:spans|s|customFormat|ht|customHeight|outlineLevel|collapsed|thickTop|thickBot|ph|[\w.\-]+:[\w.\-]+)"""
    rf"""{_W}*={_W}*{_GENERIC_VALUE}))*+{_W}*"""
)
_CELL_ATTRS = (
    rf"""(?:{_W}+(?:r="(?P<ref>(?P<letters>[A-Z]{{1,3}})(?P<digits>[1-9][0-9]{{0,6}}))"|t="(?P<kind>[a-zA-Z]{{1,9}})"|"""
    rf"""(?:s|cm|vm|ph|[\w.\-]+:[\w.\-]+){_W}*={_W}*{_GENERIC_VALUE}))*+{_W}*"""
)


def _compiled(pattern: str) -> re.Pattern[bytes]:
    return re.compile(pattern.encode())


_SHEET_DATA_TAG = _compiled(rf"<(?P<prefix>[A-Za-z_][\w.\-]*:)?sheetData{_W}*(?P<empty>/?)>")
_SHEET_DATA_END = _compiled(rf"</(?P<prefix>[A-Za-z_][\w.\-]*:)?sheetData{_W}*>")
# Elements the full scan reacts to (by local name), which must not stand outside <sheetData> here.
_SCANNED_ELEMENT = _compiled(r"</?(?:[A-Za-z_][\w.\-]*:)?(?:c|row|v|t|f|is|sheetData)(?=[ \t\r\n/>])")
_MERGE_CELL = b"mergeCell"
_DECLARATION = _compiled(
    rf"""<\?xml{_W}+version{_W}*={_W}*["']1\.0["']"""
    rf"""(?:{_W}+encoding{_W}*={_W}*["'](?i:utf-8)["'])?"""
    rf"""(?:{_W}+standalone{_W}*={_W}*["'](?:yes|no)["'])?{_W}*\?>"""
)
_SHARED_INDEX = re.compile(r"[0-9]{1,7}")


@functools.lru_cache(maxsize=8)
def _tokens(prefix: bytes) -> re.Pattern[bytes]:
    """Row starts, row ends and whole cells of a <sheetData> whose elements carry `prefix`.

    One prefix per part keeps the expression fast; a part that mixes prefixes goes to
    the full scan. Every '<' in <sheetData> is the start of one of these tokens or of
    a lone '<': the full scan ignores text outside cells and how rows nest, so a part
    whose every tag is part of a known token means the same to both scans.
    """
    n = re.escape(prefix.decode())
    text = rf"<{n}t{_ATTRS}(?:/>|>(?P<text>[^<]+)?</{n}t{_W}*>)"
    # Inside <is>: text, rich-text runs and their formatting, phonetic runs (flat: the full
    # scan reads every <t> in a cell, wherever it stands).
    formatting = rf"<{n}(?!(?:t|v|f|c|is|row|mergeCell)[ \t\r\n/>])[\w.\-]+{_ATTRS}/>"
    inline_parts = rf"{text}|</?{n}(?:r|rPr|rPh){_ATTRS}>|{formatting}"
    inline = rf"(?P<inline><{n}is){_W}*(?:/>|>(?:{_W}*(?:{inline_parts}))*+{_W}*</{n}is{_W}*>)"
    cell = (
        rf"<{n}c(?=[ \t\r\n/>]){_CELL_ATTRS}(?:/>|>{_W}*"
        rf"(?:(?P<formula><{n}f){_ATTRS}(?:/>|>[^<]*</{n}f{_W}*>){_W}*)?"
        rf"(?:(?P<value_element><{n}v){_ATTRS}(?:/>|>(?P<value>[^<]*)</{n}v{_W}*>){_W}*)?"
        rf"(?:{inline}{_W}*)?"
        rf"</{n}c{_W}*>)"
    )
    row = rf"(?P<row><{n}row(?=[ \t\r\n/>])){_ROW_ATTRS}/?>"
    # A row's end tag is passed over; a lone "<" is an element of no known token.
    return _compiled(rf"{row}|{cell}|(?P<other></{n}row{_W}*>|<)")


class _Refused(Exception):
    """A DTD or entity declaration; the full scan refuses the part in its own words."""


def _refuse(*_: object) -> int:
    raise _Refused


def fast_scan(package: Package, sheet: SheetInfo, shared_strings: int | None) -> FastScan | None:
    """The sheet's structure as the full scan would find it, or None where this path is not sure.

    Merged ranges are not collected here: where there are any, `FastScan.skeleton` is the
    part without its rows, for the full scan to read them from.
    """
    try:
        if package.size(sheet.part) > MAX_FAST_BYTES:
            return None
        data = package.read(sheet.part)
    except UnreadableWorkbook:  # the full scan reports damage in its own words and order
        return None
    return scan_data(data, shared_strings)


def scan_data(data: bytes, shared_strings: int | None) -> FastScan | None:
    """`fast_scan` of a worksheet part's bytes."""
    parts = _split(data) if _only_elements(data) else None
    if parts is None:
        return None
    head_end, prefix, body_end, tail_start = parts
    collector = _Collector(shared_strings)
    tokens = _tokens(prefix)
    for start, end in _chunks(data, b"<" + prefix + b"row", head_end, body_end):
        if not collector.feed(tokens.findall(data, start, end)):
            return None
    merged = data.find(_MERGE_CELL, 0, head_end) >= 0 or data.find(_MERGE_CELL, tail_start) >= 0
    return FastScan(collector.structure(), data[:head_end] + data[tail_start:] if merged else None)


def _only_elements(data: bytes) -> bool:
    """Whether expat accepts the part whole, in UTF-8, and it holds only elements, attributes and text."""
    parser = guarded_parser(_refuse)
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, LookupError, ValueError, _Refused):
        return False
    start = 0
    if data.startswith(b"<?"):
        declaration = _DECLARATION.match(data)
        if declaration is None:  # another encoding, or an XML version this path does not assume
            return False
        start = declaration.end()
    elif not data.startswith(b"<"):  # a byte order mark, or another encoding
        return False
    # Without comments, CDATA sections and processing instructions (and in well-formed XML,
    # where '<' stands in no attribute value and no text), every '<' starts a tag.
    return data.find(b"<!") < 0 and data.find(b"<?", start) < 0


def _split(data: bytes) -> tuple[int, bytes, int, int] | None:
    """Where the part's one <sheetData> tag ends, its prefix, where its content ends and its end tag starts."""
    first = data.find(b"sheetData")
    tag = _SHEET_DATA_TAG.match(data, data.rfind(b"<", 0, first))
    if first < 0 or tag is None or tag.end() <= first:
        return None
    prefix = tag.group("prefix") or b""
    if tag.group("empty"):  # <sheetData/>
        body_end, rest, expected = tag.end(), tag.end(), 1
    else:
        closing = data.find(b"sheetData", tag.end())
        end = _SHEET_DATA_END.match(data, data.rfind(b"<", 0, closing))
        if closing < 0 or end is None or end.end() <= closing or (end.group("prefix") or b"") != prefix:
            return None
        body_end, rest, expected = end.start(), end.end(), 2
    # The word elsewhere (a second <sheetData>, or a cell's text) is left to the full scan, as
    # is any element the full scan reacts to outside <sheetData>.
    if data.count(b"sheetData") != expected:
        return None
    if _SCANNED_ELEMENT.search(data, 0, tag.start()) or _SCANNED_ELEMENT.search(data, rest):
        return None
    return tag.end(), prefix, body_end, body_end


def _chunks(data: bytes, row_tag: bytes, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Stretches of about `_CHUNK` bytes from `start` to `end`, each ending where a row tag begins.

    No token contains a row's start tag, so the tokens of the stretches are those of the whole.
    """
    while start < end:
        cut = data.find(row_tag, min(start + _CHUNK, end), end)
        cut = end if cut < 0 else cut
        yield start, cut
        start = cut


class _Collector:
    """The facts of rows and cells, as the full scan collects them, fed a stretch of tokens at a time."""

    def __init__(self, shared_strings: int | None) -> None:
        self.shared_strings = shared_strings
        self.facts = SheetStructure()
        self.row = self.column = self.previous = 0
        self.row_hidden = False

    def structure(self) -> SheetStructure:
        """What was collected."""
        return self.facts

    def feed(self, tokens: list[tuple[bytes, ...]]) -> bool:
        """Collect the facts of `tokens`; False where the full scan must judge the part."""
        facts = self.facts
        row, column, previous, row_hidden = self.row, self.column, self.previous, self.row_hidden
        last_row, count, max_row, max_column = facts.last_value_row, facts.value_cells, facts.max_row, facts.max_column
        for opened, number, hidden, ref, letters, digits, kind, formula, element, value, inline, text, other in tokens:
            if opened:
                row, row_hidden, column = int(number) if number else row + 1, hidden in (b"1", b"true"), 0
                continue
            if other:
                if other == b"<":
                    return False
                continue
            if ref:
                column, cell_row = _COLUMNS.get(letters) or _column(letters), int(digits)
            else:  # a cell without a reference follows the one before it
                column, cell_row = column + 1, row
            position = cell_row * _ROW_STRIDE + column
            if not (1 <= cell_row <= MAX_ROW and 1 <= column <= MAX_COLUMN) or position <= previous:
                return False  # outside the grid, twice or out of order: the full scan says which
            previous = position
            if value or text:
                special = kind == b"s" or kind == b"e"
                if special and not self._index_or_error(ref, column, cell_row, kind, value, inline):
                    return False
                count, last_row = count + 1, max(last_row, cell_row)
                if cell_row > max_row:
                    max_row, facts.max_row_ref = cell_row, _ref(ref, column, cell_row)
                if column > max_column:
                    max_column, facts.max_column_ref = column, _ref(ref, column, cell_row)
                if row_hidden:
                    facts.hidden_rows.add(cell_row)
            elif formula and not (element and kind == b"str"):
                facts.formulas_without_value.append(_ref(ref, column, cell_row))
                last_row = max(last_row, cell_row)
        self.row, self.column, self.previous, self.row_hidden = row, column, previous, row_hidden
        facts.last_value_row, facts.value_cells, facts.max_row, facts.max_column = last_row, count, max_row, max_column
        return True

    def _index_or_error(self, ref: bytes, column: int, row: int, kind: bytes, value: bytes, inline: bytes) -> bool:
        """Check a shared-string cell's index, keep an error cell's text; False where the full scan must judge."""
        if inline or b"&" in value or b"\r" in value:  # text the full scan would assemble or decode
            return False
        text = value.decode().strip()
        if kind == b"e":
            self.facts.error_cells[_ref(ref, column, row)] = text
            return True
        # A dangling index is damage, reported by the full scan.
        shared_strings = self.shared_strings
        return bool(_SHARED_INDEX.fullmatch(text)) and shared_strings is not None and int(text) < shared_strings


def _ref(ref: bytes, column: int, row: int) -> str:
    # A reference given is canonical (no leading zero, upper case): the expression makes sure.
    return ref.decode() if ref else f"{column_letter(column)}{row}"


# Column letters seen so far and their index: a sheet names the same few columns in every row.
_COLUMNS: dict[bytes, int] = {}
# (row, column) as one number that orders like the pair: columns stay below this.
_ROW_STRIDE = MAX_COLUMN + 1


def _column(letters: bytes) -> int:
    index = _COLUMNS[letters] = column_index(letters.decode())
    return index
