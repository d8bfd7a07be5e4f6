"""Which files of a year are Meldebögen, and which Geschäftsbereich each belongs to."""

from __future__ import annotations

import fnmatch
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import Department, Settings
from ..files.paths import shown_relative


@dataclass(frozen=True)
class SourceFile:
    """A file to read, as shown to the user, and the Geschäftsbereiche its name matches."""

    path: Path
    file: str
    departments: tuple[str, ...]


# What `eingang` writes beside the Meldebögen: the record of the mails (the folder `fruehere/` of earlier
# versions is a folder, and only files directly in meldungen/ are read).
INTAKE_RECORD = "eingang.toml"


def is_candidate(path: Path) -> bool:
    """Whether a file in meldungen/ is read as a Meldebogen at all."""
    # Excel's lock files (~$name.xlsx) and hidden files are never Meldebögen, nor eingang's record.
    if path.name.startswith(("~$", ".")) or path.name.endswith(".tmp") or path.name.casefold() == INTAKE_RECORD:
        return False
    return path.is_file()


@functools.lru_cache(maxsize=4096)
def _pattern(pattern: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """A file pattern compiled as fnmatch reads it (case-folded), and its stem's if it has an extension.

    Compiled once: every file of a year is matched against every Geschäftsbereich's patterns.
    """
    pattern = pattern.casefold()
    pattern_stem, dot, _ = pattern.rpartition(".")
    return re.compile(fnmatch.translate(pattern)), re.compile(fnmatch.translate(pattern_stem)) if dot else None


def _matches(name: str, pattern: str) -> bool:
    """`name` (case-folded) matches `pattern`, or its stem the pattern's stem."""
    whole, stem_pattern = _pattern(pattern)
    if whole.match(name):
        return True
    # "GB1_*.xlsx" also claims "GB1_Meldebogen.xls", so a wrong format is reported for GB1.
    stem, _, _ = name.rpartition(".")
    return bool(stem_pattern and stem and stem_pattern.match(stem))


def departments_for(name: str, settings: Settings) -> tuple[str, ...]:
    """The Kürzel of every Geschäftsbereich whose file patterns match `name`."""
    name = name.casefold()
    return tuple(d.code for d in settings.departments if any(_matches(name, p) for p in d.patterns))


def matches_department(name: str, department: Department) -> bool:
    """Whether `name` matches one of the Geschäftsbereich's file patterns."""
    return any(_matches(name.casefold(), p) for p in department.patterns)


def shown_name(path: Path, root: Path) -> str:
    """`path` relative to the working folder (as findings name files), else as given."""
    shown = shown_relative(path, root)
    return str(path) if shown is path else shown.as_posix()


def source_files(paths: list[Path], settings: Settings) -> list[SourceFile]:
    """Describe the given files, in name order."""
    return [
        SourceFile(path, shown_name(path, settings.root), departments_for(path.name, settings))
        for path in sorted(paths, key=lambda p: p.name.casefold())
    ]


def year_files(folder: Path, settings: Settings) -> list[SourceFile]:
    """Every candidate file in a year's `meldungen/` folder."""
    if not folder.is_dir():
        return []
    return source_files([p for p in folder.iterdir() if is_candidate(p)], settings)
