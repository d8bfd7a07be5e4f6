"""Figures of a year: counts per Geschäftsbereich and status, partners, and the placeholders."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..config import Settings
from ..formatting import german_number, spelled_number
from ..model import Activity

UNKNOWN_STATUS = "ohne Angabe"


@dataclass(frozen=True)
class YearFigures:
    """What the "Überblick in Zahlen" shows."""

    year: int
    activities: int
    partners: int
    departments: int
    statuses: tuple[str, ...]
    by_department: tuple[tuple[str, str, dict[str, int]], ...]
    by_status: dict[str, int]
    # Geschäftsbereiche without usable data, and the words shown instead of zeros:
    # "keine Meldung" (missing or unreadable), "nicht übernommen" (left out by errors).
    not_reported: Mapping[str, str] = field(default_factory=dict)
    # Geschäftsbereiche some of whose rows or files were left out: their counts are incomplete.
    incomplete: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Completeness:
    """Whether a build is an Endfassung, and if not, why (all German, as shown to the user)."""

    reasons: tuple[str, ...] = ()  # every reason, for the terminal and a refused --endfassung
    # "Stand der Meldungen": (Geschäftsbereich, what is missing), each with its left-out lines.
    departments: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    other_reasons: tuple[str, ...] = ()  # the reasons not about the Meldungen (text, number)
    reporting_incomplete: bool = False  # Meldebögen missing, rows/files left out, or no data
    # Findings that call published content probably wrong and are not accepted, one line each (also in the reasons).
    doubts: tuple[str, ...] = ()

    def with_doubts(self, doubts: tuple[str, ...]) -> Completeness:
        """The same state with `doubts` added: each keeps the build an Entwurf until corrected or accepted."""
        if not doubts:
            return self
        return replace(self, reasons=self.reasons + doubts, other_reasons=self.other_reasons + doubts, doubts=doubts)

    @property
    def draft(self) -> bool:
        """An Entwurf while any reason is left."""
        return bool(self.reasons)

    @property
    def status(self) -> str:
        """The document status as shown (core property contentStatus)."""
        return "Entwurf" if self.draft else "Endfassung"


def figures(
    settings: Settings,
    activities: list[Activity],
    year: int,
    *,
    not_reported: Mapping[str, str] | None = None,
    incomplete: frozenset[str] = frozenset(),
    partner_names: Mapping[str, str] | None = None,
) -> YearFigures:
    """Count the activities per Geschäftsbereich and status, and the distinct partners.

    `partner_names` maps a misspelt partner to the registered one it means (`YearData.partner_names`),
    so that one partner is counted once however a Geschäftsbereich spelt it.
    """
    statuses = list(settings.vocabularies["status"].values)
    if any(a.status is None for a in activities):
        statuses.append(UNKNOWN_STATUS)
    per_department: dict[str, dict[str, int]] = {d.code: dict.fromkeys(statuses, 0) for d in settings.departments}
    for activity in activities:  # one pass over the activities, not one per department
        counts = per_department.get(activity.department)
        if counts is not None:
            status = activity.status or UNKNOWN_STATUS
            counts[status] = counts.get(status, 0) + 1
    rows = [(d.code, d.name, per_department[d.code]) for d in settings.departments]
    by_status = {s: sum(row[2].get(s, 0) for row in rows) for s in statuses}
    names = partner_names or {}
    partners = {names.get(p, p) for a in activities for p in a.partners}
    reporting = sum(1 for _, _, counts in rows if sum(counts.values()))
    return YearFigures(
        year,
        len(activities),
        len(partners),
        reporting,
        tuple(statuses),
        tuple(rows),
        by_status,
        dict(not_reported or {}),
        incomplete,
    )


def placeholders(figures: YearFigures, settings: Settings, number: str) -> dict[str, str]:
    """The values `{{ name }}` can take in text/*.md and text/*.docx; numbers two to twelve as words (running text)."""
    values = {
        "anzahl_aktivitaeten": _in_text(figures.activities),
        "anzahl_vorhaben": _in_text(figures.activities),  # the word the Vorlage itself uses
        "anzahl_partner": _in_text(figures.partners),
        "anzahl_geschaeftsbereiche": _in_text(figures.departments),
        "berichtsjahr": str(figures.year),
        "koerperschaft": settings.authority.name,
        "vorlagen_nummer": number,
    }
    for status, count in figures.by_status.items():
        if status != UNKNOWN_STATUS:
            values[f"anzahl_{status}"] = _in_text(count)
    return values


def _in_text(count: int) -> str:
    """A count before a noun in running text: two to twelve as words ("sechs"), others in digits.

    One would have to agree with the noun that follows ("ein Vorhaben", "eine Aktivität"), which a
    placeholder does not know; "1" reads right before any noun, "eins" before none.
    """
    return spelled_number(count) if 2 <= count <= 12 else german_number(count)
