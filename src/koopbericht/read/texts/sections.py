"""The narrative sections of a year: `text/*.md` and `text/*.docx`, together in file-name order.

Lock files of Word (`~$…`) and hidden files are skipped; a text in another word-processing
format is named (it would otherwise be missing from the Vorlage without a word).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputUnreadableError, UsageError
from ...files.oserrors import os_reason
from .wordtext import WordText, read_word_text

_OTHER_FORMATS = {".doc", ".docm", ".dot", ".dotx", ".odt", ".rtf"}


@dataclass(frozen=True)
class MarkdownText:
    """A narrative section in Markdown, as written; `file` as messages name it."""

    file: Path
    text: str


NarrativeText = MarkdownText | WordText


def read_texts(folder: Path, shown: Callable[[Path], Path]) -> tuple[list[NarrativeText], list[str]]:
    """The texts in `folder` in file-name order, and German notes about files that are not read."""
    if not folder.is_dir():
        return [], []
    texts: list[NarrativeText] = []
    notes = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(("~$", ".")) or not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix == ".md":
            texts.append(_markdown(path, shown(path)))
        elif suffix == ".docx":
            texts.append(read_word_text(path, shown(path)))
        elif suffix in _OTHER_FORMATS:
            notes.append(
                f"{shown(path).as_posix()} wird nicht übernommen: Texte bitte als Word-Dokument (.docx) oder "
                "Markdown (.md) ablegen."
            )
    return texts, notes


def _markdown(path: Path, shown: Path) -> MarkdownText:
    try:
        return MarkdownText(shown, path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise UsageError(f"{shown} ist nicht UTF-8-kodiert; bitte als UTF-8 speichern.") from None
    except OSError as error:
        raise InputUnreadableError(f"{shown.as_posix()} kann nicht gelesen werden: {os_reason(error)}.") from None
