"""The Synopse's word-level differences: which words of the old text are gone and which of the new are new.

A Synopse shows the earlier version on the left and the later one on the right; the words
deleted are marked on the left, the words inserted on the right. Texts are compared as
sequences of words (`difflib` on whitespace-separated tokens, a line break a token of its
own, so that it stays a line break), lists such as the partners as sequences of their
entries, so that a partner is marked whole, never letter by letter.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

WORD_SEPARATOR = " "
LINE_BREAK = "\n"  # a token of its own: written as a line break (`w:br`), with no separator beside it
ENTRY_SEPARATOR = "; "


@dataclass(frozen=True)
class Piece:
    """A stretch of one side's text; `marked` when it was deleted (left) or inserted (right)."""

    text: str
    marked: bool


@dataclass(frozen=True)
class SideBySide:
    """Both sides of one changed field, each as pieces that join to its whole text."""

    old: tuple[Piece, ...]
    new: tuple[Piece, ...]
    # Both in one sequence, as a tracked change reads: (text, "" kept, "del" deleted, "ins" inserted).
    merged: tuple[tuple[str, str], ...] = ()


def word_diff(old: str, new: str) -> SideBySide:
    """The words of `old` not in `new` (marked on the left) and those of `new` not in `old` (on the right)."""
    return token_diff(_words(old), _words(new), WORD_SEPARATOR)


def _words(text: str) -> list[str]:
    """The words of `text`, line by line, with a `LINE_BREAK` token between two lines."""
    tokens: list[str] = []
    for index, line in enumerate(text.split(LINE_BREAK)):
        if index:
            tokens.append(LINE_BREAK)
        tokens.extend(line.split())
    return tokens


def _between(before: str, after: str, separator: str) -> str:
    """The separator shown between two tokens (or stretches): none beside a line break."""
    return "" if before.endswith(LINE_BREAK) or after.startswith(LINE_BREAK) else separator


def _joined(tokens: Sequence[str], separator: str) -> str:
    return "".join(
        token if i == 0 else _between(tokens[i - 1], token, separator) + token for i, token in enumerate(tokens)
    )


def token_diff(old: Sequence[str], new: Sequence[str], separator: str) -> SideBySide:
    """Like `word_diff`, for any two sequences of tokens shown joined by `separator`."""
    old_marks = [False] * len(old)
    new_marks = [False] * len(new)
    merged: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            merged.append((_joined(old[i1:i2], separator), ""))
        if tag in ("delete", "replace"):
            old_marks[i1:i2] = [True] * (i2 - i1)
            merged.append((_joined(old[i1:i2], separator), "del"))
        if tag in ("insert", "replace"):
            new_marks[j1:j2] = [True] * (j2 - j1)
            merged.append((_joined(new[j1:j2], separator), "ins"))
    spaced = [
        (text if index == 0 else _between(merged[index - 1][0], text, separator) + text, kind)
        for index, (text, kind) in enumerate(merged)
    ]
    return SideBySide(_pieces(old, old_marks, separator), _pieces(new, new_marks, separator), tuple(spaced))


def _pieces(tokens: Sequence[str], marks: list[bool], separator: str) -> tuple[Piece, ...]:
    """Consecutive tokens of the same marking as one piece; a space between two marked words is marked.

    A separator at the border of a marked stretch stays unmarked, so that a struck-through or
    underlined stretch begins and ends with a word; so does the "; " between two partners, each
    of whom is marked on their own.
    """
    fragments: list[tuple[str, bool]] = []
    for index, (token, marked) in enumerate(zip(tokens, marks, strict=True)):
        shown = _between(tokens[index - 1], token, separator) if index else ""
        if shown:
            fragments.append((shown, marked and marks[index - 1] and not shown.strip()))
        fragments.append((token, marked))
    # One pass, joined once per piece: concatenating piece by piece would copy long texts over and over.
    grouped = groupby(fragments, itemgetter(1))
    return tuple(Piece("".join(text for text, _ in group), marked) for marked, group in grouped)


def marked_words(pieces: Sequence[Piece]) -> list[str]:
    """The words of the marked pieces, in order (what a reader sees struck through or underlined)."""
    return [word for piece in pieces if piece.marked for word in piece.text.split()]
