"""One mail file read, whatever its name says: OLE2 content is Outlook's .msg, anything else RFC 5322 text."""

from __future__ import annotations

from pathlib import Path

from ...files.oserrors import os_reason
from ...findings.catalogue_mail import MAIL_UNREADABLE
from .eml import read_eml
from .model import Mail
from .msg import OLE2_MAGIC, read_msg

MAX_MAIL_BYTES = 60 * 1024 * 1024  # far beyond what mail servers let through (commonly 25 MB)


def read_mail(path: Path, shown: str) -> Mail:
    """The mail in `path` (named `shown` in findings); a mail that cannot be read carries a finding."""
    try:
        size = path.stat().st_size
        if size > MAX_MAIL_BYTES:
            return _unreadable(shown, f"Die Datei ist mit {size // (1024 * 1024)} MB zu groß für eine E-Mail.")
        data = path.read_bytes()
    except OSError as error:
        return _unreadable(shown, f"Die Datei lässt sich nicht öffnen: {os_reason(error)}.")
    if not data.strip():
        return _unreadable(shown, "Die Datei ist leer (0 Byte) und enthält keine E-Mail.")
    if data.startswith(OLE2_MAGIC):
        return read_msg(data, shown)
    return read_eml(data, shown)


def _unreadable(shown: str, message: str) -> Mail:
    return Mail(shown, findings=(MAIL_UNREADABLE.at(shown, message),))
