"""`build --pdf`: archive- and accessibility-grade PDFs made by LibreOffice, byte-identical on rebuild.

LibreOffice (with a private, temporary profile) exports PDF/A-2b with the PDF/UA flag: tagged,
with a structure tree, bookmarks from the headings, the document language and the title shown
in the window. It stamps the moment of export into the document information, the XMP
metadata and the embedded colour profile, and derives the document ID from it; those are set
to the Vorlage's own time and the ID is derived from the content (pikepdf), so the same
document always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...errors import UsageError
from .libreoffice import Office, libreoffice, profile_url
from .soffice import find_soffice, missing

__all__ = [
    "docx_to_pdf", "find_soffice", "fixed_in_time", "libreoffice", "no_libreoffice",
    "pdf_of", "profile_url",
]  # fmt: skip

_XMP_CREATED = re.compile(rb"(<xmp:CreateDate>)[^<]*(</xmp:CreateDate>)")
_XMP_MODIFIED = re.compile(rb"(<xmp:ModifyDate>)[^<]*(</xmp:ModifyDate>)")


def no_libreoffice() -> UsageError:
    """The error for --pdf without LibreOffice (the other outputs are written before it is raised)."""
    return missing()


def docx_to_pdf(docx: Path, stamp: dt.datetime) -> bytes:
    """Convert `docx` to a tagged PDF/A-2b dated `stamp` (aware), in a LibreOffice of its own."""
    with libreoffice() as office:
        return fixed_in_time(office.to_pdf(docx), stamp, _descriptions(docx.read_bytes()))


def pdf_of(office: Office, data: bytes, file_name: str, stamp: dt.datetime) -> bytes:
    """The PDF of a .docx given as bytes, made by the running `office` (written under `file_name` into its folder)."""
    source = office.folder / "quelle" / file_name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    return fixed_in_time(office.to_pdf(source), stamp, _descriptions(data))


def _descriptions(docx: bytes) -> tuple[str, ...]:
    from .figures import drawing_descriptions  # pikepdf: only --pdf needs it

    return drawing_descriptions(docx)


def fixed_in_time(data: bytes, stamp: dt.datetime, descriptions: Sequence[str] = ()) -> bytes:
    """`data` with every export time set to `stamp` and the document ID derived from the content.

    `descriptions` are the alternative texts of the document's drawings, for the figures LibreOffice
    exports without one (see `figures`).
    """
    import pikepdf  # only --pdf needs it

    from .conform import conform
    from .figures import describe_figures

    offset = stamp.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    info_date = f"D:{stamp:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
    xmp_date = stamp.replace(microsecond=0).isoformat().encode()
    output = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _refuse_untagged(pdf)
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo:
                pdf.docinfo[key] = info_date
        metadata = pdf.Root.get("/Metadata")
        if isinstance(metadata, pikepdf.Stream):  # PDF/A: the XMP must say the same as the document information
            xmp = _XMP_CREATED.sub(rb"\g<1>" + xmp_date + rb"\g<2>", metadata.read_bytes())
            metadata.write(_XMP_MODIFIED.sub(rb"\g<1>" + xmp_date + rb"\g<2>", xmp))
        for intent in pdf.Root.get("/OutputIntents", []):
            profile = intent.get("/DestOutputProfile")
            if isinstance(profile, pikepdf.Stream):
                profile.write(_icc_dated(profile.read_bytes(), stamp))
        conform(pdf)  # what LibreOffice 7.4 leaves for veraPDF to fail: see pdfconform
        describe_figures(pdf, descriptions)
        # LibreOffice's ID and its own /DocChecksum depend on the moment of export; qpdf would carry them
        # into the new ID, which it derives from the content.
        for key in ("/ID", "/DocChecksum"):
            if key in pdf.trailer:
                del pdf.trailer[key]
        pdf.save(output, deterministic_id=True)
    return output.getvalue()


def _refuse_untagged(pdf: Any) -> None:
    """LibreOffice before 7.4 ignores the export options silently: a PDF without tags or PDF/A is refused."""
    metadata = pdf.Root.get("/Metadata")
    xmp = metadata.read_bytes() if metadata is not None else b""
    if "/StructTreeRoot" not in pdf.Root or b"pdfaid:part" not in xmp:
        raise UsageError(
            "LibreOffice hat eine PDF-Datei ohne Struktur oder ohne PDF/A erzeugt; dafür wird LibreOffice "
            "7.4 oder neuer benötigt. Bitte LibreOffice aktualisieren."
        )


def _icc_dated(profile: bytes, stamp: dt.datetime) -> bytes:
    """An ICC profile with its creation time (header bytes 24–35, which have no checksum) set to `stamp`."""
    if len(profile) < 128 or profile[36:40] != b"acsp":
        return profile
    utc = stamp.astimezone(dt.UTC)
    when = struct.pack(">6H", utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)
    dated = profile[:24] + when + profile[36:]
    if any(profile[84:100]):  # a profile ID is the MD5 of the profile with flags, intent and ID zeroed
        scratch = bytearray(dated)
        scratch[44:48], scratch[64:68], scratch[84:100] = bytes(4), bytes(4), bytes(16)
        dated = dated[:84] + hashlib.md5(scratch, usedforsecurity=False).digest() + dated[100:]
    return dated
