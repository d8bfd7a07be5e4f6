"""A finding: one problem at a place in a Meldebogen, as data, and the kind of finding it is.

Checks create `Finding`s through `FindingType.at(...)` (or a cell reader's `Note`) and never
print. The kinds themselves, one record per code, are in `catalogue`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .facts import Advice


class Scope(StrEnum):
    """What a finding is about, and so what an error leaves out of a publication (`build --trotz-fehlern`)."""

    FILE = "file"  # the whole file: an error leaves out all of its rows
    COLUMN = "column"  # one column of a file: an error leaves out the file's rows, never the column alone
    ROW = "row"  # one activity: an error leaves out that row
    CELL = "cell"  # one value: an error leaves out its row
    YEAR = "year"  # the year's set of files (a department missing): leaves nothing out


class Doubt(StrEnum):
    """Whether a finding calls published content probably wrong, which keeps a build an Entwurf until accepted."""

    NONE = "none"
    ALWAYS = "always"  # a contradiction in the row (Status against the dates, the report year)
    WITH_SUGGESTION = "with-suggestion"  # only when it suggests a correction (a misspelt partner)


class Severity(StrEnum):
    """How much a finding matters; errors stop a build."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One problem (or silent normalisation) at a place in a Meldebogen."""

    code: str
    severity: Severity
    file: str
    message: str
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    value: Any = None
    suggestion: str | None = None
    scope: Scope = Scope.CELL
    # The activity of the finding's row, as the department reported it (filled by `pipeline`): Nr. and Vorhaben.
    activity_nr: str | None = None
    activity_title: str | None = None
    # Why the clerk accepted this finding (JAHR/akzeptiert.toml), or None: an accepted finding keeps no build a draft.
    accepted: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The finding in the shape of `validate --format json`."""
        data = asdict(self)
        data["severity"] = self.severity.value
        value = data["value"]
        if value is not None and not isinstance(value, str | int | float | bool):
            data["value"] = str(value)
        return {key: data[key] for key in JSON_KEYS}


# SPEC's keys first; the activity's Nr. and title and the reason it was accepted (or null) after them, so
# programs reading the others keep working.
JSON_KEYS = (
    *("code", "severity", "file", "sheet", "cell", "row", "column", "value", "message", "suggestion"),
    *("activity_nr", "activity_title", "accepted"),
)


@dataclass(frozen=True, slots=True)
class Location:
    """Where in a file a finding is: sheet, row, column title and A1 cell, each as far as known."""

    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """A finding not yet placed: what a cell reader says about a value, before it knows the cell's place."""

    type: FindingType
    message: str
    value: Any = None
    suggestion: str | None = None

    def at(self, file: str, where: Location) -> Finding:
        """The finding this note makes at `where` in `file`."""
        return self.type.at(file, self.message, where=where, value=self.value, suggestion=self.suggestion)


@dataclass(frozen=True)
class FindingType:
    """A kind of finding: code, severity, title and an example for the README; what a department is asked to do.

    `advice` is the department's text (a string, or a function of the finding's `Facts` when it
    names the column, the value or the allowed values); `offer` how a suggestion is offered.
    """

    code: str
    severity: Severity
    title: str
    example: str
    scope: Scope = Scope.CELL
    advice: Advice = field(kw_only=True)
    offer: str = field(default="Vorschlag: „{}“.", kw_only=True)
    doubt: Doubt = field(default=Doubt.NONE, kw_only=True)

    def at(
        self,
        file: str,
        message: str,
        *,
        where: Location | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        row: int | None = None,
        column: str | None = None,
        value: Any = None,
        suggestion: str | None = None,
    ) -> Finding:
        """A finding of this type at the given place: `where`, with single parts given directly taking precedence."""
        if where is not None:
            sheet = where.sheet if sheet is None else sheet
            cell = where.cell if cell is None else cell
            row = where.row if row is None else row
            column = where.column if column is None else column
        return Finding(self.code, self.severity, file, message, sheet, cell, row, column, value, suggestion, self.scope)

    def note(self, message: str, value: Any = None, suggestion: str | None = None) -> Note:
        """A finding of this type about a value whose place is added later (see `Note.at`)."""
        return Note(self, message, value, suggestion)
