"""Whether a spreadsheet attached to a mail can be taken: a plain name, data, not encrypted, not the old format.

Only what the bytes show at once; everything in the sheets is `validate`'s. An attachment that
fails here is not taken, and neither is anything else from its mail.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..findings import Finding
from ..findings import catalogue as F
from ..findings.catalogue_mail import ATTACHMENT_NAME, ATTACHMENT_PATH
from ..read.mail import Mail, MailAttachment, read_mail
from ..read.sniff import OLE2_MAGIC, ZIP_MAGIC, ole2_encrypted
from .intake_record import file_sha256


def attachment_problems(mail: Mail, attachment: MailAttachment, named: bool = False) -> list[Finding]:
    """Why a spreadsheet attachment cannot be taken: a path in its name, empty, damaged, encrypted, old .xls.

    `named`: the file is kept under the attachment's own name (`mehrere_dateien`), so the name must
    also be one that Windows and every folder listing can hold.
    """
    name, data = attachment.name, attachment.data
    where = f"Der Anhang „{name}“"
    if "/" in name or "\\" in name or name in (".", "..") or re.match(r"[A-Za-z]:", name):
        return [ATTACHMENT_PATH.at(mail.file, f"{where} enthält eine Ordnerangabe im Dateinamen und wird nicht "
                                              "übernommen.", value=name)]  # fmt: skip
    if named and (why := unsafe_name(name)):
        shown = "".join(c if ord(c) >= 32 else "�" for c in name)
        return [ATTACHMENT_NAME.at(mail.file, f"Der Dateiname des Anhangs „{shown}“ {why} und wird nicht "
                                              "übernommen.", value=shown)]  # fmt: skip
    if not data:
        return [F.FILE_DAMAGED.at(mail.file, f"{where} ist leer (0 Byte).", value=name)]
    if attachment.damaged:
        return [F.FILE_DAMAGED.at(mail.file, f"{where} ist unvollständig übertragen (Kodierung abgebrochen).")]
    if data.startswith(OLE2_MAGIC):
        if ole2_encrypted(data):
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


def sent_forms(output: Path) -> set[str]:
    """The SHA-256 of every form koopbericht wrote for the year (`output` = ausgabe/JAHR/).

    The prefilled Meldebögen (`template`) and the attachments of the reminder drafts
    (`erinnerung`): a mail carrying one of them unchanged is our own mail sent from another
    address and saved, not a department's reply.
    """
    forms = output / "meldeboegen"
    hashes = {h for p in forms.iterdir() if p.is_file() and (h := file_sha256(p))} if forms.is_dir() else set()
    drafts = output / "erinnerungen"
    for path in sorted(drafts.glob("*.eml")) if drafts.is_dir() else []:
        mail = read_mail(path, path.name)
        hashes |= {a.sha256 for a in mail.attachments}
    return hashes


def unsafe_name(name: str) -> str:
    """Why `name` cannot be a file name on Windows or in a folder listing ("" when it can)."""
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "enthält ein Steuerzeichen (etwa einen Zeilenumbruch)"
    if any(c in _WINDOWS_ILLEGAL for c in name):
        return 'enthält eines der unter Windows unzulässigen Zeichen < > : " | ? *'
    if name != name.rstrip(". "):
        return "endet mit einem Punkt oder Leerzeichen"
    if name.split(".")[0].strip().upper() in _DEVICE_NAMES:
        return "ist ein unter Windows reservierter Gerätename"
    return ""


_WINDOWS_ILLEGAL = frozenset('<>:"|?*')
_DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
)
