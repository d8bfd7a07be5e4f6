"""Finding the header row among the first rows of a sheet, and mapping its titles to columns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..config import Settings, match_key
from .a1 import column_letter
from .raw import HeaderCell

HEADER_SCAN_ROWS = 30
MIN_HEADER_MATCHES = 2
MAX_TITLE = 80  # a longer text is no column title


def header_labels(settings: Settings) -> dict[str, str]:
    """Every accepted header text (as `match_key`) and the column key it stands for."""
    return {match_key(label): column.key for column in settings.columns for label in column.labels()}


def find_header(rows: Iterable[tuple[int, list[Any]]], labels: dict[str, str]) -> tuple[int, int, list[Any]] | None:
    """(columns recognised, row number, values) of the row in the first rows that names most columns.

    The first of equally good rows wins, so a row that names every configured column
    ends the search: the rows below it (long texts, slow to compare) cannot do better.
    """
    best: tuple[int, int, list[Any]] | None = None
    everything = len(set(labels.values()))
    for number, values in rows:
        if number > HEADER_SCAN_ROWS:
            break
        keys = {labels.get(match_key(v)) for v in values if isinstance(v, str) and v} - {None}
        if len(keys) >= MIN_HEADER_MATCHES and (best is None or len(keys) > best[0]):
            best = (len(keys), number, list(values))
            if len(keys) == everything:
                break
    return best


def map_header(values: list[Any], row: int, labels: dict[str, str]) -> list[HeaderCell]:
    """The header cells of the row, up to its last title, each with the column it maps to."""
    values = list(values)
    while values and (values[-1] is None or str(values[-1]).strip() == ""):
        values = values[:-1]
    header = []
    for index, value in enumerate(values, start=1):
        title = "" if value is None else str(value).strip()
        key = labels.get(match_key(title)) if title else None
        header.append(HeaderCell(title, f"{column_letter(index)}{row}", key))
    return header


def nearest_header(rows: Iterable[tuple[int, list[Any]]], labels: dict[str, str]) -> tuple[int, int, list[Any]] | None:
    """(columns recognised, row number, values) of the row in the first rows that comes nearest to a header.

    For saying where the header was expected when none is found: the row that names most columns,
    or, where none names any, the one with most short texts (titles the settings do not know).
    """
    best: tuple[tuple[int, int], int, list[Any]] | None = None
    for number, values in rows:
        if number > HEADER_SCAN_ROWS:
            break
        texts = [v for v in values if isinstance(v, str) and v.strip() and len(v) <= MAX_TITLE]
        keys = {labels.get(match_key(v)) for v in texts} - {None}
        rank = (len(keys), len(texts))
        if len(texts) >= MIN_HEADER_MATCHES and (best is None or rank > best[0]):
            best = (rank, number, list(values))
    return (best[0][0], best[1], best[2]) if best else None
