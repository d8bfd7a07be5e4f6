"""What kind of file a Meldebogen really is, decided from its bytes, not its name.

Departments send legacy .xls, LibreOffice .ods, CSV exports or password-protected
workbooks under any name; each gets its own German explanation before any parser is
asked to parse anything. Size limits refuse decompression bombs before unpacking.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import UnreadableWorkbook

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # unpacked/packed of one member; real sheets stay far below


def check_workbook_file(path: Path) -> None:
    """Raise UnreadableWorkbook unless `path` looks like a readable, sane xlsx file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise UnreadableWorkbook("damaged", f"Die Datei kann nicht geöffnet werden ({exc.strerror}).") from None
    if size == 0:
        raise UnreadableWorkbook("damaged", "Die Datei ist leer (0 Byte). Bitte den Meldebogen erneut senden lassen.")
    if size > MAX_FILE_BYTES:
        raise UnreadableWorkbook(
            "too-large", f"Die Datei ist mit {size // (1024 * 1024)} MB zu groß für einen Meldebogen."
        )
    if head.startswith(OLE2_MAGIC):
        _explain_ole2(path)
    if not head.startswith(ZIP_MAGIC):
        _explain_other(path, head)
    _check_zip(path)


def _explain_ole2(path: Path) -> None:
    with path.open("rb") as stream:
        data = stream.read(2 * 1024 * 1024)
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise UnreadableWorkbook(
            "encrypted",
            "Die Datei ist mit einem Kennwort geschützt. Bitte den Geschäftsbereich bitten, den "
            "Kennwortschutz zu entfernen (Datei › Informationen › Arbeitsmappe schützen) und erneut zu senden.",
        )
    raise UnreadableWorkbook(
        "format",
        "Die Datei ist im alten Excel-Format (.xls). Bitte in Excel oder LibreOffice öffnen und "
        "als „Excel-Arbeitsmappe (.xlsx)“ speichern.",
    )


def _explain_other(path: Path, head: bytes) -> None:
    with path.open("rb") as stream:
        sample = stream.read(4096)
    text = None
    for encoding in ("utf-8", "cp1252"):
        try:
            text = sample.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is not None and text.lstrip().startswith("<"):
        kind = "eine HTML- oder XML-Datei"
    elif text is not None and any(sep in text for sep in (";", ",", "\t")):
        kind = "eine CSV- oder Textdatei"
    elif text is not None:
        kind = "eine Textdatei"
    else:
        kind = "keine Tabellendatei"
    raise UnreadableWorkbook(
        "format",
        f"Die Datei ist {kind}, kein Excel-Meldebogen (.xlsx). Bitte den Meldebogen in Excel oder "
        "LibreOffice öffnen und als „Excel-Arbeitsmappe (.xlsx)“ speichern.",
    )


def _damaged(path: Path) -> bool:
    """Whether any member fails its checksum (only asked when the workbook part is missing)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is not None
    except Exception:  # zlib and zipfile raise various errors on broken data
        return True


def _refuse_dtds(path: Path) -> None:
    """No XML part of a workbook has a DTD; one with a DTD or entities is an XML bomb."""
    with zipfile.ZipFile(path) as archive:
        for member in archive.infolist():
            if not member.filename.endswith((".xml", ".rels")):
                continue
            with archive.open(member) as stream:
                prolog = stream.read(4096)
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                raise UnreadableWorkbook(
                    "damaged",
                    f"Die Datei enthält unzulässige XML-Definitionen ({member.filename}: DTD/Entitäten, wie sie "
                    "XML-Bomben verwenden) und wird aus Sicherheitsgründen nicht geöffnet.",
                )


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if b"opendocument" in mimetype:
                    raise UnreadableWorkbook(
                        "format",
                        "Die Datei ist eine OpenDocument-Tabelle (.ods). Bitte in LibreOffice öffnen und "
                        "als „Excel 2007-365 (.xlsx)“ speichern.",
                    )
    except zipfile.BadZipFile:
        raise UnreadableWorkbook(
            "damaged",
            "Die Datei ist beschädigt (unvollständig übertragen oder kein gültiges xlsx). "
            "Bitte den Meldebogen erneut senden lassen.",
        ) from None
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        if "word/document.xml" in names:
            kind = "ein Word-Dokument"
        elif "ppt/presentation.xml" in names:
            kind = "eine PowerPoint-Präsentation"
        elif _damaged(path) or not all(n.isprintable() for n in names):
            raise UnreadableWorkbook(
                "damaged",
                "Die Datei ist beschädigt (Inhalt der xlsx-Datei nicht lesbar). "
                "Bitte den Meldebogen erneut senden lassen.",
            )
        else:
            kind = "ein ZIP-Archiv"
        raise UnreadableWorkbook("format", f"Die Datei ist {kind}, kein Excel-Meldebogen (.xlsx).")
    _refuse_dtds(path)
    unpacked = sum(m.file_size for m in members)
    suspicious = any(
        m.file_size > 20 * 1024 * 1024 and m.file_size > MAX_MEMBER_RATIO * max(m.compress_size, 1) for m in members
    )
    if unpacked > MAX_UNPACKED_BYTES or suspicious:
        raise UnreadableWorkbook(
            "too-large",
            f"Die Datei würde entpackt {unpacked // (1024 * 1024)} MB belegen und wird aus Sicherheitsgründen "
            "nicht geöffnet. Ein Meldebogen ist gewöhnlich kleiner als 1 MB.",
        )
