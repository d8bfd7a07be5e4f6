"""Reading a rendered PDF back as a reader sees it: lines, and words broken across them.

`pdftotext -bbox-layout` gives blocks (a table cell, a paragraph), their lines, and each
line's words. A word broken without a hyphen ("Schulentwicklungsplanu|ng", "e.|V.") shows
as a line ending in a fragment that, joined with the next line's first word, is a word
of the source text.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import docx

_PUNCTUATION = "„“”\"'()[],;:!?"
_LINE = re.compile(r"<line[^>]*>(.*?)</line>", re.S)
_WORD = re.compile(r"<word[^>]*>(.*?)</word>")
_BLOCK = re.compile(r"<block[^>]*>(.*?)</block>", re.S)


def source_words(*documents: Path) -> set[str]:
    """Every word of the documents' paragraphs and table cells; a no-break space joins two into one."""
    words: set[str] = set()
    for path in documents:
        document = docx.Document(str(path))
        texts = [p.text for p in document.paragraphs]
        texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        for text in texts:
            words.update(_clean(word) for word in re.split(r"[ \t\n]+", text) if word)
    return words


def pdf_lines(pdf: Path) -> list[list[list[str]]]:
    """The PDF's blocks, each a list of lines, each a list of words (HTML entities decoded)."""
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    blocks = []
    for block in _BLOCK.findall(layout.stdout):
        lines = [[_unescape(word) for word in _WORD.findall(line)] for line in _LINE.findall(block)]
        blocks.append([line for line in lines if line])
    return blocks


def broken_words(pdf: Path, words: set[str]) -> list[str]:
    """Words of `words` broken across lines without a hyphen, as "fragment|rest".

    A word torn over several lines ("Sch|ule|ntw|…") is followed through them; a pair that a
    no-break space should have kept together ("e.|V.") counts too.
    """
    starts = {word[:end] for word in words for end in range(1, len(word) + 1)}
    broken = []
    for block in pdf_lines(pdf):
        carry = ""  # the beginning of a word torn at an earlier line's end, continued on the next
        for line, following in itertools.pairwise(block):
            end, start = _clean(line[-1]), _clean(following[0])
            fragment = carry + end if carry and len(line) == 1 else end
            carry = ""
            if f"{end}\u00a0{start}" in words:
                broken.append(f"{end}|{start}")
            elif not fragment or fragment in words or fragment.endswith(("-", "–", "/")):
                continue
            elif fragment + start in words:
                broken.append(f"{fragment}|{start}")
            elif fragment + start in starts:
                carry = fragment
    return broken


def _clean(word: str) -> str:
    return word.strip(_PUNCTUATION)


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


_POSITIONED_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', re.S)
_PAGE = re.compile(r"<page .*?</page>", re.S)


def text_columns(pdf: Path) -> list[list[list[str]]]:
    """Runs of lines that follow one another in one column of text (a cell, a paragraph), as lists of words.

    Lines are grouped by page and left edge, whatever blocks pdftotext makes of a table row: two
    lines follow one another when they start at the same x and the second begins within half a
    line of the first one's bottom.
    """
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    runs: list[list[list[str]]] = []
    for page in _PAGE.findall(layout.stdout):
        by_left: dict[int, list[tuple[float, float, list[str]]]] = {}
        for left, top, bottom, body in _POSITIONED_LINE.findall(page):
            words = [_unescape(word) for word in _WORD.findall(body)]
            if words:
                by_left.setdefault(round(float(left)), []).append((float(top), float(bottom), words))
        for lines in by_left.values():
            lines.sort()
            run = [lines[0][2]]
            for (_, bottom, _), (top, next_bottom, words) in itertools.pairwise(lines):
                if top - bottom < (next_bottom - top) / 2:
                    run.append(words)
                else:
                    runs.append(run)
                    run = [words]
            runs.append(run)
    return runs


def hyphenations(pdf: Path, words: set[str]) -> list[list[str | None]]:
    """For every run of lines (`text_columns`), per line the word hyphenation split at its end ("Pro-|jekt" as
    "Projekt"), else None. A break at a hyphen of the word itself ("Teltow-|Fläming") is no hyphenation.
    """
    prefixes = {word[:end] for word in words for end in range(1, len(word) + 1)}
    result = []
    for run in text_columns(pdf):
        marks: list[str | None] = []
        for line, following in itertools.pairwise(run):
            end, start = _clean(line[-1]), _clean(following[0])
            split = end.endswith("-") and len(end) > 1 and end not in words and end not in prefixes
            marks.append(end[:-1] + start if split else None)
        result.append([*marks, None])
    return result


def longest_hyphenated_run(marks: list[list[str | None]]) -> int:
    """The most hyphenated lines that follow one another."""
    longest = 0
    for run in marks:
        count = 0
        for mark in run:
            count = count + 1 if mark else 0
            longest = max(longest, count)
    return longest
