"""What a reply mail is for the intake: who sent it, when, and what it carries."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from email.utils import parseaddr

from ...findings import Finding

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xlsb")
OLD_EXCEL_SUFFIX = ".xls"


@dataclass(frozen=True)
class MailAttachment:
    """One file attached to a mail (or to the mail forwarded in it, `forwarded`)."""

    name: str
    data: bytes
    forwarded: bool = False
    damaged: bool = False  # its transfer encoding is broken (base64 cut short): the data is not what was sent

    @property
    def suffix(self) -> str:
        """The file name's extension, lower case, with its dot ("" without one)."""
        stem, dot, extension = self.name.rpartition(".")
        return f".{extension.casefold()}" if dot and stem else ""

    @property
    def spreadsheet(self) -> bool:
        """A spreadsheet by its name (an old .xls included), or an OOXML workbook without a telling name."""
        if self.suffix in (*SPREADSHEET_SUFFIXES, OLD_EXCEL_SUFFIX):
            return True
        return self.suffix == "" and self.data.startswith(b"PK\x03\x04") and b"xl/workbook" in self.data[:65536]

    @property
    def sha256(self) -> str:
        """The attachment's SHA-256 as hex: the same file sent again is recognised by it."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Mail:
    """One mail file as read: its headers, attachments and what makes it (partly) unusable.

    `findings` with an error mean nothing is taken from the mail; `notes` are German remarks for
    the summary (a signature not checked, a forwarded mail followed).
    """

    file: str
    sender: str = ""
    subject: str = ""
    message_id: str = ""
    date: dt.datetime | None = None
    attachments: tuple[MailAttachment, ...] = ()
    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()
    forwarded_senders: tuple[str, ...] = field(default=())
    draft: bool = False  # marked unsent (X-Unsent: 1, Outlook's MSGFLAG_UNSENT): a draft, not a reply

    @property
    def address(self) -> str:
        """The sender's address alone, case-folded ("" when there is none)."""
        return parseaddr(self.sender)[1].casefold()

    @property
    def usable(self) -> bool:
        """Nothing about the mail as a whole stops the intake."""
        return not self.findings
