"""`jahr`: a new report year in an existing working folder, carried over from the newest earlier one.

`JAHR/vorlage.toml` is the earlier year's, rolled over (`config.rollover`: placeholder number,
Betreff's ordinal advanced, dates moved, Beratungsfolge planned again, last year's links
removed); `JAHR/text/` holds copies of its texts with `VORJAHR.txt` beside them, so the
build stays an Entwurf until each is revised (`read.carried`); `JAHR/meldungen/` is empty.
Without an earlier year the files are the ones `init` writes. An existing year is never
touched: all files are written together, or none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import YEAR_FILE
from ..config.rollover import roll_over
from ..errors import OutputError, UsageError
from ..files.atomic import os_reason, write_all_atomic
from ..formatting import counted
from ..project.folder import Project, valid_year
from ..project.scaffold import STARTER_TEXT, year_text
from ..read.texts.carried import CARRIED_FILE, carried_note, text_files


@dataclass(frozen=True)
class NewYear:
    """What `jahr` created, where it came from, and what the clerk does next (German)."""

    root: Path
    year: int
    source_year: int | None  # the year carried over; None for a fresh year
    created: tuple[Path, ...]
    texts: tuple[str, ...]  # names of the texts copied from `source_year`
    notes: tuple[str, ...]  # what to check in the new files
    next_steps: tuple[str, ...]


def start_year(project: Project, year: int) -> NewYear:
    """Create `JAHR/` in the working folder; refuse if the year is there already."""
    year = valid_year(year)
    folder = project.year_dir(year)
    _refuse_existing(project, folder, year)
    earlier = [y for y in project.years() if y < year]
    source_year = max(earlier) if earlier else None
    vorlage, text = folder / YEAR_FILE, folder / "text"
    notes: tuple[str, ...] = ()
    copied: dict[str, bytes] = {}
    if source_year is None:
        files = {
            vorlage: year_text(year, project.settings.authority.name).encode("utf-8"),
            text / "01-bericht.md": STARTER_TEXT.format(year=year).encode("utf-8"),
        }
    else:
        project.year_settings(source_year)  # a broken vorlage.toml is reported before anything is written
        rolled = roll_over((project.year_dir(source_year) / YEAR_FILE).read_text(encoding="utf-8"), source_year, year)
        notes = rolled.notes
        copied = {path.name: _read(project, path) for path in text_files(project.text_dir(source_year))}
        files = {vorlage: rolled.text.encode("utf-8")} | {text / name: data for name, data in copied.items()}
        if copied:
            files[text / CARRIED_FILE] = carried_note(source_year, year, copied).encode("utf-8")
    write_all_atomic(files)  # all or none: a failure leaves no half-made year behind
    reports = folder / "meldungen"
    for needed in (reports, text):
        try:
            needed.mkdir(exist_ok=True)
        except OSError as error:
            shown = project.relative(needed).as_posix()
            raise OutputError(f"Der Ordner {shown} konnte nicht angelegt werden: {os_reason(error)}.") from error
    created = (vorlage, *sorted(p for p in files if p.parent == text), reports)
    steps = _next_steps(project, year, source_year, len(copied))
    return NewYear(project.root, year, source_year, created, tuple(sorted(copied)), notes, steps)


def _refuse_existing(project: Project, folder: Path, year: int) -> None:
    """An existing year, or files of the new one already in place, are never overwritten."""
    shown = project.relative(folder).as_posix()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{shown} ist eine Datei, kein Ordner. „koopbericht jahr“ braucht dort einen Ordner.")
    if (folder / YEAR_FILE).exists():
        raise UsageError(
            f"Das Jahr {year} gibt es schon ({shown}/{YEAR_FILE}). „koopbericht jahr“ überschreibt kein "
            "bestehendes Jahr."
        )
    for name in ("text", "meldungen"):
        if (folder / name).exists() and not (folder / name).is_dir():
            raise UsageError(
                f"{shown}/{name} ist eine Datei, kein Ordner. „koopbericht jahr“ braucht dort einen Ordner."
            )
    text = folder / "text"
    if text.is_dir() and any(text.iterdir()):
        raise UsageError(
            f"{shown}/text/ enthält schon Dateien. „koopbericht jahr“ überschreibt nichts: bitte die Dateien "
            "verschieben und den Befehl wiederholen, oder vorlage.toml selbst anlegen."
        )


def _read(project: Project, path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(
            f"Der Text {project.relative(path).as_posix()} kann nicht gelesen werden: {os_reason(error)}."
        ) from None


def _next_steps(project: Project, year: int, source_year: int | None, texts: int) -> tuple[str, ...]:
    """What the clerk does next, in the order of the yearly round."""
    vorlage = f"{year}/{YEAR_FILE}"
    number = project.year_settings(year).master.number
    if source_year is None or not texts:
        text = f"Den Bericht in {year}/text/ schreiben."
    else:
        text = (
            f"{counted(texts, 'Text', 'Texte')} aus {source_year} in {year}/text/ überarbeiten; solange einer "
            "unverändert ist, bleibt die Vorlage ein Entwurf."
        )
    return (
        f"{vorlage} prüfen: die Vorlagen-Nummer eintragen, sobald sie vergeben ist (jetzt der Platzhalter "
        f"„{number}“), Betreff, Frist und Termine der Beratungsfolge.",
        text,
        f"koopbericht template {year} – Meldebögen für die Geschäftsbereiche schreiben und versenden.",
        f"koopbericht status {year} – den Rücklauf verfolgen.",
        f"koopbericht erinnerung {year} – Erinnerungen an säumige Geschäftsbereiche und Rückmeldungen zu "
        "fehlerhaften Meldebögen als E-Mail-Entwürfe schreiben.",
        f"koopbericht validate {year} – die eingegangenen Meldebögen prüfen.",
        f"koopbericht build {year} – die Vorlage erstellen.",
    )
