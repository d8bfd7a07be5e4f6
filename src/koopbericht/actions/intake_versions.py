"""Where a Meldebogen from a mail goes, and what becomes of the one already there: versions, never lost.

A newer mail replaces the Geschäftsbereich's current file(s), which move to `meldungen/fruehere/`
under their date; the same file again (same SHA-256) is left alone; an older mail never replaces a
newer file, and a newer one does even when it brings back an earlier version (the Date decides).
A file the clerk put there by hand counts with its modification time and is kept in
`fruehere/` like any other before anything takes its place.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Department
from ..read.collect import is_candidate, matches_department
from ..read.mail import Mail, MailAttachment
from ..read.mail.model import OLD_EXCEL_SUFFIX, SPREADSHEET_SUFFIXES
from .intake_record import EARLIER_FOLDER, Intake, IntakeRecord, file_sha256, instant

_TABLE_SUFFIXES = (*SPREADSHEET_SUFFIXES, OLD_EXCEL_SUFFIX)


class Outcome(enum.Enum):
    """What happened to a mail (or one Meldebogen in it), as the summary says it."""

    NEW = "neu"
    REPLACED = "ersetzt (frühere Fassung aufbewahrt)"
    UNCHANGED = "unverändert"
    OLDER = "älter als der vorhandene Meldebogen, nicht übernommen"
    UNASSIGNED = "nicht zugeordnet"
    NO_TABLE = "keine Tabelle"
    OWN = "eigene E-Mail (Entwurf oder Erinnerung), nicht übernommen"
    SENT_FORM = "enthält nur den versandten Meldebogen, unverändert – nicht übernommen"
    REFUSED = "nicht übernommen"


@dataclass
class Changes:
    """The files one mail writes (all or none), the files it removes afterwards, and the record's new state."""

    files: dict[Path, bytes] = field(default_factory=dict)
    removed: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Placed:
    """One Meldebogen of a mail: for which Geschäftsbereich, under which name, what happened, what was kept."""

    department: str
    attachment: str
    target: str
    outcome: Outcome
    kept: tuple[str, ...] = ()
    note: str = ""


def place(
    mail: Mail, attachment: MailAttachment, department: Department, target: str, state: tuple[Path, IntakeRecord],
    changes: Changes,
) -> Placed:  # fmt: skip
    """Decide for one attachment and add what it writes to `changes` (and to the record in `state`)."""
    folder, record = state
    digest = attachment.sha256
    existing = _existing(folder, department, target)
    hashes = {path.name: file_sha256(path) for path in existing}
    same = next((name for name, value in hashes.items() if value == digest), None)
    if same is not None:
        if same not in record.current or record.current[same].sha256 != digest:  # put there by hand: now known
            record.current[same] = _entry(mail, attachment, department, same)
        return Placed(department.code, attachment.name, same, Outcome.UNCHANGED)
    if any(e.sha256 == digest and _same_mail(e, mail) for e in record.earlier):  # read again: already kept
        return Placed(department.code, attachment.name, target, Outcome.UNCHANGED, note="eine frühere Fassung")
    latest = max((m for path in existing if (m := _moment(path, record)) is not None), default=None)
    if existing and (mail.date is None or (latest is not None and instant(mail.date) <= latest)):
        note = "die E-Mail hat kein Datum" if mail.date is None else "der vorhandene Meldebogen ist neuer"
        return Placed(department.code, attachment.name, target, Outcome.OLDER, note=note)
    kept = tuple(_keep(path, record, changes) for path in existing)
    changes.files[folder / target] = attachment.data
    changes.removed += [path for path in existing if path.name != target]
    record.current[target] = _entry(mail, attachment, department, target)
    outcome = Outcome.REPLACED if existing else Outcome.NEW
    return Placed(department.code, attachment.name, target, outcome, kept)


def _same_mail(entry: Intake, mail: Mail) -> bool:
    """Whether the recorded version came with this very mail (same Message-ID, else the same mail file)."""
    return entry.message_id == mail.message_id if entry.message_id and mail.message_id else entry.mail == mail.file


def _existing(folder: Path, department: Department, target: str) -> list[Path]:
    """The files in meldungen/ that a new Meldebogen of the Geschäftsbereich replaces.

    Every spreadsheet that belongs to it by its name (as the year reads them; a covering letter
    such as `GB1_Begleitschreiben.pdf` stays where it is); where it sends several files
    (`mehrere_dateien`, one per Fachbereich), only the file of the same name.
    """
    if department.several_files:
        return [folder / target] if is_candidate(folder / target) else []
    found = [
        p for p in folder.iterdir()
        if p.suffix.casefold() in _TABLE_SUFFIXES and is_candidate(p) and matches_department(p.name, department)
    ]  # fmt: skip
    return sorted(found, key=lambda p: p.name.casefold())


def _moment(path: Path, record: IntakeRecord) -> dt.datetime | None:
    """When the file came: its mail's Date while it is the file taken; else its modification time."""
    entry = record.current.get(path.name)
    if entry is not None and entry.sha256 == file_sha256(path):
        return instant(entry.date) if entry.date else None
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
    except (OSError, OverflowError, ValueError):
        return None


def _keep(path: Path, record: IntakeRecord, changes: Changes) -> str:
    """Copy `path` into fruehere/ under its date; record it as an earlier version; return where it went."""
    data = path.read_bytes()
    moment = _moment(path, record) or dt.datetime.fromtimestamp(0, tz=dt.UTC)
    stem, dot, suffix = path.name.rpartition(".")
    base = f"{stem or path.name}_{moment.astimezone():%Y-%m-%d_%H%M%S}"
    earlier = path.parent / EARLIER_FOLDER
    candidate, number = earlier / f"{base}{dot}{suffix}", 2
    while candidate.exists() or candidate in changes.files:
        candidate, number = earlier / f"{base}-{number}{dot}{suffix}", number + 1
    changes.files[candidate] = data
    place = f"{EARLIER_FOLDER}/{candidate.name}"
    entry = record.current.pop(path.name, None)
    digest = hashlib.sha256(data).hexdigest()
    if entry is None or entry.sha256 != digest:  # a file put there by hand, or changed by hand since
        entry = Intake(path.name, "", "von Hand abgelegt", "", "", moment, digest, "", path.name)
    record.earlier.append(entry.kept(place))
    return place


def _entry(mail: Mail, attachment: MailAttachment, department: Department, target: str) -> Intake:
    return Intake(
        target, department.code, mail.sender, mail.subject, mail.message_id, mail.date, attachment.sha256,
        mail.file, attachment.name,
    )  # fmt: skip
