"""tomllib's syntax errors in German, and the date a clerk writes the German way.

tomllib says "Expected newline or end of document after a statement" for
`frist = 29.03.2024`: TOML dates are written `2024-03-29`, without quotes. A German date
(`29.03.2024`, `1.4.24`) or an unpadded one (`2024-3-29`) on the line of the error, or as a
quoted text where a date is expected, is answered with the exact line to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass

_TOMLLIB_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOMLLIB_END = "(at end of document)"
# tomllib's reasons, in German; an unknown reason is shown as tomllib gives it.
_TOMLLIB_REASONS = {
    "Invalid value": "ungültiger Wert – fehlt ein Anführungszeichen oder eine Klammer?",
    "Expected '=' after a key in a key/value pair": "nach dem Schlüssel fehlt ein =",
    "Invalid initial character for a key part": "ein Schlüssel beginnt mit einem unerlaubten Zeichen",
    "Unclosed array": "eine Liste [ … ] wird nicht geschlossen",
    "Unclosed inline table": "eine Tabelle { … } wird nicht geschlossen",
    "Unterminated string": "ein Text wird nicht mit einem Anführungszeichen beendet",
    "Illegal character": "unerlaubtes Zeichen – fehlt ein schließendes Anführungszeichen?",
    "Cannot overwrite a value": "ein Schlüssel ist doppelt angegeben",
    "Expected newline or end of document after a statement": "nach einem Wert folgt noch etwas in derselben Zeile",
    "Invalid statement": "diese Zeile ist weder Abschnitt noch Schlüssel = Wert",
    "Invalid date or datetime": "ungültiges Datum (erwartet JJJJ-MM-TT)",
}
# 29.03.2024, 1.4.24, "29.03.2024" – or 2024-3-29 (TOML wants two digits for month and day).
_GERMAN_DATE = re.compile(r"""(?P<q>["']?)\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})\b(?P=q)""")
_UNPADDED_DATE = re.compile(r"""(?P<q>["']?)\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b(?P=q)""")


@dataclass(frozen=True)
class SyntaxProblem:
    """Where tomllib stopped (line, when known) and why, in German."""

    line: int | None
    message: str


def syntax_problem(text: str, error: tomllib.TOMLDecodeError) -> SyntaxProblem:
    """The German message for a file tomllib refused, naming the line where it can."""
    position = _TOMLLIB_POSITION.search(str(error))
    line = int(position.group(1)) if position else None
    if line is None and _TOMLLIB_END in str(error):
        line = max(1, len(text.splitlines()))
    lines = text.splitlines()
    if line is not None and 0 < line <= len(lines):
        hint = date_hint(lines[line - 1])
        if hint:
            return SyntaxProblem(line, f"Die Datei ist kein gültiges TOML: {hint}")
    reason = _TOMLLIB_POSITION.sub("", str(error)).replace(_TOMLLIB_END, "").strip()
    reason = next((german for key, german in _TOMLLIB_REASONS.items() if reason.startswith(key)), reason)
    return SyntaxProblem(line, f"Die Datei ist kein gültiges TOML: {reason}. Prüfen Sie diese Zeile und die davor.")


def date_hint(line: str, *, quoted: bool = False) -> str | None:
    """For a line with a date written another way: how TOML wants it, with the line as it should read.

    `quoted`: the date stands as a text in quotes (`"29.03.2024"`, valid TOML but not a date);
    otherwise it stands bare, which tomllib cannot parse. A date inside a longer text is left alone.
    """
    body, comment = _split_comment(line)
    strings = _inside_strings(body)
    found = [
        match
        for match in [*_GERMAN_DATE.finditer(body), *_UNPADDED_DATE.finditer(body)]
        if match.start() not in strings and bool(match.group("q")) == quoted
    ]
    if not found:
        return None
    found.sort(key=lambda match: match.start())
    replaced, position, first = "", 0, ""
    for match in found:
        iso = _iso(match)
        if iso is None:
            written = match.group(0).strip("\"'")
            return f"{written} ist kein gültiges Datum. Daten in TOML als JJJJ-MM-TT schreiben, ohne Anführungszeichen."
        first = first or iso
        replaced += body[position : match.start()] + iso
        position = match.end()
    corrected = (replaced + body[position:] + comment).strip()
    return f"Daten in TOML als {first} schreiben (ohne Anführungszeichen): {corrected}"


def _iso(match: re.Match[str]) -> str | None:
    year = int(match.group("y"))
    if len(match.group("y")) == 2:
        year += 2000
    try:
        return dt.date(year, int(match.group("m")), int(match.group("d"))).isoformat()
    except ValueError:
        return None


def _inside_strings(body: str) -> set[int]:
    """The positions inside a quoted text (its opening quote not counted)."""
    inside, quote = set(), ""
    for index, char in enumerate(body):
        if quote:
            inside.add(index)
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
    return inside


def _split_comment(line: str) -> tuple[str, str]:
    """The line before a `#` that is not inside quotes, and the comment with the space before it."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            body = line[:index]
            stripped = body.rstrip()
            return stripped, line[len(stripped) :]
    return line, ""
