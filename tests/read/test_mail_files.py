"""Reading the real mail files in ../shared/mail (written by Outlook, Thunderbird, Apple Mail, …; see SOURCES.md)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht.read.mail import Mail, read_mail

from ..conftest import REPO, run
from ..roundfolder import make_round

MAIL = REPO.parent / "shared" / "mail"
pytestmark = pytest.mark.skipif(
    not MAIL.is_dir(), reason="../shared/mail (real .msg and .eml files of mail programs) is not in this checkout"
)


def mail(name: str) -> Mail:
    return read_mail(MAIL / name, name)


def test_outlooks_xlsx_attachment_is_found_without_a_mime_type() -> None:
    found = mail("msg_outlook_xlsx_docx.msg")
    assert found.usable and found.address == "kees.van.spelde@achmea.nl" and found.date is not None
    [sheet] = [a for a in found.attachments if a.spreadsheet]
    assert sheet.name == "Installatiehandleiding S&I Agro.xlsx" and len(sheet.data) == 76951
    assert [a.name for a in found.attachments if not a.spreadsheet] == ["Installatie handleiding.docx"]


def test_outlooks_unsent_flag_marks_a_draft() -> None:
    assert mail("msg_strange_date_unsent.msg").draft  # PR_MESSAGE_FLAGS has MSGFLAG_UNSENT (0x8)
    assert not mail("msg_outlook_xlsx_docx.msg").draft  # received: the flag is clear


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("msg_damaged_fuzz_a.msg", "mail-unlesbar"),
        ("msg_damaged_fuzz_b.msg", "mail-unlesbar"),
        ("msg_appointment_not_mail.msg", "mail-unlesbar"),
        ("odd_rfc822_with_msg_extension.msg", "mail-unlesbar"),  # RFC 5322 text named .msg, cut off
        ("eml_eudora_binhex.eml", "mail-zeichensatz"),  # raw 8-bit file name
    ],
)
def test_bad_real_mails_carry_a_finding(name: str, code: str) -> None:
    assert [f.code for f in mail(name).findings] == [code]


def test_german_names_of_real_mail_programs_are_decoded() -> None:
    names = [a.name for a in mail("eml_outlook2007_latin1_umlaut_pdf.eml").attachments]
    assert names[:1] == ["test-attachment-äöüß.pdf"]
    assert [a.name for a in mail("eml_thunderbird15_rfc2231_split_utf8.eml").attachments] == [
        "utf-8-file-äöüß-カスタマ.txt"
    ]
    assert [a.name for a in mail("eml_pine_rfc2231_latin1_filename.eml").attachments] == ["HasenundFrösche.txt"]


def test_signed_mails_are_read_and_say_the_signature_was_not_checked() -> None:
    for name in ("eml_thunderbird_saved_smime_signed.eml", "msg_outlook2003_smime_signed.msg"):
        found = mail(name)
        assert found.usable and any("Signatur wurde nicht geprüft" in n for n in found.notes), name
        assert "smime.p7s" not in [a.name for a in found.attachments]


def test_forwarded_mails_are_followed_one_level() -> None:
    nested = mail("msg_nested_msg_in_msg_in_msg.msg")
    assert [(a.name, a.forwarded) for a in nested.attachments] == [
        ("Microsoft Outlook テスト メッセージ.msg", True), ("green.png", True), ("blue.png", False)
    ]  # fmt: skip
    ods = [a for a in mail("eml_icedove_fwd_eml_with_ods.eml").attachments if a.spreadsheet]
    assert [(a.name, a.forwarded, a.damaged) for a in ods] == [("Sprint-2015-05-18.ods", True, True)]


def test_eingang_on_every_real_mail_takes_nothing_it_cannot_assign(tmp_path: Path, runner: CliRunner) -> None:
    root = make_round(tmp_path / "projekt")
    reports = root / "2023" / "meldungen"
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in reports.iterdir()}
    code, output = run(runner, "eingang", "2023", str(MAIL), "-C", str(root))
    assert code == 1 and "Traceback" not in output and "Interner Fehler" not in output, output
    assert "msg_outlook_xlsx_docx.msg – nicht zugeordnet" in output
    assert "msg_strange_date_unsent.msg – eigene E-Mail (Entwurf oder Erinnerung), nicht übernommen" in output
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in reports.iterdir()} == before


def test_the_real_outlook_spreadsheet_is_taken_for_the_department_of_its_sender(
    tmp_path: Path, runner: CliRunner
) -> None:
    root = make_round(tmp_path / "projekt")
    settings = root / "koopbericht.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            'dateien = ["GB3*.xlsx"]\n',
            'dateien = ["GB3*.xlsx"]\nkontakt = [{ email = "Kees.van.Spelde@achmea.nl" }]\n',
        ),
        encoding="utf-8",
    )
    code, output = run(runner, "eingang", "2023", str(MAIL / "msg_outlook_xlsx_docx.msg"), "-C", str(root))
    assert code == 0, output
    assert "GB3: Installatiehandleiding S&I Agro.xlsx → GB3_Meldebogen_2023.xlsx – neu" in output
    assert "Weitere Anhänge (bleiben in der E-Mail): Installatie handleiding.docx" in output
    taken = root / "2023" / "meldungen" / "GB3_Meldebogen_2023.xlsx"
    assert taken.stat().st_size == 76951


def test_attachments_packed_by_outlook_into_winmail_dat_are_named() -> None:
    found = mail("eml_exchange_tnef_winmail_koi8r.eml")
    assert [a.name for a in found.attachments] == ["winmail.dat"]
    assert any("winmail.dat" in note and "normalen Anhang" in note for note in found.notes)
