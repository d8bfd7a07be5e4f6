"""Reading settings files: TOML parsed with tomllib, mistakes located by line.

tomllib reports the line of a syntax error but knows nothing of lines once the file
is parsed. `TomlDocument` therefore keeps a small index from key paths to the line
that defines them, so that "unknown key" or "wrong type" can name the line too.
`TableReader` walks a parsed table, takes typed values out of it, and collects every
problem instead of stopping at the first, so the clerk sees all mistakes at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...errors import ConfigError, ConfigProblem, InputUnreadableError
from ...files.oserrors import os_reason
from ...files.paths import shown_relative
from .lines import KeyPath, index_lines
from .syntax import date_hint, syntax_problem

TYPE_NAMES = {
    str: "Text",
    bool: "Wahrheitswert (true/false)",
    int: "ganze Zahl",
    float: "Zahl",
    list: "Liste",
    dict: "Tabelle",
    dt.date: "Datum (JJJJ-MM-TT)",
    dt.datetime: "Datum mit Uhrzeit",
}


def shown_path(path: Path) -> Path:
    """`path` as the user best recognises it: relative to the current folder if below it."""
    try:
        return shown_relative(path, Path.cwd())
    except OSError:  # the current folder no longer exists
        return path


def format_key(path: KeyPath) -> str:
    """Render a key path as the user reads it: `geschaeftsbereich[2].name` (1-based)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            shown = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{part}"'
            text += f".{shown}" if text else shown
    return text


class TomlDocument:
    """A parsed TOML file with its key-to-line index and the problems found in it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.display = shown_path(path)
        self.problems: list[ConfigProblem] = []
        try:
            self.text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ConfigError(
                [ConfigProblem(self.display, "", f"Die Datei ist nicht UTF-8-kodiert ({exc.reason}).")]
            ) from None
        except OSError as exc:
            raise InputUnreadableError(
                f"{self.display}: Die Datei kann nicht gelesen werden: {os_reason(exc)}."
            ) from None
        try:
            self.data: dict[str, Any] = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            problem = syntax_problem(self.text, exc)
            raise ConfigError([ConfigProblem(self.display, "", problem.message, problem.line)]) from None
        self._lines = index_lines(self.text)

    def line_of(self, path: KeyPath) -> int | None:
        """The line defining `path`, or of its nearest enclosing key."""
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return None

    def problem(self, path: KeyPath, message: str) -> None:
        """Record a problem at `path`."""
        self.problems.append(ConfigProblem(self.display, format_key(path), message, self.line_of(path)))

    def root(self) -> TableReader:
        """A reader over the whole file."""
        return TableReader(self, self.data, ())

    def raise_if_problems(self) -> None:
        """Stop with every recorded problem, in file order."""
        if self.problems:
            ordered = sorted(self.problems, key=lambda p: (p.line or 0, p.key))
            raise ConfigError(ordered)


_MISSING = object()


class TableReader:
    """Typed access to one TOML table; remembers which keys were read."""

    def __init__(self, doc: TomlDocument, data: dict[str, Any], path: KeyPath) -> None:
        self.doc = doc
        self.data = data
        self.path = path
        self._known: set[str] = set()

    def key_path(self, key: str | int) -> KeyPath:
        """The full path of `key` below this table."""
        return (*self.path, key)

    def has(self, key: str) -> bool:
        """Whether the table sets `key` (and marks it as known)."""
        self._known.add(key)
        return key in self.data

    def _get(self, key: str, kind: type | tuple[type, ...], required: bool) -> Any:
        self._known.add(key)
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.doc.problem(self.path, f"Der Pflichtschlüssel „{key}“ fehlt.")
            return _MISSING
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wrong_bool = isinstance(value, bool) and bool not in kinds
        wrong_datetime = isinstance(value, dt.datetime) and dt.datetime not in kinds
        if wrong_bool or wrong_datetime or not isinstance(value, kinds):
            expected = " oder ".join(TYPE_NAMES.get(k, k.__name__) for k in kinds)
            found = TYPE_NAMES.get(type(value), type(value).__name__)
            self.doc.problem(self.key_path(key), f"Erwartet wird {expected}, angegeben ist {found}.{self._hint(key)}")
            return _MISSING
        return value

    def _hint(self, key: str) -> str:
        """For a date given as a text ("29.03.2024"): the line as TOML wants it."""
        line = self.doc.line_of(self.key_path(key))
        lines = self.doc.text.splitlines()
        hint = date_hint(lines[line - 1], quoted=True) if line and line <= len(lines) else None
        return f" {hint}" if hint else ""

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str | None:
        """A string value; empty strings count as missing when required."""
        value = self._get(key, str, required)
        if value is _MISSING:
            return default
        if required and not value.strip():
            self.doc.problem(self.key_path(key), "Der Wert darf nicht leer sein.")
        return str(value)

    def flag(self, key: str, default: bool) -> bool:
        """A boolean value."""
        value = self._get(key, bool, False)
        return default if value is _MISSING else bool(value)

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        """A TOML date (`2024-11-13`)."""
        value = self._get(key, dt.date, required)
        return None if value is _MISSING else value

    def texts(self, key: str, default: list[str] | None = None) -> list[str]:
        """A list of strings; a single string is accepted as a one-element list."""
        value = self._get(key, (list, str), False)
        if value is _MISSING:
            return list(default or [])
        if isinstance(value, str):
            return [value]
        result = []
        for position, item in enumerate(value):
            if isinstance(item, str):
                result.append(item)
            else:
                found = TYPE_NAMES.get(type(item), type(item).__name__)
                self.doc.problem(self.key_path(key), f"Eintrag {position + 1} muss Text sein, ist aber {found}.")
        return result

    def table(self, key: str) -> TableReader | None:
        """A sub-table, or None when absent."""
        value = self._get(key, dict, False)
        return None if value is _MISSING else TableReader(self.doc, value, self.key_path(key))

    def tables(self, key: str) -> list[TableReader]:
        """An array of tables (`[[key]]`)."""
        value = self._get(key, list, False)
        if value is _MISSING:
            return []
        readers = []
        for position, item in enumerate(value):
            path = (*self.path, key, position)
            if isinstance(item, dict):
                readers.append(TableReader(self.doc, item, path))
            else:
                self.doc.problem(path, f"Jeder Eintrag von „{key}“ muss eine Tabelle sein.")
        return readers

    def items(self) -> Iterator[tuple[str, Any]]:
        """Every key of the table, marking all as known (for free-form tables)."""
        self._known.update(self.data)
        yield from self.data.items()

    def finish(self) -> None:
        """Report every key that was never read as unknown, with the closest known one."""
        for key in self.data:
            if key in self._known:
                continue
            close = difflib.get_close_matches(key, sorted(self._known), n=1, cutoff=0.6)
            hint = f" Meinten Sie „{close[0]}“?" if close else ""
            allowed = ", ".join(sorted(self._known)) or "keine"
            self.doc.problem(self.key_path(key), f"Unbekannter Schlüssel.{hint} Erlaubt sind hier: {allowed}.")
