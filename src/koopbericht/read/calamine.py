"""python-calamine, the fast value reader: opening a workbook, a sheet's rows numbered as in Excel.

calamine reads xlsx about seven times faster than openpyxl's read-only mode (Rust,
whole sheets at a time). Its errors about a file, and the Rust panics pyo3 passes on,
mean the file is damaged.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import python_calamine
from python_calamine import CalamineSheet, CalamineWorkbook

from .errors import UnreadableWorkbook
from .package import RESEND, ZIP_ERRORS

_CALAMINE_ERRORS: tuple[type[BaseException], ...] = (python_calamine.CalamineError, *ZIP_ERRORS)


def open_calamine(path: Path) -> CalamineWorkbook | None:
    """The workbook opened by calamine, or None where calamine refuses it.

    calamine 0.9 refuses some sound workbooks as a whole: one with an Excel 4 macro
    sheet beside the data ("Unrecognized sheet type"), one whose workbook part is not
    at xl/workbook.xml. By now the package and every worksheet's XML have been checked,
    so such a workbook is read with openpyxl's streaming reader instead.
    """
    try:
        workbook: CalamineWorkbook = calamine_call(CalamineWorkbook.from_path, str(path))
        return workbook
    except UnreadableWorkbook:
        return None


def calamine_call(function: Any, *args: Any, sheet: str | None = None) -> Any:
    """Call into calamine; its errors about the file (and Rust panics) mean the file is damaged."""
    try:
        return function(*args)
    except _CALAMINE_ERRORS:
        raise UnreadableWorkbook("damaged", unreadable(sheet)) from None
    except BaseException as exc:
        # pyo3 turns a Rust panic into PanicException, a BaseException outside Python's tree.
        if type(exc).__name__ == "PanicException":
            raise UnreadableWorkbook("damaged", unreadable(sheet)) from None
        raise


def unreadable(sheet: str | None) -> str:
    """The finding's words for a sheet (or workbook) that cannot be read."""
    what = f"das Blatt „{sheet}“" if sheet else "die Arbeitsmappe"
    return f"Die Datei ist beschädigt: {what} lässt sich nicht lesen. {RESEND}"


class CalamineRows:
    """A calamine sheet as (row number, values from column A) pairs, numbered as in Excel (from 1)."""

    def __init__(self, sheet: CalamineSheet) -> None:
        self.sheet = sheet

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        first_row, first_column = self.sheet.start or (0, 0)
        padding = [""] * first_column
        rows = iter(self.sheet.iter_rows())
        first = next(rows, None)
        if first is None:
            return
        # python-calamine 0.9 yields the empty rows above the first value (older versions did
        # not), but not the empty columns left of it. The row `first_row` always holds a
        # value, so the first row yielded says which numbering this version uses.
        number = first_row + 1 if first_row and any(v != "" for v in first) else 1
        for values in itertools.chain([first], rows):
            yield number, padding + values if padding else values
            number += 1
