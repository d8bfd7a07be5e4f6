"""OpenDocument spreadsheets (.ods, as LibreOffice saves them): the package and its tables.

An .ods is a ZIP like an xlsx and gets the same guards (sizes before unpacking, every
member's checksum, no DTD anywhere). Before calamine is asked for values, the package
must say that it is a spreadsheet (`mimetype`), list its parts (`META-INF/manifest.xml`)
and not be encrypted: LibreOffice's password protection leaves the ZIP readable but
encrypts `content.xml`, which only the manifest's `manifest:encryption-data` shows.
"""

from __future__ import annotations

from xml.parsers import expat

from .errors import UnreadableWorkbook
from .odsscan import CONTENT, scan_content
from .package import RESEND, XML_BOMB, CheckedStream, Package, SheetInfo, zip_damage
from .sheetfacts import SheetStructure
from .xmlguard import guarded_parser

MIMETYPE = "mimetype"
MANIFEST = "META-INF/manifest.xml"
# calamine compares the first 46 bytes of `mimetype` with this, so a template (.ots) reads too.
SPREADSHEET = b"application/vnd.oasis.opendocument.spreadsheet"
_OTHER_KINDS = (
    ("text", "ein Textdokument (.odt)"),
    ("presentation", "eine Präsentation (.odp)"),
    ("graphics", "eine Zeichnung (.odg)"),
    ("formula", "eine Formel (.odf)"),
    ("chart", "ein Diagramm (.odc)"),
    ("base", "eine Datenbank (.odb)"),
)
SAVE_AS_XLSX = "Bitte in LibreOffice öffnen und als „Excel 2007-365 (.xlsx)“ speichern."
_ENCRYPTED = (
    "Die Datei ist mit einem Kennwort geschützt. Bitte den Geschäftsbereich bitten, den Kennwortschutz zu entfernen "
    "(in LibreOffice: Datei › Speichern unter…, ohne „Mit Kennwort speichern“) und erneut zu senden."
)


def is_opendocument(package: Package) -> bool:
    """Whether the ZIP is an OpenDocument package (of any kind, or one whose `mimetype` is damaged)."""
    if package.has(MIMETYPE) and b"opendocument" in _mimetype(package):
        return True
    return package.has(CONTENT) and package.has(MANIFEST)


def _mimetype(package: Package) -> bytes:
    with zip_damage(MIMETYPE), package.open(MIMETYPE) as stream:
        return bytes(stream.read(200))


def check_opendocument(package: Package) -> None:
    """Refuse an OpenDocument package that is no readable spreadsheet, with the reason in German."""
    mimetype = _mimetype(package).strip() if package.has(MIMETYPE) else b""
    if not mimetype.startswith(SPREADSHEET):
        kind = next((words for key, words in _OTHER_KINDS if b"opendocument." + key.encode() in mimetype), None)
        if kind is not None:
            raise UnreadableWorkbook("format", f"Die Datei ist {kind}, keine Tabelle und kein Meldebogen.")
        raise UnreadableWorkbook(
            "damaged",
            "Die Datei ist beschädigt: die Kennung („mimetype“) einer OpenDocument-Tabelle fehlt oder ist falsch. "
            f"{RESEND}",
        )
    if not package.has(MANIFEST):
        raise UnreadableWorkbook(
            "damaged", f"Die Datei ist beschädigt: das Inhaltsverzeichnis („{MANIFEST}“) fehlt. {RESEND}"
        )
    if _encrypted(package):
        raise UnreadableWorkbook("encrypted", _ENCRYPTED)
    if not package.has(CONTENT):
        raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt: der Inhalt („{CONTENT}“) fehlt. {RESEND}")


class _Forbidden(Exception):
    """A DTD or entity declaration in the manifest."""


def _forbid(*_: object) -> int:
    raise _Forbidden


class _Encrypted(Exception):
    """The manifest lists encryption data: the parts are encrypted."""


def _encrypted(package: Package) -> bool:
    """Whether the manifest says that parts are encrypted (streamed, guarded against XML bombs)."""

    def start(name: str, _: object) -> None:
        if name.rpartition(":")[2] == "encryption-data":
            raise _Encrypted

    parser = guarded_parser(_forbid)
    parser.StartElementHandler = start
    try:
        with package.open(MANIFEST) as stream:
            parser.ParseFile(CheckedStream(stream, MANIFEST))
    except _Encrypted:
        return True
    except _Forbidden:
        raise UnreadableWorkbook("damaged", XML_BOMB) from None
    except (expat.ExpatError, LookupError):
        what = f"das Inhaltsverzeichnis („{MANIFEST}“) ist kein gültiges XML"
        raise UnreadableWorkbook("damaged", f"Die Datei ist beschädigt: {what}. {RESEND}") from None
    return False


def ods_sheets(package: Package) -> tuple[list[SheetInfo], dict[str, SheetStructure]]:
    """The tables of the document in order, and the structure of each (keyed by `SheetInfo.part`)."""
    sheets, structures = [], {}
    for index, table in enumerate(scan_content(package)):
        info = SheetInfo(table.name, table.hidden, f"{CONTENT}#{index}")
        sheets.append(info)
        structures[info.part] = table.structure
    return sheets, structures
