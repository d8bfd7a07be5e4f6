"""openpyxl's streaming reader, for what calamine cannot or should not hold in memory.

A sheet whose extent is far beyond a Meldebogen (one stray value at XFD1048576) would
make calamine materialise the whole rectangle; such a sheet, and one calamine refuses,
is read row by row with openpyxl's read-only reader, only as wide as the header.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .calamine import unreadable
from .errors import UnreadableWorkbook
from .package import ZIP_ERRORS


def openpyxl_errors() -> tuple[type[BaseException], ...]:
    """What openpyxl raises on a package it cannot follow (odd name, missing parts, broken XML)."""
    from openpyxl.utils.exceptions import InvalidFileException  # openpyxl only where it is used

    # ZIP_ERRORS includes OSError: the file may also have gone or become unreadable meanwhile.
    return (InvalidFileException, KeyError, ValueError, TypeError, IndexError, AttributeError, SyntaxError, *ZIP_ERRORS)


class StreamedRows:
    """A sheet read row by row with openpyxl's read-only reader, `width` columns wide."""

    def __init__(self, path: Path, sheet: str, width: int, height: int | None) -> None:
        self.path, self.sheet, self.width, self.height = path, sheet, width, height

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        from openpyxl import load_workbook

        try:
            # A file object, not a path: openpyxl would refuse a name not ending in .xlsx.
            with self.path.open("rb") as stream:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    workbook = load_workbook(stream, read_only=True, data_only=True)
                try:
                    # The extent comes from our scan: openpyxl would trust the sheet's <dimension>.
                    rows = workbook[self.sheet].iter_rows(max_row=self.height, max_col=self.width, values_only=True)
                    numbered = enumerate(rows, start=1)
                    while batch := self._batch(numbered):
                        yield from batch
                finally:
                    workbook.close()
        except openpyxl_errors():
            raise UnreadableWorkbook("damaged", unreadable(self.sheet)) from None

    @staticmethod
    def _batch(numbered: Iterator[tuple[int, tuple[Any, ...]]]) -> list[tuple[int, list[Any]]]:
        """The next rows that hold a value (up to a few hundred); empty rows are passed over."""
        batch: list[tuple[int, list[Any]]] = []
        empty: tuple[Any, ...] | None = None
        # openpyxl warns about parts it drops (extensions, headers); nothing a clerk can act on.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, values in numbered:
                if values is empty:  # openpyxl yields one and the same tuple for every missing row
                    continue
                if not any(v is not None for v in values):
                    empty = values
                    continue
                batch.append((number, ["" if v is None else v for v in values]))
                if len(batch) >= 500:
                    break
        return batch
