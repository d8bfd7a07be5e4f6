"""Texts carried over from the previous year, and which of them are still unchanged.

`koopbericht jahr` copies the previous year's `text/` as a starting point and writes
`text/VORJAHR.txt` beside the copies: the year they come from and a SHA-256 digest of
each file as copied (the lines `sha256sum` writes). A text whose content still has that
digest was not revised, so the build stays an Entwurf and names it (Markdown and Word
alike: the digest is of the file's bytes). Deleting the note ends the check.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CARRIED_FILE = "VORJAHR.txt"
TEXT_SUFFIXES = (".md", ".docx")
_SOURCE = re.compile(r"Vorjahr:\s*(\d{4})\s*")
_DIGEST = re.compile(r"([0-9a-f]{64}) [ *](.+)")


@dataclass(frozen=True)
class CarriedTexts:
    """The year the texts came from, and the carried-over texts not revised since (as messages name them)."""

    source_year: int
    unchanged: tuple[Path, ...]


def text_files(folder: Path) -> list[Path]:
    """The narrative texts in `folder` (what `read_texts` reads), in file-name order."""
    if not folder.is_dir():
        return []
    return [
        path
        for path in sorted(folder.iterdir(), key=lambda p: p.name)
        if path.is_file() and not path.name.startswith(("~$", ".")) and path.suffix.lower() in TEXT_SUFFIXES
    ]


def digest(data: bytes) -> str:
    """The SHA-256 digest of a file's content, as hex."""
    return hashlib.sha256(data).hexdigest()


def carried_note(source_year: int, year: int, files: dict[str, bytes]) -> str:
    """The content of `text/VORJAHR.txt` for texts (name → content) copied from `source_year` into `year`."""
    lines = [
        f"# Diese Texte hat „koopbericht jahr {year}“ aus dem Berichtsjahr {source_year} übernommen.",
        "# Solange einer davon unverändert ist, bleibt die Vorlage ein Entwurf; „koopbericht build“ nennt ihn.",
        f"# Bitte die Texte für {year} überarbeiten. Diese Datei bitte nicht ändern.",
        f"Vorjahr: {source_year}",
        *(f"{digest(data)}  {name}" for name, data in sorted(files.items())),
    ]
    return "\n".join(lines) + "\n"


def carried_texts(folder: Path, shown: Callable[[Path], Path]) -> CarriedTexts | None:
    """What `text/VORJAHR.txt` in `folder` says is still unchanged; None without a readable note."""
    try:
        note = (folder / CARRIED_FILE).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    source_year: int | None = None
    recorded: dict[str, str] = {}
    for line in note.splitlines():
        if source := _SOURCE.fullmatch(line):
            source_year = int(source.group(1))
        elif entry := _DIGEST.fullmatch(line.strip()):
            recorded[entry.group(2)] = entry.group(1)
    if source_year is None:
        return None
    unchanged = []
    for path in text_files(folder):
        expected = recorded.get(path.name)
        try:
            if expected is not None and digest(path.read_bytes()) == expected:
                unchanged.append(shown(path))
        except OSError:
            continue  # an unreadable text is reported when the texts are read
    return CarriedTexts(source_year, tuple(unchanged))
