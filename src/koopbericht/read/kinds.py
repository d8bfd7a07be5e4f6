"""What the reader needs to know of the configured columns to tell titles, data and notes apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..config import Column, ColumnType, Settings, match_key
from ..normalise.values import parse_date, parse_number

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class ColumnKinds:
    """Header labels, required columns, and whether a value is plausible for a typed column."""

    labels: dict[str, str]
    required: frozenset[str] = frozenset()
    settings: Settings | None = field(default=None, compare=False)

    @classmethod
    def of(cls, settings: Settings) -> ColumnKinds:
        """The kinds of `settings`' columns."""
        labels = {match_key(label): column.key for column in settings.columns for label in column.labels()}
        required = frozenset(column.key for column in settings.columns if column.required)
        return cls(labels, required, settings)

    def titles(self, exclude: set[str]) -> list[str]:
        """The titles of the configured columns not in `exclude` (keys), the required ones first."""
        if self.settings is None:
            return []
        columns = [column for column in self.settings.columns if column.key not in exclude and column.public]
        return [column.title for column in sorted(columns, key=lambda column: not column.required)]

    def typed(self, key: str) -> bool:
        """Whether a value of column `key` can be judged (a list value, a date, a number, an Nr.)."""
        if key == "nr":
            return True
        column = self._column(key)
        return column is not None and column.type in (ColumnType.VOCABULARY, ColumnType.DATE, ColumnType.NUMBER)

    def fits(self, key: str, value: Any) -> bool:
        """Whether `value` reads as a value of column `key` (a status word, a date, a number, an Nr. with digits)."""
        if key == "nr":
            return bool(_DIGIT.search(str(value)))
        column = self._column(key)
        if column is None or self.settings is None:
            return False
        if column.type is ColumnType.DATE:
            return parse_date(value) is not None
        if column.type is ColumnType.NUMBER:
            return parse_number(value) is not None
        if column.type is ColumnType.VOCABULARY and column.vocabulary in self.settings.vocabularies:
            return self.settings.vocabularies[column.vocabulary].normalise(str(value)) is not None
        return False

    def _column(self, key: str) -> Column | None:
        if self.settings is None:
            return None
        try:
            return self.settings.column(key)
        except KeyError:
            return None
