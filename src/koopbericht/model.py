"""The normalised data that flows from `normalise` to assembling, rendering and comparing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .normalise.values import PartialDate

# What the Vorlage and compare show for a Geschäftsbereich instead of zeros.
NO_REPORT = "keine Meldung"  # its Meldebogen is missing or unreadable
NOT_TAKEN = "nicht übernommen"  # it was read, but errors keep all of it out


@dataclass(frozen=True)
class Source:
    """Where an activity was read: file (relative to the working folder), sheet and row."""

    file: str
    sheet: str
    row: int
    cells: dict[str, str] = field(default_factory=dict, compare=False)

    def cell(self, key: str) -> str | None:
        """The A1 reference of column `key` in this row, if that cell was filled."""
        return self.cells.get(key)


@dataclass(frozen=True)
class Activity:
    """One reported cooperation activity after normalisation.

    `values` maps column keys to normalised values: `str` for text and vocabulary
    columns, `tuple[str, ...]` for lists (partners sorted, canonical names),
    `PartialDate` for dates, `float` for numbers. Empty cells are absent.
    """

    id: str
    department: str
    source: Source
    values: dict[str, Any] = field(default_factory=dict)
    id_assigned: bool = False

    @property
    def published_id(self) -> str:
        """The Nr. as published: empty where the Meldebogen gave none.

        A provisional Nr. (KÜRZEL-neu-N) only tells activities apart inside koopbericht; it is
        never shown as if the department had given it.
        """
        return "" if self.id_assigned else self.id

    @property
    def title(self) -> str:
        """The Vorhaben."""
        return str(self.values.get("vorhaben", ""))

    @property
    def partners(self) -> tuple[str, ...]:
        """The Kooperationspartner, canonical and sorted."""
        partners = self.values.get("partner", ())
        return partners if isinstance(partners, tuple) else ()

    @property
    def status(self) -> str | None:
        """The normalised Status, if given."""
        status = self.values.get("status")
        return status if isinstance(status, str) else None

    def date(self, key: str) -> PartialDate | None:
        """A date column's value, if it was readable."""
        value = self.values.get(key)
        return value if isinstance(value, PartialDate) else None
