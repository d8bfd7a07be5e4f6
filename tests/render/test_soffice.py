"""LibreOffice is found where Windows, macOS and Linux install it: KOOPBERICHT_SOFFICE, PATH, usual places.

Each platform is simulated: `sys.platform` and the environment are set, and a fake `soffice`
(an executable file in a temporary folder) stands where that platform's installer puts it.
The POSIX install locations (`/Applications`, `/usr/lib`, `/opt`) are looked for below
`soffice.ROOT`, which the tests move into a temporary folder. One real conversion runs in
tests/acceptance/test_pdf.py; here a fake LibreOffice also shows what `build --pdf` passes to it.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
import textwrap
from pathlib import Path, PureWindowsPath

import pytest
from typer.testing import CliRunner

from koopbericht.errors import UsageError
from koopbericht.render.pdf import soffice
from koopbericht.render.pdf.convert import docx_to_pdf, no_libreoffice, profile_url

from ..conftest import run

STAMP = dt.datetime(2024, 10, 22, 9, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def fake(path: Path, script: str = "exit 0\n") -> Path:
    """An executable shell script at `path` (the parents created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine without LibreOffice: empty PATH, no setting, no Program Files, the POSIX root an empty folder."""
    root = tmp_path / "wurzel"
    root.mkdir()
    monkeypatch.setattr(soffice, "ROOT", root)
    monkeypatch.setenv("PATH", str(tmp_path / "leer"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in (soffice.ENVIRONMENT, "ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    return root


def platform(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(sys, "platform", name)


# -- the order: setting, PATH, usual places ------------------------------------------------------------------


def test_setting_wins_over_path_and_usual_places(
    nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    platform(monkeypatch, "linux")
    fake(nowhere / "usr/lib/libreoffice/program/soffice")
    on_path = fake(tmp_path / "bin" / "soffice")
    chosen = fake(tmp_path / "Mein Office" / "soffice")
    monkeypatch.setenv("PATH", str(on_path.parent))
    monkeypatch.setenv(soffice.ENVIRONMENT, str(chosen))
    assert soffice.find_soffice() == str(chosen)
    monkeypatch.delenv(soffice.ENVIRONMENT)
    assert soffice.find_soffice() == str(on_path)
    monkeypatch.setenv("PATH", str(tmp_path / "leer"))
    assert soffice.find_soffice() == str(nowhere / "usr/lib/libreoffice/program/soffice")


def test_setting_may_name_the_installation_folder_and_carry_quotes(
    nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    platform(monkeypatch, "linux")
    program = fake(tmp_path / "LibreOffice" / "program" / "soffice")
    monkeypatch.setenv(soffice.ENVIRONMENT, str(tmp_path / "LibreOffice"))
    assert soffice.find_soffice() == str(program)
    monkeypatch.setenv(soffice.ENVIRONMENT, f'"{program}"')  # cmd's `set X="C:\…"` keeps the quotes
    assert soffice.find_soffice() == str(program)


def test_a_wrong_setting_is_not_passed_over_silently(
    nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    platform(monkeypatch, "linux")
    fake(tmp_path / "bin" / "soffice")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv(soffice.ENVIRONMENT, str(tmp_path / "gibt-es-nicht" / "soffice"))
    assert soffice.find_soffice() is None
    error = no_libreoffice()
    text = " ".join([error.message, *error.details()])
    assert f"KOOPBERICHT_SOFFICE nennt „{tmp_path / 'gibt-es-nicht' / 'soffice'}“" in text
    assert "kein LibreOffice" in text


def test_path_knows_soffice_and_libreoffice(nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    platform(monkeypatch, "linux")
    first, second = tmp_path / "a", tmp_path / "b"
    only_libreoffice = fake(second / "libreoffice")
    (first / "soffice").parent.mkdir(parents=True)
    (first / "soffice").write_text("kein Programm", encoding="utf-8")  # not executable: skipped
    monkeypatch.setenv("PATH", os.pathsep.join(["", str(first), str(second)]))
    assert soffice.find_soffice() == str(only_libreoffice)


# -- each platform's usual places ----------------------------------------------------------------------------


def test_windows_program_files(nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    platform(monkeypatch, "win32")
    programs, programs_x86 = tmp_path / "Program Files", tmp_path / "Program Files (x86)"
    monkeypatch.setenv("ProgramFiles", str(programs))
    monkeypatch.setenv("ProgramFiles(x86)", str(programs_x86))
    assert soffice.find_soffice() is None
    x86 = fake(programs_x86 / "LibreOffice" / "program" / "soffice.exe")
    assert soffice.find_soffice() == str(x86)
    native = fake(programs / "LibreOffice" / "program" / "soffice.exe")
    assert soffice.find_soffice() == str(native)


def test_windows_path_looks_for_soffice_exe(nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    platform(monkeypatch, "win32")
    fake(tmp_path / "bin" / "soffice")  # no .exe: Windows cannot run it
    exe = fake(tmp_path / "bin" / "soffice.exe")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert soffice.find_soffice() == str(exe)


def test_windows_versioned_folder(nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    platform(monkeypatch, "win32")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Programme"))
    versioned = fake(tmp_path / "Programme" / "LibreOffice 7" / "program" / "soffice.exe")
    assert soffice.find_soffice() == str(versioned)


def test_macos_applications(nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    platform(monkeypatch, "darwin")
    users = fake(tmp_path / "home" / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    assert soffice.find_soffice() == str(users)
    system = fake(nowhere / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    assert soffice.find_soffice() == str(system)


def test_linux_opt_takes_the_newest(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    platform(monkeypatch, "linux")
    fake(nowhere / "opt" / "libreoffice7.6" / "program" / "soffice")
    newest = fake(nowhere / "opt" / "libreoffice24.2" / "program" / "soffice")
    assert soffice.find_soffice() == str(newest)
    distribution = fake(nowhere / "usr" / "lib" / "libreoffice" / "program" / "soffice")
    assert soffice.find_soffice() == str(distribution)


def test_setting_names_the_macos_app(nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    platform(monkeypatch, "darwin")
    app = tmp_path / "Programme" / "LibreOffice.app"
    inner = fake(app / "Contents" / "MacOS" / "soffice")
    monkeypatch.setenv(soffice.ENVIRONMENT, str(app))
    assert soffice.find_soffice() == str(inner)


# -- the message when nothing is found -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected", "example"),
    [
        ("win32", "LibreOffice/program/soffice.exe", "set KOOPBERICHT_SOFFICE="),
        ("darwin", "Applications/LibreOffice.app/Contents/MacOS/soffice", "export KOOPBERICHT_SOFFICE="),
        ("linux", "usr/lib/libreoffice/program/soffice", "export KOOPBERICHT_SOFFICE="),
    ],
)
def test_message_names_where_it_looked_and_the_setting(
    nowhere: Path, monkeypatch: pytest.MonkeyPatch, name: str, expected: str, example: str
) -> None:
    platform(monkeypatch, name)
    error = no_libreoffice()
    assert isinstance(error, UsageError) and error.exit_code == 2
    text = "\n".join([error.message, *error.details()])
    assert "LibreOffice" in text and "nicht gefunden" in text
    assert "KOOPBERICHT_SOFFICE (nicht gesetzt)" in text
    assert "Suchpfad (PATH)" in text
    assert expected in text.replace("\\", "/")
    assert example in text
    if name == "win32":
        assert "$env:KOOPBERICHT_SOFFICE" in text  # PowerShell as well as cmd


def test_build_without_libreoffice_says_where_it_looked(
    nowhere: Path, example_copy: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, output = run(runner, "build", "2023", "-C", str(example_copy), "--pdf")
    assert code == 2
    assert "nicht gefunden" in output and "KOOPBERICHT_SOFFICE" in output
    assert (example_copy / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx").is_file()


# -- what is passed to LibreOffice ---------------------------------------------------------------------------


def test_profile_url_from_a_windows_path() -> None:
    folder = PureWindowsPath(r"C:\Users\Jürgen Müller\AppData\Local\Temp\koopbericht-pdf-x\profil")
    assert (
        profile_url(folder) == "file:///C:/Users/J%C3%BCrgen%20M%C3%BCller/AppData/Local/Temp/koopbericht-pdf-x/profil"
    )


def test_fake_libreoffice_gets_a_profile_url_and_the_docx_with_umlauts(
    nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "aufruf.txt"
    program = fake(tmp_path / "Büro Programme" / "soffice", f'for a in "$@"; do echo "$a" >> "{log}"; done\nexit 1\n')
    monkeypatch.setenv(soffice.ENVIRONMENT, str(program))
    source = tmp_path / "Büro Kooperation" / "Übersicht 2023.docx"
    source.parent.mkdir()
    source.write_bytes(b"PK")
    with pytest.raises(UsageError, match="LibreOffice konnte keine PDF-Datei erzeugen"):
        docx_to_pdf(source, STAMP)
    arguments = log.read_text(encoding="utf-8").splitlines()
    assert arguments[0].startswith("-env:UserInstallation=file:///") and arguments[0].endswith("/profil")
    assert arguments[-1] == str(source)
    assert "--headless" in arguments and "--outdir" in arguments


def test_libreoffice_output_in_another_encoding_is_no_crash(
    nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = textwrap.dedent("""\
        printf 'Fehler \\374berall\\n' >&2
        exit 1
        """)  # cp1252's "ü" (0xFC): a Windows console's LibreOffice message is not UTF-8
    monkeypatch.setenv(soffice.ENVIRONMENT, str(fake(tmp_path / "soffice", script)))
    source = tmp_path / "vorlage.docx"
    source.write_bytes(b"PK")
    with pytest.raises(UsageError, match=r"LibreOffice konnte keine PDF-Datei erzeugen \(Fehler .berall\)"):
        docx_to_pdf(source, STAMP)
