"""`eingang`: replies from built .eml mails become the year's Meldebögen, versions kept, bad mails refused."""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from email import policy
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import quote

import pytest
from typer.testing import CliRunner

from koopbericht.actions.intake import take_in
from koopbericht.findings import TYPES
from koopbericht.project.folder import Project

from ..conftest import run
from ..hostile import encrypted
from ..mails import forward, reply, save, when
from ..roundfolder import GB1_FILE, RECEIVED, make_round
from ..workbooks import row, write_workbook


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_round(tmp_path / "projekt")


def workbook(tmp_path: Path, code: str, title: str = "Radweg") -> bytes:
    path = tmp_path / "werkstatt" / f"{code}-{title}.xlsx"
    write_workbook(path, [row(1, nr=f"{code}-001", vorhaben=title)])
    return path.read_bytes()


def folder_state(project: Path) -> dict[str, str]:
    reports = project / "2023" / "meldungen"
    return {p.relative_to(reports).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(reports.rglob("*")) if p.is_file()}  # fmt: skip


def intake(runner: CliRunner, project: Path, *paths: Path) -> tuple[int, str]:
    return run(runner, "eingang", "2023", *map(str, paths), "-C", str(project))


def test_a_reply_becomes_the_meldebogen_with_its_mail_recorded(project: Path, runner: CliRunner) -> None:
    data = workbook(project.parent, "GB2")
    mail = save(reply("Eva Probe <e.probe@example.org>", "AW: Meldebogen 2023", when(2), [("Meldebogen.xlsx", data)],
                      message_id="<antwort-gb2@example.org>"), project.parent / "post" / "gb2.eml")  # fmt: skip
    code, output = intake(runner, project, mail.parent)
    assert code == 0, output
    assert "GB2: Meldebogen.xlsx → GB2_Meldebogen_2023.xlsx – neu" in output
    target = project / "2023" / "meldungen" / "GB2_Meldebogen_2023.xlsx"
    assert target.read_bytes() == data
    record = tomllib.loads((target.parent / "eingang.toml").read_text(encoding="utf-8"))
    [entry] = record["meldebogen"]
    assert entry["datei"] == target.name and entry["message_id"] == "<antwort-gb2@example.org>"
    assert entry["absender"] == "Eva Probe <e.probe@example.org>" and entry["betreff"] == "AW: Meldebogen 2023"
    assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["datum"] == when(2)
    code, output = run(runner, "status", "2023", "--format", "json", "-C", str(project))
    status = {d["kuerzel"]: d for d in json.loads(output)["geschaeftsbereiche"]}
    assert status["GB2"]["eingang"] == "2024-04-02" and json.loads(output)["nicht_zugeordnet"] == []

    before = folder_state(project)
    code, output = intake(runner, project, mail)
    assert code == 0 and "– unverändert" in output, output
    assert folder_state(project) == before  # the same file again: nothing copied


def test_a_newer_mail_replaces_and_keeps_the_file_put_there_by_hand(project: Path, runner: CliRunner) -> None:
    reports = project / "2023" / "meldungen"
    by_hand = (reports / GB1_FILE).read_bytes()
    data = workbook(project.parent, "GB1", "Korrigiert")
    mail = save(reply("j.mueller@example.org", "Korrektur", when(5), [("GB1_Meldebogen_neu.xlsx", data)]),
                project.parent / "post" / "gb1.eml")  # fmt: skip
    code, output = intake(runner, project, mail)
    assert code == 0, output
    assert "ersetzt (frühere Fassung aufbewahrt)" in output
    assert not (reports / GB1_FILE).exists() and (reports / "GB1_Meldebogen_2023.xlsx").read_bytes() == data
    [kept] = list((reports / "fruehere").iterdir())
    assert kept.read_bytes() == by_hand and kept.name.startswith("GB1_Meldebogen_Bürgerdienste_2024-03-20")
    record = tomllib.loads((reports / "eingang.toml").read_text(encoding="utf-8"))
    assert record["frueher"][0]["ablage"] == f"fruehere/{kept.name}"

    older = save(reply("j.mueller@example.org", "Erste Fassung", when(3), [("GB1.xlsx", workbook(project.parent,
                 "GB1", "Alt"))]), project.parent / "post" / "alt.eml")  # fmt: skip
    before = folder_state(project)
    code, output = intake(runner, project, older)
    assert code == 0 and "älter als der vorhandene Meldebogen, nicht übernommen" in output, output
    assert folder_state(project) == before

    code, output = run(runner, "validate", "2023", "--format", "json", "-C", str(project))
    files = {f["file"] for f in json.loads(output)["findings"]}
    assert not any("fruehere" in f or "eingang.toml" in f for f in files), files


def test_an_older_mail_never_replaces_a_newer_file_put_there_by_hand(project: Path, runner: CliRunner) -> None:
    mail = save(reply("l.vorlage@example.org", "Meldung", when(1, month=3), [("GB4.xlsx", workbook(project, "GB4"))]),
                project.parent / "alt.eml")  # fmt: skip
    assert when(1, month=3).timestamp() < RECEIVED.timestamp()
    before = folder_state(project)
    code, output = intake(runner, project, mail)
    assert code == 0 and "der vorhandene Meldebogen ist neuer" in output, output
    assert folder_state(project) == before


@pytest.mark.parametrize("outlook", [False, True], ids=["rfc2231", "outlook-rfc2047-alternative"])
def test_german_file_names_assign_a_mail_from_an_unknown_address(
    project: Path, runner: CliRunner, outlook: bool
) -> None:
    name = "GB3_Meldebogen_Soziales_Übersicht_Ä.xlsx"
    message = reply("Vertretung <vertretung@example.org>", "Meldebogen Soziales", when(4), [(name, workbook(
        project, "GB3"))], outlook=outlook)  # fmt: skip
    raw = bytes(message)
    assert (b"=?utf-8?" in raw) if outlook else (b"filename*=utf-8''" in raw)
    code, output = intake(runner, project, save(message, project.parent / "gb3.eml"))
    assert code == 0, output
    assert f"GB3: {name} → GB3_Meldebogen_2023.xlsx – neu" in output


def test_a_forwarded_reply_is_followed_one_level(project: Path, runner: CliRunner) -> None:
    original = reply("Eva Probe <e.probe@example.org>", "Meldebogen", when(2), [("Tabelle1.xlsx", workbook(project,
                     "GB2"))])  # fmt: skip
    mail = save(forward("sekretariat@example.org", when(3), original), project.parent / "fwd.eml")
    code, output = intake(runner, project, mail)
    assert code == 0, output
    assert "GB2: Tabelle1.xlsx → GB2_Meldebogen_2023.xlsx – neu" in output
    assert "Weitergeleitete E-Mail „Meldebogen“ geöffnet." in output


@pytest.mark.parametrize(
    ("sender", "name"),
    [("fremd@example.com", "Tabelle1.xlsx"), ("j.mueller@example.org", "GB2_Meldebogen.xlsx")],
    ids=["nobody", "address-and-name-disagree"],
)
def test_a_mail_that_cannot_be_assigned_changes_nothing(
    project: Path, runner: CliRunner, sender: str, name: str
) -> None:
    mail = save(reply(sender, "Unsere Zahlen", when(2), [(name, workbook(project, "GB2"))]), project.parent / "x.eml")
    before = folder_state(project)
    code, output = intake(runner, project, mail)
    assert code == 1 and "nicht zugeordnet" in output, output
    assert f"Die E-Mail von {sender} mit dem Betreff „Unsere Zahlen“ (Anhänge: „{name}“)" in output
    assert f"„{name}“ passt zu {'GB2' if name.startswith('GB2') else 'keinem Geschäftsbereich'}" in output
    assert folder_state(project) == before


def _bad_mails(project: Path) -> dict[str, tuple[bytes, str]]:
    good = workbook(project, "GB2")
    sender = "e.probe@example.org"
    cut = bytes(reply(sender, "Meldebogen", when(2), [("GB2.xlsx", good)]))
    locked = project.parent / "gesperrt.xlsx"
    encrypted(locked)
    smime = (b"From: e.probe@example.org\r\nSubject: Meldebogen\r\nDate: Tue, 2 Apr 2024 10:00:00 +0200\r\n"
             b"MIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; "
             b"name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\r\n"
    )  # fmt: skip
    charset = bytes(reply(sender, "Meldebogen", when(2), [("GB2.xlsx", good)])).replace(
        b"Subject: Meldebogen", b"Subject: =?x-unbekannt?Q?Meldebogen_f=FCr_2023?="
    )
    return {
        "abgeschnitten": (cut[: len(cut) // 2], "mail-unlesbar"),
        "smime": (smime, "mail-verschluesselt"),
        "zeichensatz": (charset, "mail-zeichensatz"),
        "leer": (bytes(reply(sender, "M", when(2), [("GB2.xlsx", b"")])), "datei-beschaedigt"),
        "kennwort": (bytes(reply(sender, "M", when(2), [("GB2.xlsx", locked.read_bytes())])), "datei-verschluesselt"),
        "pfad": (bytes(reply(sender, "M", when(2), [("../../GB2.xlsx", good)])), "anhang-pfad"),
        "zwei": (bytes(reply(sender, "M", when(2), [("GB2_a.xlsx", good), ("GB2_b.xlsx", good)])), "anhang-mehrfach"),
        "keine-mail": (b"\x00\x01 nur Datenmuell \xff", "mail-unlesbar"),
        "zip-halb": (bytes(reply(sender, "M", when(2), [("GB2.xlsx", good[: len(good) // 2])])), "datei-beschaedigt"),
        "gleicher-name": (
            bytes(reply(sender, "M", when(2), [("GB2.xlsx", good), ("GB2.xlsx", good)])),
            "anhang-mehrfach",
        ),
    }


def test_bad_mails_get_a_finding_and_change_nothing(project: Path, runner: CliRunner) -> None:
    post = project.parent / "post"
    post.mkdir()
    for name, (data, _) in _bad_mails(project).items():
        (post / f"{name}.eml").write_bytes(data)
    before = folder_state(project)
    code, output = run(runner, "eingang", "2023", str(post), "-C", str(project))
    assert code == 1, output
    assert folder_state(project) == before
    assert "Traceback" not in output
    result = take_in(Project.open(project), 2023, [post])
    codes = {Path(f.file).stem: f.code for f in result.findings}
    assert codes == {name: finding for name, (_, finding) in _bad_mails(project).items()}
    assert {kind for kind in codes.values()} <= set(TYPES)  # every code has its record in the catalogue


def test_too_many_mails_at_once_are_refused(project: Path, runner: CliRunner) -> None:
    post = project.parent / "postfach"
    post.mkdir()
    message = bytes(reply("e.probe@example.org", "M", when(2), [("GB2.xlsx", workbook(project, "GB2"))]))
    for number in range(500):
        (post / f"{number:03d}.eml").write_bytes(message)
    before = folder_state(project)
    code, output = run(runner, "eingang", "2023", str(post), "-C", str(project))
    assert code == 2 and "500 E-Mails auf einmal" in output and "Es wurde nichts übernommen" in output
    assert folder_state(project) == before


def test_an_old_xls_attachment_gets_the_known_finding(project: Path, runner: CliRunner) -> None:
    from ..hostile import via_libreoffice

    old = project.parent / "alt.xls"
    via_libreoffice("xls")(old)
    mail = save(reply("e.probe@example.org", "Meldebogen", when(2), [("GB2_Meldebogen.xls", old.read_bytes())]),
                project.parent / "xls.eml")  # fmt: skip
    before = folder_state(project)
    [finding] = take_in(Project.open(project), 2023, [mail]).findings
    assert finding.code == "datei-format" and "alten Excel-Format (.xls)" in finding.message
    assert folder_state(project) == before


def test_erinnerung_writes_to_the_sender_and_not_again_after_a_reply(project: Path, runner: CliRunner) -> None:
    faulty = [row(1, nr="GB2-001", status="irgendwie")]
    path = project.parent / "werkstatt" / "gb2.xlsx"
    write_workbook(path, faulty)
    first = save(reply("Vertretung <vertretung@example.org>", "Meldebogen", when(2), [("GB2_neu.xlsx",
                 path.read_bytes())]), project.parent / "a" / "1.eml")  # fmt: skip
    assert intake(runner, project, first)[0] == 0
    code, output = run(runner, "erinnerung", "2023", "-C", str(project))
    assert code == 0, output
    draft = project / "ausgabe" / "2023" / "erinnerungen" / "Erinnerung-2023-GB2.eml"
    to = str(BytesParser(policy=policy.default).parsebytes(draft.read_bytes())["To"])
    assert "e.probe@example.org" in to and "vertretung@example.org" in to  # the contacts and who sent the file
    os.utime(draft, (when(5).timestamp(), when(5).timestamp()))  # the reminder went out on 5 April

    write_workbook(path, [row(1, nr="GB2-001", status="auch falsch")])
    answer = save(reply("e.probe@example.org", "AW: Erinnerung", when(8), [("GB2.xlsx", path.read_bytes())]),
                  project.parent / "b" / "2.eml")  # fmt: skip
    assert intake(runner, project, answer)[0] == 0
    code, output = run(runner, "erinnerung", "2023", "-C", str(project))
    assert code == 0, output
    assert "GB2 hat am 08.04.2024 nach der Erinnerung geantwortet und bekommt keine neue" in output
    assert draft.is_file() and draft.stat().st_mtime == when(5).timestamp()  # the earlier one stays as it was


def test_a_department_with_several_files_keeps_one_per_fachbereich(project: Path, runner: CliRunner) -> None:
    settings = project / "koopbericht.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('dateien = ["GB2*.xlsx"]\n', 'dateien = ["GB2*.xlsx"]\nmehrere_dateien = true\n'))
    post = project.parent / "post"
    for number, (name, day) in enumerate((("GB2_Tiefbau.xlsx", 2), ("GB2_Umwelt.xlsx", 3), ("GB2_Tiefbau.xlsx", 4))):
        data = workbook(project.parent, "GB2", f"Vorhaben {number}")
        save(reply("e.probe@example.org", name, when(day), [(name, data)]), post / f"{number}.eml")
    code, output = intake(runner, project, post)
    assert code == 0, output
    reports = project / "2023" / "meldungen"
    assert sorted(p.name for p in reports.glob("GB2*")) == ["GB2_Tiefbau.xlsx", "GB2_Umwelt.xlsx"]
    assert [p.name.split("_2024")[0] for p in (reports / "fruehere").iterdir()] == ["GB2_Tiefbau"]
    assert "GB2: GB2_Umwelt.xlsx → GB2_Umwelt.xlsx – neu" in output


def _several_files(project: Path) -> None:
    settings = project / "koopbericht.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('dateien = ["GB2*.xlsx"]\n', 'dateien = ["GB2*.xlsx"]\nmehrere_dateien = true\n'))


def test_our_own_reminder_sent_from_a_personal_address_is_not_taken(project: Path, runner: CliRunner) -> None:
    code, output = run(runner, "erinnerung", "2023", "-C", str(project))
    assert code == 0, output
    draft = project / "ausgabe" / "2023" / "erinnerungen" / "Erinnerung-2023-GB2.eml"
    parsed = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    [form] = [(str(p.get_filename()), p.get_content()) for p in parsed.iter_attachments()]
    sent = save(reply("Sachbearbeitung <s.bearbeitung@example.org>", "Erinnerung", when(6), [form]),
                project.parent / "gesendet" / "erinnerung.eml")  # fmt: skip
    before = folder_state(project)
    code, output = intake(runner, project, sent)
    assert code == 0, output
    assert f"„{form[0]}“ ist der versandte Meldebogen, unverändert – nicht übernommen" in output
    assert folder_state(project) == before


def test_the_prefilled_form_sent_back_unchanged_is_not_taken(project: Path, runner: CliRunner) -> None:
    code, output = run(runner, "template", "2023", "-C", str(project))
    assert code == 0, output
    form = project / "ausgabe" / "2023" / "meldeboegen" / "GB4_Meldebogen_2023.xlsx"
    answer = workbook(project.parent, "GB4", "Geändert")
    files = [(form.name, form.read_bytes()), ("GB4.xlsx", answer)]
    mail = save(reply("l.vorlage@example.org", "AW: Meldebogen", when(6), files), project.parent / "gb4.eml")
    code, output = intake(runner, project, mail)
    assert code == 0, output
    assert f"„{form.name}“ ist der versandte Meldebogen, unverändert – nicht übernommen" in output
    assert (project / "2023" / "meldungen" / "GB4_Meldebogen_2023.xlsx").read_bytes() == answer


def test_a_department_reverting_to_its_earlier_version_is_taken(project: Path, runner: CliRunner) -> None:
    first, second = workbook(project.parent, "GB2", "Erste"), workbook(project.parent, "GB2", "Zweite")
    post = project.parent / "post"
    for day, data in ((2, first), (3, second), (4, first)):
        save(reply("e.probe@example.org", "Meldebogen", when(day, month=5), [("GB2.xlsx", data)]), post / f"{day}.eml")
    code, output = intake(runner, project, post)
    assert code == 0, output
    reports = project / "2023" / "meldungen"
    assert (reports / "GB2_Meldebogen_2023.xlsx").read_bytes() == first
    assert sorted(p.read_bytes() for p in (reports / "fruehere").iterdir()) == sorted([first, second])
    before = folder_state(project)
    code, output = intake(runner, project, post / "4.eml")
    assert code == 0 and "– unverändert" in output, output
    code, output = intake(runner, project, post / "3.eml")  # the same mail again: its version is already kept
    assert code == 0 and "– unverändert (eine frühere Fassung)" in output, output
    assert folder_state(project) == before


def test_other_files_in_meldungen_are_neither_moved_nor_counted(project: Path, runner: CliRunner) -> None:
    reports = project / "2023" / "meldungen"
    letter = reports / "GB2_Begleitschreiben.pdf"
    letter.write_bytes(b"%PDF-1.4 Begleitschreiben")
    data = workbook(project.parent, "GB2")
    code, output = intake(runner, project, save(reply("e.probe@example.org", "M", when(2), [("GB2.xlsx", data)]),
                                                project.parent / "gb2.eml"))  # fmt: skip
    assert code == 0 and "GB2: GB2.xlsx → GB2_Meldebogen_2023.xlsx – neu" in output, output
    assert letter.read_bytes() == b"%PDF-1.4 Begleitschreiben" and not (reports / "fruehere").exists()


def test_a_department_with_several_files_sends_them_in_one_mail(project: Path, runner: CliRunner) -> None:
    _several_files(project)
    files = [("GB2_Tiefbau.xlsx", workbook(project.parent, "GB2", "A")), ("GB2_Umwelt.xlsx", workbook(project, "GB2"))]
    code, output = intake(runner, project, save(reply("e.probe@example.org", "M", when(2), files),
                                                project.parent / "beide.eml"))  # fmt: skip
    assert code == 0, output
    reports = project / "2023" / "meldungen"
    assert [(reports / name).read_bytes() for name, _ in files] == [data for _, data in files]
    same = [("GB2_Tiefbau.xlsx", files[0][1]), ("GB2_Tiefbau.xlsx", files[1][1])]
    mail = save(reply("e.probe@example.org", "M", when(3), same), project.parent / "gleich.eml")
    [finding] = take_in(Project.open(project), 2023, [mail]).findings
    assert finding.code == "anhang-mehrfach"


def test_a_forward_from_our_own_mailbox_is_taken_by_the_forwarded_sender(project: Path, runner: CliRunner) -> None:
    original = reply("Eva Probe <e.probe@example.org>", "Meldebogen", when(2), [("Tabelle1.xlsx", workbook(project,
                     "GB2"))])  # fmt: skip
    mail = save(forward("kooperation@example.org", when(3), original), project.parent / "fwd.eml")
    code, output = intake(runner, project, mail)
    assert code == 0, output
    assert "GB2: Tabelle1.xlsx → GB2_Meldebogen_2023.xlsx – neu" in output


@pytest.mark.parametrize(
    "name", ["GB2_Tief\x00bau.xlsx", "GB2_Tief\nbau.xlsx", "GB2_Tief:bau.xlsx", "GB2_Tief|bau?.xlsx", "NUL.xlsx",
             "com1.xlsx", "GB2<Tiefbau>.xlsx"],
    ids=["nul", "newline", "colon", "pipe-question", "device", "device-lower", "angle"],
)  # fmt: skip
def test_unsafe_attachment_names_are_refused(project: Path, runner: CliRunner, name: str) -> None:
    _several_files(project)
    message = reply("e.probe@example.org", "M", when(2), [("GB2_Platzhalter.xlsx", workbook(project, "GB2"))])
    raw = bytes(message).replace(b'filename="GB2_Platzhalter.xlsx"', f"filename*=utf-8''{quote(name)}".encode())
    assert quote(name).encode() in raw  # as a mail program writes it: percent-encoded, %00 and %0A included
    mail = project.parent / "name.eml"
    mail.write_bytes(raw)
    before = folder_state(project)
    code, output = intake(runner, project, mail)
    assert code == 1 and "anhang-name" in output and "Interner Fehler" not in output, output
    assert folder_state(project) == before


def test_a_date_far_in_the_future_is_refused_and_blocks_nothing(project: Path, runner: CliRunner) -> None:
    import datetime as dt

    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=400)
    post = project.parent / "post"
    save(reply("e.probe@example.org", "M", future, [("GB2.xlsx", workbook(project, "GB2", "Zukunft"))]), post / "a.eml")
    code, output = intake(runner, project, post / "a.eml")
    assert code == 1 and "mail-datum-zukunft" in output, output
    assert not (project / "2023" / "meldungen" / "GB2_Meldebogen_2023.xlsx").exists()
    later = workbook(project.parent, "GB2", "Heute")
    save(reply("e.probe@example.org", "M", when(2), [("GB2.xlsx", later)]), post / "b.eml")
    code, output = intake(runner, project, post / "b.eml")
    assert code == 0 and "– neu" in output, output
