"""Next year's `vorlage.toml` from this year's: what changes, edited into the clerk's own text.

The values are read with tomllib; the changes (a placeholder number, the Betreff's ordinal
and year advanced, dates moved, the Beratungsfolge planned again, last year's links gone)
are then made line by line, so the clerk's comments and layout stay. The edited text is
parsed again and must give exactly the intended values; where a layout cannot be edited
line by line (an inline table, a value over several lines), the file is written anew
with tomli-w instead, and a note says that its comments were not kept.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import tomli_w

from ..project.scaffold import placeholder_number
from .toml.lines import KeyPath, index_lines

_NUMBER_COMMENT = "# Platzhalter: die Vorlagen-Nummer eintragen, sobald sie vergeben ist."
_VALUE = (
    r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?'
)
_ORDINAL = re.compile(r"^(\s*)(\d+)\.(?=\s)")
_DELETE = object()


@dataclass(frozen=True)
class RolledOver:
    """The new year's vorlage.toml and what the clerk should check in it (German)."""

    text: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Change:
    path: KeyPath
    value: Any  # the new value, or _DELETE
    comment: str | None = None  # a comment line put above the value


def roll_over(text: str, source_year: int, year: int) -> RolledOver:
    """`text`, the vorlage.toml of `source_year`, carried over to `year`."""
    data = tomllib.loads(text)
    changes = _changes(data, source_year, year)
    expected = _applied(data, changes)
    notes = _notes(data, source_year, year)
    edited = _edited(text, changes, source_year, year)
    if edited is not None and tomllib.loads(edited) == expected:
        return RolledOver(edited, notes)
    rewritten = f"# Angaben zur Mitteilungsvorlage des Berichtsjahres {year}.\n" + tomli_w.dumps(expected)
    note = (
        f"{year}/vorlage.toml wurde neu geschrieben, weil sich die Angaben aus {source_year} nicht Zeile für Zeile "
        "übertragen ließen; Kommentare aus dem Vorjahr sind dabei entfallen."
    )
    return RolledOver(rewritten, (*notes, note))


def _changes(data: dict[str, Any], source_year: int, year: int) -> list[_Change]:
    """Every value that changes, in no particular order."""
    gap = year - source_year
    changes: list[_Change] = []
    master = data.get("grunddaten")
    if isinstance(master, dict):
        if isinstance(master.get("nummer"), str):
            number = placeholder_number(year, master["nummer"])
            changes.append(_Change(("grunddaten", "nummer"), number, _NUMBER_COMMENT))
        if isinstance(master.get("betreff"), str):
            changes.append(_Change(("grunddaten", "betreff"), _subject(master["betreff"], source_year, year)))
        changes += _moved(master, ("grunddaten",), "datum", gap)
        if "web" in master:
            changes.append(_Change(("grunddaten", "web"), _DELETE))
    report = data.get("meldung")
    if isinstance(report, dict):
        changes += _moved(report, ("meldung",), "frist", gap)
    consultations = data.get("beratungsfolge")
    for position, consultation in enumerate(consultations if isinstance(consultations, list) else []):
        if not isinstance(consultation, dict):
            continue
        path: KeyPath = ("beratungsfolge", position)
        changes += _moved(consultation, path, "datum", gap)
        if "status" in consultation:
            changes.append(_Change((*path, "status"), "geplant"))
        if "sitzung_url" in consultation:
            changes.append(_Change((*path, "sitzung_url"), _DELETE))
    return [change for change in changes if change.value != _get(data, change.path)]


def _moved(table: dict[str, Any], path: KeyPath, key: str, years: int) -> list[_Change]:
    """A date (or date and time) moved by `years`; 29 February becomes 28 February where needed."""
    value = table.get(key)
    if not isinstance(value, dt.date):
        return []
    try:
        moved = value.replace(year=value.year + years)
    except ValueError:
        moved = value.replace(year=value.year + years, day=28)
    return [_Change((*path, key), moved)]


def _subject(subject: str, source_year: int, year: int) -> str:
    """The Betreff advanced: "5. Kooperationsbericht …" → "6. Kooperationsbericht …"; "… 2023" → "… 2024"."""
    advanced = _ORDINAL.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + year - source_year}.", subject, count=1)
    return re.sub(rf"(?<!\d){source_year}(?!\d)", str(year), advanced)


def _notes(data: dict[str, Any], source_year: int, year: int) -> tuple[str, ...]:
    notes = []
    if year - source_year > 1:
        between = [str(y) for y in range(source_year + 1, year)]
        missing = (
            f"das Jahr {between[0]} fehlt"
            if len(between) == 1
            else f"die Jahre {', '.join(between[:-1])} und {between[-1]} fehlen"
        )
        notes.append(
            f"Übernommen aus {source_year}: {missing} im Arbeitsordner. Die Daten sind um {year - source_year} "
            f"Jahre verschoben, die Ordnungszahl im Betreff um {year - source_year} erhöht – bitte prüfen."
        )
    explanation = data.get("erlaeuterung")
    text = explanation.get("text") if isinstance(explanation, dict) else None
    if isinstance(text, str) and re.search(rf"(?<!\d){source_year}(?!\d)", text):
        notes.append(
            f"Die Erläuterung in {year}/vorlage.toml nennt das Jahr {source_year}: bitte prüfen, ob {year} gemeint ist."
        )
    return tuple(notes)


def _get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _applied(data: dict[str, Any], changes: list[_Change]) -> dict[str, Any]:
    """A copy of `data` with the changes made: what the new file must contain."""
    result = copy.deepcopy(data)
    for change in changes:
        parent = _get(result, change.path[:-1])
        if change.value is _DELETE:
            del parent[change.path[-1]]
        else:
            parent[change.path[-1]] = change.value
    return result


def _edited(text: str, changes: list[_Change], source_year: int, year: int) -> str | None:
    """`text` with each change made on its own line; None where a change is not on a line of its own."""
    lines = text.splitlines(keepends=True)
    index = index_lines(text)
    replaced: dict[int, list[str]] = {}
    for change in changes:
        number = index.get(change.path)
        if number is None or number - 1 in replaced or number > len(lines):
            return None
        line = lines[number - 1]
        key = re.escape(str(change.path[-1]))
        assignment = rf"(\s*(?:[A-Za-z0-9_-]+\s*\.\s*)*(?:{key}|\"{key}\"|'{key}')\s*=\s*)"
        match = re.fullmatch(rf"{assignment}({_VALUE})([ \t]*(?:#[^\r\n]*)?)(\r?\n)?", line)
        if match is None:
            return None
        if change.value is _DELETE:
            replaced[number - 1] = []
            continue
        end = match.group(4) or "\n"
        literal = tomli_w.dumps({"v": change.value}).split(" = ", 1)[1].rstrip("\n")
        above = []
        if change.comment and (number < 2 or lines[number - 2].strip() != change.comment):  # once, not yearly
            above.append(line[: len(line) - len(line.lstrip())] + change.comment + end)
        replaced[number - 1] = [*above, match.group(1) + literal + match.group(3) + end]
    edited = [part for number, line in enumerate(lines) for part in replaced.get(number, [line])]
    return "".join(_top_comments(edited, source_year, year))


def _top_comments(lines: list[str], source_year: int, year: int) -> list[str]:
    """The comment lines at the top of the file name the new year instead of the old one."""
    result = list(lines)
    for number, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        result[number] = re.sub(rf"(?<!\d){source_year}(?!\d)", str(year), line)
    return result
