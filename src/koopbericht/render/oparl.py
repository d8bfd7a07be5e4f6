"""`vorlage-JAHR.oparl.json`: the Vorlage as an OParl 1.1 Paper with Consultations and Files.

There is no OParl server, so ids are stable URNs (`urn:koopbericht:…`) and accessUrl
is the file name next to the JSON; a council information system that imports the
files replaces them with its own URLs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass

from ..config import Settings, YearSettings

OPARL = "https://schema.oparl.org/1.1/"
MIME_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
}


@dataclass(frozen=True)
class PublishedFile:
    """A file of the Vorlage with its bytes (for size and checksums)."""

    name: str
    file_name: str
    data: bytes


def slug(text: str) -> str:
    """A lower-case ASCII identifier: `24/SVV/1155` → `24-svv-1155`."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def render_oparl(
    settings: Settings, year: YearSettings, main: PublishedFile, auxiliary: list[PublishedFile], timestamp: dt.datetime
) -> bytes:
    """The Paper object as UTF-8 JSON bytes (stable key order, trailing newline)."""
    base = f"urn:koopbericht:{slug(settings.authority.short_name)}"
    paper_id = f"{base}:paper:{slug(year.master.number)}"
    stamp = timestamp.replace(tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")
    master = year.master
    paper = {
        "id": paper_id,
        "type": OPARL + "Paper",
        "body": f"{base}:body",
        "name": master.subject,
        "reference": master.number,
        "date": (master.date or timestamp.date()).isoformat(),
        "paperType": master.paper_type,
        "underDirectionOf": [f"{base}:organization:{slug(master.lead)}"],
        "originatorOrganization": [f"{base}:organization:{slug(master.submitter)}"],
        "mainFile": _file(main, f"{paper_id}:file:{slug(main.file_name)}", stamp, master.date or timestamp.date()),
        "auxiliaryFile": [
            _file(item, f"{paper_id}:file:{slug(item.file_name)}", stamp, master.date or timestamp.date())
            for item in auxiliary
        ],
        "consultation": [
            {
                "id": f"{paper_id}:consultation:{index}",
                "type": OPARL + "Consultation",
                "paper": paper_id,
                "organization": [f"{base}:organization:{slug(c.body)}"],
                "role": c.role,
                "authoritative": c.authoritative,
                "keyword": [c.body, c.decision, c.status] + ([c.date.isoformat()] if c.date else []),
                "created": stamp,
                "modified": stamp,
            }
            for index, c in enumerate(year.consultations, start=1)
        ],
        "keyword": ["Kooperationsbericht", "interkommunale Zusammenarbeit", str(year.year)],
        "created": stamp,
        "modified": stamp,
    }
    return (json.dumps(paper, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _file(item: PublishedFile, file_id: str, stamp: str, day: dt.date) -> dict[str, object]:
    suffix = item.file_name[item.file_name.rfind(".") :].lower()
    return {
        "id": file_id,
        "type": OPARL + "File",
        "name": item.name,
        "fileName": item.file_name,
        "mimeType": MIME_TYPES.get(suffix, "application/octet-stream"),
        "date": day.isoformat(),
        "size": len(item.data),
        "sha1Checksum": hashlib.sha1(item.data, usedforsecurity=False).hexdigest(),
        "sha512Checksum": hashlib.sha512(item.data).hexdigest(),
        "accessUrl": item.file_name,
        "created": stamp,
        "modified": stamp,
    }
