"""Last year's value for a required value left empty: the suggestion of `pflichtwert-fehlt`.

A department that empties a cell of the prefilled form by mistake most likely meant what the
same Nr. said last year. The Sachstand is not offered: it is written anew every year, and
offering last year's text would invite the stale Sachstand that `sachstand-unveraendert` warns of.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..config import Settings
from ..findings import Finding
from ..findings import catalogue as F
from ..formatting import format_value
from ..model import Activity

NOT_OFFERED = frozenset({"beschreibung"})  # renewed every year: last year's value is no suggestion


def offered_columns(settings: Settings) -> frozenset[str]:
    """The required columns whose last-year value can be offered, by key."""
    return frozenset(c.key for c in settings.columns if c.required and c.key not in NOT_OFFERED)


def with_last_year(
    findings: Iterable[Finding], previous: list[Activity], previous_year: int, settings: Settings
) -> Iterator[Finding]:
    """`findings`, each missing required value with the same Nr.'s value of `previous_year` as suggestion."""
    by_nr = {a.id.strip().casefold(): a for a in previous if not a.id_assigned and a.id.strip()}
    keys = {settings.column(key).title: key for key in offered_columns(settings)}
    for finding in findings:
        key = keys.get(finding.column or "")
        old = by_nr.get((finding.activity_nr or "").strip().casefold()) if key else None
        value = old.values.get(key) if old is not None and key else None
        if finding.code != F.REQUIRED_MISSING.code or value in (None, "", ()):
            yield finding
            continue
        shown = format_value(value)
        message = f"{finding.message} {previous_year} stand unter der Nr. {finding.activity_nr} „{shown}“."
        yield replace(finding, message=message, suggestion=shown)
