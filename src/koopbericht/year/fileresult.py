"""What one Meldebogen file gave: the plain record the pipeline fills and every stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Activity
from ..read import SourceFile
from ..read.layout import Layout


@dataclass
class FileResult:
    """What one file gave: its Geschäftsbereich, activities and whether it could be read."""

    source: SourceFile
    department: str | None
    activities: list[Activity] = field(default_factory=list)
    readable: bool = True
    # Values the department entered that no published file takes over, one line each (German).
    unpublished: list[str] = field(default_factory=list)
    # The configured columns the file has (keys); a column it lacks was not read at all.
    columns: frozenset[str] = frozenset()
    # The sheets read, in the order read (the one with the fullest header first).
    sheets: list[str] = field(default_factory=list)
    # The format and sheets as the check scanned them (no bytes): a marked copy detects and scans nothing again.
    layout: Layout | None = field(default=None, repr=False, compare=False)

    def left_out_line(self, activity: Activity, reason: str) -> str:
        """The line that says `activity` was left out and why: file, the sheet if there are several, row, Nr. and title.

        Every row is named the same way, Nr. first and the title in quotes, saying which of the two is missing.
        """
        sheet = f", Blatt „{activity.source.sheet}“" if len(self.sheets) > 1 else ""
        place = f"{activity.source.file}{sheet}, Zeile {activity.source.row}"
        return f"{place}: {_named(activity)} – {reason}"


def _named(activity: Activity) -> str:
    """`GB1-001 „Radweg Süd“`, `GB1-002 (ohne Vorhaben)` or `ohne Nr.: „Schulweg West“`."""
    if not activity.id:
        return f"ohne Nr.: „{activity.title}“" if activity.title else "ohne Nr. und ohne Vorhaben"
    return f"{activity.id} „{activity.title}“" if activity.title else f"{activity.id} (ohne Vorhaben)"
