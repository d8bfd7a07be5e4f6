"""`python -m koopbericht.reference [DOCS]`: regenerate docs/befehle.md, docs/einstellungen.md, docs/befunde.md."""

from __future__ import annotations

import sys
from pathlib import Path

from . import write_pages


def main(arguments: list[str]) -> int:
    """Write the pages into the folder given (default: docs/ of the current folder) and name what changed."""
    docs = Path(arguments[0]) if arguments else Path("docs")
    for path in write_pages(docs):
        print(f"neu geschrieben: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
