"""Figures of a year: counts per Geschäftsbereich and status, partners, and the placeholders."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Settings
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


def figures(settings: Settings, activities: list[Activity], year: int) -> YearFigures:
    """Count the activities per Geschäftsbereich and status, and the distinct partners."""
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
    partners = {p for a in activities for p in a.partners}
    reporting = sum(1 for _, _, counts in rows if sum(counts.values()))
    return YearFigures(year, len(activities), len(partners), reporting, tuple(statuses), tuple(rows), by_status)


def german_number(value: int) -> str:
    """1234 → 1.234."""
    return f"{value:,}".replace(",", ".")


def placeholders(figures: YearFigures, settings: Settings, number: str) -> dict[str, str]:
    """The values `{{ name }}` can take in text/*.md."""
    values = {
        "anzahl_aktivitaeten": german_number(figures.activities),
        "anzahl_partner": german_number(figures.partners),
        "anzahl_geschaeftsbereiche": german_number(figures.departments),
        "berichtsjahr": str(figures.year),
        "koerperschaft": settings.authority.name,
        "vorlagen_nummer": number,
    }
    for status, count in figures.by_status.items():
        if status != UNKNOWN_STATUS:
            values[f"anzahl_{status}"] = german_number(count)
    return values
