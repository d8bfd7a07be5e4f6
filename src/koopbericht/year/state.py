"""The state of each Geschäftsbereich's Meldung in a year: decided here once, read by every command.

The rule, in this order (the first that applies):

- missing: no file of the Geschäftsbereich is there;
- unreadable: every file of it is unreadable;
- left out: no file is usable (each is unreadable or kept out as a whole by an error, at least one of
  them read), or the files are usable but an error keeps every row out;
- partly left out: some of its files are usable and some are not (an unreadable file is named
  „nicht lesbar“, a file kept out by an error names the error), or some of its rows are kept out by
  errors and others are published;
- empty: the usable files hold no activity;
- returned unchanged: every activity repeats the previous year's Sachstand (`sachstand-unveraendert`);
- complete: everything else.

"Usable" means read and not kept out as a whole by an error (see `exclusions`). A department that
is partly left out still counts and its published activities are compared; what its unusable files
held is unknown, so it makes the department's count incomplete and the other year's unmatched
activities "nicht vergleichbar".
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import Department
from ..findings import Report
from ..findings.catalogue import DEPARTMENT_MISSING, DESCRIPTION_UNCHANGED
from ..formatting import counted
from ..model import Activity
from .exclusions import Exclusions
from .fileresult import FileResult


class DepartmentStatus(enum.Enum):
    """Where a Geschäftsbereich's Meldung stands (see the module docstring for the rule)."""

    MISSING = "fehlt"
    UNREADABLE = "nicht lesbar"
    LEFT_OUT = "wegen Fehlern weggelassen"
    PARTLY_LEFT_OUT = "teilweise weggelassen"
    EMPTY = "ohne Vorhaben"
    UNCHANGED = "unverändert aus dem Vorjahr"
    COMPLETE = "vollständig"


# No row of the Geschäftsbereich is published: it has not reported (usably) this year.
NOT_USABLE = frozenset({DepartmentStatus.MISSING, DepartmentStatus.UNREADABLE, DepartmentStatus.LEFT_OUT})


@dataclass(frozen=True)
class DepartmentState:
    """One Geschäftsbereich's Meldung in a year: its files, its status and what was left out, and why."""

    code: str
    name: str
    status: DepartmentStatus
    files: tuple[FileResult, ...]
    published: tuple[Activity, ...]
    dropped: tuple[Activity, ...]  # rows read but kept out: in a file kept out as a whole, or by a row error
    reasons: tuple[str, ...]  # one German line per file or row left out, naming it and why
    unreadable: tuple[str, ...]  # the files that could not be read
    excluded: tuple[str, ...]  # the files that were read but an error keeps out as a whole
    unpublished: tuple[str, ...]  # "file: line" for values entered that no published file takes over

    @property
    def label(self) -> str:
        """Kürzel and name, as the Vorlage names a Geschäftsbereich."""
        return f"{self.code} {self.name}"

    @property
    def usable(self) -> bool:
        """Whether any of its rows is published (partly left out counts: its figures are shown, marked)."""
        return self.status not in NOT_USABLE

    @property
    def unusable_files(self) -> tuple[str, ...]:
        """The files none of whose rows is taken: unreadable, or kept out as a whole by an error."""
        return self.unreadable + self.excluded

    @property
    def activities(self) -> int:
        """How many activities its files hold, published or not."""
        return sum(len(r.activities) for r in self.files)


def department_states(
    departments: Sequence[Department], report: Report, files: Sequence[FileResult], excluded: Exclusions
) -> dict[str, DepartmentState]:
    """Every configured Geschäftsbereich's state, by Kürzel, in the configured order."""
    missing = {str(f.value) for f in report.findings if f.code == DEPARTMENT_MISSING.code and f.value is not None}
    stale = {(f.file, f.sheet, f.row) for f in report.findings if f.code == DESCRIPTION_UNCHANGED.code}
    states = {}
    for department in departments:
        own = tuple(r for r in files if r.department == department.code)
        states[department.code] = _state(department, own, excluded, stale, department.code in missing)
    return states


def _state(
    department: Department,
    files: tuple[FileResult, ...],
    excluded: Exclusions,
    stale: set[tuple[str, str | None, int | None]],
    reported_missing: bool,
) -> DepartmentState:
    unreadable = tuple(r.source.file for r in files if not r.readable)
    kept_out = tuple(r.source.file for r in files if r.readable and r.source.file in excluded.files)
    activities = [a for r in files for a in r.activities]
    dropped = tuple(a for a in activities if excluded.reason(a) is not None)
    published = tuple(a for a in activities if excluded.reason(a) is None)
    usable = [r for r in files if r.readable and r.source.file not in excluded.files]
    if reported_missing or not files:
        status = DepartmentStatus.MISSING
    elif not usable:
        status = DepartmentStatus.UNREADABLE if not kept_out else DepartmentStatus.LEFT_OUT
    elif unreadable or kept_out or (dropped and published):
        status = DepartmentStatus.PARTLY_LEFT_OUT
    elif dropped:
        status = DepartmentStatus.LEFT_OUT
    elif not activities:
        status = DepartmentStatus.EMPTY
    elif all((a.source.file, a.source.sheet, a.source.row) in stale for a in activities):
        status = DepartmentStatus.UNCHANGED
    else:
        status = DepartmentStatus.COMPLETE
    unpublished = tuple(
        f"{r.source.file}: {line}" for r in files if r.source.file not in excluded.files for line in r.unpublished
    )
    return DepartmentState(
        department.code, department.name, status, files, published, dropped,
        tuple(left_out_lines(files, excluded)), unreadable, kept_out, unpublished,
    )  # fmt: skip


def left_out_lines(files: Sequence[FileResult], excluded: Exclusions) -> list[str]:
    """One German line per file left out as a whole (unreadable, or kept out by an error) or row left out."""
    lines: list[str] = []
    for result in files:
        file = result.source.file
        if not result.readable or file in excluded.files:
            rows = f" ({counted(len(result.activities), 'Zeile', 'Zeilen')})" if result.activities else ""
            state = "nicht lesbar" if not result.readable else "nicht übernommen"
            lines.append(f"{file}{rows}: {state} – {excluded.files.get(file, 'nicht lesbar')}")
            continue
        for activity in result.activities:
            reason = excluded.reason(activity)
            if reason is not None:
                lines.append(result.left_out_line(activity, reason))
    return lines
