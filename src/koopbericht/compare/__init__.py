"""Comparing two years: differences and gaps as data, on the alignment of `year.align`.

Their presentations (Markdown, JSON, xlsx) are `render/comparison.py`; the use case that
checks both years and writes the result is `actions/compare.py`.
"""

from __future__ import annotations

from .diff import Change, Comparison, Counts, FieldChange, Uncomparable, compare
from .figures import Figure, headline_figures, in_department_order
from .gaps import Gap, Withheld, year_gaps

__all__ = [
    "Change", "Comparison", "Counts", "FieldChange", "Figure", "Gap", "Uncomparable", "Withheld",
    "compare", "headline_figures", "in_department_order", "year_gaps",
]  # fmt: skip
