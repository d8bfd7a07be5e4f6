"""The xlsx package: its ZIP container, the workbook part and the worksheets in it.

Every ZIP and deflate error of a department's file becomes `UnreadableWorkbook`
("damaged") here, whichever member it is in: a damaged Meldebogen is the sender's
problem, never an internal error. The workbook part is found as ISO 29500 says,
through the package relationships (transitional or Strict namespaces), not by
assuming `xl/workbook.xml`.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import UnreadableWorkbook

RESEND = "Bitte den Meldebogen erneut senden lassen."
XML_BOMB = "Die Datei enthält unzulässige XML-Konstrukte (mögliche XML-Bombe) und wird nicht geöffnet."

# What the zipfile and zlib modules raise on damaged data, and what each means to a clerk.
_ZIP_DAMAGE: tuple[tuple[type[BaseException], str], ...] = (
    (zipfile.BadZipFile, "die ZIP-Struktur oder eine Prüfsumme ist fehlerhaft"),
    (zlib.error, "komprimierte Daten sind fehlerhaft"),
    (EOFError, "die Datei ist unvollständig"),
    (struct.error, "die ZIP-Struktur ist fehlerhaft"),
    (UnicodeDecodeError, "der Name eines enthaltenen Teils ist ungültig"),
    (NotImplementedError, "ein Teil ist mit einem nicht unterstützten Verfahren gepackt"),
    (RuntimeError, "ein Teil ist verschlüsselt"),
    (zipfile.LargeZipFile, "die ZIP-Struktur ist fehlerhaft"),
    (ValueError, "die ZIP-Struktur ist fehlerhaft"),
    (OSError, "die Datei kann nicht gelesen werden"),
)
ZIP_ERRORS: tuple[type[BaseException], ...] = tuple(kind for kind, _ in _ZIP_DAMAGE)

_RELATIONSHIP_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
# Relationship types end in these names in both namespaces (transitional and Strict).
_OFFICE_DOCUMENT = "/officeDocument"
_SHEET_KINDS = {"/worksheet": "worksheet", "/chartsheet": "chartsheet", "/dialogsheet": "dialogsheet"}
_MACRO_SHEET = "/xlMacrosheet"
_SHARED_STRINGS = "/sharedStrings"
STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/spreadsheetml/main"


def damage_reason(error: BaseException) -> str:
    """What a ZIP or deflate error means, in German."""
    for kind, reason in _ZIP_DAMAGE:
        if isinstance(error, kind):
            return reason
    return "unbekannter Fehler"


@contextmanager
def zip_damage(part: str | None = None) -> Iterator[None]:
    """Turn any error of the ZIP layer into a German 'damaged' finding for the file."""
    try:
        yield
    except ZIP_ERRORS as error:
        where = f" (Teil „{part}“)" if part else ""
        raise UnreadableWorkbook(
            "damaged", f"Die Datei ist beschädigt: {damage_reason(error)}{where}. {RESEND}"
        ) from None


class CheckedStream:
    """A member's stream whose ZIP errors (CRC, deflate, truncation) become the file's finding."""

    def __init__(self, stream: IO[bytes], part: str) -> None:
        self.stream, self.part = stream, part

    def read(self, size: int = -1) -> bytes:
        """Read like the member's stream; damage is UnreadableWorkbook."""
        with zip_damage(self.part):
            return self.stream.read(size)


@dataclass(frozen=True)
class SheetInfo:
    """A sheet as listed in the workbook: name, visibility, XML part and kind (worksheet, …)."""

    name: str
    hidden: bool
    part: str
    kind: str = "worksheet"


class Package:
    """An opened xlsx package; member names are looked up with `/`, also where written with backslashes."""

    def __init__(self, path: Path) -> None:
        with zip_damage():
            self.archive = zipfile.ZipFile(path)
            self.members = self.archive.infolist()
        # Some Windows tools write member names with backslashes; readers accept them.
        self.names = {m.filename.replace("\\", "/"): m.filename for m in self.members}
        # Every member's bytes once `sniff.read_every_part` has inflated (and checked) them, so
        # that the scans and calamine read those bytes instead of inflating the member again.
        self.inflated: dict[str, bytes] | None = None
        # Parts read whole before that (relationships), not to inflate again; None once every part is checked.
        self.read_whole: dict[str, bytes] | None = {}

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *_: object) -> None:
        self.archive.close()

    def has(self, name: str) -> bool:
        """Whether the package holds the part `name`."""
        return name in self.names

    def read(self, name: str) -> bytes:
        """The bytes of part `name`; KeyError when it is missing."""
        if self.inflated is not None:
            return self.inflated[name]
        if self.read_whole is not None and name in self.read_whole:
            return self.read_whole[name]
        with zip_damage(name):
            data = self.archive.read(self.names[name])
        if self.read_whole is not None:
            self.read_whole[name] = data
        return data

    def size(self, name: str) -> int:
        """The unpacked size of part `name` as its ZIP entry states it (reading never yields more)."""
        return self.archive.getinfo(self.names[name]).file_size

    def open(self, name: str) -> IO[bytes]:
        """A stream of part `name`; reading it may raise ZIP errors (wrap in `zip_damage`)."""
        if self.inflated is not None:
            return io.BytesIO(self.inflated[name])
        with zip_damage(name):
            return self.archive.open(self.names[name])

    def stored_copy(self) -> bytes | None:
        """The inflated members as an uncompressed ZIP for calamine (which then inflates nothing); None without them."""
        if self.inflated is None:
            return None
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as copy:
            for name, data in self.inflated.items():
                copy.writestr(self.names[name], data)
        return buffer.getvalue()

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id → (type, target part) of the relationships of `part` ("" for the package)."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if not self.has(rels_name):
            return {}
        result = {}
        for element in _parse(self.read(rels_name), rels_name).iter():
            if _local(element.tag) != "Relationship" or element.get("TargetMode") == "External":
                continue
            target = element.get("Target", "").replace("\\", "/")
            resolved = (
                target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            )
            result[element.get("Id", "")] = (element.get("Type", ""), resolved)
        return result

    def workbook_part(self) -> str | None:
        """The workbook part named by the package relationships (or the usual place), if any."""
        for kind, target in self.relationships("").values():
            if kind.endswith(_OFFICE_DOCUMENT) and self.has(target):
                return target
        return "xl/workbook.xml" if self.has("xl/workbook.xml") else None

    def is_strict(self, workbook: str) -> bool:
        """Whether the workbook is saved as Strict Open XML (which openpyxl cannot read)."""
        return _parse(self.read(workbook), workbook).tag.startswith("{" + STRICT_NAMESPACE)

    def shared_strings(self, workbook: str) -> int | None:
        """How many entries the workbook's shared-string table has; None without one."""
        for kind, target in self.relationships(workbook).values():
            if kind.endswith(_SHARED_STRINGS) and self.has(target):
                return _count_items(self, target)
        return None

    def sheets(self, workbook: str) -> list[SheetInfo]:
        """The sheets of the workbook in tab order, with their visibility and kind."""
        relations = self.relationships(workbook)
        sheets = []
        for element in _parse(self.read(workbook), workbook).iter():
            if _local(element.tag) != "sheet":
                continue
            rel_id = next((v for k, v in element.attrib.items() if _is_relationship_id(k)), "")
            kind_uri, part = relations.get(rel_id, ("", ""))
            if not self.has(part):
                name = element.get("name", "")
                raise UnreadableWorkbook(
                    "damaged", f"Die Datei ist beschädigt: der Inhalt des Blatts „{name}“ fehlt. {RESEND}"
                )
            state = element.get("state", "visible")
            sheets.append(SheetInfo(element.get("name", ""), state != "visible", part, sheet_kind(kind_uri)))
        return sheets


def sheet_kind(relationship_type: str) -> str:
    """The kind of sheet (worksheet, chartsheet, …) a workbook relationship of this type points at."""
    if relationship_type.endswith(_MACRO_SHEET):
        return "macrosheet"
    for suffix, kind in _SHEET_KINDS.items():
        if relationship_type.endswith(suffix):
            return kind
    return "unknown"


def _is_relationship_id(attribute: str) -> bool:
    namespace, _, local = attribute[1:].partition("}") if attribute.startswith("{") else ("", "", attribute)
    return local == "id" and namespace in _RELATIONSHIP_NAMESPACES


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse(data: bytes, part: str) -> Element:
    try:
        return fromstring(data)
    except DefusedXmlException:
        raise UnreadableWorkbook("damaged", XML_BOMB) from None
    except (ParseError, ValueError, LookupError):  # the part's XML is broken, or in an encoding nobody knows
        raise UnreadableWorkbook(
            "damaged", f"Die Datei ist beschädigt: Teil „{part}“ ist kein gültiges XML. {RESEND}"
        ) from None


def _count_items(package: Package, part: str) -> int:
    """The number of <si> entries of a shared-string table, streamed with expat."""
    depth = count = 0

    def start(name: str, _: object) -> None:
        nonlocal depth, count
        depth += 1
        if depth == 2 and name.rpartition(":")[2] == "si":
            count += 1

    def end(_: str) -> None:
        nonlocal depth
        depth -= 1

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        with package.open(part) as stream:
            parser.ParseFile(CheckedStream(stream, part))
    except (expat.ExpatError, LookupError):
        raise UnreadableWorkbook(
            "damaged", f"Die Datei ist beschädigt: Teil „{part}“ ist kein gültiges XML. {RESEND}"
        ) from None
    return count
