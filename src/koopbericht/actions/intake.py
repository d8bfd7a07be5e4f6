"""`eingang`: the departments' replies, read from saved mails (.msg, .eml), become the year's Meldebögen.

Each mail is assigned to a Geschäftsbereich by its sender's address (the contacts in
koopbericht.toml), else by the name of its spreadsheet; never by guessing between two. Each mail
is taken whole or not at all: a mail that cannot be read, assigned or whose spreadsheet is bad
changes nothing and gets findings. What is taken goes to `JAHR/meldungen/` under the
Geschäftsbereich's usual name, recorded in `eingang.toml`; versions are kept (`intake_versions`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..config import Department, Settings
from ..errors import OutputError, UsageError
from ..files.atomic import os_reason, write_all_atomic
from ..findings import Finding
from ..findings.catalogue_mail import ATTACHMENT_TWICE, MAIL_FUTURE, MAIL_UNASSIGNED
from ..formatting import german_date
from ..project.folder import Project
from ..read.collect import departments_for, matches_department
from ..read.mail import Mail, MailAttachment, mail_files, read_mail
from ..read.mail.model import SPREADSHEET_SUFFIXES
from .intake_checks import attachment_problems, sent_forms
from .intake_record import RECORD_NAME, Intake, IntakeRecord, instant, read_record, record_bytes, valid_entries
from .intake_versions import Changes, Outcome, Placed, place
from .template import file_name

__all__ = ["IntakeResult", "MailResult", "Outcome", "take_in"]


@dataclass(frozen=True)
class MailResult:
    """One mail read: what happened to it, the Meldebögen taken, the attachments left, its findings."""

    mail: Mail
    outcome: Outcome
    placed: tuple[Placed, ...] = ()
    left: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    returned: tuple[str, ...] = ()  # attachments that are a form koopbericht wrote, unchanged: never taken


@dataclass(frozen=True)
class IntakeResult:
    """What `eingang` did with every mail, in the order they were read (oldest Date first)."""

    year: int
    folder: Path
    mails: tuple[MailResult, ...]

    @property
    def findings(self) -> list[Finding]:
        """Every finding of every mail."""
        return [f for result in self.mails for f in result.findings]


def take_in(project: Project, year: int, paths: list[Path]) -> IntakeResult:
    """Read the mails in `paths` (files and folders) and take their Meldebögen into the year."""
    own = project.year_settings(year).contact_email.casefold()  # the clerk's address, from vorlage.toml
    folder = project.reports_dir(year)
    if not folder.is_dir():
        raise UsageError(f"Den Ordner {project.relative(folder)} gibt es nicht. Bitte zuerst „koopbericht jahr "
                         f"{year}“ ausführen oder den Ordner anlegen.")  # fmt: skip
    files = mail_files(paths)
    mails = [read_mail(path, project.relative(path.resolve()).as_posix()) for path in files]  # unambiguous later
    mails.sort(key=lambda m: (m.date is not None, instant(m.date) if m.date else None, m.file))
    record = read_record(folder)
    sent = sent_forms(project.output_dir(year))
    results = [
        MailResult(mail, Outcome.OWN) if _own(mail, own) else _one(mail, project, year, (folder, record), sent)
        for mail in mails
    ]
    return IntakeResult(year, folder, tuple(results))


def _own(mail: Mail, own: str) -> bool:
    """A draft, or a mail from the clerk's address that forwards no one else's mail."""
    return mail.draft or bool(own and mail.address == own and not mail.forwarded_senders)


def _one(mail: Mail, project: Project, year: int, state: tuple[Path, IntakeRecord], sent: set[str]) -> MailResult:
    """One mail: assign and check it, then write its Meldebögen (all or none) and the record."""
    returned = tuple(a.name for a in mail.attachments if a.spreadsheet and a.sha256 in sent)
    spreadsheets = [a for a in mail.attachments if a.spreadsheet and a.sha256 not in sent]
    left = tuple(a.name for a in mail.attachments if not a.spreadsheet)
    if not mail.usable:
        return MailResult(mail, Outcome.REFUSED, left=left, findings=mail.findings)
    if not spreadsheets:
        return MailResult(mail, Outcome.SENT_FORM if returned else Outcome.NO_TABLE, left=left, returned=returned)
    settings = project.settings
    assigned = [(a, _department(mail, a, settings)) for a in spreadsheets]
    if any(d is None for _, d in assigned):
        return MailResult(mail, Outcome.UNASSIGNED, left=left, findings=(_unassigned(mail, spreadsheets, settings),))
    problems = _problems(mail, year, assigned)
    if problems:
        return MailResult(mail, Outcome.REFUSED, left=left, findings=tuple(problems))
    changes = Changes()
    placed = []
    for attachment, department in assigned:
        assert department is not None
        target = _target(department, year, attachment)
        placed.append(place(mail, attachment, department, target, state, changes))
    _write(changes, state)
    return MailResult(mail, _summary(placed), tuple(placed), left, returned=returned)


def _problems(mail: Mail, year: int, assigned: list[tuple[MailAttachment, Department | None]]) -> list[Finding]:
    """What stops the mail: its Date far ahead, a bad attachment, two tables for one file of a Geschäftsbereich."""
    if mail.date is not None and instant(mail.date) > dt.datetime.now(dt.UTC) + dt.timedelta(days=1):
        return [MAIL_FUTURE.at(mail.file, f"Die E-Mail trägt das Datum {german_date(mail.date.date())}, das mehr "
                                          "als einen Tag in der Zukunft liegt; sie wird nicht übernommen, damit sie "
                                          "spätere Antworten nicht verdrängt.")]  # fmt: skip
    problems = [f for a, d in assigned for f in attachment_problems(mail, a, named=d is not None and d.several_files)]
    if problems:
        return problems
    keys = [(d.code, _target(d, year, a) if d.several_files else "") for a, d in assigned if d is not None]
    twice = sorted({code for code, target in keys if keys.count((code, target)) > 1})
    if twice:
        names = ", ".join(f"„{a.name}“" for a, _ in assigned)
        problems.append(ATTACHMENT_TWICE.at(mail.file, f"Die E-Mail enthält mehrere Tabellen für {twice[0]}: "
                                                       f"{names}; welche gilt, ist nicht zu erkennen."))  # fmt: skip
    return problems


def _department(mail: Mail, attachment: MailAttachment, settings: Settings) -> Department | None:
    """The one Geschäftsbereich of the attachment: by the sender's address, else by its name; None if unclear."""
    by_name = set(departments_for(attachment.name, settings))
    for address in (mail.address, *(_address(s) for s in mail.forwarded_senders)):
        by_address = {d.code for d in settings.departments if address and address in _addresses(d)}
        if len(by_address) == 1:
            code = next(iter(by_address))
            return settings.department(code) if not by_name or code in by_name else None
        if by_address and len(by_address & by_name) == 1:
            return settings.department(next(iter(by_address & by_name)))
    return settings.department(next(iter(by_name))) if len(by_name) == 1 else None


def _addresses(department: Department) -> set[str]:
    return {c.email.casefold() for c in department.contacts}


def _address(sender: str) -> str:
    from email.utils import parseaddr

    return parseaddr(sender)[1].casefold()


def _unassigned(mail: Mail, attachments: list[MailAttachment], settings: Settings) -> Finding:
    """Why the mail belongs to no one Geschäftsbereich, naming sender, subject and attachments."""
    names = ", ".join(f"„{a.name}“" for a in mail.attachments)
    by_address = [d.code for d in settings.departments if mail.address and mail.address in _addresses(d)]
    address = (
        f"Die Absenderadresse steht bei {_codes(by_address)}"
        if by_address else "Die Absenderadresse steht bei keinem Geschäftsbereich"
    )  # fmt: skip
    files = "; ".join(f"„{a.name}“ passt zu {_codes(list(departments_for(a.name, settings)))}" for a in attachments)
    return MAIL_UNASSIGNED.at(
        mail.file,
        f"Die E-Mail von {mail.sender or 'unbekanntem Absender'} mit dem Betreff „{mail.subject}“ (Anhänge: "
        f"{names}) lässt sich keinem Geschäftsbereich eindeutig zuordnen. {address}; {files}. "
        "Es wurde nichts übernommen.",
        suggestion="Die Adresse in koopbericht.toml beim Geschäftsbereich eintragen (kontakt = [{ email = "
        '"…" }]) oder die Tabelle von Hand unter dem Namen des Geschäftsbereichs in meldungen/ ablegen.',
    )


def _codes(codes: list[str]) -> str:
    if not codes:
        return "keinem Geschäftsbereich"
    return codes[0] if len(codes) == 1 else f"mehreren: {', '.join(codes)}"


def _target(department: Department, year: int, attachment: MailAttachment) -> str:
    """The Geschäftsbereich's usual file name (as `template` names its form), with the attachment's format.

    A Geschäftsbereich that sends several files (`mehrere_dateien`) keeps each under its own name
    (prefixed with the usual one where its name is not the Geschäftsbereich's), so that one
    Fachbereich's file never replaces another's.
    """
    usual = file_name(department, year)
    stem = usual.rpartition(".")[0] or usual
    suffix = attachment.suffix if attachment.suffix in SPREADSHEET_SUFFIXES else ".xlsx"
    if not department.several_files:
        return stem + suffix
    if matches_department(attachment.name, department):
        return attachment.name
    return f"{stem}_{attachment.name.rpartition('.')[0] or attachment.name}{suffix}"


def _write(changes: Changes, state: tuple[Path, IntakeRecord]) -> None:
    """Write the Meldebögen, the kept versions and the record together; then remove the replaced files."""
    folder, record = state
    files = {**changes.files, folder / RECORD_NAME: record_bytes(record)}
    if not changes.files and _unchanged(folder / RECORD_NAME, files[folder / RECORD_NAME]):
        return  # the same mails read again: nothing to write, not even the record
    for path in files:
        path.parent.mkdir(exist_ok=True)  # fruehere/, the first time a version is kept
    write_all_atomic(files)
    for path in changes.removed:
        try:
            path.unlink()
        except OSError as error:
            raise OutputError(f"{path} ist in fruehere/ aufbewahrt, ließ sich aber nicht entfernen: "
                              f"{os_reason(error)}. Bitte die Datei von Hand löschen.") from error  # fmt: skip


def _unchanged(path: Path, data: bytes) -> bool:
    """Whether the record would be written as it is (no record yet: as an empty one)."""
    try:
        return path.read_bytes() == data
    except OSError:
        return data == record_bytes(IntakeRecord())


def _summary(placed: list[Placed]) -> Outcome:
    for outcome in (Outcome.REPLACED, Outcome.NEW, Outcome.UNCHANGED):
        if any(p.outcome is outcome for p in placed):
            return outcome
    return Outcome.OLDER


def mail_origins(files: list[tuple[Path, str]]) -> list[str]:
    """For `validate`: one German line per file (path, as shown) that `eingang` took from a mail, naming the mail."""
    lines = []
    entries: dict[Path, dict[str, Intake]] = {}
    for path, shown in files:
        folder = path.parent
        entry = entries.setdefault(folder, valid_entries(folder)).get(path.name)
        if entry is not None:
            day = f" vom {german_date(entry.date.date())}" if entry.date else ""
            lines.append(f"{shown} kam mit der E-Mail von {entry.sender or 'unbekannt'}{day} („{entry.subject}“).")
    return lines
