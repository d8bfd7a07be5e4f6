"""The OParl export of a build: whether there is one, and its history beside the outputs.

OParl's `modified` must move when an object's content changes and stay put when it does
not (importers synchronise on it), while a rebuild of the same inputs must give the same
bytes. So the export keeps, beside the outputs, each object's content hash with its
`created` and `modified` (`.oparl-verlauf.json`): an unchanged object keeps its times, a
changed one gets the time of the build. A first export (no history yet) dates every object
at the Vorlage's own time, so two fresh builds agree byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from ..assemble import timestamp_for
from ..config import YearSettings
from ..project.folder import Project
from ..render import PublishedFile, render_oparl
from ..render.oparl import History

BERLIN = ZoneInfo("Europe/Berlin")
HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
OPARL_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")
HISTORY_FILE = ".oparl-verlauf.json"
NO_OPARL = (
    "Kein OParl-Export: In koopbericht.toml fehlt die Adresse der OParl-Schnittstelle des "
    'Ratsinformationssystems. Mit [oparl] basis_url = "https://…/oparl/" wird der Export geschrieben.'
)
NO_BODY = (
    "Kein OParl-Export: In koopbericht.toml fehlt die Adresse, unter der das Ratsinformationssystem die "
    "Körperschaft anbietet (OParl „body“, in jeder Vorlage Pflicht). Mit "
    '[oparl] koerperschaft_url = "https://…/body/…" wird der Export geschrieben.'
)


@dataclass(frozen=True)
class OparlOutputs:
    """The OParl file and its history by path (`files`), and what the user should know about the export."""

    files: dict[Path, bytes] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def oparl_outputs(
    project: Project,
    year_settings: YearSettings,
    published: list[PublishedFile],
    *,
    draft: bool,
    now: dt.datetime | None,
) -> OparlOutputs:
    """The OParl file and its history; no files without `[oparl] basis_url` (the caller names that).

    Without `koerperschaft_url` there is no export either, and a notice says so; organisations left
    out for want of a URL are named in one notice.
    """
    settings = project.settings
    if settings.oparl.base_url is None:
        return OparlOutputs()
    if settings.oparl.body_url is None:
        return OparlOutputs(notices=[NO_BODY])
    year = year_settings.year
    out = project.output_dir(year)
    target = out / settings.output.oparl_file.format(jahr=year)
    project.refuse_as_output(target)
    first = timestamp_for(year_settings).replace(tzinfo=BERLIN)
    moment = (now or dt.datetime.now(BERLIN)).astimezone(BERLIN)
    history_path = out / HISTORY_FILE
    previous = _history(history_path)
    export = render_oparl(settings, year_settings, published, first=first, now=moment, history=previous, draft=draft)
    # Objects not in this export (the PDFs of a build without --pdf) keep their times for the next one.
    history = previous | export.history
    text = json.dumps(history, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    notices = [unknown_organisations(export.unknown)] if export.unknown else []
    return OparlOutputs({target: export.paper, history_path: text.encode("utf-8")}, notices)


def unknown_organisations(names: list[str]) -> str:
    """One notice for every organisation left out of the export: which, and the lines to add to koopbericht.toml."""
    quoted = [f"„{name}“" for name in names]
    which = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " und " + quoted[-1]
    lines = "\n".join(f'{json.dumps(name, ensure_ascii=False)} = "https://…/organization/…"' for name in names)
    if len(names) == 1:
        missing, where, added = "fehlt", "welcher Adresse", "Mit der Adresse in koopbericht.toml wird sie"
    else:
        missing, where, added = "fehlen", "welchen Adressen", "Mit den Adressen in koopbericht.toml werden sie"
    return (
        f"Im OParl-Export {missing} {which}: In koopbericht.toml steht nicht, unter {where} das "
        "Ratsinformationssystem sie anbietet, und eine erfundene Adresse ließe den Import scheitern. "
        f"{added} aufgenommen:\n[oparl.organisationen]\n{lines}"
    )


def _history(path: Path) -> History:
    """The previous export's history; an unreadable, foreign or hand-edited entry counts as none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if _valid_entry(value)}


def _valid_entry(value: object) -> bool:
    """[sha256 hex digest, created, modified] with both times in OParl's form (with an offset)."""
    if not (isinstance(value, list) and len(value) == 3 and all(isinstance(v, str) for v in value)):
        return False
    digest, *times = value
    if not HEX_DIGEST.fullmatch(digest):
        return False
    try:
        return all(OPARL_TIME.fullmatch(t) and dt.datetime.fromisoformat(t).tzinfo for t in times)
    except ValueError:
        return False
