"""The generated pages of docs/: commands, settings and findings, written from the code itself.

`python -m koopbericht.reference [DOCS]` (re)writes them; `stale_pages` tells which differ from
what the code now says (tests/test_docs.py fails on any, naming the command that fixes them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .commands import commands_page
from .findings import findings_page
from .settings import settings_page

REGENERATE = "python -m koopbericht.reference"
PAGES: dict[str, Callable[[], str]] = {
    "befehle.md": commands_page,
    "einstellungen.md": settings_page,
    "befunde.md": findings_page,
}


def write_pages(docs: Path) -> list[Path]:
    """Write every generated page into `docs`; returns the pages that changed."""
    changed = []
    docs.mkdir(parents=True, exist_ok=True)
    for name, page in PAGES.items():
        target = docs / name
        text = page()
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8", newline="\n")
            changed.append(target)
    return changed


def stale_pages(docs: Path) -> list[str]:
    """The generated pages in `docs` that are missing or differ from what the code says now."""
    stale = []
    for name, page in PAGES.items():
        target = docs / name
        if not target.is_file() or target.read_text(encoding="utf-8") != page():
            stale.append(name)
    return stale
