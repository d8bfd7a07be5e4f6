"""Normalising stage: raw rows become `Activity` values.

The values come from the cell readers (`columns.py`), which read every cell once:
whitespace and Unicode normalised, vocabulary synonyms replaced by their allowed value,
partner aliases by the register's name, partner lists split, deduplicated and sorted,
dates read into `PartialDate`. What the readers changed silently is reported by the row
checker as `info` findings. This stage keeps the values and assigns a Nr. where one is
missing, noting each as an `info` finding, which `validate --verbose` shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..config import Settings
from ..findings import Finding
from ..findings import catalogue as F
from ..model import Activity, Source
from ..read import RawMeldebogen, RawRow
from .values import Reading


@dataclass
class Normaliser:
    """Turns the rows of one year's Meldebögen into activities; ids are numbered per year."""

    settings: Settings
    _new_ids: dict[str, int] = field(default_factory=dict, init=False)

    def activities(
        self, raw: RawMeldebogen, readings: list[dict[str, Reading]], department: str
    ) -> tuple[list[Activity], list[Finding]]:
        """The activities of one Meldebogen from its cells as read, and the Nr. assigned on the way."""
        notes: list[Finding] = []
        result = []
        for row, row_readings in zip(raw.rows, readings, strict=True):
            values = {}
            for key in row.cells:
                value = row_readings[key].value
                # What `not in (None, "", ())` says of the readers' values, without comparing a
                # date with "" and () through its dataclass __eq__.
                if value is not None and not (isinstance(value, str | tuple) and not value):
                    values[key] = value
            result.append(self._activity(raw, row, department, values, notes))
        return result, notes

    def _activity(
        self, raw: RawMeldebogen, row: RawRow, department: str, values: dict[str, Any], notes: list[Finding]
    ) -> Activity:
        source = Source(raw.file, raw.sheet, row.number, {key: cell.ref for key, cell in row.cells.items()})
        given = values.pop("nr", None)
        if given:
            return Activity(str(given), department, source, values)
        number = self._new_ids.get(department, 0) + 1
        self._new_ids[department] = number
        assigned = f"{department}-neu-{number}"
        nr_column = self.settings.column("nr")
        ref = f"{_letter(raw, 'nr') or 'A'}{row.number}"
        notes.append(
            F.ID_ASSIGNED.at(
                raw.file,
                f"Das Vorhaben hat keine Nr.; es wird vorläufig als {assigned} geführt. Ist es neu, ist das "
                "richtig; setzt es ein Vorhaben des Vorjahres fort, tragen Sie dessen Nr. ein.",
                sheet=raw.sheet,
                cell=ref,
                row=row.number,
                column=nr_column.title,
                suggestion=assigned,
            )
        )
        return Activity(assigned, department, source, values, id_assigned=True)


def _letter(raw: RawMeldebogen, key: str) -> str | None:
    index = raw.columns.get(key)
    if index is None:
        return None
    return raw.header[index - 1].ref.rstrip("0123456789")
