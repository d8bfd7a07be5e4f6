"""Column widths for a text table, shared out by what the columns hold.

For the Vorlage's own tables (`content_widths`): equal or fixed widths waste the line, a
narrow column of names wraps into tall rows. Here every column first gets its minimum — a
column of short values the width of its widest value, so those never wrap; any other the
width of its widest word, as these cells are not hyphenated — and the rest of the line
goes, a step at a time, to the column whose widening lowers the table's estimated height most.

Texts are measured with Arial's (= Helvetica's, Liberation Sans's) character widths, in
em: a column that must hold "abgeschlossen" needs 6.7 em, not 13 "average" characters.
Widths come back as proportions the renderer scales to the page.

The Anlage is set by rules instead (`rule_widths`): what a column must hold follows from the
configured columns and vocabularies, not from this year's rows, so the same columns keep the
same widths from year to year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A4 landscape with 2 cm margins: 25.7 cm = 728 pt of line, in 9 pt table text.
ANNEX_LINE = 728.5 / 9
# A4 portrait with margins of 2.5 and 2 cm: 16.5 cm = 468 pt, in the Vorlage's 11 pt text.
PORTRAIT_LINE = 467.7 / 11
_PADDING = 0.8  # the cell margins left and right (2 × 0.1 cm), with a little to spare, in em
_SHORT = 7.0  # a column whose values are all this narrow keeps each on one line ("abgeschlossen": 6.7)
_BOLD = 1.08  # the header is set in bold
_WRAP_LOSS = 0.88  # word wrapping leaves the end of most lines empty
_STEPS = 60
_SAMPLE = 240  # rows looked at: enough for the distribution, cheap at 20,000 activities
_WORD = re.compile(r"[^ \t\n]+")  # a no-break space joins (Python's \S would split at it): "seit\u00a02018"

# Arial's advance widths in 1/1000 em, by character; anything else counts as 556 (a digit).
_GROUPS = {
    191: "'",
    222: "ijl",
    260: "|",
    278: " \u00a0!,./:;I[\\]ft",
    333: "()-`r„“”‚‘’",
    355: '"',
    389: "*",
    500: "Jcksvxyz",
    584: "+<=>~",
    611: "FTZß",
    667: "&ABEKPSVXYÄ",
    722: "CDHNRUwÜ",
    778: "GOQÖ",
    833: "Mm",
    889: "%",
    944: "W",
    1000: "—",
    1015: "@",
}
_ADVANCE = {character: width / 1000 for width, characters in _GROUPS.items() for character in characters}


def text_width(text: str) -> float:
    """The width of `text` in Arial, in em."""
    return sum(_ADVANCE.get(character, 0.556) for character in text)


def content_widths(header: Sequence[str], rows: Sequence[Sequence[str]], line: float) -> tuple[float, ...]:
    """Relative widths for `header`'s columns, given the texts of `rows` and a line `line` em wide."""
    count = len(header)
    sample = list(rows[:: max(1, len(rows) // _SAMPLE)])
    sample = [tuple(row[:count]) + ("",) * (count - len(row)) for row in sample]  # a ragged row of a Word table
    lengths = [[[text_width(part) for part in row[column].split("\n")] for row in sample] for column in range(count)]
    widths = [_minimum(header[column], [row[column] for row in sample]) for column in range(count)]
    budget = line - sum(widths) - _PADDING * count
    if budget > 0:
        widths = _share_out(widths, lengths, budget)
    return tuple(width + _PADDING for width in widths)


def _minimum(title: str, texts: list[str]) -> float:
    """The narrowest a column can be: its widest value if all are narrow, else its widest word.

    Words are never split: these cells are not hyphenated, and the title repeats on every page.
    """
    widest_line = max((text_width(part) for text in texts for part in text.split("\n")), default=0.0)
    words = [text_width(word) for text in texts for word in _WORD.findall(text)]
    words += [text_width(word) * _BOLD for word in _WORD.findall(title)]
    narrowest = max(words, default=1.0)
    if widest_line <= _SHORT:
        narrowest = max(narrowest, widest_line)
    return max(narrowest, 1.5)


def _share_out(widths: list[float], lengths: list[list[list[float]]], budget: float) -> list[float]:
    """Give `budget` em, step by step, to the column whose widening shortens the table most."""
    step = budget / _STEPS
    widths = list(widths)
    heights = [_heights(column, width) for column, width in zip(lengths, widths, strict=True)]
    for _ in range(_STEPS):
        current = _table_height(heights)
        best, best_gain, best_heights = 0, -1.0, heights[0]
        for column, width in enumerate(widths):
            trial = _heights(lengths[column], width + step)
            gain = current - _table_height([*heights[:column], trial, *heights[column + 1 :]])
            if gain > best_gain:
                best, best_gain, best_heights = column, gain, trial
        widths[best] += step
        heights[best] = best_heights
    return widths


def _heights(column: list[list[float]], width: float) -> list[float]:
    """Each row's estimated number of lines in a column `width` em wide (fractional: no plateaus)."""
    usable = width * _WRAP_LOSS
    return [sum(max(1.0, length / usable) for length in parts) for parts in column]


def _table_height(heights: list[list[float]]) -> float:
    """The table's height in lines: every row as tall as its tallest cell."""
    rows: Iterable[tuple[float, ...]] = zip(*heights, strict=True)
    return sum(max(row) for row in rows)


@dataclass(frozen=True)
class ColumnRule:
    """What a typesetter asks of one column, independent of this year's rows.

    `unbroken`: texts each kept on one line (a Nr., a date); `words`: texts whose words are never
    split (vocabulary values, partner names); `weight` > 0: a column of free text that shares the rest
    of the line in this proportion, never narrower than `floor` em.
    """

    title: str
    unbroken: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    weight: float = 0.0
    floor: float = 0.0


def narrowest(rule: ColumnRule) -> float:
    """The narrowest the column can be: its bold title's words, its unbroken texts and words, its floor."""
    widths = [text_width(word) * _BOLD for word in _WORD.findall(rule.title)]
    widths += [text_width(text) for text in rule.unbroken]
    widths += [text_width(word) for text in rule.words for word in _WORD.findall(text)]
    return max([*widths, rule.floor, 1.5])


def rule_widths(rules: Sequence[ColumnRule], line: float) -> tuple[float, ...]:
    """Widths in em (padding included) for `rules`: fixed columns at their narrowest, the rest by weight.

    A free column whose share would fall below its narrowest gets that and leaves the others the
    rest. When even the narrowest widths overflow the line, they come back as they are and the
    renderer scales them to the page.
    """
    widths = [narrowest(rule) for rule in rules]
    free = {index for index, rule in enumerate(rules) if rule.weight > 0}
    while free:
        rest = line - _PADDING * len(rules) - sum(w for i, w in enumerate(widths) if i not in free)
        total = sum(rules[i].weight for i in free)
        shares = {i: rest * rules[i].weight / total for i in free}
        short = {i for i, share in shares.items() if share < widths[i]}
        if not short:
            for index, share in shares.items():
                widths[index] = share
            break
        free -= short  # they keep their narrowest width; share again among the others
    return tuple(width + _PADDING for width in widths)
