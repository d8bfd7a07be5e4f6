"""RFC 5322 mails (`.eml`, as Thunderbird, Apple Mail and others save them), read with the standard library.

`policy.default` decodes RFC 2047 words and RFC 2231 parameters (continuations included), so
German file names come out as sent. What the parser only notes as a defect – a multipart without
its closing boundary, base64 cut short – is what a truncated mail looks like, and is reported.

Signed mails: a clear-signed S/MIME mail (multipart/signed, what Outlook and Thunderbird send by
default) carries its content as plain MIME beside the signature, so it is read; the signature is
not checked (there is no trust store here, and the Meldebogen is checked by `validate` anyway),
and the summary says so. An opaque-signed or encrypted mail (application/pkcs7-mime) cannot be
opened without the key: it gets `mail-verschluesselt`.
"""

from __future__ import annotations

import datetime as dt
from email import errors, policy
from email.message import EmailMessage, Message
from email.parser import BytesParser

from ...findings import Finding
from ...findings.catalogue_mail import MAIL_CHARSET, MAIL_ENCRYPTED, MAIL_UNREADABLE
from .model import Mail, MailAttachment

_CUT = (errors.CloseBoundaryNotFoundDefect, errors.StartBoundaryNotFoundDefect)
_BAD_BASE64 = (
    errors.InvalidBase64PaddingDefect, errors.InvalidBase64CharactersDefect, errors.InvalidBase64LengthDefect,
)  # fmt: skip
_SIGNATURES = ("application/pkcs7-signature", "application/x-pkcs7-signature")
_OPAQUE = ("application/pkcs7-mime", "application/x-pkcs7-mime")
SIGNED_NOTE = "digital signiert; die Signatur wurde nicht geprüft, der Inhalt ist lesbar und wurde gelesen"
TNEF_NOTE = (
    "Outlook hat die Anhänge in „winmail.dat“ verpackt, das hier nicht geöffnet wird; steckt darin der "
    "Meldebogen, bitte den Geschäftsbereich bitten, ihn noch einmal als normalen Anhang zu senden"
)
UNKNOWN = "\ufffd"  # what the parser puts for bytes in a charset it does not know


def read_eml(data: bytes, shown: str) -> Mail:
    """The mail in `data`; a mail that is no mail, is cut off or encrypted carries a finding and nothing else."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not any(message.get(name) for name in ("From", "Date", "Message-ID", "Subject")):
        return Mail(
            shown,
            findings=(
                MAIL_UNREADABLE.at(
                    shown, "Die Datei ist keine E-Mail: ihr fehlen Absender, Datum, Betreff und Message-ID."
                ),
            ),
        )
    headers = _headers(message)
    problem = _whole_mail_problem(message, shown)
    if problem is not None:
        return Mail(shown, *headers, findings=(problem,))
    walker = _Walker()
    walker.walk(message, depth=0)
    findings = [f for f in (_charset_problem(shown, headers, walker.attachments),) if f is not None]
    notes = ([SIGNED_NOTE] if walker.signed else []) + walker.notes
    return Mail(
        shown, *headers, attachments=tuple(walker.attachments), findings=tuple(findings), notes=tuple(notes),
        forwarded_senders=tuple(walker.forwarded_senders), draft=str(message.get("X-Unsent", "")).strip() == "1",
    )  # fmt: skip


def _headers(message: Message) -> tuple[str, str, str, dt.datetime | None]:
    """Sender, subject, Message-ID and the Date header's time (None when missing or unreadable)."""
    date_header = message.get("Date")
    date = getattr(date_header, "datetime", None)
    return (
        str(message.get("From", "")).strip(),
        " ".join(str(message.get("Subject", "")).split()),
        str(message.get("Message-ID", "")).strip(),
        date if isinstance(date, dt.datetime) else None,
    )


def _whole_mail_problem(message: Message, shown: str) -> Finding | None:
    """An encrypted (or opaquely signed) mail, or one cut off: nothing of it can be trusted."""
    if message.get_content_type() in _OPAQUE:
        kind = str(message.get_param("smime-type") or "")
        what = "signiert, aber so verpackt, dass" if kind == "signed-data" else "mit S/MIME verschlüsselt;"
        return MAIL_ENCRYPTED.at(shown, f"Die E-Mail ist {what} sie sich ohne den Schlüssel nicht öffnen lässt.")
    for part in message.walk():
        if any(isinstance(d, _CUT) for d in part.defects):
            return MAIL_UNREADABLE.at(
                shown, "Die E-Mail ist unvollständig (abgeschnitten): ein Teil endet, bevor er abgeschlossen ist."
            )
    return None


def _charset_problem(
    shown: str, headers: tuple[str, str, str, dt.datetime | None], attachments: list[MailAttachment]
) -> Finding | None:
    garbled = [text for text in (headers[0], headers[1], *(a.name for a in attachments)) if UNKNOWN in text]
    if not garbled:
        return None
    return MAIL_CHARSET.at(
        shown,
        f"In der E-Mail steht „{garbled[0]}“: der Zeichensatz ist unbekannt, Absender, Betreff oder Dateiname "
        "lassen sich nicht sicher lesen.",
    )


class _Walker:
    """Collects a mail's attachments; a mail forwarded in it is opened once, one level deep."""

    def __init__(self) -> None:
        self.attachments: list[MailAttachment] = []
        self.notes: list[str] = []
        self.forwarded_senders: list[str] = []
        self.signed = False

    def walk(self, part: Message, depth: int) -> None:
        content_type = part.get_content_type()
        if content_type == "multipart/signed":
            self.signed = True
        if content_type == "message/rfc822" and part.is_multipart():
            self._forwarded(part, depth)
        elif part.is_multipart():
            for inner in part.iter_parts() if isinstance(part, EmailMessage) else []:
                self.walk(inner, depth)
        elif content_type not in _SIGNATURES:
            self._leaf(part, depth)

    def _forwarded(self, part: Message, depth: int) -> None:
        inner = part.get_payload(0)
        assert isinstance(inner, Message)
        subject = " ".join(str(inner.get("Subject", "")).split())
        if depth > 0:
            self.attachments.append(MailAttachment(f"{subject or 'E-Mail'}.eml", b"", forwarded=True))
            return
        self.forwarded_senders.append(str(inner.get("From", "")).strip())
        self.notes.append(
            f"weitergeleitete E-Mail „{subject}“ geöffnet" if subject else "weitergeleitete E-Mail geöffnet"
        )
        self.walk(inner, depth + 1)

    def _leaf(self, part: Message, depth: int) -> None:
        name = part.get_filename()
        if not name and part.get_content_disposition() != "attachment" and part.get_content_maintype() == "text":
            return  # the text of the mail itself
        data = part.get_payload(decode=True)
        payload = data if isinstance(data, bytes) else b""
        damaged = any(isinstance(d, _BAD_BASE64) for d in part.defects)
        shown_name = name or f"unbenannt ({part.get_content_type()})"
        if part.get_content_type() == "application/ms-tnef":
            self.notes.append(TNEF_NOTE)
        self.attachments.append(MailAttachment(shown_name, payload, forwarded=depth > 0, damaged=damaged))
