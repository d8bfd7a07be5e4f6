"""The headline figures of a comparison, and the order of Geschäftsbereiche in all its lists.

The figures are those the Markdown sentence states; the xlsx shows them in „Überblick“ and the
JSON under "ueberblick". Every list follows the configured order of Geschäftsbereiche
(koopbericht.toml), as the Vorlage does, not the alphabet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from ..config import Settings

if TYPE_CHECKING:
    from .diff import Comparison

Item = TypeVar("Item")


@dataclass(frozen=True)
class Figure:
    """One headline figure; `value` None where it says nothing (totals over different Geschäftsbereiche)."""

    label: str
    value: int | None


def headline_figures(result: Comparison) -> list[Figure]:
    """Totals of both years, their difference, and how many activities and partners are new, gone, changed."""
    a, b = result.year_old, result.year_new
    comparable = not (result.gaps or result.not_comparable)
    figures = [
        Figure(f"Vorhaben {a}", result.total_old),
        Figure(f"Vorhaben {b}", result.total_new),
        Figure(f"Veränderung {a}–{b}", result.total_new - result.total_old if comparable else None),
        Figure("neu", len(result.added)),
        Figure("nicht mehr gemeldet", len(result.removed)),
        Figure("geändert", len(result.changed)),
        Figure("unverändert", result.unchanged),
    ]
    if result.not_comparable:
        figures.append(Figure("nicht vergleichbar", len(result.not_comparable)))
    figures += [
        Figure("Kooperationspartner hinzugekommen", len(result.partners_gained)),
        Figure("Kooperationspartner weggefallen", len(result.partners_lost)),
    ]
    return figures


def in_department_order(settings: Settings, items: Sequence[Item], department: Callable[[Item], str]) -> list[Item]:
    """`items` by the configured order of their Geschäftsbereich (unknown ones last), otherwise as they were."""
    position = {d.code: index for index, d in enumerate(settings.departments)}
    return sorted(items, key=lambda item: position.get(department(item), len(position)))
