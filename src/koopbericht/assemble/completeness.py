"""Whether a build is complete, and if not, what is missing: per Geschäftsbereich and overall.

Computed once per build, from the checked year; the Vorlage ("Stand der Meldungen", the
Überblick), the Anlage xlsx, the terminal and the core properties all show these same
reasons, so no output can look more complete than another.
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import Settings, YearSettings
from ..findings import DEPARTMENT_MISSING, DESCRIPTION_UNCHANGED, Severity
from ..model import NO_REPORT, NOT_TAKEN, Activity
from ..read.carried import CarriedTexts
from ..read.texts import MarkdownText, NarrativeText
from ..scaffold import is_placeholder_number, is_starter_text
from ..yeardata import FileResult, YearData
from .stats import Completeness


def completeness(
    settings: Settings,
    year_settings: YearSettings,
    data: YearData,
    published: list[Activity],
    texts: list[NarrativeText],
    carried: CarriedTexts | None = None,
) -> Completeness:
    """Everything that makes this build an Entwurf, in German, per Geschäftsbereich and overall.

    `carried`: the texts `koopbericht jahr` copied from the previous year and nobody revised since.
    """
    departments, reasons = _department_states(settings, data, published)
    others: list[str] = []  # reasons "Stand der Meldungen" does not state per Geschäftsbereich
    errors = data.report.count(Severity.ERROR)
    if errors and not any(lines for _, _, lines in departments):  # overridden, though nothing was left out
        others.append(f"{errors} Fehler in den Meldebögen mit --trotz-fehlern übergangen.")
    if not published:
        others.append("Keine Vorhaben: es liegt kein veröffentlichbares Vorhaben vor.")
    reporting = bool(reasons or others)
    number = year_settings.master.number.strip()
    vorlage_toml = f"{year_settings.year}/vorlage.toml"
    if not number:
        others.append(f"Keine Vorlagen-Nummer in {vorlage_toml} ([grunddaten] nummer).")
    elif is_placeholder_number(number):
        others.append(
            f"Vorlagen-Nummer „{number}“ ist ein Platzhalter: bitte die vergebene Nummer in {vorlage_toml} eintragen."
        )
    starters = [text.file for text in texts if isinstance(text, MarkdownText) and is_starter_text(text.text)]
    others += [f"{file.as_posix()} enthält noch den Platzhaltertext aus „koopbericht init“." for file in starters]
    if carried is not None:
        others += [
            f"{file.as_posix()} ist unverändert aus {carried.source_year} übernommen: bitte für "
            f"{year_settings.year} überarbeiten."
            for file in carried.unchanged
            if file not in starters
        ]
    return Completeness(tuple(reasons + others), tuple(departments), tuple(others), reporting)


def _department_states(
    settings: Settings, data: YearData, published: list[Activity]
) -> tuple[list[tuple[str, str, tuple[str, ...]]], list[str]]:
    """Per Geschäftsbereich what is missing, with its left-out lines; and the reasons for the terminal."""
    excluded = data.exclusions()
    kept = {id(a) for a in published}
    missing = {str(f.value) for f in data.report.findings if f.code == DEPARTMENT_MISSING.code and f.value is not None}
    stale = {(f.file, f.sheet, f.row) for f in data.report.findings if f.code == DESCRIPTION_UNCHANGED.code}
    departments: list[tuple[str, str, tuple[str, ...]]] = []
    reasons: list[str] = []
    for department in settings.departments:
        label = f"{department.code} {department.name}"
        results = [r for r in data.files if r.department == department.code]
        if department.code in missing or not results:
            departments.append((label, "kein Meldebogen eingegangen.", ()))
            reasons.append(f"Kein Meldebogen von {label}.")
            continue
        lines, dropped = _left_out_lines(results, excluded.files, excluded.reason, kept)
        unpublished = [f"{r.source.file}: {line}" for r in results if r.source.file not in excluded.files
                       for line in r.unpublished]  # fmt: skip
        if not any(r.readable for r in results):
            departments.append((label, "Meldebogen nicht lesbar.", tuple(lines)))
            reasons.append(f"Meldebogen von {label} nicht lesbar.")
        elif lines:
            rows = f"{dropped} Zeile{'n' if dropped != 1 else ''}" if dropped else "Datei"
            departments.append((label, f"wegen Fehlern weggelassen ({rows}).", tuple(lines)))
            reasons.append(f"Von {label} wegen Fehlern weggelassen: {rows} (--trotz-fehlern).")
        if unpublished:
            departments.append((label, "eingetragene Werte nicht übernommen.", tuple(unpublished)))
            reasons.append(f"Von {label}: {'; '.join(unpublished)}.")
        activities = [a for r in results for a in r.activities]
        if all(r.readable for r in results) and not activities:
            departments.append((label, "Meldebogen ohne Vorhaben eingegangen.", ()))
            reasons.append(f"Meldebogen von {label} enthält keine Vorhaben.")
        elif activities and all((a.source.file, a.source.sheet, a.source.row) in stale for a in activities):
            departments.append((label, "Meldebogen unverändert aus dem Vorjahr zurückgegeben.", ()))
            reasons.append(f"Meldebogen von {label} unverändert aus dem Vorjahr: kein Sachstand aktualisiert.")
    unassigned = [r for r in data.files if r.department is None]
    if unassigned:
        lines, _ = _left_out_lines(unassigned, excluded.files, excluded.reason, set())
        departments.append(("Ohne Geschäftsbereich", "Dateien keinem Geschäftsbereich zuzuordnen.", tuple(lines)))
        reasons.append(f"{len(unassigned)} Datei(en) keinem Geschäftsbereich zuzuordnen und nicht übernommen.")
    return departments, reasons


def _left_out_lines(
    results: list[FileResult],
    files: dict[str, str],
    row_reason: Callable[[Activity], str | None],
    kept: set[int],
) -> tuple[list[str], int]:
    """One line per left-out file (a file kept out as a whole) or row, and how many rows."""
    lines: list[str] = []
    dropped = 0
    for result in results:
        file = result.source.file
        if not result.readable or file in files:
            rows = f" ({len(result.activities)} Zeilen)" if result.activities else ""
            state = "nicht lesbar" if not result.readable else "nicht übernommen"
            lines.append(f"{file}{rows}: {state} – {files.get(file, 'nicht lesbar')}")
            dropped += len(result.activities)
            continue
        for activity in result.activities:
            if id(activity) not in kept:
                dropped += 1
                reason = row_reason(activity) or "ausgelassen"
                lines.append(f"{result.place(activity)}: {activity.title or activity.id} – {reason}")
    return lines, dropped


def not_reported(settings: Settings, data: YearData) -> dict[str, str]:
    """Geschäftsbereiche without a usable Meldebogen, and what the Überblick shows instead of zeros.

    Missing or unreadable: "keine Meldung"; read but left out as a whole by errors: "nicht übernommen".
    """
    files = data.exclusions().files
    usable = {r.department for r in data.files if r.readable and r.department and r.source.file not in files}
    read = {r.department for r in data.files if r.readable and r.department}
    return {d.code: (NOT_TAKEN if d.code in read else NO_REPORT) for d in settings.departments if d.code not in usable}


def incomplete(data: YearData, published: list[Activity]) -> frozenset[str]:
    """Geschäftsbereiche some of whose rows or files were left out."""
    kept = {id(a) for a in published}
    files = data.exclusions().files
    return frozenset(
        r.department
        for r in data.files
        if r.department and (not r.readable or r.source.file in files or any(id(a) not in kept for a in r.activities))
    )
