"""Windows and macOS: no POSIX-only call without a guard, and folder and file names as clerks name them.

Windows has no `os.O_DIRECTORY` and refuses to open a folder like a file, so the folder of a
replaced file is synced only where POSIX allows it; that is simulated here (`sys.platform`,
the attribute removed, `os.open` refusing folders). A working folder „Büro Kooperation 2023“
with a Meldebogen „GB1 Übersicht Meldebogen.xlsx“ goes through every command.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.files.atomic import write_all_atomic, write_bytes_atomic

from .conftest import run
from .workbooks import annex_docx, row, write_workbook

FILES_IN_BUERO = {"Büro Ü/Übersicht 2023.txt": b"eins", "Büro Ü/Anlage mit Leerzeichen.txt": b"zwei"}


def folders_opened(monkeypatch: pytest.MonkeyPatch, *, refuse: bool = False) -> list[str]:
    """Record every folder `os.open` is asked for; with `refuse`, fail as Windows does for a folder."""
    real_open = os.open
    opened: list[str] = []

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.path.isdir(path):
            opened.append(os.fspath(path))
            if refuse:
                raise PermissionError(errno.EACCES, "Zugriff verweigert", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    return opened


def write_and_read_back(tmp_path: Path) -> None:
    files = {tmp_path / name: data for name, data in FILES_IN_BUERO.items()}
    write_all_atomic(files)
    write_bytes_atomic(tmp_path / "Büro Ü" / "Übersicht 2023.txt", b"neu")  # replaces an existing file
    assert (tmp_path / "Büro Ü" / "Übersicht 2023.txt").read_bytes() == b"neu"
    assert (tmp_path / "Büro Ü" / "Anlage mit Leerzeichen.txt").read_bytes() == b"zwei"
    assert sorted(p.name for p in (tmp_path / "Büro Ü").iterdir()) == [
        "Anlage mit Leerzeichen.txt",
        "Übersicht 2023.txt",
    ]


def test_atomic_writes_without_o_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "O_DIRECTORY")
    opened = folders_opened(monkeypatch)
    write_and_read_back(tmp_path)
    assert opened == []


def test_atomic_writes_on_simulated_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    opened = folders_opened(monkeypatch, refuse=True)
    write_and_read_back(tmp_path)
    assert opened == []  # the guard keeps the folder from being opened at all


def test_folder_is_synced_on_posix_and_a_refusal_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = folders_opened(monkeypatch)
    write_and_read_back(tmp_path)
    assert str(tmp_path / "Büro Ü") in opened
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):  # a network or FUSE mount that cannot sync a folder
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    write_and_read_back(tmp_path)
    opened_refusing = folders_opened(monkeypatch, refuse=True)
    write_and_read_back(tmp_path)
    assert opened_refusing


# -- every command in „Büro Kooperation 2023“ ------------------------------------------------------------------


def test_every_command_with_umlauts_and_spaces(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "Büro Kooperation 2023"
    code, output = run(runner, "init", str(root), "--jahr", "2023")
    assert code == 0, output
    meldebogen = root / "2023" / "meldungen" / "GB1 Übersicht Meldebogen.xlsx"
    write_workbook(meldebogen, [row(1), row(2, vorhaben="Radweg Süd – Ausbau")])
    (root / "2023" / "text" / "01-bericht.md").write_text(
        "# Überblick\n\n{{ anzahl_vorhaben }} Vorhaben der {{ koerperschaft }}.\n", encoding="utf-8"
    )
    monkeypatch.chdir(root / "2023" / "meldungen")  # the working folder is found upwards through „Büro …“

    code, output = run(runner, "validate", "2023", "--format", "json")
    assert code == 0, output
    report = json.loads(output)
    assert report["summary"]["files"] == 1 and report["summary"]["activities"] == 2
    assert report["summary"]["errors"] == 0

    code, output = run(runner, "validate", "GB1 Übersicht Meldebogen.xlsx")  # a file name with spaces, relative
    assert code == 0, output
    draft = write_workbook(tmp_path / "Eingang Mai" / "GB1 Übersicht (Entwurf).xlsx", [row(1, status="in Arbeitt")])
    code, output = run(runner, "validate", str(draft), "--annotate", str(tmp_path / "Rückläufer Ü"))
    assert code == 1, output
    assert load_workbook(tmp_path / "Rückläufer Ü" / draft.name).sheetnames[0] == "Was ist zu tun"

    code, output = run(runner, "status", "2023")
    assert code == 0, output
    assert "GB1" in output

    code, output = run(runner, "template", "2023", "--gb", "GB1")
    assert code == 0, output
    [form] = list((root / "ausgabe" / "2023" / "meldeboegen").glob("*.xlsx"))
    workbook = load_workbook(form, read_only=True)
    assert workbook.sheetnames
    workbook.close()  # a read-only workbook holds its file open until closed

    code, output = run(runner, "build", "2023")
    assert code == 0, output
    document = Document(str(root / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    assert "zwei Vorhaben der Musterstadt." in [p.text for p in document.paragraphs]
    annex = Document(str(annex_docx(root)))
    assert "Radweg Süd – Ausbau" in {c.text for table in annex.tables for r in table.rows for c in r.cells}

    code, output = run(runner, "jahr", "2024", "-C", str(root))
    assert code == 0, output
    shutil.copy(meldebogen, root / "2024" / "meldungen" / meldebogen.name)
    write_workbook(root / "2024" / "meldungen" / meldebogen.name, [row(1), row(3, vorhaben="Schulweg Ost")])
    target = tmp_path / "Vergleich Ü" / "Änderungen 2023–2024.json"
    target.parent.mkdir()
    code, output = run(runner, "compare", "2023", "2024", "--format", "json", "-o", str(target), "-C", str(root))
    assert code == 0, output
    changes = json.loads(target.read_text(encoding="utf-8"))
    assert "Schulweg Ost" in json.dumps(changes, ensure_ascii=False)
    assert "Radweg Süd – Ausbau" in json.dumps(changes, ensure_ascii=False)
