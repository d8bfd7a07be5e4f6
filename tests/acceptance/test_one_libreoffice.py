"""`build --pdf` runs one LibreOffice for every document, leaves none behind, and names missing hyphenation.

A wrapper stands in for `soffice`: it logs each call and then runs the real LibreOffice, so
the tests see how many instances a build starts and with which profile. Where the German
hyphenation patterns are is looked up below `soffice.ROOT` (and inside the installation),
which the tests move to a temporary folder to simulate a machine without them.
"""

from __future__ import annotations

import os
import shlex
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht.errors import UsageError
from koopbericht.render.pdf import soffice
from koopbericht.render.pdf.libreoffice import libreoffice

from ..conftest import EXAMPLE, run, settle_example
from ..libreoffice import soffice as real_soffice

FOLDER = Path("ausgabe") / "2023"


def wrapper(folder: Path, log: Path) -> Path:
    """An executable `soffice` that logs its process id and arguments (one call a line) to `log`, then runs the
    real one with what it prints going to `folder/ausgabe-PID.txt`: there LibreOffice says what it converted."""
    program = folder / "soffice"
    folder.mkdir(parents=True, exist_ok=True)
    output = shlex.quote(str(folder)) + '/ausgabe-$$.txt'
    program.write_text(
        f'#!/bin/sh\nprintf "%s %s\\n" "$$" "$*" >> {shlex.quote(str(log))}\n'
        f'exec {shlex.quote(real_soffice())} "$@" > {output} 2>&1\n',
        encoding="utf-8",
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def running_with(marker: str) -> list[str]:
    """The command lines of every process on this machine that mention `marker` (Linux: /proc)."""
    lines = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in command:
            lines.append(command)
    return lines


@pytest.fixture(scope="module")
def spied_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str], str]]:
    """The example built with --pdf through the logging wrapper, on a machine without German hyphenation.

    Returns the working folder, the logged calls and what the build printed.
    """
    work = tmp_path_factory.mktemp("einmal")
    log = work / "aufrufe.txt"
    target = work / "potsdam"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("ausgabe"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(soffice.ENVIRONMENT, str(wrapper(work / "programm", log)))
        patch.setattr(soffice, "ROOT", work / "ohne-silbentrennung")
        code, output = run(CliRunner(), "build", "2023", "-C", str(target), "--pdf")
    assert code == 0, output
    yield target, log.read_text(encoding="utf-8").splitlines(), output


def test_one_libreoffice_converts_both_documents(spied_build: tuple[Path, list[str], str]) -> None:
    target, calls, _ = spied_build
    started = [call for call in calls if "--convert-to" not in call]
    converted = [call for call in calls if "--convert-to" in call]
    assert len(started) == 1, calls  # one instance, waiting for the conversions
    assert len(converted) == 2 and converted[0].endswith(".docx") and "Anlage-1" in converted[0]
    profile = next(part for part in started[0].split() if part.startswith("-env:UserInstallation="))
    assert all(profile in call.split() for call in converted)
    # The waiting instance did both conversions (LibreOffice names each one it makes); the calls only handed
    # them over and converted nothing themselves.
    folder = target.parent / "programm"
    said = {call.split()[0]: (folder / f"ausgabe-{call.split()[0]}.txt").read_text(errors="replace") for call in calls}
    server = said[started[0].split()[0]]
    assert server.count("convert ") == 2 and "Anlage-1-Kooperationsvorhaben-2023.docx" in server, said
    assert "Kooperationsbericht-2023.docx" in server
    assert all("convert " not in said[call.split()[0]] for call in converted), said
    for name in ("Kooperationsbericht-2023.pdf", "Anlage-1-Kooperationsvorhaben-2023.pdf"):
        assert (target / FOLDER / name).read_bytes().startswith(b"%PDF-")


def test_no_libreoffice_is_left_after_the_build(spied_build: tuple[Path, list[str], str]) -> None:
    _, calls, _ = spied_build
    profile = next(part for part in calls[0].split()[1:] if part.startswith("-env:UserInstallation="))
    assert running_with(profile.removeprefix("-env:UserInstallation=file://")) == []


def test_missing_hyphenation_is_named_and_the_pdfs_are_written(spied_build: tuple[Path, list[str], str]) -> None:
    target, _, output = spied_build
    flat = " ".join(output.split())
    assert "keine deutsche Silbentrennung" in flat and "ohne Bindestrich mitten im Wort" in flat
    assert "sudo apt install hyphen-de" in flat
    assert (target / FOLDER / "Kooperationsbericht-2023.pdf").is_file()


def test_endfassung_with_pdf_is_refused_without_hyphenation(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "aufrufe.txt"
    monkeypatch.setenv(soffice.ENVIRONMENT, str(wrapper(tmp_path / "programm", log)))
    monkeypatch.setattr(soffice, "ROOT", tmp_path / "ohne-silbentrennung")
    code, output = run(CliRunner(), "build", "2023", "-C", str(example_copy), "--pdf", "--endfassung")
    assert code == 2, output
    flat = " ".join(output.split())
    assert "Die Endfassung wird nicht gebaut" in flat and "Nichts wurde geschrieben" in flat
    assert "hyph_de" in flat and "hyphen-de" in flat  # where it looked, and how to install them
    assert not (example_copy / "ausgabe").exists() or not any((example_copy / "ausgabe").rglob("*.*"))
    assert not log.exists()  # refused before LibreOffice was started


def test_endfassung_without_pdf_needs_no_hyphenation(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(soffice, "ROOT", tmp_path / "ohne-silbentrennung")
    settle_example(example_copy)  # its two open findings, as LIESMICH.md says
    code, output = run(CliRunner(), "build", "2023", "-C", str(example_copy), "--endfassung")
    assert code == 0, output
    assert "Silbentrennung" not in output


def test_no_libreoffice_is_left_when_a_conversion_fails(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.docx"
    broken.write_bytes(b"PK\x03\x04 kein Word-Dokument")
    with pytest.raises(UsageError, match="LibreOffice konnte keine PDF-Datei erzeugen"), libreoffice() as office:
        profile = str(office.folder)
        assert office.process is not None and office.process.poll() is None  # it waits for conversions
        office.to_pdf(broken)
    assert running_with(profile) == []


def test_no_libreoffice_is_left_when_the_build_stops_early(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), libreoffice() as office:
        profile = str(office.folder)
        raise RuntimeError("the year had errors")
    assert running_with(profile) == []


# -- where German hyphenation is looked for ------------------------------------------------------------------


def installation(root: Path, program: str) -> Path:
    """A stand-in LibreOffice installation: the program file at `root/program` (its patterns added by the test)."""
    path = root / program
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("", encoding="utf-8")
    return path


def test_hyphenation_bundled_with_a_libreoffice_org_installation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(soffice, "ROOT", tmp_path / "wurzel")
    program = installation(tmp_path / "LibreOffice", "program/soffice")
    assert soffice.german_hyphenation(str(program)) is None
    patterns = tmp_path / "LibreOffice/share/extensions/dict-de/hyph_de_DE.dic"
    patterns.parent.mkdir(parents=True)
    patterns.write_text("ISO8859-1\n", encoding="utf-8")
    assert soffice.german_hyphenation(str(program)) == patterns


def test_hyphenation_in_the_macos_application(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(soffice, "ROOT", tmp_path / "wurzel")
    program = installation(tmp_path / "LibreOffice.app/Contents", "MacOS/soffice")
    patterns = tmp_path / "LibreOffice.app/Contents/Resources/extensions/dict-de/hyph_de_CH.dic"
    patterns.parent.mkdir(parents=True)
    patterns.write_text("ISO8859-1\n", encoding="utf-8")
    assert soffice.german_hyphenation(str(program)) == patterns


def test_hyphenation_of_the_linux_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "wurzel"
    monkeypatch.setattr(soffice, "ROOT", root)
    program = installation(root / "usr/lib/libreoffice", "program/soffice")
    assert soffice.german_hyphenation(str(program)) is None
    patterns = root / "usr/share/hyphen/hyph_de_DE.dic"
    patterns.parent.mkdir(parents=True)
    patterns.write_text("ISO8859-1\n", encoding="utf-8")
    assert soffice.german_hyphenation(str(program)) == patterns


def test_this_machine_has_german_hyphenation() -> None:
    """CI installs hyphen-de (.ci/run); without it every PDF test would show broken words."""
    assert soffice.german_hyphenation(real_soffice()) is not None, os.environ.get("PATH")


def test_a_conversion_that_hangs_is_ended_with_what_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in whose conversion starts a child and hangs: after the time-out neither is left."""
    from koopbericht.render.pdf import libreoffice as module

    marker = tmp_path / "haengt"
    program = tmp_path / "soffice"
    program.write_text(
        f'#!/bin/sh\ncase "$*" in *--convert-to*) sleep 120 {shlex.quote(str(marker))} & sleep 120 ;; esac\n',
        encoding="utf-8",
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(soffice.ENVIRONMENT, str(program))
    monkeypatch.setattr(module, "TIMEOUT_SECONDS", 1)
    source = tmp_path / "vorlage.docx"
    source.write_bytes(b"PK")
    with pytest.raises(UsageError, match="nicht binnen 1 s"), libreoffice() as office:
        office.to_pdf(source)
    assert running_with(str(marker)) == []


def test_libreoffice_is_ended_when_the_build_is_terminated(example_copy: Path) -> None:
    """SIGTERM to a running `build --pdf` (a CI time-out, a closed session) ends its LibreOffice too."""
    import signal
    import subprocess
    import sys
    import time

    real_soffice()
    build = subprocess.Popen([sys.executable, "-m", "koopbericht", "build", "2023", "--pdf", "-C", str(example_copy)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        started: list[str] = []
        while not started and time.monotonic() < deadline and build.poll() is None:
            started = [line for line in running_with("offen-halten.fodt") if "koopbericht-pdf-" in line]
            time.sleep(0.05)
        assert started, "build --pdf ended before its LibreOffice was seen"
        profile = next(part for part in started[0].split() if part.startswith("-env:UserInstallation="))
        build.send_signal(signal.SIGTERM)
        assert build.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        build.kill()
        build.wait()
    time.sleep(0.5)
    assert running_with(profile.removeprefix("-env:UserInstallation=file://")) == []
