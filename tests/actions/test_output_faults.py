"""Outputs that cannot be written and terminals that cannot show a character are no internal errors.

An output that cannot be written ends with exit code 5 and a German message naming the
file; the previous file stays as it was and no temporary file is left behind. A stdout
whose encoding lacks a character, or whose reader goes away (`| head`), never crashes.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht.cli import terminal
from koopbericht.errors import EXIT_OUTPUT, OutputError
from koopbericht.files.atomic import os_reason, write_all_atomic, write_bytes_atomic

from ..conftest import run
from ..workbooks import make_project, row, write_workbook

CLOSED_PIPE = 141
ENGLISH = ("Permission denied", "Is a directory", "Not a directory", "File exists", "No space left")
StrPath = str | os.PathLike[str]


def lock(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make `os.replace` onto a file called `name` fail as Windows does for a file open in Word or Excel."""
    real_replace = os.replace

    def replace(source: StrPath, target: StrPath) -> None:
        if Path(target).name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr("koopbericht.files.atomic.os.replace", replace)


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def assert_output_fault(code: int, output: str, path: Path | str) -> None:
    """Exit code 5 and a German message that starts by naming the file (`path`, or its beginning)."""
    assert code == EXIT_OUTPUT == 5, output
    assert f"Fehler: Die Datei {path}" in output and "konnte nicht geschrieben werden" in output
    assert "Interner Fehler" not in output and "Traceback" not in output
    assert not any(text in output for text in ENGLISH)


# -- os_reason --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (errno.EACCES, "Zugriff verweigert"),
        (errno.EPERM, "Zugriff verweigert"),
        (errno.ENOSPC, "kein Speicherplatz mehr"),
        (errno.EROFS, "schreibgeschützt"),
        (errno.ENOENT, "nicht vorhanden"),
        (errno.EISDIR, "Ordner, keine Datei"),
        (errno.ENOTDIR, "Datei, kein Ordner"),
        (errno.EEXIST, "gibt es schon"),
        (errno.ENAMETOOLONG, "zu lang"),
        (errno.EBUSY, "in Benutzung"),
        (errno.EMFILE, "zu viele Dateien"),
        (errno.EIO, "Ein-/Ausgabefehler"),
        (errno.EXDEV, "verschiedenen Laufwerken"),
    ],
)
def test_os_reason_is_german(number: int, expected: str) -> None:
    error = OSError(number, os.strerror(number))
    assert expected in os_reason(error)
    assert os.strerror(number) not in os_reason(error)


@pytest.mark.skipif(not hasattr(errno, "EDQUOT") or not hasattr(errno, "ETXTBSY"), reason="POSIX errno")
def test_os_reason_knows_quota_and_busy_files() -> None:
    assert "Quota" in os_reason(OSError(errno.EDQUOT, "Disk quota exceeded"))
    assert "in Benutzung" in os_reason(OSError(errno.ETXTBSY, "Text file busy"))


def test_os_reason_falls_back_to_the_number() -> None:
    assert os_reason(OSError(99999, "Something odd")) == "Betriebssystemfehler Nr. 99999"
    assert os_reason(OSError("no number")) == "unbekannter Betriebssystemfehler"
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "Zugriff verweigert"


# -- fileio -----------------------------------------------------------------------------------------------------


def test_a_parent_that_is_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "bericht").write_text("keine Ordner")
    target = tmp_path / "bericht" / "2023" / "Vergleich.md"
    with pytest.raises(OutputError) as caught:
        write_bytes_atomic(target, b"neu")
    assert caught.value.exit_code == 5
    assert caught.value.message == (
        f"Die Datei {target} konnte nicht geschrieben werden: {tmp_path / 'bericht'} ist eine Datei, kein Ordner. "
        "Es wurde nichts geschrieben."
    )


def test_a_locked_target_keeps_its_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "Anlage.xlsx"
    target.write_bytes(b"alt")
    lock(monkeypatch, "Anlage.xlsx")
    with pytest.raises(OutputError) as caught:
        write_bytes_atomic(target, b"neu")
    assert caught.value.message == (
        f"Die Datei {target} konnte nicht geschrieben werden: Zugriff verweigert – vermutlich ist sie in Word oder "
        "Excel geöffnet, oder der Ordner ist schreibgeschützt. Bitte schließen und erneut versuchen. "
        "Die bisherige Datei ist unverändert."
    )
    assert target.read_bytes() == b"alt"
    assert temporaries(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="replacing a folder is EACCES on Windows")
def test_a_folder_in_the_place_of_the_target(tmp_path: Path) -> None:
    target = tmp_path / "befunde.md"
    target.mkdir()
    with pytest.raises(OutputError, match="an dieser Stelle liegt ein Ordner, keine Datei"):
        write_bytes_atomic(target, b"neu")
    assert target.is_dir() and list(tmp_path.iterdir()) == [target]


def test_a_later_locked_file_puts_the_earlier_ones_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, third = (tmp_path / name for name in ("a.docx", "b.xlsx", "c.json"))
    first.write_bytes(b"alt a")
    second.write_bytes(b"alt b")  # c.json is new
    lock(monkeypatch, "b.xlsx")
    with pytest.raises(OutputError) as caught:
        write_all_atomic({first: b"neu a", second: b"neu b", third: b"neu c"})
    assert f"Die Datei {second} konnte nicht geschrieben werden" in caught.value.message
    assert caught.value.message.endswith("Die bisherigen Ausgaben sind unverändert.")
    assert (first.read_bytes(), second.read_bytes(), third.exists()) == (b"alt a", b"alt b", False)
    assert temporaries(tmp_path) == []


def test_what_could_not_be_put_back_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.xlsx"
    first.write_bytes(b"alt a")
    real_replace = os.replace
    calls: list[str] = []

    def replace(source: StrPath, target: StrPath) -> None:
        calls.append(Path(target).name)
        if Path(target).name == "b.xlsx" or calls.count("a.docx") == 2:  # b is locked, then a as well
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr("koopbericht.files.atomic.os.replace", replace)
    with pytest.raises(OutputError) as caught:
        write_all_atomic({first: b"neu a", second: b"neu b"})
    assert caught.value.message.endswith(
        f"Achtung: {first} wurde bereits neu geschrieben; die übrigen Dateien sind unverändert."
    )
    assert first.read_bytes() == b"neu a" and not second.exists()
    assert temporaries(tmp_path) == []


def test_fsync_unsupported_is_no_error_but_a_full_disk_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "vorlage.json"
    target.write_bytes(b"alt")
    failure = {"errno": errno.EINVAL}

    def fsync(descriptor: int) -> None:
        raise OSError(failure["errno"], "fsync failed")

    monkeypatch.setattr("koopbericht.files.atomic.os.fsync", fsync)
    write_bytes_atomic(target, b"neu")  # e.g. a network share without fsync: written all the same
    assert target.read_bytes() == b"neu"
    failure["errno"] = errno.ENOSPC
    with pytest.raises(OutputError, match=r"kein Speicherplatz mehr auf dem Datenträger\. Die bisherige Datei"):
        write_bytes_atomic(target, b"neuer")
    assert target.read_bytes() == b"neu"
    assert temporaries(tmp_path) == []


# -- the commands -----------------------------------------------------------------------------------------------


def test_annotate_into_a_path_below_a_file(example_copy: Path, runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "rueckmeldungen.txt"
    blocker.write_text("eine Datei, kein Ordner")
    code, output = run(runner, "validate", "2023", "-C", str(example_copy), "--annotate", str(blocker / "2023"))
    assert_output_fault(code, output, f"{blocker.resolve() / '2023'}{os.sep}")
    assert f"{blocker} ist eine Datei, kein Ordner" in output
    assert blocker.read_text() == "eine Datei, kein Ordner"


def test_annotate_onto_a_copy_open_in_excel(
    example_copy: Path, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "rueckmeldungen"
    assert run(runner, "validate", "2023", "-C", str(example_copy), "--annotate", str(folder))[0] in (0, 1)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert before
    opened = sorted(before)[0]
    lock(monkeypatch, opened)
    code, output = run(runner, "validate", "2023", "-C", str(example_copy), "--annotate", str(folder))
    assert_output_fault(code, output, f"{folder.resolve() / opened} konnte")
    assert "vermutlich ist sie in Word oder Excel geöffnet" in output
    assert "Die bisherige Datei ist unverändert." in output
    assert (folder / opened).read_bytes() == before[opened]
    assert temporaries(folder) == []


def test_compare_onto_a_folder_or_a_locked_file(
    example_copy: Path, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compare = ("compare", "2022", "2023", "-C", str(example_copy), "--format", "markdown", "-o")
    folder = tmp_path / "Vergleich.md"
    folder.mkdir()
    code, output = run(runner, *compare, str(folder))
    assert_output_fault(code, output, folder)
    assert folder.is_dir() and list(folder.iterdir()) == []

    target = tmp_path / "Vergleich-2022-2023.md"
    target.write_text("alt", encoding="utf-8")
    lock(monkeypatch, target.name)
    code, output = run(runner, *compare, str(target))
    assert_output_fault(code, output, target)
    assert "Word oder Excel" in output and "Die bisherige Datei ist unverändert." in output
    assert target.read_text(encoding="utf-8") == "alt"
    assert temporaries(tmp_path) == []


def test_build_whose_output_folder_is_a_file(example_copy: Path, runner: CliRunner) -> None:
    (example_copy / "ausgabe").write_text("kein Ordner")
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert_output_fault(code, output, example_copy / "ausgabe" / "2023" / "")
    assert f"{example_copy / 'ausgabe'} ist eine Datei, kein Ordner" in output
    assert (example_copy / "ausgabe").read_text() == "kein Ordner"


def test_build_with_the_annex_open_in_excel_keeps_all_outputs(
    example_copy: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(runner, "build", "2023", "-C", str(example_copy))[0] == 0
    out = example_copy / "ausgabe" / "2023"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    annex = next(name for name in before if name.endswith(".xlsx"))
    (example_copy / "2023" / "text" / "01-bericht.md").write_text("# Neu\n\nAnderer Text.\n", encoding="utf-8")
    lock(monkeypatch, annex)
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert_output_fault(code, output, f"{out / annex} konnte")
    assert "Die bisherigen Ausgaben sind unverändert." in output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # the Vorlage was put back, no temporaries


# -- the terminal -----------------------------------------------------------------------------------------------


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "koopbericht", *args]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "KOOPBERICHT_"))}
    return {**env, "NO_COLOR": "1", "PYTHONUTF8": "0", **extra}


@pytest.mark.parametrize(
    ("encoding", "heading", "word"),
    [
        ("ascii", '"Luckenwalde" wurde als "Stadt Luckenwalde"', "uebernommen"),
        ("cp1252", "„Luckenwalde“ wurde als „Stadt Luckenwalde“", "übernommen"),
        ("cp850", '"Luckenwalde" wurde als "Stadt Luckenwalde"', "übernommen"),
    ],
)
def test_a_stdout_that_cannot_show_every_character(
    example_copy: Path, tmp_path: Path, encoding: str, heading: str, word: str
) -> None:
    result = subprocess.run(
        cli("validate", "2023", "-C", str(example_copy), "-v"),
        capture_output=True,
        env=environment(PYTHONIOENCODING=encoding),
        cwd=tmp_path,
        timeout=120,
    )
    stdout, stderr = result.stdout.decode(encoding), result.stderr.decode(encoding)
    assert result.returncode in (0, 1), stderr
    assert "Traceback" not in stderr and "Interner Fehler" not in stderr
    assert heading in stdout and word in stdout and "(normalisiert-partner)" in stdout
    assert "Fehler," in stdout.splitlines()[-1]  # the summary, its ✓ shown as "v" where it cannot be shown


def test_an_ascii_stderr_gets_plain_german(example_copy: Path, tmp_path: Path) -> None:
    inputs = example_copy / "2023" / "meldungen"
    result = subprocess.run(
        cli("validate", "2023", "-C", str(example_copy), "--annotate", str(inputs)),
        capture_output=True,
        env=environment(PYTHONIOENCODING="ascii"),
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2
    assert b"enthaelt die Meldeboegen selbst" in result.stderr


def test_characters_are_made_plain() -> None:
    codecs.register_error("koopbericht-test-plain", terminal._plain)
    text = "Größe „Süd“ – ‚x‘ — fertig… • ✓ → À\u00a0é ☃"
    assert text.encode("ascii", "koopbericht-test-plain") == b"Groesse \"Sued\" - 'x' - fertig... * v -> A e ?"
    assert "Grüße „x“ ✓".encode("cp1252", "koopbericht-test-plain") == "Grüße „x“ v".encode("cp1252")


pipes = pytest.mark.skipif(sys.platform == "win32", reason="a closed pipe is EINVAL on Windows, not EPIPE")


@pipes
def test_head_reads_one_line_and_closes_the_pipe(example_copy: Path, tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_SETPIPE_SZ"):
        pytest.skip("needs a pipe smaller than the output (Linux)")
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # the output does not fit: the command is still writing
    process = subprocess.Popen(
        cli("validate", "2023", "-C", str(example_copy), "-v"),
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=environment(),
        cwd=tmp_path,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb", buffering=0) as reader:
        first = reader.readline()
    _, stderr = process.communicate(timeout=120)
    assert b"Hinweis (normalisiert-partner)" in first
    assert (process.returncode, stderr) == (CLOSED_PIPE, b"")


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_csv_stays_utf8_with_bom_whatever_stdouts_encoding(example_copy: Path, tmp_path: Path, encoding: str) -> None:
    result = subprocess.run(
        cli("validate", "2023", "-C", str(example_copy), "-v", "--format", "csv"),
        capture_output=True,
        env=environment(PYTHONIOENCODING=encoding),
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("\ufeffArt;Code;Datei;".encode())
    assert "„Luckenwalde“ wurde als „Stadt Luckenwalde“ übernommen." in result.stdout.decode("utf-8")


@pipes
@pytest.mark.parametrize(
    "args",
    [
        ("validate", "2023", "-v"),  # rich's console
        ("validate", "2023", "--format", "json"),  # typer.echo
        ("validate", "2023", "--format", "csv"),  # bytes past the text layer
        ("compare", "2022", "2023", "--format", "markdown"),
    ],
)
def test_a_pipe_closed_before_the_first_line(example_copy: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    process = subprocess.Popen(
        cli(*args, "-C", str(example_copy)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
        cwd=tmp_path,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (CLOSED_PIPE, b"")


def test_handled_lets_a_broken_pipe_through() -> None:
    from koopbericht.cli.common import handled

    with pytest.raises(BrokenPipeError), handled():
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


# -- from the review of issue 11 --------------------------------------------------------------------------------


def meldungen(root: Path, year: int = 2023) -> Path:
    return root / str(year) / "meldungen"


# -- 3. JSON stays lossless on a stdout that is not UTF-8 --------------------------------------------------------

ODD_TITLE = "Győr → Ørsted ✓"


def odd_project(root: Path) -> Path:
    make_project(root, 2022)
    make_project(root, 2023)
    write_workbook(meldungen(root, 2022) / "GB1_Meldebogen.xlsx", [row(1)])
    # The same title twice: the warning "vorhaben-doppelt" quotes it as its value.
    write_workbook(
        meldungen(root, 2023) / "GB1_Meldebogen.xlsx",
        [row(1), row(2, vorhaben=ODD_TITLE), row(3, vorhaben=ODD_TITLE)],
    )
    return root


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_validate_json_is_lossless_on_a_narrow_stdout(tmp_path: Path, encoding: str) -> None:
    root = odd_project(tmp_path / "projekt")
    result = subprocess.run(
        cli("validate", "2023", "-C", str(root), "--format", "json"),
        capture_output=True,
        env=environment(PYTHONIOENCODING=encoding),
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout.decode(encoding))
    assert ODD_TITLE in [f["value"] for f in data["findings"]]


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_compare_json_is_lossless_on_a_narrow_stdout(tmp_path: Path, encoding: str) -> None:
    root = odd_project(tmp_path / "projekt")
    result = subprocess.run(
        cli("compare", "2022", "2023", "-C", str(root), "--format", "json"),
        capture_output=True,
        env=environment(PYTHONIOENCODING=encoding),
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.decode(encoding))
    assert ODD_TITLE in [a["vorhaben"] for a in data["neu"]]


def test_compare_json_into_a_file_stays_readable_utf8(tmp_path: Path, runner: CliRunner) -> None:
    root = odd_project(tmp_path / "projekt")
    target = tmp_path / "vergleich.json"
    code, output = run(runner, "compare", "2022", "2023", "-C", str(root), "--format", "json", "-o", str(target))
    assert code == 0, output
    assert ODD_TITLE in target.read_text(encoding="utf-8")  # a file is UTF-8: no \u escapes needed


# -- 4. a previous output that cannot be read is never deleted ---------------------------------------------------


def test_an_unreadable_previous_output_is_not_deleted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "vorlage.docx", tmp_path / "anlage.xlsx"
    first.write_bytes(b"old vorlage")
    second.write_bytes(b"old anlage")
    real_read_bytes = Path.read_bytes
    real_replace = os.replace

    def read_bytes(self: Path) -> bytes:
        if self == first:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    def replace(source: StrPath, target: StrPath) -> None:
        if Path(target) == second:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr("koopbericht.files.atomic.os.replace", replace)

    with pytest.raises(OutputError) as raised:
        write_all_atomic({first: b"new vorlage", second: b"new anlage"})
    monkeypatch.undo()

    assert first.exists(), "a file whose previous content could not be read was deleted"
    assert first.read_bytes() == b"new vorlage"
    assert second.read_bytes() == b"old anlage"
    assert f"{first} wurde bereits neu geschrieben" in raised.value.message


def test_a_new_output_is_removed_again_when_a_later_one_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "vorlage.docx", tmp_path / "anlage.xlsx"
    second.write_bytes(b"old anlage")
    real_replace = os.replace

    def replace(source: StrPath, target: StrPath) -> None:
        if Path(target) == second:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr("koopbericht.files.atomic.os.replace", replace)
    with pytest.raises(OutputError):
        write_all_atomic({first: b"new vorlage", second: b"new anlage"})
    assert not first.exists()
    assert second.read_bytes() == b"old anlage"


def test_docs_promise_only_what_is_true_for_exit_code_5() -> None:
    readme = (Path(__file__).resolve().parents[2] / "docs" / "fehlerbehebung.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("| 5 |"))
    assert "die bisherige Datei bleibt unverändert" not in line
    assert "wiederhergestellt" in line
