"""Reading stage: files of a year, their Geschäftsbereich, and their raw rows with cell references."""

from .collect import SourceFile, departments_for, shown_name, source_files, year_files
from .errors import UnreadableWorkbook
from .workbook import HeaderCell, RawCell, RawMeldebogen, RawRow, UnknownColumn, read_meldebogen

__all__ = [
    "HeaderCell",
    "RawCell",
    "RawMeldebogen",
    "RawRow",
    "SourceFile",
    "UnknownColumn",
    "UnreadableWorkbook",
    "departments_for",
    "read_meldebogen",
    "shown_name",
    "source_files",
    "year_files",
]
