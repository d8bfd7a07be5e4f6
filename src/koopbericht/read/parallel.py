"""Reading a year's Meldebögen on every core, where there are enough of them to pay for the processes.

Each Meldebogen is read on its own (`read_meldebogen`), so many files are read side by
side in worker processes; checking and normalising stay in the calling process, in the
files' order, so that findings and activities are the same as when read one by one.
A few files are read in the calling process: starting workers costs more than it saves.
`KOOPBERICHT_PROZESSE=1` reads every file in the calling process (for debugging), another
number caps the workers. The worker's function is at module level, so that it can be
found in a spawned or frozen process too.
"""

from __future__ import annotations

import copyreg
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import MappingProxyType

from ..config import Settings
from .errors import UnreadableWorkbook
from .raw import RawMeldebogen
from .workbook import read_meldebogen

# From this many files on, reading is spread over worker processes.
MIN_FILES = 8
PROCESSES_VARIABLE = "KOOPBERICHT_PROZESSE"

# A file's result crosses the process boundary as the raw Meldebogen or as (kind, message):
# UnreadableWorkbook itself cannot be pickled with its two arguments.
Outcome = RawMeldebogen | tuple[str, str]

# The settings and columns read, given to each worker once when it starts (`_start`).
_settings: Settings | None = None
_only: frozenset[str] | None = None
_year: int | None = None


def _mapping_proxy(items: dict[str, str]) -> MappingProxyType[str, str]:
    return MappingProxyType(items)


# The settings hold read-only mappings, which pickle cannot send to a worker by itself.
copyreg.pickle(MappingProxyType, lambda proxy: (_mapping_proxy, (dict(proxy),)))


def workers(files: int) -> int:
    """How many worker processes read `files` files; 1 means: in the calling process."""
    wanted = os.environ.get(PROCESSES_VARIABLE, "").strip()
    limit = int(wanted) if wanted.isdigit() and int(wanted) > 0 else (os.cpu_count() or 1)
    if files < MIN_FILES:
        return 1
    return max(1, min(limit, files))


def read_many(
    items: list[tuple[Path, str] | UnreadableWorkbook],
    settings: Settings,
    only: frozenset[str] | None = None,
    year: int | None = None,
) -> Iterator[Outcome]:
    """The outcome of reading each (path, shown name), in order; an UnreadableWorkbook given stays the outcome.

    `only`: the columns whose cells are read (`read_meldebogen`).
    """
    jobs = [item for item in items if not isinstance(item, UnreadableWorkbook)]
    count = workers(len(jobs))
    if count == 1:
        results: Iterator[Outcome] = (read_one(path, file, settings, only, year) for path, file in jobs)
        yield from _merged(items, results)
        return
    with ProcessPoolExecutor(max_workers=count, initializer=_start, initargs=(settings, only, year)) as pool:
        chunk = max(1, len(jobs) // (count * 4))
        paths, files = [path for path, _ in jobs], [file for _, file in jobs]
        yield from _merged(items, pool.map(_read_in_worker, paths, files, chunksize=chunk))


def read_one(
    path: Path, file: str, settings: Settings, only: frozenset[str] | None = None, year: int | None = None
) -> Outcome:
    """Read one Meldebogen (in a worker process or not); a file that cannot be read is (kind, message)."""
    try:
        return read_meldebogen(path, file, settings, only, year)
    except UnreadableWorkbook as problem:
        return problem.kind, problem.message


def _start(settings: Settings, only: frozenset[str] | None, year: int | None) -> None:
    global _settings, _only, _year
    _settings, _only, _year = settings, only, year


def _read_in_worker(path: Path, file: str) -> Outcome:
    assert _settings is not None
    return read_one(path, file, _settings, _only, _year)


def _merged(items: list[tuple[Path, str] | UnreadableWorkbook], results: Iterator[Outcome]) -> Iterator[Outcome]:
    for item in items:
        yield (item.kind, item.message) if isinstance(item, UnreadableWorkbook) else next(results)
