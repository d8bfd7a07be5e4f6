"""Comparing two years: alignment, differences as data, and their presentations.

The use case that checks both years and writes the result is `actions/compare.py`.
"""

from __future__ import annotations

from .diff import Change, Comparison, Counts, FieldChange, Uncomparable, compare
from .gaps import Gap, Withheld, year_gaps
from .present import caveats, to_json, to_markdown, to_xlsx

__all__ = [
    "Change", "Comparison", "Counts", "FieldChange", "Gap", "Uncomparable", "Withheld",
    "caveats", "compare", "to_json", "to_markdown", "to_xlsx", "year_gaps",
]  # fmt: skip
