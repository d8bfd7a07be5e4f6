"""Which configured column a header koopbericht does not know most likely stands for.

Departments rename headers ("Stand 31.12." for Status, "Erläuterung GB3" for
Beschreibung/Sachstand). A renamed column is recognised by its title (similar to the
column's title or an alias, or containing one as a word) or by its values (all status
words; dates; long texts where a description is missing).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from ..config import Column, ColumnType, Settings, match_key
from ..normalise.values import PartnerIndex, clean_text, parse_date, parse_number, split_list, vocabulary_suggestion
from ..read import UnknownColumn

LIKELY = 0.6  # the least score that makes a suggestion
SIMILAR = 0.75  # the least similarity of two titles that counts at all
FIT = 0.5  # the least share of values that must fit a typed column for it to be suggested
_WORD = re.compile(r"[\w./-]+")


def likely_columns(missing: Iterable[Column], unknown: dict[int, UnknownColumn], settings: Settings) -> dict[str, int]:
    """For each missing column (by key), the index of the unknown column it most likely is; each used once."""
    scored = sorted(
        (
            (score(column, candidate, settings), column.key, index)
            for column in missing
            for index, candidate in unknown.items()
        ),
        reverse=True,
    )
    result: dict[str, int] = {}
    for value, key, index in scored:
        if value >= LIKELY and key not in result and index not in result.values():
            result[key] = index
    return result


def score(column: Column, candidate: UnknownColumn, settings: Settings) -> float:
    """How likely (0…1) the unknown column `candidate` is the configured `column`; 0 when its values contradict it."""
    if not values_fit(column, candidate.samples, settings):
        return 0.0
    return max(_title_score(column, candidate.title), _value_score(column, candidate.samples, settings))


def values_fit(column: Column, samples: list[Any], settings: Settings) -> bool:
    """Whether the values of a column fit `column`'s type: most are dates for a date, list words for a list.

    A title alone misleads („Projekt-standort“ looks like „Projektstatus“, yet holds postcodes
    and places); a column without values, or of free text, contradicts nothing.
    """
    values = [value for value in samples if clean_text(value).text]
    if not values:
        return True
    if column.type is ColumnType.DATE:
        return _share(parse_date(value) is not None for value in values) >= FIT
    if column.type is ColumnType.NUMBER:
        return _share(parse_number(value) is not None for value in values) >= FIT
    if column.type is ColumnType.VOCABULARY and column.vocabulary in settings.vocabularies:
        vocabulary = settings.vocabularies[column.vocabulary]
        texts = [clean_text(value).text for value in values]
        return _share(vocabulary_suggestion(vocabulary, text) is not None for text in texts) >= FIT
    return True


def _title_score(column: Column, title: str) -> float:
    key = match_key(title)
    words = set(_WORD.findall(key))
    best = 0.0
    for label in column.labels():
        label_key = match_key(label)
        if label_key in words or label_key.split("/")[0] in words:
            best = max(best, 0.8)  # "Stand 31.12." holds the alias "Stand"
        similarity = difflib.SequenceMatcher(None, key, label_key).ratio()
        if similarity >= SIMILAR:  # below, short words look alike by chance ("Notizen", "Finanzierung")
            best = max(best, similarity)
    return best


def _value_score(column: Column, samples: list[Any], settings: Settings) -> float:
    texts = [clean_text(value).text for value in samples]
    texts = [text for text in texts if text]
    if len(texts) < 2:
        return 0.0
    if column.type is ColumnType.VOCABULARY and column.vocabulary:
        vocabulary = settings.vocabularies[column.vocabulary]
        return _share(vocabulary.normalise(text) is not None for text in texts)
    if column.type is ColumnType.DATE:
        return _share(parse_date(value) is not None for value in samples) * 0.9
    if column.type is ColumnType.LIST and column.key == "partner" and settings.partners:
        partners = PartnerIndex(settings.partners)
        return _share(any(partners.canonical(item) for item in split_list(text)) for text in texts)
    if column.type is ColumnType.TEXT and column.required and column.key != "vorhaben":
        # A long running text where a required description is missing is most likely it.
        return 0.7 if sum(len(text) for text in texts) / len(texts) >= 60 else 0.0
    return 0.0


def _share(hits: Iterable[bool]) -> float:
    results = list(hits)
    return sum(results) / len(results) if results else 0.0
