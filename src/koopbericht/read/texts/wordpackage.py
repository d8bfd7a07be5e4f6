"""A Word text's package (`text/*.docx`): the parts the text reader needs, checked and parsed safely.

The main part is found through the package relationships, as ISO 29500 says; styles,
numbering, hyperlink targets and pictures through the main part's relationships. XML is
parsed with defusedxml (no DTDs, no entities: an XML bomb is refused before anything
is expanded), and every part's unpacked size is bounded before it is read. A file that
cannot be read stops the build with `InputUnreadableError` naming the file: a narrative
section that silently went missing would be worse than no Vorlage.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ...errors import InputUnreadableError
from ...files.oserrors import os_reason
from ..package import ZIP_ERRORS, damage_reason

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MAX_PART = 64 * 1024 * 1024  # an XML part or picture larger than this is no department's text
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: an encrypted .docx, or a .doc renamed
_AGAIN = "Bitte die Datei in Word öffnen und erneut als Word-Dokument (.docx) speichern."


@dataclass(frozen=True)
class WordPackage:
    """The parsed parts of a .docx that hold its text, and what its relationships point to."""

    document: Element
    styles: Element | None
    numbering: Element | None
    links: dict[str, str]  # relationship id → URL of a hyperlink
    pictures: dict[str, bytes]  # relationship id → bytes of an embedded picture


class _Unreadable(Exception):
    """Why the package cannot be read (German, without the file name); private to this module."""


def open_word_package(path: Path, shown: str) -> WordPackage:
    """The package of the Word text at `path`; `shown` names it in messages."""
    try:
        head = path.read_bytes()[:8]
    except OSError as exc:
        raise InputUnreadableError(f"{shown} kann nicht gelesen werden: {os_reason(exc)}.") from None
    try:
        if head.startswith(_CFB):
            raise _Unreadable(
                "die Datei ist verschlüsselt (kennwortgeschützt) oder im alten Word-Format (.doc). Bitte den "
                "Kennwortschutz aufheben bzw. als Word-Dokument (.docx) speichern."
            )
        if not head.startswith(b"PK"):
            raise _Unreadable(f"die Datei ist kein Word-Dokument (.docx). {_AGAIN}")
        with zipfile.ZipFile(path) as archive:
            return _read(archive)
    except ZIP_ERRORS as error:
        message = f"{shown} kann nicht gelesen werden: die Datei ist beschädigt ({damage_reason(error)}). {_AGAIN}"
        raise InputUnreadableError(message) from None
    except _Unreadable as problem:
        raise InputUnreadableError(f"{shown} kann nicht gelesen werden: {problem}") from None


def _read(archive: zipfile.ZipFile) -> WordPackage:
    names = {info.filename.replace("\\", "/"): info for info in archive.infolist()}
    main = _main_part(archive, names)
    document = _parse(archive, names, main)
    if document.tag != f"{W}document":
        raise _Unreadable(f"der Textteil ist nicht im üblichen Word-Format (etwa „Strict Open XML“). {_AGAIN}")
    styles = numbering = None
    links: dict[str, str] = {}
    pictures: dict[str, bytes] = {}
    for rel_id, kind, target, external in _relationships(archive, names, main):
        if kind == "hyperlink" and external:
            links[rel_id] = target
        elif external or target not in names:
            continue
        elif kind == "styles":
            styles = _parse(archive, names, target)
        elif kind == "numbering":
            numbering = _parse(archive, names, target)
        elif kind == "image":
            pictures[rel_id] = _bytes(archive, names, target)
    return WordPackage(document, styles, numbering, links, pictures)


def _main_part(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> str:
    for _, kind, target, external in _relationships(archive, names, ""):
        if kind == "officeDocument" and not external and target in names:
            return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise _Unreadable(f"der Textteil (word/document.xml) fehlt; die Datei ist beschädigt. {_AGAIN}")


def _relationships(
    archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo], part: str
) -> list[tuple[str, str, str, bool]]:
    """(id, type's last segment, target part or URL, external) of each relationship of `part`."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in names:
        return []
    found = []
    for element in _parse(archive, names, rels):
        target = element.get("Target", "")
        external = element.get("TargetMode") == "External"
        if not external:
            target = target.replace("\\", "/")
            joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            target = posixpath.normpath(joined)
        kind = element.get("Type", "").rsplit("/", 1)[-1]
        found.append((element.get("Id", ""), kind, target, external))
    return found


def _bytes(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo], part: str) -> bytes:
    info = names[part]
    if info.file_size > MAX_PART:
        raise _Unreadable(f"der Teil „{part}“ ist mit {info.file_size // 2**20} MB zu groß für einen Text. {_AGAIN}")
    return archive.read(info)


def _parse(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo], part: str) -> Element:
    data = _bytes(archive, names, part)
    try:
        return fromstring(data)
    except DefusedXmlException:
        raise _Unreadable(
            "die Datei enthält unzulässige XML-Konstrukte (mögliche XML-Bombe) und wird nicht geöffnet."
        ) from None
    except (ParseError, ValueError, LookupError):
        raise _Unreadable(f"der Teil „{part}“ ist kein gültiges XML; die Datei ist beschädigt. {_AGAIN}") from None
