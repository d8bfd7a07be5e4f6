"""Whether a spreadsheet attached to a mail can be taken: a plain name, data, not encrypted, not the old format.

Only what the bytes show at once; everything in the sheets is `validate`'s. An attachment that
fails here is not taken, and neither is anything else from its mail.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..findings import Finding
from ..findings import catalogue as F
from ..findings.catalogue_mail import ATTACHMENT_PATH
from ..read.mail import Mail, MailAttachment
from ..read.sniff import OLE2_MAGIC, ZIP_MAGIC


def attachment_problems(mail: Mail, attachment: MailAttachment) -> list[Finding]:
    """Why a spreadsheet attachment cannot be taken: a path in its name, empty, damaged, encrypted, old .xls."""
    name, data = attachment.name, attachment.data
    where = f"Der Anhang „{name}“"
    if "/" in name or "\\" in name or name in (".", "..") or re.match(r"[A-Za-z]:", name):
        return [ATTACHMENT_PATH.at(mail.file, f"{where} enthält eine Ordnerangabe im Dateinamen und wird nicht "
                                              "übernommen.", value=name)]  # fmt: skip
    if not data:
        return [F.FILE_DAMAGED.at(mail.file, f"{where} ist leer (0 Byte).", value=name)]
    if attachment.damaged:
        return [F.FILE_DAMAGED.at(mail.file, f"{where} ist unvollständig übertragen (Kodierung abgebrochen).")]
    if data.startswith(OLE2_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data[: 2 * 1024 * 1024]:
            return [F.FILE_ENCRYPTED.at(mail.file, f"{where} ist mit einem Kennwort geschützt.", value=name)]
        return [F.FILE_FORMAT.at(mail.file, f"{where} ist im alten Excel-Format (.xls). Bitte den Geschäftsbereich "
                                            "bitten, ihn als „Excel-Arbeitsmappe (.xlsx)“ zu speichern und erneut "
                                            "zu senden.", value=name)]  # fmt: skip
    if not data.startswith(ZIP_MAGIC):
        return [F.FILE_DAMAGED.at(mail.file, f"{where} ist keine lesbare Tabelle (beschädigt).", value=name)]
    return _archive_problems(mail, attachment)


def _archive_problems(mail: Mail, attachment: MailAttachment) -> list[Finding]:
    """A ZIP-based spreadsheet cut short, or an OpenDocument file with a password (it stays a ZIP)."""
    where = f"Der Anhang „{attachment.name}“"
    try:
        with zipfile.ZipFile(io.BytesIO(attachment.data)) as archive:
            manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in archive.namelist() else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, ValueError):
        return [F.FILE_DAMAGED.at(mail.file, f"{where} ist beschädigt oder unvollständig (ZIP-Archiv).")]
    if b"encryption-data" in manifest:
        return [F.FILE_ENCRYPTED.at(mail.file, f"{where} ist mit einem Kennwort geschützt.", value=attachment.name)]
    return []
