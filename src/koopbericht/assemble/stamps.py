"""The fixed time of a year's outputs, and the mark an Entwurf carries on every page."""

from __future__ import annotations

import datetime as dt

from ..config import YearSettings
from .stats import Completeness

MARK_REPORTING = "ENTWURF – Stand der Meldungen unvollständig"
MARK_OTHER = "ENTWURF – noch nicht fertiggestellt"
MARK_DOUBTS = "ENTWURF – Befunde noch nicht geklärt"


def timestamp_for(year_settings: YearSettings) -> dt.datetime:
    """The fixed time stamped into every output, so that builds are byte-identical."""
    day = year_settings.master.date or dt.date(year_settings.year + 1, 1, 1)
    return dt.datetime(day.year, day.month, day.day, 9, 0, 0)


def draft_mark(completeness: Completeness) -> str | None:
    """The words in the header of every page of an Entwurf; None for an Endfassung."""
    if not completeness.draft:
        return None
    if completeness.reporting_incomplete:
        return MARK_REPORTING
    # Only findings left open (a misspelt partner, a status against its dates): the mark says so.
    return MARK_DOUBTS if completeness.doubts == completeness.reasons else MARK_OTHER
