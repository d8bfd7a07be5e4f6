"""A finding's details as a department text uses them, and the texts that need more than a sentence.

The catalogue's records name these functions as their `advice`; `advice.department_text`
builds the `Facts` from the finding and the settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..formatting import german_number
from .finding import Finding

MAX_LISTED = 10  # allowed values named in a text; a longer list is left to the form's dropdown


@dataclass(frozen=True)
class Facts:
    """A finding's details as a department text uses them, each ready to be put into a sentence."""

    finding: Finding
    column: str  # „Status“, or "" when the finding names no column
    value: str  # „in Planng“, or ""
    allowed: tuple[str, ...] = ()  # the values of the column's list, when known
    max_length: int | None = None
    help: str = ""  # the column's input hint, as the template shows it

    @property
    def in_column(self) -> str:
        """The column after "in der Spalte" (" in der Spalte „Status“"), or ""."""
        return f" in der Spalte {self.column}" if self.column else ""

    @property
    def then_value(self) -> str:
        """The value after a noun (" „GB4-007“"), or ""."""
        return f" {self.value}" if self.value else ""


Advice = str | Callable[[Facts], str]


NOTHING_TO_DO = "Keine Änderung nötig."


def choose(f: Facts) -> str:
    """The text for a value not in the list: the allowed values named when they are few."""
    allowed = f.allowed
    if allowed and len(allowed) <= MAX_LISTED:
        quote = any(" " in a or "," in a for a in allowed)
        words = [f"„{a}“" if quote else a for a in allowed]
        listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} oder {words[-1]}"
        choice = f"Bitte einen Wert aus der Auswahlliste wählen: {listed}."
    elif f.column:
        choice = f"Bitte einen Wert aus der Auswahlliste der Spalte {f.column} wählen."
    else:
        choice = "Bitte einen Wert aus der Auswahlliste wählen."
    return f"{f.value or 'Der Wert'} ist{f.in_column} nicht vorgesehen. {choice}"


def required(f: Facts) -> str:
    """The text for a missing required value, with the column's input hint."""
    hint = re.sub(r"\s*\(Pflichtfeld\)", "", f.help).strip()  # the text says so already
    return f"{f.column or 'Diese Angabe'} ist eine Pflichtangabe. Bitte ausfüllen." + (
        f" Hinweis: {hint}" if hint else ""
    )


def ends_before_start(f: Facts) -> str:
    """The text for an Ende before the Beginn: both values and both cells, as the check's message names them."""
    message = f.finding.message
    if message.startswith("Das Ende ") and "Beginn" in message:
        return message  # "Das Ende 06/2019 (Zelle H3) liegt vor dem Beginn 2024 (Zelle G3). Bitte …"
    cell = f" (Zelle {f.finding.cell})" if f.finding.cell else ""
    return f"Das Ende{f.then_value}{cell} liegt vor dem Beginn. Bitte beide Daten prüfen."


def status_vs_dates(f: Facts) -> str:
    """The text for a Status that does not fit Beginn and Ende."""
    if f.finding.suggestion is None and f.value == "„abgeschlossen“":
        return "Das Vorhaben ist als „abgeschlossen“ gemeldet, aber ohne Ende. Bitte das Ende eintragen."
    message = f.finding.message
    if message.startswith("Das Vorhaben ist „") and "(Zelle " in message:
        # "Das Vorhaben ist „laufend“, das Ende 06/2019 (Zelle H3) liegt aber in der Vergangenheit.": both values,
        # the Ende's cell; the Status's cell is the finding's own, which every text names with it.
        return f"{message} Bitte Status und Ende prüfen."
    return f"Der Status{f.then_value} passt nicht zu Beginn und Ende. Bitte Status und Daten prüfen."


def too_long(f: Facts) -> str:
    """The text for a text too long for the table, with the column's limit when known."""
    limit = f" auf höchstens {german_number(f.max_length)} Zeichen" if f.max_length else ""
    return f"Der Text ist zu lang für die Tabelle des Berichts. Bitte{limit} kürzen."
