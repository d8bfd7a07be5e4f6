"""The words of a reminder: subject and a polite German plain-text body.

The body says what is missing or wrong as a short list in the findings' own words (never
their codes), by when it is needed (or that the deadline has passed), what is attached,
and whom to ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import Finding, Severity
from ..findings.advice import activity_text, place_text
from ..findings.catalogue import DESCRIPTION_UNCHANGED
from ..formatting import german_date

if TYPE_CHECKING:
    from .reminder import ReminderMail

STALE = DESCRIPTION_UNCHANGED.code  # last year's Sachstand: never right as it stands, always to update
STALE_REQUEST = (
    "der Sachstand der folgenden Vorhaben wörtlich derselbe ist wie im Vorjahr. Bitte aktualisieren Sie ihn: "
    "Was ist im Berichtsjahr geschehen?"
)


def subject(mail: ReminderMail) -> str:
    """„Kooperationsbericht 2023: Meldebogen GB3 – bitte bis 29.03.2024 korrigieren“."""
    verb = "einreichen" if mail.missing else "korrigieren" if mail.has_errors else "prüfen"
    deadline = mail.settings.deadline
    if deadline is None:
        when = ""
    elif deadline >= mail.today:
        when = f"bis {german_date(deadline)} "
    else:
        when = "so bald wie möglich "
    return f"Kooperationsbericht {mail.year}: Meldebogen {mail.department.code} – bitte {when}{verb}"


def body(mail: ReminderMail) -> str:
    """The plain text of the reminder, paragraphs separated by blank lines."""
    paragraphs = [salutation(mail)]
    paragraphs += _missing(mail) if mail.missing else _faulty(mail)
    paragraphs.append(_contact(mail))
    paragraphs.append("Vielen Dank für Ihre Unterstützung!")
    closing = "Mit freundlichen Grüßen"
    if mail.settings.master.lead:
        closing += "\n" + mail.settings.master.lead
    paragraphs.append(closing)
    return "\n\n".join(paragraphs) + "\n"


def salutation(mail: ReminderMail) -> str:
    """„Guten Tag Eva Probe,“ for named recipients (their gender is unknown); without a name the formal group form."""
    names = [contact.name for contact in mail.recipients if contact.name]
    if not names:
        return "Sehr geehrte Damen und Herren,"
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} und {names[-1]}"
    return f"Guten Tag {listed},"


def _department(mail: ReminderMail) -> str:
    return f"des Geschäftsbereichs {mail.department.code} ({mail.department.name})"


def _return(mail: ReminderMail, what: str) -> list[str]:
    """The request to send `what` back, with the deadline, or that it has passed."""
    address = mail.settings.contact_email
    deadline = mail.settings.deadline
    if deadline is None:
        return [f"Bitte senden Sie {what} so bald wie möglich an {address} zurück."]
    if deadline >= mail.today:
        return [f"Bitte senden Sie {what} bis zum {german_date(deadline)} an {address} zurück."]
    return [
        f"Die Rückgabefrist war der {german_date(deadline)} und ist bereits abgelaufen. "
        f"Bitte senden Sie {what} so bald wie möglich an {address} zurück."
    ]


def _missing(mail: ReminderMail) -> list[str]:
    opening = (
        f"für den Kooperationsbericht {mail.year} liegt uns der Meldebogen {_department(mail)} noch nicht vor. "
        "Vielleicht ist er schon unterwegs – dann betrachten Sie diese Nachricht bitte als erledigt."
    )
    form = (
        f"Anbei erhalten Sie den Meldebogen für {mail.year}. Soweit vorhanden, sind Ihre Vorhaben aus dem Vorjahr "
        "bereits eingetragen: Bitte aktualisieren Sie diese, ergänzen Sie neue Vorhaben und tragen Sie bei "
        "abgeschlossenen Vorhaben das Ende ein."
    )
    return [opening, form, *_return(mail, "den ausgefüllten Meldebogen")]


def _faulty(mail: ReminderMail) -> list[str]:
    names = ", ".join(f"„{file.rsplit('/', 1)[-1]}“" for file in mail.files)
    errors = [f for f in mail.listed if f.severity is Severity.ERROR]
    stale = [f for f in mail.listed if f.code == STALE]
    warnings = [f for f in mail.listed if f.severity is not Severity.ERROR and f.code != STALE]
    if errors:
        found = "Folgendes aufgefallen, was vor der Übernahme in den Bericht korrigiert werden muss:"
    elif warnings:
        found = "Folgendes aufgefallen; bitte prüfen Sie diese Angaben:"
    else:
        found = f"aufgefallen, dass {STALE_REQUEST}"
    paragraphs = [
        f"vielen Dank für den Meldebogen {_department(mail)} zum Kooperationsbericht {mail.year} ({names}). "
        f"Bei der Prüfung ist uns {found}",
    ]
    if errors:
        paragraphs.append(_problem_list(mail, errors))
    if warnings:
        if errors:
            paragraphs.append("Bitte prüfen Sie außerdem diese Angaben:")
        paragraphs.append(_problem_list(mail, warnings))
    if stale:
        if errors or warnings:
            paragraphs.append(f"Außerdem ist uns aufgefallen, dass {STALE_REQUEST}")
        paragraphs.append(_stale_list(mail, stale))
    if mail.fresh_form:
        paragraphs.append(
            "Ihre Datei ließ sich nicht öffnen oder nicht markieren. Anbei erhalten Sie deshalb einen neuen "
            "Meldebogen; bitte tragen Sie Ihre Angaben dort ein."
        )
    if len(mail.attachments) > (1 if mail.fresh_form else 0):
        ask = (
            "Bitte korrigieren Sie die Angaben in dieser Kopie."
            if mail.has_errors
            else "Bitte bearbeiten Sie die markierten Angaben in dieser Kopie."
        )
        paragraphs.append(
            "In der beigefügten Kopie Ihres Meldebogens sind die betroffenen Zellen farbig markiert und mit "
            f"einem Kommentar erläutert. {ask}"
        )
    paragraphs += _return(mail, "den Meldebogen")
    return paragraphs


def _stale_list(mail: ReminderMail, findings: list[Finding]) -> str:
    """One line per unchanged Sachstand: the Vorhaben and its cell, and the request to update it."""
    several_files = len({f.file for f in mail.listed}) > 1 or len(mail.files) > 1
    return "\n".join(f"- {_place(finding, several_files, False)}: bitte aktualisieren" for finding in findings)


def _problem_list(mail: ReminderMail, findings: list[Finding]) -> str:
    """`findings` as a list of lines, every one of them: the Vorhaben, the place and what to do."""
    # A department of several files is told which one, even if only one of them has findings.
    several_files = len({f.file for f in mail.listed}) > 1 or len(mail.files) > 1
    several_sheets = len({f.sheet for f in mail.listed if f.sheet}) > 1
    return "\n".join(f"- {_problem(mail, f, several_files, several_sheets)}" for f in findings)


def _problem(mail: ReminderMail, finding: Finding, name_file: bool, name_sheet: bool) -> str:
    """One line: the Vorhaben, where (file, sheet, row, column, cell, in words) and what to do."""
    place = _place(finding, name_file, name_sheet)
    if mail.wording is not None:
        text = mail.wording(finding)
    else:
        text = finding.message
        if finding.suggestion and finding.suggestion not in text:
            text += f" Vorschlag: „{finding.suggestion}“."
    return f"{place}: {text}" if place else text


def _place(finding: Finding, name_file: bool, name_sheet: bool) -> str:
    """The Vorhaben and where it is: „GB1-003 „Radweg“, Zeile 3, Spalte „Ende“ (Zelle H3)“."""
    where = place_text(finding, name_file=name_file, name_sheet=name_sheet)
    return ", ".join(part for part in (activity_text(finding), where) if part)


def _contact(mail: ReminderMail) -> str:
    """Whom to ask: the contact as written in vorlage.toml, the e-mail address and the phone number."""
    settings = mail.settings
    lines = ["Bei Fragen wenden Sie sich bitte an:"]
    if settings.contact:
        lines.append(settings.contact)
    if settings.contact_email and settings.contact_email not in settings.contact:
        lines.append(f"E-Mail: {settings.contact_email}")
    if settings.contact_phone and settings.contact_phone not in settings.contact:
        lines.append(f"Telefon: {settings.contact_phone}")
    return "\n".join(lines)
