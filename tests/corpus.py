"""Reading one file of the shared corpus, in a worker process of `test_corpus`.

Each call runs the library as `validate` does and reports what came of the file, how
long it took and the worker's peak memory. For workbooks openpyxl can read too, it
also compares the cells the reader found (first rows and columns of every worksheet)
with openpyxl's: every cell reference koopbericht names must be the cell that holds
the value.
"""

from __future__ import annotations

import re
import resource
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from koopbericht.project.folder import Project
from koopbericht.read.a1 import column_letter
from koopbericht.year.pipeline import check_paths

COMPARED_ROWS = 60
COMPARED_COLUMNS = 60
FILE_LEVEL = {"datei-beschaedigt", "datei-verschluesselt", "datei-format", "datei-zu-gross", "kopfzeile-fehlt"}
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
CONFIG = """\
[koerperschaft]
name = "Stadt Korpus"

[[geschaeftsbereich]]
kuerzel = "GB1"
name = "Alle Dateien"
dateien = ["*"]
"""


@dataclass
class Outcome:
    """What became of one corpus file."""

    name: str
    readable: bool = False
    file_findings: list[tuple[str, str]] = field(default_factory=list)
    escaped: str | None = None  # a traceback: an exception got past the library
    seconds: float = 0.0
    peak_mb: float = 0.0
    openpyxl_reads: bool = False
    cell_differences: list[str] = field(default_factory=list)


def examine(project: Path, path: Path) -> Outcome:
    """Validate `path` in-process and compare its cells with openpyxl's."""
    outcome = Outcome(path.name)
    started = time.perf_counter()
    try:
        data = check_paths(Project.open(project), [path])
        outcome.readable = data.files[0].readable
        outcome.file_findings = [(f.code, f.message) for f in data.report.findings if f.cell is None and f.row is None]
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xltm"):
            _compare_cells(path, outcome)
    except BaseException:
        outcome.escaped = traceback.format_exc()
    outcome.seconds = time.perf_counter() - started
    outcome.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return outcome


def _compare_cells(path: Path, outcome: Outcome) -> None:
    theirs = _openpyxl_cells(path)
    if theirs is None:
        return
    outcome.openpyxl_reads = True
    try:
        ours = _our_cells(path)
    except Exception as error:
        outcome.cell_differences.append(f"koopbericht liest die Zellen nicht: {error}")
        return
    for sheet, cells in ours.items():
        other = theirs.get(sheet)
        if other is None:
            continue
        for ref in sorted(set(cells) ^ set(other)):
            outcome.cell_differences.append(
                f"{sheet}!{ref}: koopbericht {cells.get(ref)!r}, openpyxl {other.get(ref)!r}"
            )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _unescaped(value: Any) -> Any:
    """Text as Excel shows it: openpyxl leaves the `_x000B_` escapes of control characters in."""
    if not isinstance(value, str):
        return value
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), value)


def _our_cells(path: Path) -> dict[str, dict[str, Any]]:
    """The cells koopbericht's reader sees (values and error values), by sheet and reference."""
    from koopbericht.read import workbook as reader
    from koopbericht.read.formats import open_values, read_layout

    layout = read_layout(path)
    sheets = layout.worksheets()
    structures = layout.structures
    workbook = open_values(path, layout)
    try:
        rows = reader._Reader(path, workbook, layout, {})
        result = {}
        for info in sheets:
            cells = {ref: value for ref, value in structures[info.part].error_cells.items() if _in_range(ref)}
            for number, values in rows.rows(info, COMPARED_COLUMNS):
                if number > COMPARED_ROWS:
                    break
                for index, value in enumerate(values[:COMPARED_COLUMNS], start=1):
                    if not _blank(value):
                        cells[f"{column_letter(index)}{number}"] = value
            result[info.name] = cells
        return result
    finally:
        if workbook is not None:
            workbook.close()


def _in_range(ref: str) -> bool:
    from koopbericht.read.a1 import column_index, split_ref

    letters, number = split_ref(ref)
    return number <= COMPARED_ROWS and column_index(letters) <= COMPARED_COLUMNS


def _openpyxl_cells(path: Path) -> dict[str, dict[str, Any]] | None:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
            result = {}
            for sheet in workbook.worksheets:
                cells = {}
                for row in sheet.iter_rows(max_row=COMPARED_ROWS, max_col=COMPARED_COLUMNS):
                    for cell in row:
                        value = _unescaped(getattr(cell, "value", None))
                        if not _blank(value):
                            cells[cell.coordinate] = value
                result[sheet.title] = cells
            workbook.close()
            return result
    except Exception:
        return None
