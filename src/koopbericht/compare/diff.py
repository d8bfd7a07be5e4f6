"""What changed between two years, as data: new, gone, changed fields, partners, counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..config import Settings
from ..formatting import format_value
from ..model import Activity
from ..year.align import Pair, align
from .figures import in_department_order
from .gaps import Gap, Withheld


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
class Uncomparable:
    """An activity that cannot be compared: its Geschäftsbereich or its row is missing in one of the years."""

    activity: Activity
    year: int  # the year in which `activity` was reported
    reason: str


@dataclass(frozen=True)
class Counts:
    """Counts per value of one dimension (Geschäftsbereich, Handlungsfeld, Status) in both years.

    A count is None where a Geschäftsbereich has no usable Meldebogen that year (see `Comparison.gaps`):
    "keine Meldung" is not zero.
    """

    dimension: str
    rows: tuple[tuple[str, int | None, int | None], ...]


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
    gaps: list[Gap] = field(default_factory=list)
    not_comparable: list[Uncomparable] = field(default_factory=list)
    # Columns with values that were not read (unknown title, beside the table), one line each.
    unread: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Whether both years were compared in full: no Meldebogen missing, nothing left out or unread."""
        return not (self.left_out or self.gaps or self.not_comparable or self.unread)


def compare(
    settings: Settings,
    year_old: int,
    old: list[Activity],
    year_new: int,
    new: list[Activity],
    *,
    withheld_old: Sequence[Withheld] = (),
    withheld_new: Sequence[Withheld] = (),
    gaps: Sequence[Gap] = (),
    read_columns: Mapping[str, frozenset[str]] | None = None,
    partner_names: Mapping[str, str] | None = None,
) -> Comparison:
    """Compare the normalised activities of two years.

    `old` and `new` are the published activities. Rows left out by errors (`withheld_*`) take part in the
    alignment, so that their counterparts are not taken for new or gone; they and every unmatched activity
    of a Geschäftsbereich without usable Meldebogen in the other year (`gaps`) are "nicht vergleichbar".
    `partner_names` maps a misspelt partner to the registered one it means (`YearData.partner_names`), so
    that partners gained and lost are counted by the registered names.
    """
    reasons = {id(w.activity): f"{year_old} wegen Fehlern weggelassen ({w.reason})" for w in withheld_old}
    reasons |= {id(w.activity): f"{year_new} wegen Fehlern weggelassen ({w.reason})" for w in withheld_new}
    gap_of = {(g.department, g.year): g for g in gaps}
    pairs, added_all, removed_all = align(
        old + [w.activity for w in withheld_old], new + [w.activity for w in withheld_new]
    )
    changed, unchanged, not_comparable = _paired(settings, pairs, reasons, year_old, year_new, read_columns or {})
    added, not_added = _unmatched(added_all, year_new, year_old, reasons, gap_of)
    removed, not_removed = _unmatched(removed_all, year_old, year_new, reasons, gap_of)
    not_comparable += not_added + not_removed
    uncomparable = {id(u.activity) for u in not_comparable}
    # A partner is gained or lost only as far as the comparable activities show it.
    names = partner_names or {}
    everywhere_old = {names.get(p, p) for a in old + [w.activity for w in withheld_old] for p in a.partners}
    everywhere_new = {names.get(p, p) for a in new + [w.activity for w in withheld_new] for p in a.partners}
    partners_old = {names.get(p, p) for a in old if id(a) not in uncomparable for p in a.partners}
    partners_new = {names.get(p, p) for a in new if id(a) not in uncomparable for p in a.partners}
    gained = sorted(partners_new - everywhere_old, key=str.casefold)
    lost = sorted(partners_old - everywhere_new, key=str.casefold)
    added = in_department_order(settings, added, lambda a: a.department)
    removed = in_department_order(settings, removed, lambda a: a.department)
    changed = in_department_order(settings, changed, lambda c: c.new.department)
    not_comparable = in_department_order(settings, not_comparable, lambda u: u.activity.department)
    return Comparison(
        year_old, year_new, len(old), len(new), added, removed, changed, unchanged, gained, lost,
        _counts(settings, year_old, old, year_new, new, gap_of), gaps=list(gaps), not_comparable=not_comparable,
    )  # fmt: skip


def _paired(
    settings: Settings,
    pairs: list[Pair],
    reasons: dict[int, str],
    year_old: int,
    year_new: int,
    read_columns: Mapping[str, frozenset[str]],
) -> tuple[list[Change], int, list[Uncomparable]]:
    """The changed pairs, how many are unchanged, and the pairs a left-out row makes not comparable."""
    changed = []
    unchanged = 0
    not_comparable: list[Uncomparable] = []
    for pair in pairs:
        reason = reasons.get(id(pair.new)) or reasons.get(id(pair.old))
        if reason:
            # Shown is the published side if there is one: its values are the checked ones.
            if id(pair.new) in reasons and id(pair.old) not in reasons:
                not_comparable.append(Uncomparable(pair.old, year_old, reason))
            else:
                not_comparable.append(Uncomparable(pair.new, year_new, reason))
            continue
        change = _change(settings, pair.old, pair.new, pair.reason, read_columns)
        if change is None:
            unchanged += 1
        else:
            changed.append(change)
    return changed, unchanged, not_comparable


def _unmatched(
    activities: list[Activity], year: int, other: int, reasons: dict[int, str], gap_of: dict[tuple[str, int], Gap]
) -> tuple[list[Activity], list[Uncomparable]]:
    """Activities of `year` without counterpart: really new (or gone), or not comparable (left out, gap)."""
    kept: list[Activity] = []
    not_comparable: list[Uncomparable] = []
    for activity in activities:
        gap = gap_of.get((activity.department, other))
        reason = reasons.get(id(activity)) or (str(gap) if gap else None)
        if reason:
            not_comparable.append(Uncomparable(activity, year, reason))
        else:
            kept.append(activity)
    return kept, not_comparable


def _change(
    settings: Settings, old: Activity, new: Activity, reason: str, read_columns: Mapping[str, frozenset[str]]
) -> Change | None:
    fields = []
    for column in settings.public_columns():
        if column.key in ("nr", "partner"):
            continue
        if any(column.key not in read_columns.get(a.source.file, {column.key}) for a in (old, new)):
            continue  # a column a file did not have (renamed, say) is not compared: its values were not read
        before = format_value(old.values.get(column.key))
        after = format_value(new.values.get(column.key))
        if before != after:
            fields.append(FieldChange(column.key, column.title, before, after))
    if old.published_id != new.published_id:
        fields.insert(0, FieldChange("nr", settings.column("nr").title, old.published_id, new.published_id))
    added = tuple(p for p in new.partners if p not in old.partners)
    removed = tuple(p for p in old.partners if p not in new.partners)
    if not fields and not added and not removed:
        return None
    return Change(old, new, reason, tuple(fields), added, removed)


def _counts(
    settings: Settings,
    year_old: int,
    old: list[Activity],
    year_new: int,
    new: list[Activity],
    gap_of: dict[tuple[str, int], Gap],
) -> list[Counts]:
    result = []
    departments = [(d.code, f"{d.code} {d.name}") for d in settings.departments]
    result.append(
        Counts(
            "Geschäftsbereich",
            _count_rows(
                departments, old, new, lambda a: a.department,
                lambda code: (_unreported(gap_of, code, year_old), _unreported(gap_of, code, year_new)),
            ),
        )
    )  # fmt: skip
    for key, title in (("handlungsfeld", "Handlungsfeld"), ("status", "Status")):
        column = settings.column(key)
        values = list(settings.vocabularies[column.vocabulary].values) if column.vocabulary else []
        labels = [(v, v) for v in values] + [("", "ohne Angabe")]
        result.append(Counts(title, _count_rows(labels, old, new, lambda a, k=key: str(a.values.get(k, "")))))  # type: ignore[misc]
    return result


def _unreported(gap_of: dict[tuple[str, int], Gap], code: str, year: int) -> bool:
    """Whether `code` has no count in `year`: a gap, unless only partly (its used files are counted)."""
    gap = gap_of.get((code, year))
    return gap is not None and not gap.partial


def _count_rows(
    labels: list[tuple[str, str]],
    old: list[Activity],
    new: list[Activity],
    value_of: Callable[[Activity], str],
    unreported: Callable[[str], tuple[bool, bool]] = lambda value: (False, False),
) -> tuple[tuple[str, int | None, int | None], ...]:
    rows: list[tuple[str, int | None, int | None]] = []
    known = {value for value, _ in labels}
    # One pass over each year (counting per label by scanning would be labels × activities).
    counts_old = Counter(value_of(a) for a in old)
    counts_new = Counter(value_of(a) for a in new)
    for value, label in labels:
        before, after = counts_old[value], counts_new[value]
        none_before, none_after = unreported(value)
        if before or after or none_before or none_after:
            rows.append((label, None if none_before else before, None if none_after else after))
    other_before = sum(n for value, n in counts_old.items() if value not in known)
    other_after = sum(n for value, n in counts_new.items() if value not in known)
    if other_before or other_after:
        rows.append(("sonstige", other_before, other_after))
    return tuple(rows)
