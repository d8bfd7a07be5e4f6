"""What changed between two years, as data: new, gone, changed fields, partners, counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..assemble import format_value
from ..config import Settings
from ..model import Activity
from .align import align


@dataclass(frozen=True)
class FieldChange:
    """One public field whose value differs (values as shown in the Anlage)."""

    key: str
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """An activity reported in both years whose published content changed."""

    old: Activity
    new: Activity
    reason: str
    fields: tuple[FieldChange, ...]
    partners_added: tuple[str, ...]
    partners_removed: tuple[str, ...]

    @property
    def title(self) -> str:
        """The current title."""
        return self.new.title


@dataclass(frozen=True)
class Counts:
    """Counts per value of one dimension (Geschäftsbereich, Handlungsfeld, Status) in both years."""

    dimension: str
    rows: tuple[tuple[str, int, int], ...]


@dataclass
class Comparison:
    """The whole comparison of year A (old) with year B (new)."""

    year_old: int
    year_new: int
    total_old: int
    total_new: int
    added: list[Activity]
    removed: list[Activity]
    changed: list[Change]
    unchanged: int
    partners_gained: list[str]
    partners_lost: list[str]
    counts: list[Counts]
    left_out: list[str] = field(default_factory=list)


def compare(settings: Settings, year_old: int, old: list[Activity], year_new: int, new: list[Activity]) -> Comparison:
    """Compare the normalised activities of two years."""
    pairs, added, removed = align(old, new)
    changed = []
    unchanged = 0
    for pair in pairs:
        change = _change(settings, pair.old, pair.new, pair.reason)
        if change is None:
            unchanged += 1
        else:
            changed.append(change)
    partners_old = {p for a in old for p in a.partners}
    partners_new = {p for a in new for p in a.partners}
    return Comparison(
        year_old, year_new, len(old), len(new), added, removed, changed, unchanged,
        sorted(partners_new - partners_old, key=str.casefold), sorted(partners_old - partners_new, key=str.casefold),
        _counts(settings, old, new),
    )  # fmt: skip


def _change(settings: Settings, old: Activity, new: Activity, reason: str) -> Change | None:
    fields = []
    for column in settings.public_columns():
        if column.key in ("nr", "partner"):
            continue
        before = format_value(column, old.values.get(column.key))
        after = format_value(column, new.values.get(column.key))
        if before != after:
            fields.append(FieldChange(column.key, column.title, before, after))
    if old.id_assigned != new.id_assigned or (not old.id_assigned and old.id != new.id):
        nr = settings.column("nr").title
        fields.insert(0, FieldChange("nr", nr, "" if old.id_assigned else old.id, "" if new.id_assigned else new.id))
    added = tuple(p for p in new.partners if p not in old.partners)
    removed = tuple(p for p in old.partners if p not in new.partners)
    if not fields and not added and not removed:
        return None
    return Change(old, new, reason, tuple(fields), added, removed)


def _counts(settings: Settings, old: list[Activity], new: list[Activity]) -> list[Counts]:
    result = []
    departments = [(d.code, f"{d.code} {d.name}") for d in settings.departments]
    result.append(Counts("Geschäftsbereich", _count_rows(departments, old, new, lambda a: a.department)))
    for key, title in (("handlungsfeld", "Handlungsfeld"), ("status", "Status")):
        column = settings.column(key)
        values = list(settings.vocabularies[column.vocabulary].values) if column.vocabulary else []
        labels = [(v, v) for v in values] + [("", "ohne Angabe")]
        result.append(Counts(title, _count_rows(labels, old, new, lambda a, k=key: str(a.values.get(k, "")))))  # type: ignore[misc]
    return result


def _count_rows(
    labels: list[tuple[str, str]], old: list[Activity], new: list[Activity], value_of: Callable[[Activity], str]
) -> tuple[tuple[str, int, int], ...]:
    rows = []
    known = {value for value, _ in labels}
    for value, label in labels:
        before = sum(1 for a in old if value_of(a) == value)
        after = sum(1 for a in new if value_of(a) == value)
        if before or after:
            rows.append((label, before, after))
    other_before = sum(1 for a in old if value_of(a) not in known)
    other_after = sum(1 for a in new if value_of(a) not in known)
    if other_before or other_after:
        rows.append(("sonstige", other_before, other_after))
    return tuple(rows)
