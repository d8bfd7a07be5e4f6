"""Aligning the activities of two years: by Nr., else by title and partners within a Geschäftsbereich.

Departments keep the Nr. of an activity from year to year (the templates carry it
over), so the Nr. decides first. An activity without Nr., or whose Nr. changed, is
matched to the most similar unmatched activity of the same Geschäftsbereich: similar
title (difflib ratio) and overlapping partners (Jaccard). Where both sides carry a
different Nr., a match needs a near-identical title. Every pair keeps its reason.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..config import match_key
from ..model import Activity

# Title similarity needed: with a missing Nr. on one side, and with two different Nr.
LOOSE_TITLE, STRICT_TITLE = 0.6, 0.85
MIN_PARTNER_OVERLAP = 0.34


@dataclass(frozen=True)
class Pair:
    """Two activities judged to be the same, and why."""

    old: Activity
    new: Activity
    reason: str


def _similarity(old: Activity, new: Activity) -> tuple[float, float]:
    title = difflib.SequenceMatcher(None, match_key(old.title), match_key(new.title)).ratio()
    a, b = set(old.partners), set(new.partners)
    partners = len(a & b) / len(a | b) if a | b else 1.0
    return title, partners


def _acceptable(old: Activity, new: Activity, title: float, partners: float) -> bool:
    both_numbered = not old.id_assigned and not new.id_assigned
    if both_numbered:
        return title >= STRICT_TITLE and partners >= MIN_PARTNER_OVERLAP
    return (title >= LOOSE_TITLE and partners >= MIN_PARTNER_OVERLAP) or title >= STRICT_TITLE


def align(old: list[Activity], new: list[Activity]) -> tuple[list[Pair], list[Activity], list[Activity]]:
    """Pairs, activities only in the new year, activities only in the old year (in input order)."""
    pairs: list[Pair] = []
    by_id = {a.id.casefold(): a for a in old if not a.id_assigned}
    matched_old: set[int] = set()
    unmatched_new: list[Activity] = []
    for activity in new:
        partner = None if activity.id_assigned else by_id.get(activity.id.casefold())
        if partner is not None and id(partner) not in matched_old:
            pairs.append(Pair(partner, activity, "gleiche Nr."))
            matched_old.add(id(partner))
        else:
            unmatched_new.append(activity)
    remaining_old = [a for a in old if id(a) not in matched_old]
    candidates = []
    for candidate_new in unmatched_new:
        for candidate_old in remaining_old:
            if candidate_old.department != candidate_new.department:
                continue
            title, partners = _similarity(candidate_old, candidate_new)
            if _acceptable(candidate_old, candidate_new, title, partners):
                candidates.append((title + partners, title, partners, candidate_old, candidate_new))
    candidates.sort(key=lambda c: -c[0])
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, title, partners, candidate_old, candidate_new in candidates:
        if id(candidate_old) in used_old or id(candidate_new) in used_new:
            continue
        used_old.add(id(candidate_old))
        used_new.add(id(candidate_new))
        reason = f"ähnlicher Titel ({title:.0%}) und gemeinsame Partner ({partners:.0%})".replace(".", ",")
        pairs.append(Pair(candidate_old, candidate_new, reason))
    added = [a for a in unmatched_new if id(a) not in used_new]
    removed = [a for a in remaining_old if id(a) not in used_old]
    pairs.sort(key=lambda p: new.index(p.new))
    return pairs, added, removed
