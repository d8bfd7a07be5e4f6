"""Reminders to a Geschäftsbereich as e-mail drafts (.eml) that Outlook and Thunderbird open.

Written with the standard library's `email` package: `X-Unsent: 1` makes Outlook open the file
as a message to send, headers are encoded as RFC 2047 asks and attachment names as RFC 2231
asks, the text is quoted-printable, lines end in CRLF. Nothing here sends anything. The Date
is the day the draft is written (at a fixed hour), and the Message-ID and MIME boundary come from a
hash of the content, so the same reminder written on the same day is the same bytes. The wording is in `reminder_text`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from zoneinfo import ZoneInfo

from ..config import Contact, Department, YearSettings
from ..findings import Finding, Severity
from .reminder_text import body, subject

XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
BERLIN = ZoneInfo("Europe/Berlin")
POLICY = policy.SMTP  # CRLF, 78-character lines, every non-ASCII header encoded


@dataclass(frozen=True)
class Attachment:
    """A file attached to a reminder."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ReminderMail:
    """Everything one reminder says: to whom, about which files, what to fix, what is attached.

    `files` are the department's Meldebögen as shown (empty: none came in); `listed` the findings
    the text names, every one of them, each in the words of `wording` (the department's text;
    without it the finding's message); `fresh_form` that a new form is attached because the
    department's file could not be marked.
    """

    year: int
    department: Department
    settings: YearSettings
    today: dt.date
    recipients: tuple[Contact, ...]
    files: tuple[str, ...] = ()
    listed: tuple[Finding, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    fresh_form: bool = False
    wording: Callable[[Finding], str] | None = None

    @property
    def missing(self) -> bool:
        """No Meldebogen came in."""
        return not self.files

    @property
    def has_errors(self) -> bool:
        """Something listed must be corrected, not only checked."""
        return any(f.severity is Severity.ERROR for f in self.listed)


def sent_at(today: dt.date) -> dt.datetime:
    """The date of a reminder: the day it is written, at 9 o'clock in Berlin (a rerun that day gives the same bytes)."""
    return dt.datetime(today.year, today.month, today.day, 9, 0, tzinfo=BERLIN)


def mail_address(contact: Contact, name: str | None = None) -> Address | None:
    """`contact` as a header address; None when it cannot be written (letters beyond ASCII before the @)."""
    local, _, domain = contact.email.rpartition("@")
    if not local.isascii():
        return None
    try:
        domain = domain.encode("idna").decode("ascii")  # "müller.de" → "xn--mller-kva.de"
    except UnicodeError:
        return None
    return Address(display_name=contact.name if name is None else name, username=local, domain=domain)


def render_eml(mail: ReminderMail) -> bytes:
    """The reminder as an .eml draft; identical bytes for identical input."""
    sender = mail_address(Contact(mail.settings.contact_email), mail.settings.master.lead)
    if sender is None:
        raise ValueError(f"sender address cannot be encoded: {mail.settings.contact_email}")
    recipients = [address for c in mail.recipients if (address := mail_address(c)) is not None]
    title, text = subject(mail), body(mail)
    date = sent_at(mail.today)
    digest = _digest(str(sender), [str(r) for r in recipients], title, text, date, mail.attachments)
    message = EmailMessage(policy=POLICY)
    message["From"] = sender
    if recipients:
        message["To"] = recipients
    message["Subject"] = title
    message["Date"] = format_datetime(date)
    message["Message-ID"] = f"<koopbericht.{digest[:32]}@{sender.domain}>"
    message["X-Unsent"] = "1"  # Outlook opens the file as a draft to send, not as a received message
    message.set_content(text, cte="quoted-printable")
    message["Content-Language"] = "de-DE"  # after set_content, which clears every Content-* header
    for attachment in mail.attachments:
        message.add_attachment(attachment.data, maintype=XLSX[0], subtype=XLSX[1], filename=attachment.name)
    if mail.attachments:
        # "=_" never occurs in quoted-printable or base64 text, so the boundary cannot clash with the parts.
        message.set_boundary(f"=_koopbericht_{digest[:32]}")
    return bytes(message)


def _digest(
    sender: str, recipients: list[str], title: str, text: str, date: dt.datetime, attachments: tuple[Attachment, ...]
) -> str:
    content = hashlib.sha256()
    for part in (sender, *recipients, title, text, date.isoformat()):
        content.update(part.encode("utf-8") + b"\0")
    for attachment in attachments:
        content.update(attachment.name.encode("utf-8") + b"\0" + hashlib.sha256(attachment.data).digest())
    return content.hexdigest()
