"""Validating Office files with the OOXML checker in `../shared/ooxml/` (ISO 29500 transitional, package checks).

The checker is loaded once as a module and runs in the test process: its two compiled
schema sets are kept for the whole run, and a package already checked (same bytes) is
not checked again. A problem is what the checker's command line counts as one (exit 1):
schema errors, Office's run-property order, markup-compatibility and package errors.

`Outputs` collects every Office package koopbericht writes while the tests run: every
output goes through `files.atomic`'s temporary file and `os.replace`, which Python reports
as the audit event `os.rename`. The package is copied at that moment, so a test that
later damages or replaces the file on purpose does not falsify the result, and a file
a test writes itself (a damaged input, a corpus copy, a house template) is never
mistaken for an output. Bytes that do not even start like a zip archive are not an
Office package anyone meant to write (tests of `files.atomic` write `b"neu"` to `x.xlsx`).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import io
import os
import shutil
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CHECKER = Path(__file__).resolve().parents[1].parent / "shared" / "ooxml" / "validate_ooxml.py"
SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".xlsx", ".xlsm", ".xltx", ".xltm")
ZIP_START = b"PK\x03\x04"


@cache
def _checker() -> ModuleType | None:
    if not CHECKER.is_file():
        return None
    spec = importlib.util.spec_from_file_location("validate_ooxml", CHECKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with _own_files_unclosed():
        # The same answer every time, read from the schema files: read once, not once per package.
        understood = module.understood_namespaces()
    module.understood_namespaces = lambda: understood  # type: ignore[attr-defined]
    module.validate_part = _once_per_content(module.validate_part)  # type: ignore[attr-defined]
    return module


def _once_per_content(validate_part: Callable[[str, bytes, set[str]], Any]) -> Callable[[str, bytes, set[str]], Any]:
    """`validate_part` that checks a part once per name and content: most outputs share their styles, theme, settings.

    Validating the styles alone took two thirds of the time per package; the result is only read afterwards.
    """
    results: dict[tuple[str, bytes], Any] = {}

    def cached(name: str, data: bytes, understood: set[str]) -> Any:
        key = (name, hashlib.sha256(data).digest())
        if key not in results:
            results[key] = validate_part(name, data, understood)
        return results[key]

    return cached


@contextlib.contextmanager
def _own_files_unclosed() -> Iterator[None]:
    """The checker reads the first element of each schema file and leaves the file to the collector."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        yield
        gc.collect()


def available() -> bool:
    """Whether the checker is there (beside the repository in development and CI, not in a user's clone)."""
    return _checker() is not None


def need_checker() -> ModuleType:
    """The checker; without it a test is skipped, except in CI, where it must be there."""
    module = _checker()
    if module is None:
        reason = f"Der OOXML-Prüfer fehlt ({CHECKER}); er liegt nur in der Entwicklung und in CI neben dem Repository."
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return module


_REPORTS: dict[str, str] = {}  # sha256 of a package -> the checker's report if it has problems, else ""


def _report(path: Path) -> str:
    """The checker's report on the package at `path` if it has problems, else ""."""
    module = need_checker()
    text = io.StringIO()
    try:
        with _own_files_unclosed(), contextlib.redirect_stdout(text):
            count = int(module.print_report(module.check_file(str(path))))
    except Exception as error:  # the checker cannot even open it: a problem, not a crash of the run
        return f"{path}: {type(error).__name__}: {error}"
    if not count:
        return ""
    return "\n".join(line for line in text.getvalue().splitlines() if not line.startswith(("  [ok] ", "  [ok*] ")))


def problems(path: Path) -> str:
    """The checker's report if the package at `path` has problems, else ""; each distinct content is checked once."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest not in _REPORTS:
        _REPORTS[digest] = _report(path)
    return _REPORTS[digest]


@dataclass
class Outputs:
    """The Office packages written through `os.replace` while `active`, one copy per distinct content."""

    folder: Path
    active: bool = True
    copies: dict[str, Path] = field(default_factory=dict)  # sha256 -> the copy in `folder`
    written: dict[str, list[str]] = field(default_factory=dict)  # sha256 -> "path (test)" of every write
    failures: list[str] = field(default_factory=list)

    def __call__(self, event: str, arguments: tuple[Any, ...]) -> None:
        """The audit hook: takes the package that `os.replace(source, target)` is about to move into place."""
        if event != "os.rename" or not self.active:
            return
        try:
            if not isinstance(arguments[1], str | bytes | os.PathLike):
                return
            target = os.fsdecode(arguments[1])
            if not target.lower().endswith(SUFFIXES):
                return
            data = Path(os.fsdecode(arguments[0])).read_bytes()
            if not data.startswith(ZIP_START):
                return
            digest = hashlib.sha256(data).hexdigest()
            if digest not in self.copies:
                self.copies[digest] = self.folder / f"{len(self.copies) + 1}{Path(target).suffix.lower()}"
                self.copies[digest].write_bytes(data)
            self.written.setdefault(digest, []).append(f"{target} ({os.environ.get('PYTEST_CURRENT_TEST', '?')})")
        except Exception as error:  # an audit hook must never break the write it watches
            self.failures.append(f"{arguments!r}: {type(error).__name__}: {error}")

    def invalid(self) -> dict[str, str]:
        """Every distinct package with problems: where it was written, and the checker's report."""
        result = {}
        for digest, places in self.written.items():
            report = problems(self.copies[digest])
            if report:
                more = f" und {len(places) - 3} weitere" if len(places) > 3 else ""
                result["; ".join(places[:3]) + more] = report
        return result


def clean_up() -> None:
    """Remove the copy of the schemas the checker made in the system's temporary folder (one per process)."""
    module = _checker()
    work = getattr(module, "_WORK", None)
    if not work:
        return
    for folder, _, _ in os.walk(work):  # the copies keep the read-only modes of ../shared
        os.chmod(folder, 0o700)
    shutil.rmtree(work, ignore_errors=True)


def watch(folder: Path) -> Outputs:
    """Start collecting the Office packages koopbericht writes; copies go into `folder`."""
    outputs = Outputs(folder)
    sys.addaudithook(outputs)
    return outputs
