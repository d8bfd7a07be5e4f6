"""The files given to `validate`, checked for what a clerk easily confuses with a Meldebogen.

`validate 2024 2023` checks one year only: the second year would be read as a file named
"2023", and where the year folder lies in the current folder, reported as a damaged
Meldebogen. A year folder, or its `meldungen/`, given as a file is the same mistake. Both
are answered with the command that does what was meant.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import UsageError
from ..project.folder import Project

_YEAR = re.compile(r"\d{4}[/\\]?")


def check_files(project: Project, year: int | None, files: list[str]) -> list[Path]:
    """The files as paths; UsageError (German) for a year, a folder or a file that does not exist."""
    paths = []
    for given in files:
        path = Path(given)
        if _YEAR.fullmatch(given) and not path.is_file():
            raise UsageError(_a_year(given.rstrip("/\\"), year))
        if path.is_dir():
            raise UsageError(_a_folder(given, path, project))
        if not path.exists():
            raise UsageError(f"Die Datei {path} gibt es nicht.")
        paths.append(path)
    return paths


def _a_year(given: str, year: int | None) -> str:
    commands = [f"koopbericht validate {y}" for y in dict.fromkeys([str(year) if year else given, given])]
    return (
        f"„{given}“ ist kein Meldebogen, sondern sieht aus wie ein Jahr. Es wird immer nur ein Jahr geprüft: "
        f"{' oder '.join(commands)}"
    )


def _a_folder(given: str, path: Path, project: Project) -> str:
    year = _year_of(path, project)
    if year is not None:
        return f"„{given}“ ist ein Ordner, kein Meldebogen. Ein ganzes Jahr prüft: koopbericht validate {year}"
    return (
        f"„{given}“ ist ein Ordner, kein Meldebogen. Bitte die Dateien einzeln angeben "
        f"(z. B. {Path(given) / 'GB1_Meldebogen.xlsx'}) oder ein Jahr prüfen: koopbericht validate JAHR"
    )


def _year_of(folder: Path, project: Project) -> int | None:
    """The year whose folder (or a folder in it, such as `meldungen/`) `folder` is."""
    try:
        inside = folder.resolve().relative_to(project.root.resolve())
    except (ValueError, OSError):
        return None
    first = inside.parts[0] if inside.parts else ""
    return int(first) if first.isdigit() and int(first) in project.years() else None
