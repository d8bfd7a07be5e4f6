"""Where each key of a TOML file is defined, by line: tomllib forgets lines once it has parsed.

A small line scanner, not a second parser: it follows table headers, arrays of tables
and dotted keys well enough to name the line of a mistake found after parsing.
"""

from __future__ import annotations

import re

KeyPath = tuple[str | int, ...]

_BARE_OR_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_-]+'
_KEY_PART = re.compile(rf"\s*({_BARE_OR_QUOTED})\s*")
_TABLE_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(#.*)?$")
_ASSIGNMENT = re.compile(rf"^\s*((?:{_BARE_OR_QUOTED})(?:\s*\.\s*(?:{_BARE_OR_QUOTED}))*)\s*=\s*(.*)$")
_INLINE_KEY = re.compile(rf"(?:^|[{{,])\s*({_BARE_OR_QUOTED})\s*=")


def _unquote(part: str) -> str:
    part = part.strip()
    if len(part) >= 2 and part[0] == part[-1] and part[0] in "\"'":
        return part[1:-1]
    return part


def _split_dotted(key: str) -> list[str]:
    parts: list[str] = []
    pos = 0
    while pos < len(key):
        match = _KEY_PART.match(key, pos)
        if not match:
            break
        parts.append(_unquote(match.group(1)))
        pos = match.end()
        if pos < len(key) and key[pos] == ".":
            pos += 1
    return parts


def _within_arrays(parts: list[str], array_counts: dict[KeyPath, int]) -> KeyPath:
    """`[[geschaeftsbereich.kontakt]]` belongs to the latest `[[geschaeftsbereich]]`: its index goes in."""
    resolved: list[str | int] = []
    for position, part in enumerate(parts):
        resolved.append(part)
        if position < len(parts) - 1 and tuple(resolved) in array_counts:
            resolved.append(array_counts[tuple(resolved)] - 1)
    return tuple(resolved)


def index_lines(text: str) -> dict[KeyPath, int]:
    """Map every key path the file defines to its line number (1-based)."""
    index: dict[KeyPath, int] = {}
    array_counts: dict[KeyPath, int] = {}
    prefix: KeyPath = ()
    depth = 0  # open brackets of a multi-line array: its lines define no keys
    in_multiline_string = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline_string:
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline_string = False
            continue
        if depth > 0:
            depth += line.count("[") - line.count("]")
            continue
        header = _TABLE_HEADER.match(line)
        if header and not _ASSIGNMENT.match(line):
            names = _within_arrays(_split_dotted(header.group(2)), array_counts)
            if header.group(1) == "[[":
                position = array_counts.get(names, 0)
                array_counts[names] = position + 1
                prefix = (*names, position)
                index.setdefault(names, number)
            else:
                prefix = names
            index.setdefault(prefix, number)
            continue
        assignment = _ASSIGNMENT.match(line)
        if not assignment:
            continue
        path = (*prefix, *_split_dotted(assignment.group(1)))
        index.setdefault(path, number)
        value = assignment.group(2)
        if value.startswith("{"):
            for inner in _INLINE_KEY.finditer(value):
                index.setdefault((*path, _unquote(inner.group(1))), number)
        if value.startswith(('"""', "'''")) and value.count(value[:3]) == 1:
            in_multiline_string = True
        depth = max(0, value.count("[") - value.count("]")) if value.startswith("[") else 0
    return index
