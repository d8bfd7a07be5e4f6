"""Several sheets with the same header: which are read, and which only repeat rows of another.

Published workbooks hold one table for all and one per section; a department may split its
Meldebogen over two sheets. A sheet whose every row stands in a larger sheet already repeats
it and is not read again (said so); any other sheet with the header is read as well.
"""

from __future__ import annotations

import re
from typing import Any

from .raw import RawMeldebogen

PARTIAL = "seine Kopfzeile nennt nicht alle Pflichtspalten, es ist wohl keine Meldung"

# Names of a sheet that shows how to fill in the form, or keeps last year's Meldung.
_EXAMPLE = re.compile(r"beispiel|muster|ausfüllhilfe|ausfuellhilfe", re.IGNORECASE)
_LAST_YEAR = re.compile(r"vorjahr", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def named_aside(name: str, year: int | None) -> str | None:
    """Why a sheet with the header is not read by its name (an example, last year's), or None.

    Only said of a sheet beside another with the header: a lone sheet is the Meldung whatever its name.
    """
    if _EXAMPLE.search(name):
        return "sein Name weist es als Beispiel oder Ausfüllhilfe aus"
    if _LAST_YEAR.search(name):
        return "sein Name weist es als Blatt des Vorjahrs aus"
    years = [int(found) for found in _YEAR.findall(name)]
    if year is not None and years and max(years) < year:
        return f"sein Name nennt ein früheres Jahr ({max(years)}) als das Berichtsjahr {year}"
    return None


def _signature(row: Any) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((key, str(cell.value).strip()) for key, cell in row.cells.items()))


def without_repeats(raws: list[RawMeldebogen]) -> tuple[list[RawMeldebogen], list[tuple[str, str]]]:
    """The sheets of `raws` to read, in their order, and those that only repeat rows of another (with why).

    The larger sheets are looked at first (on a tie, the earlier in `raws`), so a table for all
    is read and the tables per section that repeat it are not.
    """
    seen: dict[tuple[tuple[str, str], ...], str] = {}
    repeated: dict[str, str] = {}
    for raw in sorted(raws, key=lambda raw: -len(raw.rows)):
        rows = [_signature(row) for row in raw.rows]
        if seen.keys() >= set(rows) and (seen or (len(raws) > 1 and raw is not raws[0] and not rows)):
            repeated[raw.sheet] = _why(sorted({seen[row] for row in rows}))
            continue
        for row in rows:
            seen.setdefault(row, raw.sheet)
    kept = [raw for raw in raws if raw.sheet not in repeated] or raws[:1]
    return kept, [(raw.sheet, repeated[raw.sheet]) for raw in raws if raw.sheet in repeated and raw not in kept]


def _why(sources: list[str]) -> str:
    if not sources:
        return "es enthält unter der Kopfzeile keine Zeilen"
    listed = ", ".join(f"„{name}“" for name in sources)
    return (
        f"alle seine Zeilen stehen schon im Blatt {listed}"
        if len(sources) == 1
        else (f"alle seine Zeilen stehen schon in den Blättern {listed}")
    )
