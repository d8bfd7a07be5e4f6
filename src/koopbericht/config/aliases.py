"""A spelling added to a partner's `aliase` in koopbericht.toml, line by line: comments and layout stay.

The edit is made on the clerk's own text (the `aliase` line extended, or one added below the
partner's `name`), then the text is parsed again and must give exactly the intended values;
where the layout cannot be edited so (an inline table, an unusual array), nothing is written
and the clerk is told the line to add by hand.
"""

from __future__ import annotations

import copy
import re
import tomllib
from typing import Any

import tomli_w

from .toml.lines import index_lines

_SINGLE_LINE_ARRAY = re.compile(r"(?P<key>\s*aliase\s*=\s*)\[(?P<items>[^\[\]#]*)\](?P<rest>[ \t]*(?:#[^\r\n]*)?)")


def toml_string(text: str) -> str:
    """`text` as a TOML string literal, quoted and escaped."""
    return tomli_w.dumps({"v": text}).split(" = ", 1)[1].rstrip("\n")


def with_alias(text: str, position: int, spelling: str) -> str | None:
    """`text` with `spelling` added to the aliases of the `position`-th [[partner]]; None where no line edit works."""
    data = tomllib.loads(text)
    expected = copy.deepcopy(data)
    partner: dict[str, Any] = expected["partner"][position]
    partner["aliase"] = [*partner.get("aliase", []), spelling]
    lines = text.splitlines(keepends=True)
    index = index_lines(text)
    at = index.get(("partner", position, "aliase"))
    edited = _extended(lines, at, spelling) if at else _added(lines, index.get(("partner", position, "name")), spelling)
    if edited is None:
        return None
    try:
        return edited if tomllib.loads(edited) == expected else None
    except tomllib.TOMLDecodeError:
        return None


def _extended(lines: list[str], number: int, spelling: str) -> str | None:
    """The `aliase = [...]` line `number` (1-based) with `spelling` appended to its array."""
    line = lines[number - 1]
    body = line.rstrip("\r\n")
    match = _SINGLE_LINE_ARRAY.fullmatch(body)
    if match is None:
        return _extended_over_lines(lines, number, spelling)
    items = match.group("items").rstrip().rstrip(",").rstrip()
    joined = f"{items}, {toml_string(spelling)}" if items.strip() else toml_string(spelling)
    end = line[len(body) :] or "\n"
    lines = [*lines]
    lines[number - 1] = f"{match.group('key')}[{joined}]{match.group('rest')}{end}"
    return "".join(lines)


def _extended_over_lines(lines: list[str], number: int, spelling: str) -> str | None:
    """An `aliase = [` array over several lines, one entry a line: `spelling` on a line of its own before `]`."""
    closing = _closing_line(lines, number - 1)
    if closing is None or lines[closing].strip() != "]":
        return None
    last = next((i for i in range(closing - 1, number - 1, -1) if _code(lines[i]).strip()), None)
    if last is None or last == number - 1:
        return None
    entry = lines[last]
    code = _code(entry).rstrip()
    if not code.endswith(","):  # the last entry gets the comma it needs, before its comment
        entry = code + "," + entry[len(code) :]
    indent = entry[: len(entry) - len(entry.lstrip())]
    end = "\r\n" if entry.endswith("\r\n") else "\n"
    new = f"{indent}{toml_string(spelling)},{end}"
    return "".join([*lines[:last], entry, *lines[last + 1 : closing], new, *lines[closing:]])


def _code(line: str) -> str:
    """`line` without its comment (a `#` outside a string) and line end."""
    quote = ""
    for position, char in enumerate(line):
        if quote:
            quote = "" if char == quote and line[position - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[:position]
    return line.rstrip("\r\n")


def _closing_line(lines: list[str], start: int) -> int | None:
    """The index of the line whose `]` closes the array opened on line `start`."""
    depth = 0
    for index in range(start, len(lines)):
        code = _code(lines[index])
        code = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', "", code)
        depth += code.count("[") - code.count("]")
        if depth <= 0:
            return index
    return None


def _added(lines: list[str], name_line: int | None, spelling: str) -> str | None:
    """A new `aliase = [...]` line right below the partner's `name` line."""
    if name_line is None or name_line > len(lines):
        return None
    line = lines[name_line - 1]
    if not re.match(r"\s*name\s*=", line):  # the name inside an inline table: no line of its own
        return None
    indent = line[: len(line) - len(line.lstrip())]
    end = "\r\n" if line.endswith("\r\n") else "\n"
    new = f"{indent}aliase = [{toml_string(spelling)}]{end}"
    return "".join([*lines[: name_line - 1], line if line.endswith("\n") else line + end, new, *lines[name_line:]])
