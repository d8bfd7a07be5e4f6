"""Checking stage: findings about files, layout, values and duplicates. Checks never print."""

from .across import check_departments, check_duplicates
from .cells import RowChecker
from .structure import check_columns, check_layout

__all__ = ["RowChecker", "check_columns", "check_departments", "check_duplicates", "check_layout"]
