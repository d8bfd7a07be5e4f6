"""Stale content: a Sachstand copied unchanged from the previous year's Meldebogen.

A department that returns last year's prefilled form unchanged produces rows that pass
every other check. Each activity is matched to the previous year's with the alignment
that `compare` uses; where Beschreibung/Sachstand and Status are the same (ignoring
whitespace), the row is a warning at its Beschreibung cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Settings
from ..findings import Finding
from ..findings import catalogue as F
from ..model import Activity
from .align import align


def _text(value: object) -> str:
    """A value for comparison: whitespace runs collapsed, ends stripped."""
    return " ".join(str(value).split()) if value is not None else ""


def check_stale(
    activities: list[Activity], previous: list[Activity], previous_year: int, settings: Settings
) -> Iterator[Finding]:
    """Rows whose Beschreibung/Sachstand and Status are those of the same activity in `previous_year`."""
    if not activities or not previous:
        return
    title = settings.column("beschreibung").title
    pairs, _, _ = align(previous, activities)
    for pair in pairs:
        old, new = pair.old, pair.new
        description = _text(new.values.get("beschreibung"))
        if not description or description != _text(old.values.get("beschreibung")):
            continue
        if _text(new.values.get("status")) != _text(old.values.get("status")):
            continue
        status = f", ebenso der Status „{new.status}“" if new.status else ""
        yield F.DESCRIPTION_UNCHANGED.at(
            new.source.file,
            f"Der Sachstand ist wörtlich derselbe wie {previous_year}{status} "
            f"({old.source.file}, Zeile {old.source.row}). Wurde der Meldebogen des Vorjahres unverändert "
            "zurückgegeben? Bitte den Sachstand aktualisieren.",
            sheet=new.source.sheet,
            cell=new.source.cell("beschreibung"),
            row=new.source.row,
            column=title,
            value=previous_year,
        )
