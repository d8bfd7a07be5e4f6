"""What kind of file a Meldebogen really is, decided from its bytes, not its name.

Departments send legacy .xls, flat OpenDocument (.fods), CSV exports or password-protected
workbooks under any name; each gets its own German explanation before any parser is
asked to parse anything. Size limits refuse decompression bombs before unpacking.
ZIP-based workbooks (xlsx, xlsb, ods) go on to `check_archive`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..files.oserrors import os_reason
from .errors import UnreadableWorkbook
from .package import RESEND, CheckedStream, Package, zip_damage

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
# Up to this much unpacked, the members are held in memory once inflated (as the fast scan holds a part).
MAX_KEPT_BYTES = 64 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # unpacked/packed of one member; real sheets stay far below
_CHUNK = 1 << 20
_PROLOG = 16 * 1024  # a flat OpenDocument file names its kind in the root element, after the namespaces


def check_workbook_file(path: Path) -> None:
    """Raise UnreadableWorkbook unless `path` is a non-empty ZIP file of sane size (`check_package` goes on)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise UnreadableWorkbook("damaged", f"Die Datei kann nicht geöffnet werden: {os_reason(exc)}.") from None
    if size == 0:
        raise UnreadableWorkbook("damaged", f"Die Datei ist leer (0 Byte). {RESEND}")
    if size > MAX_FILE_BYTES:
        raise UnreadableWorkbook(
            "too-large", f"Die Datei ist mit {size // (1024 * 1024)} MB zu groß für einen Meldebogen."
        )
    if head.startswith(OLE2_MAGIC):
        _explain_ole2(path)
    if not head.startswith(ZIP_MAGIC):
        _explain_other(path, head)


_OLE2_SCAN = 2 * 1024 * 1024  # the streams' directory of a protected workbook lies near its start


def ole2_encrypted(data: bytes) -> bool:
    """Whether an OLE2 file (its first 2 MB suffice) is an Office file protected by a password."""
    head = data[:_OLE2_SCAN]
    return "EncryptedPackage".encode("utf-16-le") in head or "EncryptionInfo".encode("utf-16-le") in head


def _explain_ole2(path: Path) -> None:
    with path.open("rb") as stream:
        data = stream.read(_OLE2_SCAN)
    if ole2_encrypted(data):
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
        prolog = stream.read(_PROLOG)
    if b"<office:document" in prolog and b"opendocument.spreadsheet" in prolog:
        raise UnreadableWorkbook(
            "format",
            "Die Datei ist eine OpenDocument-Tabelle als einfache XML-Datei (.fods), die koopbericht nicht liest. "
            "Bitte in LibreOffice öffnen und als „ODF-Tabellendokument (.ods)“ oder „Excel 2007-365 (.xlsx)“ "
            "speichern.",
        )
    sample = prolog[:4096]
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


def check_archive(package: Package) -> None:
    """Refuse what the ZIP directory alone shows: encrypted or oddly packed members, sizes only a bomb reaches.

    Nothing is unpacked before this; it holds for every ZIP-based format (xlsx, xlsb, ods).
    """
    members = package.members
    if any(m.flag_bits & 0x1 for m in members):
        raise UnreadableWorkbook(
            "damaged", f"Die Datei ist beschädigt: Teile des ZIP-Archivs sind verschlüsselt. {RESEND}"
        )
    if any(m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for m in members):
        raise UnreadableWorkbook(
            "damaged",
            f"Die Datei ist beschädigt: ein Teil ist mit einem Verfahren gepackt, das Excel nicht verwendet. {RESEND}",
        )
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


def check_package(package: Package) -> str:
    """Refuse a ZIP that is no sane xlsx or xlsb; return the workbook part (`.xml`, or `.bin` for an xlsb).

    What the ZIP directory alone shows comes first (`check_archive`), so that nothing is
    unpacked before it; then the kind of package, and last every member's checksum and DTDs.
    An OpenDocument package is recognised before this (`ods.is_opendocument`).
    """
    check_archive(package)
    workbook = package.workbook_part()
    if workbook is None or not workbook.endswith((".xml", ".bin")):
        raise UnreadableWorkbook(*_not_a_workbook(package))
    read_every_part(package)
    return workbook


def _not_a_workbook(package: Package) -> tuple[str, str]:
    if package.has("word/document.xml"):
        return "format", "Die Datei ist ein Word-Dokument, kein Excel-Meldebogen (.xlsx)."
    if package.has("ppt/presentation.xml"):
        return "format", "Die Datei ist eine PowerPoint-Präsentation, kein Excel-Meldebogen (.xlsx)."
    with zip_damage():
        damaged = package.archive.testzip() is not None
    if damaged or not all(name.isprintable() for name in package.names):
        return "damaged", f"Die Datei ist beschädigt (Inhalt der xlsx-Datei nicht lesbar). {RESEND}"
    return "format", "Die Datei ist ein ZIP-Archiv, kein Excel-Meldebogen (.xlsx)."


def read_every_part(package: Package) -> None:
    """Unpack every member once: its checksum is verified at its end, and no XML part may have a DTD.

    calamine does not verify checksums, so damage in a part it reads (the shared strings)
    would otherwise become silently wrong text. A DTD or entity declaration is never
    legitimate in a workbook; it is the stuff of XML bombs. A package of at most
    `MAX_KEPT_BYTES` unpacked keeps the members' bytes (`Package.inflated`): the scans and
    calamine read them from there, so that no member is inflated twice.
    """
    keep = sum(m.file_size for m in package.members) <= MAX_KEPT_BYTES and len(package.names) == len(package.members)
    kept: dict[str, bytes] = {}
    already = package.read_whole or {}
    package.read_whole = None
    for name, member in package.names.items():
        if keep and name in already:  # read whole (and its checksum verified) already
            prolog = kept[name] = already[name]
        else:
            prolog = _inflate(package, name, kept if keep else None)
        if name.endswith((".xml", ".rels")) and (b"<!DOCTYPE" in prolog[:4096] or b"<!ENTITY" in prolog[:4096]):
            raise UnreadableWorkbook(
                "damaged",
                f"Die Datei enthält unzulässige XML-Definitionen ({member}: DTD/Entitäten, wie sie "
                "XML-Bomben verwenden) und wird aus Sicherheitsgründen nicht geöffnet.",
            )
    if keep:
        package.inflated = kept


def _inflate(package: Package, name: str, kept: dict[str, bytes] | None) -> bytes:
    """Unpack one member to its end (which verifies its checksum); its bytes are kept in `kept`, if given.

    Returns the member's first bytes, where a DTD would stand.
    """
    with package.open(name) as member_stream:
        stream = CheckedStream(member_stream, name)
        if kept is not None:
            kept[name] = stream.read()
            return kept[name]
        prolog = stream.read(4096)
        while stream.read(_CHUNK):
            pass
        return prolog
