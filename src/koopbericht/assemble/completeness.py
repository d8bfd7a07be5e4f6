"""Whether a build is complete, and if not, what is missing: per Geschäftsbereich and overall.

Computed once per build, from the checked year; the Vorlage ("Stand der Meldungen", the
Überblick), the Anlage xlsx, the terminal and the core properties all show these same
reasons, so no output can look more complete than another.
"""

from __future__ import annotations

from ..config import Settings, YearSettings
from ..findings import Severity
from ..model import NO_REPORT, NOT_TAKEN, Activity
from ..project.scaffold import is_placeholder_number, is_starter_text
from ..read.texts.carried import CarriedTexts
from ..read.texts.sections import MarkdownText, NarrativeText
from ..year import DepartmentState, DepartmentStatus, YearData, left_out_lines
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
    departments, reasons = _department_states(data)
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


def _department_states(data: YearData) -> tuple[list[tuple[str, str, tuple[str, ...]]], list[str]]:
    """Per Geschäftsbereich what is missing, with its left-out lines; and the reasons for the terminal.

    Each Geschäftsbereich's state is decided once with the year (`YearData.state`); here it is worded.
    """
    departments: list[tuple[str, str, tuple[str, ...]]] = []
    reasons: list[str] = []
    for state in data.departments:
        label = state.label
        if state.status is DepartmentStatus.MISSING:
            departments.append((label, "kein Meldebogen eingegangen.", ()))
            reasons.append(f"Kein Meldebogen von {label}.")
            continue
        if state.status is DepartmentStatus.UNREADABLE:
            departments.append((label, "Meldebogen nicht lesbar.", state.reasons))
            reasons.append(f"Meldebogen von {label} nicht lesbar.")
        elif state.status is DepartmentStatus.PARTLY_LEFT_OUT and state.unreadable:
            what = _partly(state)
            departments.append((label, f"nur teilweise übernommen ({what}).", state.reasons))
            reasons.append(f"Von {label} nur teilweise übernommen: {what}.")
        elif state.status in (DepartmentStatus.LEFT_OUT, DepartmentStatus.PARTLY_LEFT_OUT):
            dropped = len(state.dropped)
            rows = f"{dropped} Zeile{'n' if dropped != 1 else ''}" if dropped else "Datei"
            departments.append((label, f"wegen Fehlern weggelassen ({rows}).", state.reasons))
            reasons.append(f"Von {label} wegen Fehlern weggelassen: {rows} (--trotz-fehlern).")
        if state.unpublished:
            departments.append((label, "eingetragene Werte nicht übernommen.", state.unpublished))
            reasons.append(f"Von {label}: {'; '.join(state.unpublished)}.")
        if state.status is DepartmentStatus.EMPTY:
            departments.append((label, "Meldebogen ohne Vorhaben eingegangen.", ()))
            reasons.append(f"Meldebogen von {label} enthält keine Vorhaben.")
        elif state.status is DepartmentStatus.UNCHANGED:
            departments.append((label, "Meldebogen unverändert aus dem Vorjahr zurückgegeben.", ()))
            reasons.append(f"Meldebogen von {label} unverändert aus dem Vorjahr: kein Sachstand aktualisiert.")
    unassigned = [r for r in data.files if r.department is None]
    if unassigned:
        lines = left_out_lines(unassigned, data.exclusions())
        departments.append(("Ohne Geschäftsbereich", "Dateien keinem Geschäftsbereich zuzuordnen.", tuple(lines)))
        reasons.append(f"{len(unassigned)} Datei(en) keinem Geschäftsbereich zuzuordnen und nicht übernommen.")
    return departments, reasons


def _partly(state: DepartmentState) -> str:
    """Which of a partly left-out Geschäftsbereich's files or rows are missing, and why, in a few words."""
    parts = [f"{file} nicht lesbar" for file in state.unreadable]
    parts += [f"{file} wegen Fehlern weggelassen" for file in state.excluded]
    rows = sum(1 for a in state.dropped if a.source.file not in state.excluded)
    if rows:
        parts.append(f"{rows} Zeile{'n' if rows != 1 else ''} wegen Fehlern weggelassen")
    return "; ".join(parts)


def not_reported(data: YearData) -> dict[str, str]:
    """Geschäftsbereiche without a usable Meldebogen, and what the Überblick shows instead of zeros.

    Missing or unreadable: "keine Meldung"; read but left out as a whole by errors: "nicht übernommen".
    """
    shown = {DepartmentStatus.MISSING: NO_REPORT, DepartmentStatus.UNREADABLE: NO_REPORT}
    return {s.code: shown.get(s.status, NOT_TAKEN) for s in data.departments if not s.usable}


def incomplete(data: YearData) -> frozenset[str]:
    """Geschäftsbereiche some of whose rows or files were left out, though others are published."""
    return frozenset(s.code for s in data.departments if s.status is DepartmentStatus.PARTLY_LEFT_OUT)
