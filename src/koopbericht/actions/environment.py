"""What koopbericht runs with, for `--version` and `info`: its version, Python, LibreOffice and German hyphenation.

Everything a clerk's IT needs for a report, found the way a build finds it (render/pdf/soffice.py).
LibreOffice's version is read from the files its installers leave beside the program (Windows'
version.ini, the macOS bundle's Info.plist); elsewhere `soffice --version` is asked, which
prints it without opening a window.
"""

from __future__ import annotations

import plistlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..render.pdf.soffice import german_hyphenation, search

_VERSION = re.compile(r"(\d+\.\d+(?:\.\d+)*)")
_TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Environment:
    """The versions and programs in effect; `soffice` None when no LibreOffice was found."""

    version: str
    python: str
    python_program: str
    soffice: str | None
    soffice_version: str | None
    hyphenation: Path | None


def environment() -> Environment:
    """Look up what koopbericht runs with (asks LibreOffice for its version: up to a second)."""
    program = search().found
    python = ".".join(map(str, sys.version_info[:3]))
    if program is None:
        return Environment(__version__, python, sys.executable, None, None, None)
    return Environment(
        __version__, python, sys.executable, program, libreoffice_version(program), german_hyphenation(program)
    )


def libreoffice_version(program: str) -> str | None:
    """The version of the LibreOffice `program` ("7.4.7.2"), or None when it cannot be told."""
    folder = Path(program).resolve().parent
    ini = folder / "version.ini"  # Windows: MsiProductVersion=7.6.4.1
    if ini.is_file():
        for line in ini.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.partition("=")[0].strip() in ("MsiProductVersion", "ProductVersion"):
                found = _VERSION.search(line)
                return found.group(1) if found else None
    plist = folder.parent / "Info.plist"  # macOS: LibreOffice.app/Contents/Info.plist
    if plist.is_file():
        try:
            version = plistlib.loads(plist.read_bytes()).get("CFBundleShortVersionString")
        except (plistlib.InvalidFileException, ValueError, OSError):
            version = None
        return str(version) if version else None
    return _asked(program)


def _asked(program: str) -> str | None:
    try:
        completed = subprocess.run(
            [program, "--version"], capture_output=True, text=True, timeout=_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"LibreOffice\S*\s+" + _VERSION.pattern, completed.stdout)
    return found.group(1) if found else None
