"""`--version` and `info` tell a clerk's IT what runs: koopbericht, Python, LibreOffice and its version, hyphenation."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht import __version__
from koopbericht.render.pdf.soffice import german_hyphenation

from ..conftest import EXAMPLE, run
from ..libreoffice import soffice

KOOPBERICHT = str(Path(sys.executable).with_name("koopbericht"))


def version_lines(**environment: str) -> list[str]:
    completed = subprocess.run(
        [KOOPBERICHT, "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, **environment},
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.splitlines()


def test_version_names_python_libreoffice_and_hyphenation() -> None:
    program = soffice()
    reported = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=120, check=False)
    lines = version_lines()
    assert lines[0] == f"koopbericht {__version__}"
    assert lines[1] == f"Python {platform.python_version()} ({sys.executable})"
    libreoffice_version = lines[2].split(" (")[0].removeprefix("LibreOffice ")
    assert reported.stdout.startswith(f"LibreOffice {libreoffice_version} ")  # e.g. "LibreOffice 7.4.7.2 40(Build:2)"
    assert lines[2].endswith(f"({program})")
    assert lines[3] == f"Deutsche Silbentrennung: vorhanden ({german_hyphenation(program)})"


def test_version_says_when_libreoffice_is_missing(tmp_path: Path) -> None:
    lines = version_lines(KOOPBERICHT_SOFFICE=str(tmp_path / "kein-libreoffice"))
    assert lines[0] == f"koopbericht {__version__}"
    assert lines[2].startswith("LibreOffice: nicht gefunden")
    assert lines[3] == "Deutsche Silbentrennung: ohne LibreOffice nicht prüfbar"


def test_version_says_when_hyphenation_is_missing(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A LibreOffice without German patterns beside it, on a system whose /usr/share/hyphen is empty.
    program = tmp_path / "libreoffice" / "program" / "soffice"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\necho 'LibreOffice 24.2.1.2 0(Build:2)'\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("KOOPBERICHT_SOFFICE", str(program))
    monkeypatch.setattr("koopbericht.render.pdf.soffice.ROOT", tmp_path / "system")
    code, output = run(runner, "--version")
    assert code == 0, output
    lines = output.splitlines()
    assert lines[2] == f"LibreOffice 24.2.1.2 ({program})"
    assert lines[3] == "Deutsche Silbentrennung: fehlt (siehe docs/fehlerbehebung.md)"
    (program.parent.parent / "share" / "extensions" / "dict-de").mkdir(parents=True)
    patterns = program.parent.parent / "share" / "extensions" / "dict-de" / "hyph_de_DE.dic"
    patterns.write_text("ISO8859-1\n", encoding="utf-8")
    code, output = run(runner, "--version")
    assert output.splitlines()[3] == f"Deutsche Silbentrennung: vorhanden ({patterns.resolve()})"


def test_info_begins_with_the_environment(runner: CliRunner) -> None:
    code, output = run(runner, "info", "-C", str(EXAMPLE))
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0] == f"koopbericht {__version__}"
    assert lines[1].startswith("Python ")
    assert lines[2].startswith("LibreOffice ")
    assert lines[3].startswith("Deutsche Silbentrennung: ")
    assert "Landeshauptstadt Potsdam (LHP)" in output
