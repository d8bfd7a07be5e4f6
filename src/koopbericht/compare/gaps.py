"""What of a year cannot be compared: Geschäftsbereiche without usable Meldebogen, rows left out by errors.

A Geschäftsbereich whose Meldebogen is missing, unreadable or left out by errors in one
year did not stop its activities; it only did not report them (usably). Its activities
in the other year are therefore "nicht vergleichbar", never "neu" or "nicht mehr
gemeldet". The same holds for a single row that an error leaves out (`--trotz-fehlern`).

A Geschäftsbereich only partly left out (one of several files unreadable or kept out) still
counts, and its published activities are compared; but what the unusable file held is unknown,
so its activities of the other year that find no counterpart are "nicht vergleichbar" too.
Which Geschäftsbereich is in which state is decided with the year (`YearData.state`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Activity
from ..year import DepartmentState, DepartmentStatus, YearData

MISSING = "fehlt"
UNREADABLE = "nicht lesbar"
LEFT_OUT = "wegen Fehlern weggelassen"
PARTLY = "nur teilweise verwendet"


@dataclass(frozen=True)
class Gap:
    """A Geschäftsbereich that has no usable Meldebogen in one year (or, `partial`, not all of it), and why."""

    department: str
    year: int
    reason: str
    partial: bool = False  # some of its files were used: it is counted, only its unmatched activities are not

    def __str__(self) -> str:
        return f"{self.department}: Meldebogen {self.year} {self.reason}"


@dataclass(frozen=True)
class Withheld:
    """An activity that was read but is left out of the comparison by an error, with the reason."""

    activity: Activity
    reason: str


def year_gaps(data: YearData, year: int) -> tuple[list[Gap], list[Withheld]]:
    """The year's Geschäftsbereiche without (wholly) usable Meldebogen, in configured order, and its left-out rows."""
    gaps = [gap for state in data.departments if (gap := _gap(state, year)) is not None]
    excluded = data.exclusions()
    withheld = [Withheld(a, reason) for a in data.activities if (reason := excluded.reason(a)) is not None]
    return gaps, withheld


def _gap(state: DepartmentState, year: int) -> Gap | None:
    if state.status is DepartmentStatus.MISSING:
        return Gap(state.code, year, MISSING)
    if state.status is DepartmentStatus.UNREADABLE:
        return Gap(state.code, year, UNREADABLE)
    if state.status is DepartmentStatus.LEFT_OUT:
        return Gap(state.code, year, LEFT_OUT)
    if state.unusable_files:  # partly left out by whole files; rows left out alone are `Withheld`
        parts = [f"{file} {UNREADABLE}" for file in state.unreadable]
        parts += [f"{file} {LEFT_OUT}" for file in state.excluded]
        return Gap(state.code, year, f"{PARTLY}: {'; '.join(parts)}", partial=True)
    return None
