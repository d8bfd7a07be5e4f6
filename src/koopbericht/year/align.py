"""Aligning the activities of two years: by Nr., else by title and partners within a Geschäftsbereich.

Departments keep the Nr. of an activity from year to year (the templates carry it
over), so the Nr. decides first. An activity without Nr., or whose Nr. changed, is
matched to the most similar unmatched activity of the same Geschäftsbereich: similar
title (difflib ratio) and overlapping partners (Jaccard). Where both sides carry a
different Nr., a match needs a near-identical title. Every pair keeps its reason.

Cost: the Nr. matching is one dict lookup per activity, and activities are told apart
by identity (`id`), never by comparing dataclasses. The fuzzy matching compares every
unmatched new activity of a Geschäftsbereich with every unmatched old one of the same
Geschäftsbereich, skipping pairs whose partners or cheap difflib upper bounds
(`real_quick_ratio`, `quick_ratio`) already rule them out; that is exact. It is bounded:
where a Geschäftsbereich has more than `FULL_SEARCH_PAIRS` such pairs (more than 100
unmatched activities on each side, say a Meldebogen renumbered throughout), each new
activity is compared only with the `SHORTLIST` old ones that share the most (rare)
title words with it. Only there can the result differ from the full search; the work
stays linear in the number of activities.
"""

from __future__ import annotations

import difflib
import heapq
import re
from dataclasses import dataclass

from ..config import match_key
from ..model import Activity

# Title similarity needed: with a missing Nr. on one side, and with two different Nr.
LOOSE_TITLE, STRICT_TITLE = 0.6, 0.85
MIN_PARTNER_OVERLAP = 0.34
# Beyond this many unmatched pairs in one Geschäftsbereich, each new activity is compared with a shortlist only.
FULL_SEARCH_PAIRS = 10_000
SHORTLIST = 30
COMMON_WORD = 100  # a title word of more unmatched old activities than this does not shortlist
WORD = re.compile(r"\w+")

# One possible pair: score, title similarity, partner overlap, old, new.
_Candidate = tuple[float, float, float, Activity, Activity]


@dataclass(frozen=True)
class Pair:
    """Two activities judged to be the same, and why."""

    old: Activity
    new: Activity
    reason: str


@dataclass(frozen=True, eq=False)
class _Side:
    """An activity prepared for fuzzy matching: its title key and partner set, computed once."""

    activity: Activity
    key: str
    partners: frozenset[str]

    @classmethod
    def of(cls, activity: Activity) -> _Side:
        return cls(activity, match_key(activity.title), frozenset(activity.partners))


def _acceptable(old: Activity, new: Activity, title: float, partners: float) -> bool:
    both_numbered = not old.id_assigned and not new.id_assigned
    if both_numbered:
        return title >= STRICT_TITLE and partners >= MIN_PARTNER_OVERLAP
    return (title >= LOOSE_TITLE and partners >= MIN_PARTNER_OVERLAP) or title >= STRICT_TITLE


def align(old: list[Activity], new: list[Activity]) -> tuple[list[Pair], list[Activity], list[Activity]]:
    """Pairs (in the order of `new`), activities only in the new year, only in the old year (in input order)."""
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
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, title, partners, candidate_old, candidate_new in _candidates(unmatched_new, remaining_old):
        if id(candidate_old) in used_old or id(candidate_new) in used_new:
            continue
        used_old.add(id(candidate_old))
        used_new.add(id(candidate_new))
        reason = f"ähnlicher Titel ({title * 100:.0f} %) und gemeinsame Partner ({partners * 100:.0f} %)"
        pairs.append(Pair(candidate_old, candidate_new, reason))
    added = [a for a in unmatched_new if id(a) not in used_new]
    removed = [a for a in remaining_old if id(a) not in used_old]
    position: dict[int, int] = {}
    for index, activity in enumerate(new):
        position.setdefault(id(activity), index)
    pairs.sort(key=lambda p: position[id(p.new)])
    return pairs, added, removed


def _by_department(activities: list[Activity]) -> dict[str, list[_Side]]:
    groups: dict[str, list[_Side]] = {}
    for activity in activities:
        groups.setdefault(activity.department, []).append(_Side.of(activity))
    return groups


def _candidates(unmatched_new: list[Activity], remaining_old: list[Activity]) -> list[_Candidate]:
    """Every acceptable pair within a Geschäftsbereich, best first (ties: order of new, then of old)."""
    old_groups = _by_department(remaining_old)
    candidates: list[_Candidate] = []
    for department, new_sides in _by_department(unmatched_new).items():
        old_sides = old_groups.get(department)
        if not old_sides:
            continue
        if len(new_sides) * len(old_sides) <= FULL_SEARCH_PAIRS:
            shortlists = [old_sides] * len(new_sides)
        else:
            shortlists = _shortlists(new_sides, old_sides)
        matcher: difflib.SequenceMatcher[str] = difflib.SequenceMatcher(None)
        for new_side, shortlist in zip(new_sides, shortlists, strict=True):
            matcher.set_seq2(new_side.key)  # difflib caches its analysis of the second sequence
            for old_side in shortlist:
                scored = _score(matcher, old_side, new_side)
                if scored is not None:
                    title, partners = scored
                    candidates.append((title + partners, title, partners, old_side.activity, new_side.activity))
    candidates.sort(key=lambda c: -c[0])
    return candidates


def _score(matcher: difflib.SequenceMatcher[str], old: _Side, new: _Side) -> tuple[float, float] | None:
    """Title similarity and partner overlap if the pair is acceptable; `matcher` holds `new.key` as seq2."""
    union = len(old.partners | new.partners)
    partners = len(old.partners & new.partners) / union if union else 1.0
    both_numbered = not old.activity.id_assigned and not new.activity.id_assigned
    overlap = partners >= MIN_PARTNER_OVERLAP
    if both_numbered and not overlap:
        return None
    needed = LOOSE_TITLE if overlap and not both_numbered else STRICT_TITLE
    matcher.set_seq1(old.key)
    # Upper bounds of ratio(), same denominator: a pair they rule out could not be accepted.
    if matcher.real_quick_ratio() < needed or matcher.quick_ratio() < needed:
        return None
    title = matcher.ratio()
    return (title, partners) if _acceptable(old.activity, new.activity, title, partners) else None


def _shortlists(new_sides: list[_Side], old_sides: list[_Side]) -> list[list[_Side]]:
    """For each new activity, the `SHORTLIST` old ones sharing the most title words, rare words weighing more.

    Words of more than `COMMON_WORD` old titles are skipped: they say little and would make this quadratic.
    """
    postings: dict[str, list[int]] = {}
    for index, side in enumerate(old_sides):
        for word in sorted(set(WORD.findall(side.key))):
            postings.setdefault(word, []).append(index)
    result = []
    for side in new_sides:
        weights: dict[int, float] = {}
        for word in sorted(set(WORD.findall(side.key))):
            hits = postings.get(word, [])
            if len(hits) > COMMON_WORD:
                continue
            for index in hits:
                weights[index] = weights.get(index, 0.0) + 1.0 / len(hits)
        best = heapq.nsmallest(SHORTLIST, ((-weight, index) for index, weight in weights.items()))
        result.append([old_sides[index] for index in sorted(index for _, index in best)])
    return result
