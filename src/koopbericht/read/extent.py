"""The table's real extent: a header over two or three rows, and the notes under the table.

Published lists carry a second header row (the titles in English, or a title split over two
rows: „Laufzeit“ over „Beginn“ and „Ende“) and title cells merged over the header's rows. All
of that is header, not data. Under the table follow footnotes, sources and a legend of codes,
often after a blank row: they are the table's foot, not activities. A row with a value in a
required column is always an activity, wherever it stands.
"""

from __future__ import annotations

import re
from typing import Any

from ..config import match_key
from .a1 import column_letter, range_bounds
from .kinds import ColumnKinds
from .raw import HeaderCell

# Rows below the header looked at for a second (or third) header row.
MAX_EXTRA_HEADER_ROWS = 2
# A title is short; a longer text is a value.
MAX_TITLE_LENGTH = 80
# Cells in typed columns (list, date, number, Nr.) that must hold no value of their column.
MIN_MISFITS = 3
# Consecutive note-like rows held back before they are taken as data after all.
MAX_FOOT_ROWS = 50

_DIGIT = re.compile(r"\d")
# ¹ …, * …, 1) …, (2) …, a) …, † …
_MARK = re.compile(r"\s*(?:[*†‡]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(?\d{1,2}\)|[a-z]\)|\[\d{1,2}\])")
_KEYWORD = re.compile(
    r"\s*(?:quellen?|stand|hinweise?|anmerkungen?|fu(?:ß|ss)noten?|legende|erläuterungen?|abkürzungen?|"
    r"zeichenerklärung|source|note|notes)\b",
    re.IGNORECASE,
)
# „10 = in Vorbereitung“, „A: Ausbau“, „k. A. – keine Angabe“
_LEGEND = re.compile(r"\s*\S{1,6}\s*(?:=|:|–|—)\s*\S")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def header_merges(merged_ranges: list[str], header_row: int) -> list[tuple[int, int, int, int]]:
    """The merges that take in the header row and reach above or below it (title cells over the header's rows)."""
    found = []
    for merged in merged_ranges:
        try:
            min_col, min_row, max_col, max_row = range_bounds(merged)
        except ValueError:
            continue
        if min_row <= header_row <= max_row and max_row > min_row and max_row - min_row <= 3:
            found.append((min_col, min_row, max_col, max_row))
    return found


def header_block(
    header_row: int,
    rows: dict[int, list[Any]],
    merges: list[tuple[int, int, int, int]],
    kinds: ColumnKinds,
) -> tuple[int, int]:
    """The first and last row of the header: the rows its merges span, and title rows directly below.

    A merge reaching below the header row takes in a row only if that row reads as titles or is
    empty beside the merged cells: a title cell merged with the first data row („Bemerkung“ over
    the cell below) does not make that row header (its merge is reported as hiding values).
    """
    first = min([header_row, *(m[1] for m in merges)])
    header = [HeaderCell(str(v).strip(), "", kinds.labels.get(match_key(str(v)))) for v in rows.get(header_row, [])]
    last = header_row
    while last < max([header_row, *(m[3] for m in merges)]):
        below = rows.get(last + 1, [])
        if not (_blank_beside(below, last + 1, merges) or reads_as_titles(below, header, kinds)):
            break
        last += 1
    for _ in range(MAX_EXTRA_HEADER_ROWS):
        after = rows.get(last + 1)
        if after is None or not reads_as_titles(after, header, kinds):
            break
        last += 1
    return first, last


def _blank_beside(values: list[Any], number: int, merges: list[tuple[int, int, int, int]]) -> bool:
    """Whether row `number` holds no value outside the header merges that span it."""
    spanned = [(m[0], m[2]) for m in merges if m[1] <= number <= m[3]]
    return all(
        _blank(value) or any(low <= index <= high for low, high in spanned)
        for index, value in enumerate(values, start=1)
    )


def reads_as_titles(values: list[Any], header: list[HeaderCell], kinds: ColumnKinds) -> bool:
    """Whether a row under the header holds column titles (translated or split), not values.

    Every filled cell is a short text without digits, the row fills at least half of the titled
    columns, no cell reads as a value of its column (a status word, a date, an Nr.), and either a
    cell is a known title or three stand where a value could be judged and are none (a data row
    with typos in two list columns and no date stays data). A row with a value in a required
    column (Vorhaben, Beschreibung) is an activity unless it is titles for sure: every typed column
    of the header other than Nr. filled with a text that is no value of its column (translated
    titles such as „state“, „operation start date“).
    """
    cells = [(index, value) for index, value in enumerate(values, start=1) if not _blank(value)]
    if len(cells) < 2:
        return False
    if any(not isinstance(value, str) or len(value.strip()) > MAX_TITLE_LENGTH for _, value in cells):
        return False
    if all(match_key(value) in kinds.labels for _, value in cells):
        return True  # split titles: „Beginn“ and „Ende“ under „Laufzeit“
    if len(cells) * 2 < sum(1 for cell in header if cell.title):
        return False
    misfits, known, required = 0, False, False
    misfit_keys: set[str] = set()
    for index, value in cells:
        if match_key(value) in kinds.labels:
            known = True
            continue
        if _DIGIT.search(value):
            return False  # an Nr., a date, an amount: a value, not a title
        key = header[index - 1].key if index <= len(header) else None
        if key is None:
            continue
        if kinds.fits(key, value):
            return False
        required = required or key in kinds.required
        if kinds.typed(key):
            misfits += 1
            misfit_keys.add(key)
    if required:
        typed = {cell.key for cell in header if cell.key and cell.key != "nr" and kinds.typed(cell.key)}
        return misfits >= MIN_MISFITS and typed <= misfit_keys
    return known or misfits >= MIN_MISFITS


def block_titles(
    header: list[HeaderCell], rows: dict[int, list[Any]], first: int, last: int, header_row: int, kinds: ColumnKinds
) -> list[HeaderCell]:
    """The header with each empty or unknown title taken from another row of the header block where that one is known.

    „Laufzeit“ over „Beginn“ and „Ende“: the columns are Beginn and Ende. A column whose title
    stands only in another row of the block (a cell merged over the header's rows) gets that title.
    """
    width = max([len(header), *(len(rows.get(number, [])) for number in range(first, last + 1))])
    result = []
    for index in range(1, width + 1):
        cell = (
            header[index - 1] if index <= len(header) else HeaderCell("", f"{column_letter(index)}{header_row}", None)
        )
        if cell.key is None:
            cell = _other_title(cell, index, rows, first, last, header_row, kinds)
        result.append(cell)
    while result and not result[-1].title:
        result.pop()
    return result


def _other_title(
    cell: HeaderCell, index: int, rows: dict[int, list[Any]], first: int, last: int, header_row: int, kinds: ColumnKinds
) -> HeaderCell:
    fallback = cell
    for number in range(first, last + 1):
        if number == header_row:
            continue
        values = rows.get(number, [])
        value = values[index - 1] if index <= len(values) else None
        if _blank(value):
            continue
        title = str(value).strip()
        key = kinds.labels.get(match_key(title))
        ref = f"{column_letter(index)}{number}"
        if key is not None:
            return HeaderCell(title, ref, key)
        if not fallback.title:
            fallback = HeaderCell(title, ref, None)
    return fallback


def is_note(
    values: list[Any], first_column: int, columns: dict[str, int], kinds: ColumnKinds, after_blank: bool
) -> bool:
    """Whether a row under the table reads as a footnote, a source, a remark or a legend entry.

    Never a row with a value in a required column, nor one with a value that fits its typed column
    (a Handlungsfeld, a status, a date: an incomplete activity, not a legend). Otherwise: at most
    two cells, filled from the table's first columns, the text starting with a footnote mark,
    „Quelle“, „Stand“, „Hinweis“ or the like, or a code and its meaning in the next cell; or,
    after a blank row, a sentence alone in the first cells.
    """
    filled = [(index, value) for index, value in enumerate(values, start=1) if not _blank(value)]
    if not filled or len(filled) > 2 or filled[0][0] > first_column + 1:
        return False
    for key in kinds.required:
        index = columns.get(key)
        if index is not None and index <= len(values) and not _blank(values[index - 1]):
            return False
    if fits_a_column(values, columns, kinds):
        return False
    text = " ".join(str(value).strip() for _, value in filled)
    if _MARK.match(text) or _KEYWORD.match(text) or _LEGEND.match(text):
        return True
    if (
        len(filled) == 2
        and filled[1][0] == filled[0][0] + 1
        and len(str(filled[0][1]).strip()) <= 6
        and isinstance(filled[1][1], str)
    ):
        return True  # a code in one cell, its meaning in the next
    return after_blank and len(filled) == 1 and isinstance(filled[0][1], str) and " " in filled[0][1].strip()


def fits_a_column(values: list[Any], columns: dict[str, int], kinds: ColumnKinds) -> bool:
    """Whether a cell of a typed column other than Nr. holds a value of that column (a list value, a date, a number).

    An Nr. alone does not count: a legend's code („10“ beside „in Vorbereitung“) stands in that column.
    """
    for key, index in columns.items():
        if key == "nr" or index > len(values) or _blank(values[index - 1]) or not kinds.typed(key):
            continue
        if kinds.fits(key, values[index - 1]):
            return True
    return False
