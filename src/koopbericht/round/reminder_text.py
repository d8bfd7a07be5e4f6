"""The words of a reminder: subject and a polite German plain-text body.

The body says what is missing or wrong as a short list in the findings' own words (never
their codes), by when it is needed (or that the deadline has passed), what is attached,
and whom to ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import Finding, Scope, Severity
from ..formatting import counted, german_date

if TYPE_CHECKING:
    from .reminder import ReminderMail

MAX_LISTED = 20  # more would bury the list; the attached copy marks every one


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
    paragraphs = ["Sehr geehrte Damen und Herren,"]
    paragraphs += _missing(mail) if mail.missing else _faulty(mail)
    paragraphs.append(_contact(mail))
    paragraphs.append("Vielen Dank für Ihre Unterstützung!")
    closing = "Mit freundlichen Grüßen"
    if mail.settings.master.lead:
        closing += "\n" + mail.settings.master.lead
    paragraphs.append(closing)
    return "\n\n".join(paragraphs) + "\n"


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
    if mail.has_errors:
        found = "Folgendes aufgefallen, das vor der Übernahme in den Bericht korrigiert werden muss:"
    else:
        found = "Folgendes aufgefallen; bitte prüfen Sie diese Angaben:"
    errors = [f for f in mail.listed if f.severity is Severity.ERROR]
    warnings = [f for f in mail.listed if f.severity is not Severity.ERROR]
    paragraphs = [
        f"vielen Dank für den Meldebogen {_department(mail)} zum Kooperationsbericht {mail.year} ({names}). "
        f"Bei der Prüfung ist uns {found}",
        _problem_list(mail, errors or warnings),
    ]
    if errors and warnings:
        paragraphs += ["Bitte prüfen Sie außerdem diese Angaben:", _problem_list(mail, warnings)]
    if mail.also_marked:
        marked = counted(mail.also_marked, "weiterer Hinweis", "weitere Hinweise")
        verb = "ist" if mail.also_marked == 1 else "sind"
        paragraphs.append(f"Außerdem {verb} in der Kopie {marked} zur Prüfung markiert.")
    if mail.fresh_form:
        paragraphs.append(
            "Ihre Datei ließ sich nicht öffnen oder nicht markieren. Anbei erhalten Sie deshalb einen neuen "
            "Meldebogen; bitte tragen Sie Ihre Angaben dort ein."
        )
    if len(mail.attachments) > (1 if mail.fresh_form else 0):
        ask = (
            "Bitte korrigieren Sie die Angaben in dieser Kopie."
            if mail.has_errors
            else "Bitte prüfen Sie die markierten Angaben in dieser Kopie und ändern Sie sie, wo nötig."
        )
        paragraphs.append(
            "In der beigefügten Kopie Ihres Meldebogens sind die betroffenen Zellen farbig markiert und mit "
            f"einem Kommentar erläutert. {ask}"
        )
    paragraphs += _return(mail, "den Meldebogen")
    return paragraphs


def _problem_list(mail: ReminderMail, findings: list[Finding]) -> str:
    """`findings` as a list of lines, at most MAX_LISTED and then how many more the copy marks."""
    # A department of several files is told which one, even if only one of them has findings.
    several_files = len({f.file for f in mail.listed}) > 1 or len(mail.files) > 1
    several_sheets = len({f.sheet for f in mail.listed if f.sheet}) > 1
    lines = [f"- {_problem(mail, f, several_files, several_sheets)}" for f in findings[:MAX_LISTED]]
    rest = len(findings) - MAX_LISTED
    if rest > 0:
        further = counted(rest, "weiterer Punkt", "weitere Punkte")
        lines.append(f"- … und {further}; alle sind in der beigefügten Datei markiert.")
    return "\n".join(lines)


def _problem(mail: ReminderMail, finding: Finding, name_file: bool, name_sheet: bool) -> str:
    """One line: where (file, sheet, row, column, cell, in words) and the finding's message."""
    where = []
    if name_file:
        where.append(f"Datei „{finding.file.rsplit('/', 1)[-1]}“")
    if name_sheet and finding.sheet:
        where.append(f"Blatt „{finding.sheet}“")
    if finding.row is not None and finding.scope in (Scope.ROW, Scope.CELL):
        where.append(f"Zeile {finding.row}")
    if finding.column:
        where.append(f"Spalte „{finding.column}“")
    place = ", ".join(where)
    if finding.cell and finding.scope is Scope.CELL:
        place += f" (Zelle {finding.cell})"
    if mail.wording is not None:
        text = mail.wording(finding)
    else:
        text = finding.message
        if finding.suggestion and finding.suggestion not in text:
            text += f" Vorschlag: „{finding.suggestion}“."
    return f"{place}: {text}" if place else text


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
