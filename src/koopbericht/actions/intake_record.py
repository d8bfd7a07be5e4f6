"""`JAHR/meldungen/eingang.toml`: which mail each Meldebogen came in, and the versions it replaced.

Written by `eingang` beside the files it takes; read by `status` (the received date), `erinnerung`
(who replied, and when) and `validate` (which mail a file came from). An entry counts only while
the file still has the recorded SHA-256: a file the clerk has replaced by hand since is the clerk's.
`read/collect.py` never takes this file, nor the `fruehere/` folder, for a Meldebogen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from ..errors import InputUnreadableError
from ..read.collect import INTAKE_RECORD

RECORD_NAME = INTAKE_RECORD
EARLIER_FOLDER = "fruehere"
_HEAD = (
    "# Von „koopbericht eingang“ geschrieben: aus welcher E-Mail jeder Meldebogen in diesem Ordner stammt,\n"
    "# und die früheren Fassungen in fruehere/. Bitte nicht von Hand ändern; diese Datei ist kein Meldebogen.\n\n"
)
_KEYS = {
    "file": "datei", "department": "geschaeftsbereich", "sender": "absender", "subject": "betreff",
    "message_id": "message_id", "date": "datum", "sha256": "sha256", "mail": "mail", "attachment": "anhang",
    "kept_as": "ablage",
}  # fmt: skip


@dataclass(frozen=True)
class Intake:
    """One file taken from a mail: where it is (`file`, in meldungen/), whose, from which mail, its hash.

    `kept_as` is set for an earlier version: its place under `fruehere/`.
    """

    file: str
    department: str
    sender: str
    subject: str
    message_id: str
    date: dt.datetime | None
    sha256: str
    mail: str
    attachment: str
    kept_as: str = ""

    def kept(self, place: str) -> Intake:
        """The entry as an earlier version, kept at `place`."""
        return replace(self, kept_as=place)


@dataclass
class IntakeRecord:
    """The current entry per file in meldungen/ and every earlier version kept."""

    current: dict[str, Intake] = field(default_factory=dict)
    earlier: list[Intake] = field(default_factory=list)


def instant(moment: dt.datetime) -> dt.datetime:
    """A Date header's time, comparable with any other (a time without zone counts as UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def file_sha256(path: Path) -> str | None:
    """The file's SHA-256 as hex, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def read_record(folder: Path) -> IntakeRecord:
    """The record in `folder` (meldungen/); empty when there is none. InputUnreadableError when it is broken."""
    path = folder / RECORD_NAME
    if not path.is_file():
        return IntakeRecord()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        current = [_entry(item) for item in data.get("meldebogen", [])]
        earlier = [_entry(item) for item in data.get("frueher", [])]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise InputUnreadableError(
            f"{path} lässt sich nicht lesen ({error}). Diese Datei schreibt „koopbericht eingang“; bitte "
            "nicht von Hand ändern. Zum Neubeginn die Datei umbenennen und die E-Mails erneut einlesen."
        ) from None
    return IntakeRecord({entry.file: entry for entry in current}, earlier)


def record_bytes(record: IntakeRecord) -> bytes:
    """The record as TOML text, current files by name, earlier versions in the order they were kept."""
    data = {
        "meldebogen": [_item(record.current[name]) for name in sorted(record.current)],
        "frueher": [_item(entry) for entry in record.earlier],
    }
    data = {key: entries for key, entries in data.items() if entries}
    return (_HEAD + tomli_w.dumps(data)).encode("utf-8")


def valid_entries(folder: Path) -> dict[str, Intake]:
    """The current entries whose file is still the one taken from the mail; none if the record is broken."""
    try:
        record = read_record(folder)
    except InputUnreadableError:
        return {}
    return {name: e for name, e in record.current.items() if file_sha256(folder / name) == e.sha256}


def _item(entry: Intake) -> dict[str, Any]:
    values = asdict(entry)
    return {_KEYS[key]: value for key, value in values.items() if value not in (None, "") or key == "sender"}


def _entry(item: dict[str, Any]) -> Intake:
    text = {key: str(item.get(name, "")) for key, name in _KEYS.items() if key != "date"}
    if not text["file"] or not text["sha256"]:
        raise ValueError("Eintrag ohne Datei oder sha256")
    date = item.get("datum")
    return Intake(date=date if isinstance(date, dt.datetime) else None, **text)
