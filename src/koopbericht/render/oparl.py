"""`vorlage-JAHR.oparl.json`: the Vorlage as an OParl 1.1 Paper with its Consultations and Files.

Every id and reference is a URL below the configured `[oparl] basis_url` (OParl identifies
an object by the URL it is served at); without a base URL there is no export. References to
objects the council system already serves (the Körperschaft, organisations) are its own URLs
from the configuration, never made up: an importer fetches each one, and an invented URL fails
its import. An organisation without a configured URL is left out and named (`unknown`). Where
there is a PDF of the Vorlage it is the `mainFile` (portals extract text and make previews from
PDFs only) and the .docx, its `masterFile`, goes with the Anlagen. Times are
OParl's `yyyy-mm-ddThh:mm:ss±hh:mm` in Europe/Berlin. `created` and `modified` come from
the export's history (`History`): an object keeps its times while its content stays the
same, so a rebuild is byte-identical, and `modified` moves when the content changes, which
is what importers synchronise on. Embedded objects carry no back-reference to the Paper.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..config import Consultation, MasterData, Settings, YearSettings
from ..document import PublishedFile

if TYPE_CHECKING:
    from collections.abc import Mapping

OPARL = "https://schema.oparl.org/1.1/"
MIME_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
}
# Object id → [content hash, created, modified]: what the previous export said, kept beside it.
History = dict[str, list[str]]


def slug(text: str) -> str:
    """A lower-case ASCII path segment: `24/SVV/1155` → `24-svv-1155`."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


@dataclass
class _Clock:
    """Gives each object its times from the history: kept while unchanged, `now` once changed."""

    history: History
    first: str  # for every object of a first export: the Vorlage's own time, so fresh builds agree
    now: str
    seen: History

    def stamp(self, object_id: str, content: dict[str, Any]) -> dict[str, Any]:
        digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
        before = self.history.get(object_id)
        if before is not None and before[0] == digest:
            created, modified = before[1], before[2]
        elif before is not None:
            created, modified = before[1], _later(self.now, before[1], before[2])
        else:
            created = modified = self.now if self.history else self.first
        self.seen[object_id] = [digest, created, modified]
        return {**content, "created": created, "modified": modified}


def _later(now: str, created: str, modified: str) -> str:
    """`now`, or a second after the last `modified` (and never before `created`) if the clock says earlier.

    Importers fetch what was modified since their last visit: a change dated before the previous
    `modified` (a Vorlage dated ahead, a machine clock behind) would never reach them.
    """
    floor = max(dt.datetime.fromisoformat(created), dt.datetime.fromisoformat(modified) + dt.timedelta(seconds=1))
    moment = dt.datetime.fromisoformat(now)
    return now if moment >= floor else floor.isoformat()  # in the offset its date had in Berlin


@dataclass(frozen=True)
class OparlExport:
    """The Paper as UTF-8 JSON bytes, the history to keep, and the organisations left out for want of a URL."""

    paper: bytes
    history: History
    unknown: list[str]  # names as written in vorlage.toml, each once, in the order they occur


def render_oparl(
    settings: Settings,
    year: YearSettings,
    files: list[PublishedFile],
    *,
    first: dt.datetime,
    now: dt.datetime,
    history: History,
    draft: bool,
) -> OparlExport:
    """The Paper (stable order) and the history to keep for the next export.

    `files[0]` is the Vorlage; a PDF made from it (`master`) becomes the main file. `first` and
    `now` are aware datetimes. Requires `settings.oparl.base_url` and `settings.oparl.body_url`.
    """
    base, body = settings.oparl.base_url, settings.oparl.body_url
    if base is None or body is None:
        raise ValueError("no [oparl] basis_url or koerperschaft_url")
    master = year.master
    paper_id = f"{base}paper/{slug(master.number)}"
    clock = _Clock(history, first.replace(microsecond=0).isoformat(), now.replace(microsecond=0).isoformat(), {})
    ids = {f.file_name: f"{base}file/{slug(master.number)}/{slug(f.file_name)}" for f in files}
    rendered = [_file(settings, year, item, ids, files, base) for item in _main_first(files)]
    organisations = _Organisations(settings.oparl.organisations, [])
    own = organisations.of_paper(master)  # before the Consultations': the notice names the Paper's own first
    raw_consultations = [_consultation(settings, organisations, c, f"{paper_id}/consultation/{key}")
                         for c, key in zip(year.consultations, _consultation_keys(year), strict=True)]  # fmt: skip
    paper: dict[str, Any] = {
        "id": paper_id,
        "type": OPARL + "Paper",
        "body": body,
        "name": master.subject,
        "reference": master.number,
        **({"date": master.date.isoformat()} if master.date else {}),
        "paperType": master.paper_type,
        **own,
        "mainFile": clock.stamp(rendered[0]["id"], rendered[0]),
        "auxiliaryFile": [clock.stamp(item["id"], item) for item in rendered[1:]],
        "consultation": [clock.stamp(c["id"], c) for c in raw_consultations],
        **({"license": settings.oparl.license} if settings.oparl.license else {}),
        "keyword": ["Kooperationsbericht", "interkommunale Zusammenarbeit", str(year.year)]
        + (["Entwurf"] if draft else []),
        **({"web": master.web} if master.web else {}),
    }
    # The Paper changes when anything in it changes, its Files and Consultations included.
    unstamped = {**paper, "mainFile": rendered[0], "auxiliaryFile": rendered[1:], "consultation": raw_consultations}
    paper = {**paper, **{k: v for k, v in clock.stamp(paper_id, unstamped).items() if k in ("created", "modified")}}
    text = json.dumps(paper, ensure_ascii=False, indent=2) + "\n"
    return OparlExport(text.encode("utf-8"), clock.seen, organisations.unknown)


def _main_first(files: list[PublishedFile]) -> list[PublishedFile]:
    """The Vorlage's PDF (made from `files[0]`) first, if there is one, then the others in their order."""
    pdf = next((f for f in files[1:] if f.master == files[0].file_name), None)
    return files if pdf is None else [pdf, *(f for f in files if f is not pdf)]


def _consultation_keys(year: YearSettings) -> list[str]:
    """Ids from the Gremium and the date, so that adding a Beratung leaves the others' ids as they were."""
    keys: list[str] = []
    for index, consultation in enumerate(year.consultations, start=1):
        key = slug(consultation.body) + (f"-{consultation.date.isoformat()}" if consultation.date else "")
        keys.append(f"{key}-{index}" if key in keys else key)
    return keys


@dataclass
class _Organisations:
    """The configured URLs of organisations, and the names of those without one (to be named to the user)."""

    urls: Mapping[str, str]
    unknown: list[str]

    def listed(self, key: str, name: str) -> dict[str, list[str]]:
        """`{key: [URL]}`, or nothing when `name` has no configured URL: every such key is optional in OParl."""
        url = self.urls.get(name)
        if url is not None:
            return {key: [url]}
        if name and name not in self.unknown:
            self.unknown.append(name)
        return {}

    def of_paper(self, master: MasterData) -> dict[str, list[str]]:
        """The Paper's `underDirectionOf` (Federführend) and `originatorOrganization` (Einreicher), where known."""
        lead = self.listed("underDirectionOf", master.lead)
        return lead | self.listed("originatorOrganization", master.submitter)


def _consultation(
    settings: Settings, organisations: _Organisations, consultation: Consultation, consultation_id: str
) -> dict[str, Any]:
    return {
        "id": consultation_id,
        "type": OPARL + "Consultation",
        **({"meeting": consultation.meeting_url} if consultation.meeting_url else {}),
        **organisations.listed("organization", consultation.body),
        "role": consultation.role,
        "authoritative": consultation.authoritative,
        **({"license": settings.oparl.license} if settings.oparl.license else {}),
    }


def _file(
    settings: Settings, year: YearSettings, item: PublishedFile, ids: dict[str, str], files: list[PublishedFile],
    base: str,
) -> dict[str, Any]:  # fmt: skip
    suffix = item.file_name[item.file_name.rfind(".") :].lower()
    location = f"{base}dateien/{slug(year.master.number)}/{quote(item.file_name)}"
    derived = [ids[f.file_name] for f in files if f.master == item.file_name]
    options = settings.oparl
    return {
        "id": ids[item.file_name],
        "type": OPARL + "File",
        "name": item.name,
        "fileName": item.file_name,
        "mimeType": MIME_TYPES.get(suffix, "application/octet-stream"),
        **({"date": year.master.date.isoformat()} if year.master.date else {}),
        "size": len(item.data),
        "sha512Checksum": hashlib.sha512(item.data).hexdigest(),
        "accessUrl": location,
        "downloadUrl": location,
        **({"masterFile": ids[item.master]} if item.master in ids else {}),
        **({"derivativeFile": derived} if derived else {}),
        **({"license": options.license} if options.license else {}),
        # Portals read only fileLicense: without its own, a file is under the licence of the Vorlage.
        **({"fileLicense": file_license} if (file_license := options.file_license or options.license) else {}),
    }
