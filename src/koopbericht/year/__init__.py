"""The checked and normalised data of a year: what the pipeline gives every use case.

Plain data between the stages: which file gave what, the report, what errors keep out of a
publication (`exclusions`) and where each Geschäftsbereich's Meldung stands (`state`). Both are
decided once, when the year is checked (`settle`); every command reads them, none decides again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..config import Department
from ..findings import Finding, Report
from ..model import Activity
from .accepted import open_doubts, suggested_partners
from .exclusions import Exclusions, exclusions
from .fileresult import FileResult
from .state import NOT_USABLE, DepartmentState, DepartmentStatus, department_states, left_out_lines

__all__ = [
    "NOT_USABLE", "DepartmentState", "DepartmentStatus", "Exclusions", "FileResult", "YearData", "left_out_lines",
]  # fmt: skip


@dataclass
class YearData:
    """The checked and normalised data of a year (or of the given files)."""

    year: int | None
    report: Report
    files: list[FileResult]
    # Decided once by `settle` (or, for data never settled, on first use) and kept: see the module docstring.
    _exclusions: Exclusions | None = field(default=None, repr=False, compare=False)
    _states: dict[str, DepartmentState] = field(default_factory=dict, repr=False, compare=False)

    def settle(self, departments: Sequence[Department]) -> None:
        """Decide, now that the report is final, what is left out and each Geschäftsbereich's state."""
        self._exclusions = exclusions(self.report)
        self._states = department_states(departments, self.report, self.files, self._exclusions)

    @property
    def activities(self) -> list[Activity]:
        """Every activity read, in file and row order."""
        return [a for result in self.files for a in result.activities]

    @property
    def departments(self) -> list[DepartmentState]:
        """Every configured Geschäftsbereich's state, in the configured order (empty before `settle`)."""
        return list(self._states.values())

    def state(self, code: str) -> DepartmentState:
        """The state of the Geschäftsbereich `code` (decided by `settle`)."""
        return self._states[code]

    def exclusions(self) -> Exclusions:
        """What errors keep out of a publication, decided by each finding's scope, with the reason."""
        if self._exclusions is None:  # data that was never settled (a subset, a test): decided once, here
            self._exclusions = exclusions(self.report)
        return self._exclusions

    def publishable(self) -> list[Activity]:
        """The activities that no error keeps out (see `exclusions`)."""
        excluded = self.exclusions()
        return [a for a in self.activities if excluded.reason(a) is None]

    def doubts(self, public: frozenset[str] | None = None) -> list[Finding]:
        """The findings that call published content probably wrong and are not accepted: each keeps an Entwurf.

        `public`: the titles of the columns published; a finding about another column doubts nothing published.
        """
        return open_doubts(self.report, self.exclusions(), public)

    def partner_names(self) -> Mapping[str, str]:
        """Misspelt partners with the registered name the report suggests: counts of partners use it."""
        return suggested_partners(self.report)

    def left_out(self, published: list[Activity] | None = None) -> list[str]:
        """What errors leave out of a publication: one line per row, per file read without rows.

        A file that cannot be read is not among them: it is no error in what was sent but a file to send
        again, and its Geschäftsbereich's state names it „nicht lesbar“.
        """
        kept = {id(a) for a in (self.publishable() if published is None else published)}
        excluded = self.exclusions()
        lines = [
            result.left_out_line(a, excluded.reason(a) or "ausgelassen")
            for result in self.files
            for a in result.activities
            if id(a) not in kept
        ]
        for result in self.files:
            if result.readable and not result.activities and result.source.file in excluded.files:
                lines.append(f"{result.source.file}: nicht übernommen – {excluded.files[result.source.file]}")
        return lines
