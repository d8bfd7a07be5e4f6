"""A1 cell references: column letters and ranges (here, so reading needs no openpyxl import)."""

from __future__ import annotations

import re
from functools import lru_cache

_RANGE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?")


@lru_cache(maxsize=1024)
def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_index(letters: str) -> int:
    """A → 1, AA → 27."""
    index = 0
    for character in letters.upper():
        index = index * 26 + ord(character) - 64
    return index


def split_ref(ref: str) -> tuple[str, int]:
    """Split `C12` into `("C", 12)`."""
    letters = ref.rstrip("0123456789")
    return letters, int(ref[len(letters) :] or 0)


def range_bounds(ref: str) -> tuple[int, int, int, int]:
    """Bounds of `B3:D7` as (min_col, min_row, max_col, max_row); a single cell is its own range."""
    match = _RANGE.fullmatch(ref.strip())
    if match is None:
        raise ValueError(ref)
    first_col, first_row = column_index(match.group(1)), int(match.group(2))
    last_col = column_index(match.group(3)) if match.group(3) else first_col
    last_row = int(match.group(4)) if match.group(4) else first_row
    return first_col, first_row, last_col, last_row
