"""erinnerung: e-mail drafts to the late and the faulty Geschäftsbereiche, parsed back as a mail program would."""

from __future__ import annotations

import datetime as dt
import io
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.actions.reminders import write_reminders
from koopbericht.findings import CATALOGUE, Severity
from koopbericht.findings.advice import department_text
from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_year

from ..conftest import run
from ..roundfolder import GB1_ERROR_CELL, GB1_FILE, MELDUNG, make_round
from ..workbooks import row, write_workbook

BEFORE_DEADLINE = dt.date(2024, 3, 21)
AFTER_DEADLINE = dt.date(2024, 4, 10)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_round(tmp_path / "arbeitsordner")


def drafts_folder(folder: Path) -> Path:
    return folder / "ausgabe" / "2023" / "erinnerungen"


def drafts(folder: Path) -> dict[str, EmailMessage]:
    parser = BytesParser(policy=policy.default)
    return {path.name: parser.parsebytes(path.read_bytes()) for path in sorted(drafts_folder(folder).glob("*.eml"))}


def text_of(mail: EmailMessage) -> str:
    part = mail.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


def attachments(mail: EmailMessage) -> dict[str, bytes]:
    return {str(part.get_filename()): part.get_content() for part in mail.iter_attachments()}


def findings_of(folder: Path, severity: Severity) -> list[tuple[str | None, str]]:
    """GB1's findings: cell and the text the department is given."""
    project = Project.open(folder)
    data = check_year(project, 2023, today=BEFORE_DEADLINE)
    return [
        (f.cell, department_text(f, project.settings))
        for f in data.report.findings
        if f.file.endswith(GB1_FILE) and f.severity is severity
    ]


def test_one_draft_for_each_late_or_faulty_department(folder: Path, runner: CliRunner) -> None:
    code, output = run(runner, "erinnerung", "2023", "-C", str(folder))
    assert code == 0, output
    assert sorted(drafts(folder)) == ["Erinnerung-2023-GB1.eml", "Erinnerung-2023-GB2.eml", "Erinnerung-2023-GB3.eml"]
    assert "3 Entwürfe nach ausgabe/2023/erinnerungen geschrieben" in output
    assert "nichts versendet" in output
    assert "keine Adresse" in output and "GB3: In koopbericht.toml ist keine Kontaktadresse" in output
    assert "Meldebogen fehlt" in output and "1 Fehler" in output


def test_headers_are_encoded_and_decode_with_umlauts(folder: Path) -> None:
    write_reminders(Project.open(folder), 2023, today=BEFORE_DEADLINE)
    path = drafts_folder(folder) / "Erinnerung-2023-GB1.eml"
    raw = path.read_bytes()
    assert raw.isascii() and b"\r\n" in raw  # every header and text encoded; CRLF as mail programs write
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998  # RFC 5322
    mail = drafts(folder)["Erinnerung-2023-GB1.eml"]
    assert mail["X-Unsent"] == "1"
    assert mail["Subject"] == "Kooperationsbericht 2023: Meldebogen GB1 – bitte bis 29.03.2024 korrigieren"
    (sender,) = mail["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Büro des Oberbürgermeisters", "kooperation@example.org")
    (to,) = mail["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Jürgen Müller", "j.mueller@example.org")
    # The day the draft is written, not the deadline (which lies ahead).
    assert mail["Date"].datetime == dt.datetime(2024, 3, 21, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert mail["Message-ID"].startswith("<koopbericht.") and mail["Message-ID"].endswith("@example.org>")
    gb2 = drafts(folder)["Erinnerung-2023-GB2.eml"]
    assert [a.addr_spec for a in gb2["To"].addresses] == ["e.probe@example.org", "bauen@example.org"]
    assert gb2["Subject"] == "Kooperationsbericht 2023: Meldebogen GB2 – bitte bis 29.03.2024 einreichen"
    assert gb2["Message-ID"] != mail["Message-ID"]


def test_faulty_form_text_names_problems_in_plain_words(folder: Path) -> None:
    write_reminders(Project.open(folder), 2023, today=BEFORE_DEADLINE)
    body = text_of(drafts(folder)["Erinnerung-2023-GB1.eml"])
    assert body.startswith("Guten Tag Jürgen Müller,\n")  # a named colleague, gender unknown: neutral
    assert "bis zum 29.03.2024 an kooperation@example.org" in body and "abgelaufen" not in body
    (error,) = findings_of(folder, Severity.ERROR)
    activity = "GB1-001 „Vorhaben Nummer 1“"
    assert f"- {activity}, Zeile 2, Spalte „Status“ (Zelle {GB1_ERROR_CELL}): {error[1]}" in body
    assert "Folgendes aufgefallen, was vor der Übernahme" in body
    (warning,) = findings_of(folder, Severity.WARNING)  # named, not summed up behind a number
    assert f"- GB1-002 „Vorhaben Nummer 2“, Zeile 3, Spalte „Kooperationspartner“ (Zelle D3): {warning[1]}" in body
    assert "weitere" not in body
    for kind in CATALOGUE:
        assert kind.code not in body
    assert "koopbericht" not in body.replace("kooperation@", "")
    assert "Büro des Oberbürgermeisters, Regionale Kooperation" in body and "Telefon: 0331 289-0000" in body
    assert GB1_FILE in body


def test_faulty_form_gets_its_annotated_copy(folder: Path) -> None:
    write_reminders(Project.open(folder), 2023, today=BEFORE_DEADLINE)
    files = attachments(drafts(folder)["Erinnerung-2023-GB1.eml"])
    assert list(files) == [GB1_FILE]  # the name with its umlaut, decoded from RFC 2231
    workbook = load_workbook(io.BytesIO(files[GB1_FILE]))
    sheet = workbook["Meldebogen"]
    comments = {cell.coordinate: cell.comment.text for line in sheet.iter_rows() for cell in line if cell.comment}
    assert GB1_ERROR_CELL in comments and "irgendwie" in comments[GB1_ERROR_CELL]
    (warning,) = findings_of(folder, Severity.WARNING)
    assert warning[0] in comments  # the copy marks the warning too
    assert sheet[GB1_ERROR_CELL].value == "irgendwie"


def test_late_department_gets_the_prefilled_form(folder: Path) -> None:
    write_reminders(Project.open(folder), 2023, today=BEFORE_DEADLINE)
    mail = drafts(folder)["Erinnerung-2023-GB2.eml"]
    body = text_of(mail)
    assert "liegt uns der Meldebogen des Geschäftsbereichs GB2 (Bauen und Umwelt) noch nicht vor" in body
    assert "bis zum 29.03.2024" in body
    files = attachments(mail)
    assert list(files) == ["GB2_Meldebogen_2023.xlsx"]
    workbook = load_workbook(io.BytesIO(files["GB2_Meldebogen_2023.xlsx"]))
    assert "Anleitung" in workbook.sheetnames
    titles = [cell.value for cell in workbook["Meldebogen"]["C"]]
    assert "Radweg zum Nachbarort" in titles  # carried over from 2022


def test_department_without_contacts_still_gets_a_draft(folder: Path) -> None:
    result = write_reminders(Project.open(folder), 2023, today=BEFORE_DEADLINE)
    gb3 = next(r for r in result.written if r.department == "GB3")
    assert gb3.recipients == () and gb3.reason == "Meldebogen fehlt"
    assert any(n.startswith("GB3: ") and "keine Kontaktadresse" in n for n in result.notices)
    mail = drafts(folder)["Erinnerung-2023-GB3.eml"]
    assert mail["To"] is None and mail["X-Unsent"] == "1"


def test_passed_deadline_is_named(folder: Path) -> None:
    write_reminders(Project.open(folder), 2023, today=AFTER_DEADLINE)
    mail = drafts(folder)["Erinnerung-2023-GB1.eml"]
    assert mail["Subject"] == "Kooperationsbericht 2023: Meldebogen GB1 – bitte so bald wie möglich korrigieren"
    assert "Die Rückgabefrist war der 29.03.2024 und ist bereits abgelaufen." in text_of(mail)


def test_warnings_only_with_the_option(folder: Path, runner: CliRunner) -> None:
    result = write_reminders(Project.open(folder), 2023, with_warnings=True, today=BEFORE_DEADLINE)
    assert [r.department for r in result.written] == ["GB1", "GB2", "GB3", "GB4"]
    assert result.written[0].reason == "1 Fehler und 1 Warnung"
    mails = drafts(folder)
    gb4 = mails["Erinnerung-2023-GB4.eml"]
    assert gb4["Subject"] == "Kooperationsbericht 2023: Meldebogen GB4 – bitte bis 29.03.2024 prüfen"
    assert "„Gemeinde Unbekanntdorf“" in text_of(gb4) and "bitte prüfen Sie diese Angaben" in text_of(gb4)
    assert "koopbericht.toml" not in text_of(gb4)  # the department's words, not the clerk's
    gb1 = text_of(mails["Erinnerung-2023-GB1.eml"])
    (warning,) = findings_of(folder, Severity.WARNING)
    place = "GB1-002 „Vorhaben Nummer 2“, Zeile 3, Spalte „Kooperationspartner“ (Zelle D3)"
    expected = f"Bitte prüfen Sie außerdem diese Angaben:\n\n- {place}: {warning[1]}"
    assert expected in gb1  # the warning apart from the errors
    code, output = run(runner, "erinnerung", "2023", "-C", str(folder), "--auch-warnungen")
    assert code == 0 and "GB4" in output, output


def test_identical_bytes_on_a_second_run(folder: Path, runner: CliRunner) -> None:
    code, output = run(runner, "erinnerung", "2023", "-C", str(folder))
    assert code == 0, output
    first = {path.name: path.read_bytes() for path in drafts_folder(folder).iterdir()}
    code, output = run(runner, "erinnerung", "2023", "-C", str(folder))
    assert code == 0, output
    assert {path.name: path.read_bytes() for path in drafts_folder(folder).iterdir()} == first


def test_missing_sender_address_stops_before_writing(tmp_path: Path, runner: CliRunner) -> None:
    folder = make_round(tmp_path / "ohne", meldung=MELDUNG.replace('email = "kooperation@example.org"\n', ""))
    code, output = run(runner, "erinnerung", "2023", "-C", str(folder))
    assert code == 2, output
    assert "Absenderadresse" in output and "[meldung]" in output and "email =" in output
    assert "2023/vorlage.toml" in output
    assert not drafts_folder(folder).exists()


def test_a_reminder_no_longer_needed_is_removed(folder: Path, runner: CliRunner) -> None:
    run(runner, "erinnerung", "2023", "-C", str(folder))
    write_workbook(folder / "2023" / "meldungen" / GB1_FILE, [row(1), row(2)])
    code, output = run(runner, "erinnerung", "2023", "-C", str(folder))
    assert code == 0, output
    assert "Erinnerung-2023-GB1.eml" not in drafts(folder)
    assert "Veraltete Erinnerung entfernt: ausgabe/2023/erinnerungen/Erinnerung-2023-GB1.eml" in output


def test_nothing_to_remind(folder: Path, runner: CliRunner) -> None:
    reports = folder / "2023" / "meldungen"
    write_workbook(reports / GB1_FILE, [row(1)])
    write_workbook(reports / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001")])
    write_workbook(reports / "GB3_Meldebogen.xlsx", [row(1, nr="GB3-001")])
    code, output = run(runner, "erinnerung", "2023", "-C", str(folder))
    assert code == 0, output
    assert "Keine Erinnerung nötig" in output
    assert not drafts_folder(folder).exists()


def test_unreadable_form_gets_a_fresh_one(folder: Path) -> None:
    (folder / "2023" / "meldungen" / GB1_FILE).write_bytes(b"kein Arbeitsblatt")
    result = write_reminders(Project.open(folder), 2023, today=BEFORE_DEADLINE)
    gb1 = next(r for r in result.written if r.department == "GB1")
    assert gb1.attachments == ("GB1_Meldebogen_2023.xlsx",)
    mail = drafts(folder)["Erinnerung-2023-GB1.eml"]
    assert "Ihre Datei ließ sich nicht öffnen" in text_of(mail)
    assert "korrigieren" in mail["Subject"]
    load_workbook(io.BytesIO(attachments(mail)["GB1_Meldebogen_2023.xlsx"]))


def test_without_deadline_the_drafts_ask_for_soon(tmp_path: Path) -> None:
    folder = make_round(tmp_path / "ohne", meldung=MELDUNG.replace("frist = 2024-03-29\n", ""))
    result = write_reminders(Project.open(folder), 2023, today=BEFORE_DEADLINE)
    assert any("keine Rückgabefrist" in notice for notice in result.notices)
    mail = drafts(folder)["Erinnerung-2023-GB2.eml"]
    assert mail["Subject"] == "Kooperationsbericht 2023: Meldebogen GB2 – bitte einreichen"
    assert "so bald wie möglich an kooperation@example.org" in text_of(mail)
    assert mail["Date"].datetime == dt.datetime(2024, 3, 21, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_addresses_beyond_ascii() -> None:
    from koopbericht.config import Contact
    from koopbericht.round.reminder import mail_address

    address = mail_address(Contact("anna@bürgeramt.example", "Anna Ärger"))
    assert address is not None and address.addr_spec == "anna@xn--brgeramt-65a.example"
    assert mail_address(Contact("jürgen@example.org")) is None
