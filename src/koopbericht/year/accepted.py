"""Accepted findings and open doubts: what keeps published content from an Endfassung, decided once.

A finding that calls published content probably wrong (its type's `doubt`: a status or date
contradiction, a misspelt partner with a suggestion) keeps a build an Entwurf until the clerk
corrects the cell or accepts the finding in JAHR/akzeptiert.toml. An acceptance holds while
code, file, sheet, cell, value, suggestion and the row's Vorhaben (its Nr., or for a row without
one its title) are those it was given for; otherwise it is passed over with a notice, and the
finding is open again. An entry that names no Vorhaben (written before entries did) holds no more:
another Vorhaben may have landed in its cell since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..config.accepted import Acceptance
from ..findings import TYPES, Doubt, Finding, Report, Severity
from ..findings import catalogue as F
from .exclusions import Exclusions


def doubts_content(finding: Finding) -> bool:
    """Whether `finding` calls published content probably wrong (until it is accepted)."""
    doubt = TYPES[finding.code].doubt
    if finding.severity is not Severity.WARNING or doubt is Doubt.NONE:
        return False
    return doubt is Doubt.ALWAYS or bool(finding.suggestion)


def same_place(finding: Finding, entry: Acceptance) -> bool:
    """Whether `entry` names `finding`'s code, file, sheet (when it names one) and cell."""
    return (
        finding.code == entry.code
        and finding.file == entry.file
        and (finding.cell or "").replace("$", "").upper() == entry.cell
        and (entry.sheet is None or finding.sheet == entry.sheet)
    )


def same_finding(finding: Finding, entry: Acceptance) -> bool:
    """Whether `entry` accepts `finding`: the same place, and the cell still gives the same value and suggestion."""
    shown = "" if finding.value is None else str(finding.value)
    return same_place(finding, entry) and shown == entry.value and (finding.suggestion or None) == entry.suggestion


def same_activity(finding: Finding, entry: Acceptance) -> bool:
    """Whether `finding` is about the Vorhaben `entry` was given for: the same Nr., or without one the same title."""
    if entry.nr:
        return finding.activity_nr == entry.nr
    return entry.nr == "" and not finding.activity_nr and (finding.activity_title or "") == (entry.vorhaben or "")


def apply_acceptances(report: Report, entries: Iterable[Acceptance], file_name: str) -> None:
    """Mark the report's findings that `entries` accept; a notice for every entry that no longer holds."""
    findings = report.findings
    for entry in entries:
        where = f"{file_name}, Zeile {entry.line}" if entry.line else file_name
        same = [i for i, f in enumerate(findings) if f.accepted is None and same_finding(f, entry)]
        matched = [i for i in same if same_activity(findings[i], entry)]
        acceptable = [i for i in matched if doubts_content(findings[i])]
        for i in acceptable:
            findings[i] = replace(findings[i], accepted=entry.reason)
        if not acceptable:
            report.notices.append(f"{where}: {_why_not(entry, findings, same, bool(matched))}")


def _why_not(entry: Acceptance, findings: list[Finding], same: list[int], matched: bool) -> str:
    """Why `entry` accepts no finding (`same`: those it would, but for their Vorhaben), as a notice."""
    lapsed = f"Die Annahme von „{entry.code}“ in {entry.place} gilt nicht mehr"
    if matched:
        return (
            f"„{entry.code}“ in {entry.place} braucht keine Annahme (er hält keine Endfassung auf); "
            "der Eintrag wird übergangen."
        )
    if same and entry.nr is None:
        return (
            f"{lapsed}, weil sie kein Vorhaben nennt (sie stammt aus einer älteren Version); der Befund ist wieder "
            "offen. Bitte nehmen Sie ihn erneut an (koopbericht akzeptieren) und löschen Sie diesen Eintrag."
        )
    if same:
        now = findings[same[0]]
        return (
            f"{lapsed}, weil dort ein anderes Vorhaben steht (Vorhaben geändert: angenommen für "
            f"{_vorhaben(entry.nr, entry.vorhaben)}, jetzt {_vorhaben(now.activity_nr, now.activity_title)}); "
            "der Befund ist wieder offen."
        )
    now_there = [f for f in findings if same_place(f, entry)]
    if now_there:
        return (
            f"{lapsed}, weil sich die Zelle geändert hat (angenommen für „{entry.value}“, jetzt "
            f"„{now_there[0].value}“); der Befund ist wieder offen."
        )
    return (
        f"„{entry.code}“ in {entry.place} wird nicht mehr gefunden (die Zelle ist wohl korrigiert); "
        "der Eintrag wird übergangen und kann gelöscht werden."
    )


def _vorhaben(nr: str | None, title: str | None) -> str:
    """A Vorhaben as a sentence part: "GB3-006 „Radweg“", or its title or Nr. alone."""
    quoted = f"„{title}“" if title else ""
    return " ".join(part for part in (nr, quoted) if part) or "einen Vorhaben ohne Nr. und Titel"


def open_doubts(report: Report, excluded: Exclusions, public: frozenset[str] | None = None) -> list[Finding]:
    """The findings that call published content probably wrong and are not accepted, in report order.

    A finding about a row or file that errors keep out is none, nor one about a column not among
    the `public` titles (when given): that content is not published.
    """
    return [
        f
        for f in report.findings
        if f.accepted is None
        and doubts_content(f)
        and (public is None or f.column is None or f.column in public)
        and f.file not in excluded.files
        and (f.file, f.sheet, f.row) not in excluded.rows
        and (f.file, None, f.row) not in excluded.rows
    ]


def suggested_partners(report: Report) -> Mapping[str, str]:
    """Each misspelt partner the report suggests a registered one for (unless accepted as it is), with that one.

    Counts of distinct partners use it, so „Schwielow-See“ and „Gemeinde Schwielowsee“ are one partner.
    """
    return {
        str(f.value): f.suggestion
        for f in report.findings
        if f.code == F.PARTNER_UNKNOWN.code and f.suggestion and f.accepted is None and f.value
    }


def doubt_line(finding: Finding) -> str:
    """An open doubt as one line for the Entwurf's reasons: where, what, and the way out."""
    activity = f" ({finding.activity_nr})" if finding.activity_nr else ""
    value = f"„{finding.value}“" if finding.value not in (None, "") else ""
    suggestion = f", gemeint wohl „{finding.suggestion}“" if finding.suggestion else ""
    what = f"{TYPES[finding.code].title}: {value}{suggestion}" if value else TYPES[finding.code].title
    alias = ", als Alias eintragen (koopbericht alias)" if finding.code == F.PARTNER_UNKNOWN.code else ""
    return (
        f"{finding.file}, Zelle {finding.cell}{activity}: {what} – bitte korrigieren{alias} oder annehmen "
        "(koopbericht akzeptieren)."
    )
