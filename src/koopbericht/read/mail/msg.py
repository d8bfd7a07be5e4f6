"""Outlook `.msg` files (OLE2 compound files, what dragging a mail out of Outlook makes), read with extract-msg.

An embedded Outlook item (a forwarded mail) is opened one level deep. A clear-signed S/MIME
mail keeps its content readable (extract-msg unpacks it), an encrypted one cannot be opened. A
`.msg` often gives attachments no MIME type; `MailAttachment.spreadsheet` goes by name and content.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from ...findings.catalogue_mail import MAIL_ENCRYPTED, MAIL_UNREADABLE
from .eml import SIGNED_NOTE
from .model import Mail, MailAttachment

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SIGNATURE_NAMES = ("smime.p7s", "smime.p7m")
_NO_MAIL = {"IPM.Appointment": "ein Termin", "IPM.Contact": "ein Kontakt", "IPM.Task": "eine Aufgabe"}


def read_msg(data: bytes, shown: str) -> Mail:
    """The Outlook mail in `data`; a damaged file, another Outlook item or an encrypted mail carries a finding."""
    import extract_msg  # only here: importing it costs a noticeable part of a second

    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)  # it logs its own doubts; the finding says enough
    try:
        message = extract_msg.openMsg(data)
    except Exception:  # olefile and extract-msg raise many kinds of errors for a broken file
        return Mail(
            shown,
            findings=(MAIL_UNREADABLE.at(shown, "Die Outlook-Datei ist beschädigt und lässt sich nicht öffnen."),),
        )
    try:
        return _mail(message, shown)
    except Exception:  # a directory broken only further in shows up while reading the parts
        return Mail(
            shown,
            findings=(
                MAIL_UNREADABLE.at(
                    shown, "Die Outlook-Datei ist teilweise beschädigt; ihre Anhänge lassen sich nicht lesen."
                ),
            ),
        )
    finally:
        message.close()


def _mail(message: Any, shown: str) -> Mail:
    kind = str(getattr(message, "classType", "") or "")
    headers = _headers(message)
    if not kind.casefold().startswith("ipm.note"):
        what = next((text for prefix, text in _NO_MAIL.items() if kind.startswith(prefix)), "keine E-Mail")
        return Mail(shown, *headers, findings=(MAIL_UNREADABLE.at(
            shown, f"Die Outlook-Datei ist {what}, keine E-Mail ({kind or 'ohne Art'})."),))  # fmt: skip
    signed = kind.casefold().startswith("ipm.note.smime.multipartsigned")
    if kind.casefold().startswith("ipm.note.smime") and not signed:
        return Mail(
            shown,
            *headers,
            findings=(
                MAIL_ENCRYPTED.at(
                    shown, "Die E-Mail ist mit S/MIME verschlüsselt; sie lässt sich ohne den Schlüssel nicht öffnen."
                ),
            ),
        )
    attachments: list[MailAttachment] = []
    notes = [SIGNED_NOTE] if signed else []
    forwarded: list[str] = []
    for attachment in message.attachments:
        inner = attachment.data
        if isinstance(inner, bytes | bytearray):
            name = _name(attachment)
            if name.casefold() not in _SIGNATURE_NAMES:
                attachments.append(MailAttachment(name, bytes(inner)))
        elif inner is not None:  # an embedded Outlook item: a forwarded mail
            subject = str(getattr(inner, "subject", "") or "")
            forwarded.append(str(getattr(inner, "sender", "") or ""))
            notes.append(f"weitergeleitete E-Mail „{subject}“ geöffnet")
            attachments += _inner(inner)
    unsent = not getattr(message, "isSent", True)  # MSGFLAG_UNSENT (0x8) in PR_MESSAGE_FLAGS: a draft, never sent
    return Mail(
        shown, *headers, attachments=tuple(attachments), notes=tuple(notes), forwarded_senders=tuple(forwarded),
        draft=unsent,
    )  # fmt: skip


def _inner(message: Any) -> list[MailAttachment]:
    """The files attached to a forwarded mail; a mail forwarded in it again is listed, not opened."""
    found = []
    for attachment in message.attachments:
        data = attachment.data
        if isinstance(data, bytes | bytearray):
            found.append(MailAttachment(_name(attachment), bytes(data), forwarded=True))
        else:
            subject = str(getattr(data, "subject", "") or "E-Mail")
            found.append(MailAttachment(f"{subject}.msg", b"", forwarded=True))
    return found


def _headers(message: Any) -> tuple[str, str, str, dt.datetime | None]:
    date = getattr(message, "date", None)
    return (
        str(getattr(message, "sender", "") or "").strip(),
        " ".join(str(getattr(message, "subject", "") or "").split()),
        str(getattr(message, "messageId", "") or "").strip(),
        date if isinstance(date, dt.datetime) else None,
    )


def _name(attachment: Any) -> str:
    for attribute in ("longFilename", "name", "shortFilename"):
        value = getattr(attachment, attribute, None)
        if value:
            return str(value)
    return "unbenannt"
