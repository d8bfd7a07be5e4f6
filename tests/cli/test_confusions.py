"""Arguments and settings a clerk easily gets wrong are answered with what to write instead.

A second year where a file is expected, a year folder passed as a file, a German date in
TOML, a misspelt placeholder: each gets a German message with the exact correction and the
exit code of the table in docs/fehlerbehebung.md, never an operating-system or parser text.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from typer.testing import CliRunner

from koopbericht.files.oserrors import os_problem

from ..conftest import run
from ..workbooks import make_project, row, write_workbook

ENGLISH = ("Is a directory", "Permission denied", "Operation not permitted", "No such file", "Expected newline")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "projekt")
    make_project(root, 2024)
    write_workbook(root / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1)])
    return root


def assert_german(output: str) -> None:
    assert not any(english in output for english in ENGLISH), output
    assert "Traceback" not in output and "Interner Fehler" not in output


# -- validate: a second year, a folder -------------------------------------------------------------------------


def test_second_year_is_not_read_as_a_file(project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)  # "2023" is a folder here: it used to be read as a damaged Meldebogen (exit 3)
    code, output = run(runner, "validate", "2024", "2023")
    assert code == 2, output
    assert "„2023“ ist kein Meldebogen, sondern sieht aus wie ein Jahr." in output
    assert "Es wird immer nur ein Jahr geprüft: koopbericht validate 2024 oder koopbericht validate 2023" in output
    assert "datei-beschaedigt" not in output
    assert_german(output)


def test_second_year_elsewhere_and_after_a_file(project: Path, runner: CliRunner) -> None:
    meldebogen = project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx"
    code, output = run(runner, "validate", "-C", str(project), str(meldebogen), "2023")  # no folder 2023 here
    assert code == 2, output
    assert "„2023“ ist kein Meldebogen, sondern sieht aus wie ein Jahr." in output
    assert "Es wird immer nur ein Jahr geprüft: koopbericht validate 2023" in output
    assert_german(output)


def test_year_folder_passed_as_a_file(project: Path, runner: CliRunner) -> None:
    for folder in (project / "2023", project / "2023" / "meldungen"):
        code, output = run(runner, "validate", "-C", str(project), str(folder))
        assert code == 2, output
        assert f"„{folder}“ ist ein Ordner, kein Meldebogen." in output
        assert "Ein ganzes Jahr prüft: koopbericht validate 2023" in output
        assert_german(output)


def test_other_folder_passed_as_a_file(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "Eingang Mai"
    folder.mkdir()
    code, output = run(runner, "validate", "-C", str(project), str(folder))
    assert code == 2, output
    assert f"„{folder}“ ist ein Ordner, kein Meldebogen. Bitte die Dateien einzeln angeben" in output
    assert_german(output)


def test_a_file_called_like_a_year_is_still_a_file(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    odd = write_workbook(tmp_path / "2023", [row(1)])  # a Meldebogen saved without an extension
    code, output = run(runner, "validate", "-C", str(project), "2023", str(odd))
    assert "sieht aus wie ein Jahr" not in output and "kein Meldebogen" not in output
    assert code in (0, 1), output


# -- a German date in TOML -------------------------------------------------------------------------------------


def test_german_date_in_vorlage_toml_gets_the_exact_replacement(project: Path, runner: CliRunner) -> None:
    vorlage = project / "2023" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text("utf-8").replace("frist = 2024-03-29", "frist = 29.03.2024"), "utf-8")
    code, output = run(runner, "validate", "2023", "-C", str(project))
    assert code == 2, output
    assert "Zeile 8" in output
    assert "Daten in TOML als 2024-03-29 schreiben (ohne Anführungszeichen): frist = 2024-03-29" in output
    assert_german(output)


@pytest.mark.parametrize(
    ("line", "replacement"),
    [
        ("frist = 1.4.2024", "frist = 2024-04-01"),
        ("frist = 29.03.24   # Abgabe", "frist = 2024-03-29   # Abgabe"),
        ('frist = "29.03.2024"', "frist = 2024-03-29"),
        ("frist = 2024-3-29", "frist = 2024-03-29"),
    ],
)
def test_other_date_forms(project: Path, runner: CliRunner, line: str, replacement: str) -> None:
    vorlage = project / "2023" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text("utf-8").replace("frist = 2024-03-29", line), "utf-8")
    code, output = run(runner, "validate", "2023", "-C", str(project))
    assert code == 2, output
    assert f"(ohne Anführungszeichen): {replacement}" in output
    assert_german(output)


def test_german_date_in_a_table_of_beratungsfolge(project: Path, runner: CliRunner) -> None:
    vorlage = project / "2023" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text("utf-8").replace("datum = 2024-11-13", "datum = 13.11.2024"), "utf-8")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 2, output
    assert "Daten in TOML als 2024-11-13 schreiben (ohne Anführungszeichen): datum = 2024-11-13" in output


def test_impossible_german_date_is_not_given_a_replacement(project: Path, runner: CliRunner) -> None:
    vorlage = project / "2023" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text("utf-8").replace("frist = 2024-03-29", "frist = 31.02.2024"), "utf-8")
    code, output = run(runner, "validate", "2023", "-C", str(project))
    assert code == 2, output
    assert "31.02.2024 ist kein gültiges Datum" in output
    assert_german(output)


# -- placeholders ----------------------------------------------------------------------------------------------


def test_unknown_placeholder_suggests_the_closest_name(project: Path, runner: CliRunner) -> None:
    text = project / "2023" / "text" / "01-bericht.md"
    text.parent.mkdir()
    text.write_text("# Bericht\n\nEs gibt {{ anzahl_partnr }} Partner.\n", "utf-8")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 2, output
    assert "Unbekannter Platzhalter „{{ anzahl_partnr }}“. Meinten Sie „anzahl_partner“?" in output


def test_unknown_placeholder_in_word_suggests_too(project: Path, runner: CliRunner) -> None:
    document = Document()
    document.add_paragraph("Es gibt {{ berichtjahr }} Vorhaben.")
    (project / "2023" / "text").mkdir()
    document.save(str(project / "2023" / "text" / "02-bericht.docx"))
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 2, output
    assert "Meinten Sie „berichtsjahr“?" in output


def test_anzahl_vorhaben_is_anzahl_aktivitaeten(project: Path, runner: CliRunner) -> None:
    text = project / "2023" / "text" / "01-bericht.md"
    text.parent.mkdir()
    text.write_text("# Bericht\n\n{{ anzahl_vorhaben }} Vorhaben, {{anzahl_aktivitaeten}} Aktivitäten.\n", "utf-8")
    code, output = run(runner, "build", "2023", "-C", str(project), "--trotz-fehlern")
    assert code == 0, output
    document = Document(str(project / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    assert "1 Vorhaben, 1 Aktivitäten." in [p.text for p in document.paragraphs]


# -- operating-system errors in German -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (errno.ENOENT, "„GB1 Übersicht.xlsx“ gibt es nicht"),
        (errno.EACCES, "keine Berechtigung für „GB1 Übersicht.xlsx“"),
        (errno.EPERM, "keine Berechtigung für „GB1 Übersicht.xlsx“"),
        (errno.EISDIR, "„GB1 Übersicht.xlsx“ ist ein Ordner, keine Datei"),
        (errno.ENOSPC, "der Datenträger ist voll (GB1 Übersicht.xlsx)"),
        (errno.EROFS, "„GB1 Übersicht.xlsx“ liegt auf einem schreibgeschützten Datenträger"),
        (errno.ENAMETOOLONG, "der Pfad „GB1 Übersicht.xlsx“ ist zu lang"),
        (errno.EBUSY, "„GB1 Übersicht.xlsx“ wird von einem anderen Programm verwendet (unter Windows oft: in Excel"),
        (errno.EIO, "„GB1 Übersicht.xlsx“: Ein-/Ausgabefehler des Datenträgers"),
    ],
)
def test_os_problem_is_german_with_the_path(number: int, expected: str) -> None:
    text = os_problem(OSError(number, os.strerror(number), "/irgendwo/GB1 Übersicht.xlsx"), "GB1 Übersicht.xlsx")
    assert expected in text.replace("(„GB1 Übersicht.xlsx“)", "(GB1 Übersicht.xlsx)")
    assert os.strerror(number) not in text


def test_os_problem_recognises_windows_locks_and_folders(tmp_path: Path) -> None:
    locked = PermissionError(errno.EACCES, "Der Prozess kann nicht auf die Datei zugreifen", "GB1.xlsx")
    locked.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION: open in Excel
    assert os_problem(locked) == (
        "„GB1.xlsx“ wird von einem anderen Programm verwendet (unter Windows oft: in Excel oder Word geöffnet)"
    )
    folder = PermissionError(errno.EACCES, "Zugriff verweigert", str(tmp_path))  # Windows: a folder opened as a file
    assert os_problem(folder, "2023") == "„2023“ ist ein Ordner, keine Datei"
    assert (
        os_problem(OSError(errno.ENOENT, "No such file or directory"))
        == "die Datei oder der Ordner ist nicht vorhanden"
    )


def test_word_template_locked_on_windows_is_german(
    project: Path, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tmp_path / "Hausvorlage Büro.dotx"
    template.write_bytes(b"PK")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == template.name:  # Word holds the file open: Windows' sharing violation
            error = PermissionError(errno.EACCES, "Der Prozess kann nicht auf die Datei zugreifen", str(self))
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, output = run(runner, "build", "2023", "-C", str(project), "--template", str(template))
    assert code == 2, output
    assert f"Die Word-Vorlage {template} kann nicht gelesen werden: die Datei wird von einem anderen Programm" in output
    assert "(unter Windows oft: in Excel oder Word geöffnet)" in output
    assert_german(output)


def test_unreadable_vorlage_toml_is_german(project: Path, runner: CliRunner) -> None:
    vorlage = project / "2024" / "vorlage.toml"
    vorlage.unlink()
    vorlage.mkdir()
    code, output = run(runner, "validate", "2024", "-C", str(project))
    assert code in (2, 3), output
    assert_german(output)


def test_unreadable_markdown_text_is_german(project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    text = project / "2023" / "text" / "01-bericht.md"
    text.parent.mkdir()
    text.write_text("# Bericht\n", "utf-8")
    real_read_text = Path.read_text

    def read_text(self: Path, *args: Any, **kwargs: Any) -> str:
        if self.name == text.name:  # as a file another user owns, or one Windows holds locked
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 3, output
    assert "2023/text/01-bericht.md kann nicht gelesen werden: Zugriff verweigert." in output
    assert_german(output)


def test_unexpected_os_error_is_german_not_internal(
    project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_iterdir = Path.iterdir

    def iterdir(self: Path) -> Any:
        if self.name == "meldungen":  # a network folder that refuses to be listed
            raise PermissionError(errno.EPERM, "Operation not permitted", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    code, output = run(runner, "validate", "2023", "-C", str(project))
    assert code == 3, output
    assert f"Keine Berechtigung für „{project / '2023' / 'meldungen'}“." in output
    assert_german(output)
