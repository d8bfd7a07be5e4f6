"""What one Meldebogen file gave: the plain record the pipeline fills and every stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Activity
from ..read import SourceFile


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
