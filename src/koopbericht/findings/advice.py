"""What a Geschäftsbereich is asked to do about a finding: the texts of annotated copies and reminders.

A finding's `message` speaks to the clerk (it may name koopbericht.toml or the partner
register the clerk keeps); the department that filled in the form gets the text here
instead: what is wrong in its form and what to do, in plain German, without codes or
settings. Each record of `catalogue` carries its text (`advice`) and how its suggestion is
offered (`offer`); `department_text` fills in the finding's column and value, and, given the
settings, the allowed values of a list and the limits of a column.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..config import Settings
from ..formatting import counted, spelled_count
from .catalogue import TYPES
from .facts import Facts
from .finding import Finding, Scope, Severity

SHOWN = 120  # characters of a value or suggestion quoted in a text; the rest is cut off with "…"


def department_text(finding: Finding, settings: Settings | None = None, *, with_suggestion: bool = True) -> str:
    """What the department is asked to do about `finding`, in plain German, with its suggestion if any.

    `settings` add the allowed values of a list and the limits of a column; without them the
    text refers to the form's dropdown instead. Never names a code, a setting or a file of the clerk.
    """
    advice = TYPES[finding.code].advice
    text = advice if isinstance(advice, str) else advice(_facts(finding, settings))
    if with_suggestion and finding.suggestion:
        text += " " + suggestion_text(finding)
    return text


def suggestion_text(finding: Finding) -> str:
    """The finding's suggestion as a sentence ("Gemeint ist wohl „geplant“."); "" without one."""
    if not finding.suggestion:
        return ""
    return TYPES[finding.code].offer.format(_cut(finding.suggestion))


def activity_text(finding: Finding) -> str:
    """The Vorhaben a finding is about, as the department knows it: „GB1-003 „Radweg““, either part alone, or ""."""
    title = f"„{_cut(finding.activity_title)}“" if finding.activity_title else ""
    if finding.activity_nr:
        return f"{finding.activity_nr} {title}".strip()
    return f"Vorhaben {title} (ohne Nr.)" if title else ""


def place_text(finding: Finding, *, name_file: bool = False, name_sheet: bool = False) -> str:
    """Where in the form a finding is, in words: "Zeile 3, Spalte „Ende“ (Zelle H3)", with file and sheet if asked."""
    where = []
    if name_file:
        where.append(f"Datei „{finding.file.rsplit('/', 1)[-1]}“")
    if name_sheet and finding.sheet:
        where.append(f"Blatt „{finding.sheet}“")
    if finding.row is not None and finding.scope in (Scope.ROW, Scope.CELL):
        where.append(f"Zeile {finding.row}")
    if finding.column:
        where.append(f"Spalte „{finding.column}“")
    place = ", ".join(where)
    if finding.cell:
        place += f" (Zelle {finding.cell})" if place else f"Zelle {finding.cell}"
    return place


def severity_counts(findings: Iterable[Finding], *, spelled: bool = False) -> str:
    """What `findings` count, in the right number: "1 Fehler und 2 Warnungen", "1 Warnung", "3 Fehler".

    `spelled`: for a text to the department, numbers up to twelve as words ("ein Fehler und zwei Warnungen").
    """
    severities = [f.severity for f in findings]
    return counts_text(severities.count(Severity.ERROR), severities.count(Severity.WARNING), spelled=spelled)


def counts_text(errors: int, warnings: int, *, spelled: bool = False) -> str:
    """The counts in the right number: "1 Fehler und 2 Warnungen", "3 Fehler", "1 Warnung", "0 Warnungen"."""
    if spelled:
        parts = [spelled_count(errors, "Fehler", "Fehler")] if errors else []
        parts += [spelled_count(warnings, "Warnung", "Warnungen", feminine=True)] if warnings or not errors else []
    else:
        parts = [counted(errors, "Fehler", "Fehler")] if errors else []
        parts += [counted(warnings, "Warnung", "Warnungen")] if warnings or not errors else []
    return " und ".join(parts)


def _facts(finding: Finding, settings: Settings | None) -> Facts:
    value = "" if finding.value in (None, "") else f"„{_cut(str(finding.value))}“"
    column = f"„{finding.column}“" if finding.column else ""
    facts = Facts(finding, column, value)
    if settings is None or not finding.column:
        return facts
    for candidate in settings.columns:
        if candidate.title.casefold() == finding.column.casefold():
            vocabulary = settings.vocabularies.get(candidate.vocabulary or "")
            allowed = vocabulary.values if vocabulary else ()
            return Facts(finding, column, value, allowed, candidate.max_length, candidate.help)
    return facts


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1].rstrip() + "…"
