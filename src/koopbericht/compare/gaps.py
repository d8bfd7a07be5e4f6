"""What of a year cannot be compared: Geschäftsbereiche without usable Meldebogen, rows left out by errors.

A Geschäftsbereich whose Meldebogen is missing, unreadable or left out by errors in one
year did not stop its activities; it only did not report them (usably). Its activities
in the other year are therefore "nicht vergleichbar", never "neu" or "nicht mehr
gemeldet". The same holds for a single row that an error leaves out (`--trotz-fehlern`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Activity
from ..yeardata import FileResult, YearData

MISSING = "fehlt"
UNREADABLE = "nicht lesbar"
LEFT_OUT = "wegen Fehlern weggelassen"


@dataclass(frozen=True)
class Gap:
    """A Geschäftsbereich that has no usable Meldebogen in one year, and why."""

    department: str
    year: int
    reason: str

    def __str__(self) -> str:
        return f"{self.department}: Meldebogen {self.year} {self.reason}"


@dataclass(frozen=True)
class Withheld:
    """An activity that was read but is left out of the comparison by an error, with the reason."""

    activity: Activity
    reason: str


def year_gaps(data: YearData, year: int, departments: Sequence[str]) -> tuple[list[Gap], list[Withheld]]:
    """The year's Geschäftsbereiche without usable Meldebogen (in `departments` order) and its left-out rows."""
    excluded = data.exclusions()
    files_of: dict[str, list[FileResult]] = {code: [] for code in departments}
    for result in data.files:
        for code in result.source.departments:
            files_of.setdefault(code, []).append(result)
    kept = {id(a) for a in data.publishable()}
    gaps = []
    for code, results in files_of.items():
        activities = [a for r in results for a in r.activities]
        if not results:
            reason = MISSING
        elif any(not r.readable for r in results):
            reason = UNREADABLE
        elif any(r.source.file in excluded.files for r in results) or (
            activities and not any(id(a) in kept for a in activities)
        ):
            reason = LEFT_OUT
        else:
            continue
        gaps.append(Gap(code, year, reason))
    withheld = [Withheld(a, excluded.reason(a) or "ausgelassen") for a in data.activities if id(a) not in kept]
    return gaps, withheld
