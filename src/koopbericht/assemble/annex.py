"""The Anlage as a table model, assembled once for every renderer.

The Vorlage's Anlage 1 (docx) and `Anlage-Uebersicht-JAHR.xlsx` show the same activities
in the same order: grouped by Geschäftsbereich in the order of koopbericht.toml, within
each in natural Nr. order (GB2-008 before GB2-010, new activities without a Nr. last), each
value formatted once. The model holds every public column; Anlage 1 and the xlsx both show
those of `anlage_spalten` (`annexdoc.annex_rows`). Internal columns never enter it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..config import Column, Settings
from ..formatting import format_value
from ..model import Activity


@dataclass(frozen=True)
class AnnexGroup:
    """The activities of one Geschäftsbereich: one tuple of texts per activity, in `Annex.columns` order.

    `values` holds, parallel to `rows`, the normalised values the texts were made from, for a
    renderer that can show more than text (the xlsx writes dates as dates).
    """

    code: str
    name: str
    rows: tuple[tuple[str, ...], ...]
    values: tuple[tuple[Any, ...], ...] = ()


@dataclass(frozen=True)
class Annex:
    """Every published activity, grouped by Geschäftsbereich, as the texts that are printed."""

    columns: tuple[Column, ...]  # the public columns, in configured order
    groups: tuple[AnnexGroup, ...]

    @property
    def count(self) -> int:
        """How many activities the Anlage lists."""
        return sum(len(group.rows) for group in self.groups)

    def positions(self, keys: Sequence[str]) -> list[int]:
        """The positions in a row of the columns `keys` (all public, as the settings guarantee)."""
        index = {column.key: position for position, column in enumerate(self.columns)}
        return [index[key] for key in keys]


def annex_table(settings: Settings, activities: list[Activity]) -> Annex:
    """The Anlage of `activities` (already only what may be published)."""
    columns = settings.public_columns()
    by_department: dict[str, list[Activity]] = {}
    for activity in activities:  # one pass; filtering per department would be quadratic
        by_department.setdefault(activity.department, []).append(activity)
    names = {department.code: department.name for department in settings.departments}
    order = [department.code for department in settings.departments]
    order += sorted(code for code in by_department if code not in names)  # never drop an activity
    groups = []
    for code in order:
        own = sorted(by_department.get(code, ()), key=nr_order)  # stable: equal Nrs. keep the Meldebogen's order
        if own:
            values = tuple(tuple(a.values.get(c.key) for c in columns) for a in own)
            groups.append(AnnexGroup(code, names.get(code, ""), tuple(_texts(a, columns) for a in own), values))
    return Annex(columns, tuple(groups))


_DIGITS = re.compile(r"(\d+)")


def nr_order(activity: Activity) -> tuple[bool, list[tuple[int, str]]]:
    """The sort key of an activity by its Nr., numbers compared as numbers; one without a Nr. comes last."""
    nr = activity.published_id.strip()
    return not nr, [(int(part), "") if part.isdigit() else (-1, part.casefold()) for part in _DIGITS.split(nr)]


def _texts(activity: Activity, columns: tuple[Column, ...]) -> tuple[str, ...]:
    values = activity.values
    return tuple(
        activity.published_id if column.key == "nr" else format_value(values.get(column.key)) for column in columns
    )
