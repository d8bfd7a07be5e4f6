"""Writing text into xlsx cells so that it stays text.

openpyxl turns any string that starts with `=` into a formula; text from departments
("=> siehe Anlage", "+49 331 …", "- Punkt eins", "@Team") must never become one.
Characters XML cannot hold are removed instead of crashing the save.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell, MergedCell

from ...normalise.values import XML_ILLEGAL


def set_text(cell: Cell | MergedCell, value: Any) -> bool:
    """Put `value` into `cell`, strings always as text; returns True if characters were removed."""
    if not isinstance(value, str):
        cell.value = value
        return False
    cleaned = XML_ILLEGAL.sub("", value)
    cell.value = cleaned
    cell.data_type = "s"  # also for "=…": openpyxl would otherwise store a formula
    return cleaned != value
