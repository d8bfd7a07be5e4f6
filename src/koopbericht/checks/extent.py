"""What of a sheet is header and foot, not data: said once each, so that no row is left out unsaid."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..findings import catalogue as F
from ..formatting import german_number
from ..normalise.values import one_line
from ..read import RawMeldebogen
from ..read.a1 import split_ref

SHOWN_NOTE = 60  # characters of a note quoted in the message


def table_extent(raw: RawMeldebogen) -> Iterator[Finding]:
    """An info for a header over several rows below the header row, and one for the rows of the table's foot."""
    if raw.header_end > raw.header_row:
        below = [cell for cell in raw.header if split_ref(cell.ref)[1] > raw.header_row]
        shown = ", ".join(f"„{one_line(cell.title)}“" for cell in below[:3])
        taken = f"; von dort übernommen: {shown}" if shown else ""
        yield F.HEADER_ROWS.at(
            raw.file,
            f"Die Kopfzeile reicht von Zeile {raw.header_row} bis {raw.header_end} (Überschriften über mehrere "
            f"Zeilen, etwa übersetzt oder geteilt{taken}). Diese Zeilen werden nicht als Vorhaben gelesen.",
            sheet=raw.sheet,
            row=raw.header_row,
        )
    if raw.foot:
        first, last = split_ref(raw.foot[0].ref)[1], split_ref(raw.foot[-1].ref)[1]
        rows = f"Zeile {first}" if first == last else f"Zeilen {first} bis {last}"
        quoted = ", ".join(f"„{_cut(one_line(_text(cell.value)))}“ ({cell.ref})" for cell in raw.foot[:3])
        more = " …" if len(raw.foot) > 3 else ""
        yield F.TABLE_FOOT.at(
            raw.file,
            f"{rows} unter der Tabelle {'enthält' if first == last else 'enthalten'} Fußnoten, Quellenangaben oder "
            f"eine Legende ({quoted}{more}) und {'wird' if first == last else 'werden'} nicht als Vorhaben gelesen. "
            "Gehört eine davon als Vorhaben in den Bericht, bitte mindestens das Vorhaben in seine Spalte eintragen.",
            sheet=raw.sheet,
            cell=raw.foot[0].ref,
            row=first,
            value=_text(raw.foot[0].value),
        )


def _text(value: object) -> str:
    """A cell's value as a German reader writes it: 9.0 as „9“, 2.5 as „2,5“."""
    if isinstance(value, float):
        return german_number(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_NOTE else text[: SHOWN_NOTE - 1].rstrip() + "…"
