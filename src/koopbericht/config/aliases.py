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
        return None
    items = match.group("items").rstrip().rstrip(",").rstrip()
    joined = f"{items}, {toml_string(spelling)}" if items.strip() else toml_string(spelling)
    end = line[len(body) :] or "\n"
    lines = [*lines]
    lines[number - 1] = f"{match.group('key')}[{joined}]{match.group('rest')}{end}"
    return "".join(lines)


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
