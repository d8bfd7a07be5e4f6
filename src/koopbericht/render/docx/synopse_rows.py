"""The rows of the Synopse's tables: one per changed field, one per new, gone or not comparable activity.

Each row is three cells of formatted runs: Nr./Vorhaben, the earlier and the later report.
"""

from __future__ import annotations

from ...compare import Change, Uncomparable
from ...compare.synopsis import ENTRY_SEPARATOR, SideBySide, token_diff, word_diff
from ...document import Run
from ...formatting import format_value
from ...model import Activity

Cell = tuple[Run, ...]
Rows = list[tuple[Cell, Cell, Cell]]

EMPTY = "(keine Angabe)"
PARTNERS = "Kooperationspartner"
# What a new or gone activity shows of itself, with the titles the Meldebogen uses.
SHOWN = (("partner", PARTNERS), ("status", "Status"), ("beginn", "Beginn"), ("ende", "Ende"),
         ("beschreibung", "Beschreibung/Sachstand"))  # fmt: skip


def _name(activity: Activity, field: str | None = None) -> Cell:
    """Nr. and Vorhaben, and below them in italics the field the row is about."""
    number = activity.published_id or "ohne Nr."
    runs = [Run(f"{number}\n", True), Run(activity.title)]
    if field:
        runs.append(Run(f"\n{field}", italic=True))
    return tuple(runs)


def change_rows(change: Change, tracked: bool) -> Rows:
    """A row per changed field and one for changed partners: old words struck through, new underlined."""
    rows: Rows = []
    for field in change.fields:
        rows.append(_changed(change.new, field.column, word_diff(field.old, field.new), tracked))
    if change.partners_added or change.partners_removed:
        diff = token_diff(change.old.partners, change.new.partners, ENTRY_SEPARATOR)
        rows.append(_changed(change.new, PARTNERS, diff, tracked))
    return rows


def _changed(activity: Activity, field: str, diff: SideBySide, tracked: bool) -> tuple[Cell, Cell, Cell]:
    old = tuple(Run(piece.text, struck=piece.marked) for piece in diff.old) or (Run(EMPTY, italic=True),)
    new = tuple(Run(piece.text, underlined=piece.marked) for piece in diff.new) or (Run(EMPTY, italic=True),)
    if tracked and diff.merged:
        # The change as Word tracked changes: accepting them all gives the later text, rejecting them the earlier.
        new = tuple(Run(text, tracked={"": None, "del": "del", "ins": "ins"}[kind]) for text, kind in diff.merged)
    return _name(activity, field), old, new


def _details(activity: Activity, heading: str) -> Cell:
    runs = [Run(heading, True)]
    for key, title in SHOWN:
        value = "; ".join(activity.partners) if key == "partner" else format_value(activity.values.get(key))
        if value:
            runs.append(Run(f"\n{title}: {value}"))
    return tuple(runs)


def activity_row(activity: Activity, year_old: int, year_new: int, *, new: bool) -> tuple[Cell, Cell, Cell]:
    """A new activity only on the right, one no longer reported only on the left, each said so."""
    if new:
        return (_name(activity), (Run(f"im Bericht {year_old} nicht enthalten", italic=True),),
                _details(activity, f"Neu im Bericht {year_new}"))  # fmt: skip
    return (_name(activity), _details(activity, f"Im Bericht {year_new} nicht mehr gemeldet"),
            (Run(f"im Bericht {year_new} nicht mehr gemeldet", italic=True),))  # fmt: skip


def uncomparable_row(item: Uncomparable, year_old: int, year_new: int) -> tuple[Cell, Cell, Cell]:
    """An activity shown in the year it was reported; the other side says why it is not compared."""
    reported = _details(item.activity, f"Nur im Bericht {item.year}")
    other = (Run(f"nicht vergleichbar: {item.reason}", italic=True),)
    if item.year == year_old:
        return _name(item.activity), reported, other
    return _name(item.activity), other, reported
