"""`init`: a new working folder with commented settings for one year, all files or none."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..config import CONFIG_FILE, YEAR_FILE
from ..errors import OutputError, UsageError
from ..files.atomic import os_reason, write_all_atomic
from ..project.example import example_files, example_folder
from ..project.folder import valid_year
from ..project.scaffold import STARTER_TEXT, config_text, year_text


@dataclass(frozen=True)
class InitResult:
    """What `init` created, for the CLI to list."""

    root: Path
    created: tuple[Path, ...]
    year: int


def init_project(
    folder: Path, year: int | None = None, name: str = "Musterstadt", short_name: str | None = None
) -> InitResult:
    """Create a working folder in `folder`; refuse if it already holds a project."""
    year = valid_year(year if year is not None else dt.date.today().year - 1)
    config = folder / CONFIG_FILE
    year_file = folder / str(year) / YEAR_FILE
    for existing in (config, year_file):
        if existing.exists():
            raise UsageError(
                f"{existing} gibt es schon. „koopbericht init“ überschreibt keinen bestehenden Arbeitsordner. "
                "Ein neues Berichtsjahr legen Sie mit „koopbericht jahr JAHR“ an."
            )
    text_file = folder / str(year) / "text" / "01-bericht.md"
    reports = folder / str(year) / "meldungen"
    # Everything that is in the way is found before anything is written.
    for needed in (folder, folder / str(year), text_file.parent, reports):
        if needed.exists() and not needed.is_dir():
            raise UsageError(f"{needed} ist eine Datei, kein Ordner. „koopbericht init“ braucht dort einen Ordner.")
    if text_file.exists() and not text_file.is_file():
        raise UsageError(f"{text_file} ist ein Ordner, keine Datei.")
    files = {config: config_text(name, short_name or name), year_file: year_text(year, name)}
    if not text_file.exists():
        files[text_file] = STARTER_TEXT.format(year=year)
    # All files or none: a failure midway leaves no half-made working folder behind.
    write_all_atomic({path: text.encode("utf-8") for path, text in files.items()})
    try:
        reports.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # checked above; only something changing the folder meanwhile gets here
        raise OutputError(f"Der Ordner {reports} konnte nicht angelegt werden: {os_reason(error)}.") from error
    return InitResult(folder.resolve(), (config, year_file, text_file, reports), year)


def init_example(folder: Path) -> InitResult:
    """Write the built-in example's working folder into `folder`, which must be new or empty."""
    source = example_folder()
    if source is None:
        raise UsageError("Das eingebaute Beispiel fehlt in dieser Installation. Bitte koopbericht neu installieren.")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} ist eine Datei, kein Ordner. „koopbericht init --beispiel“ braucht einen Ordner.")
    if folder.is_dir() and any(folder.iterdir()):
        raise UsageError(
            f"Der Ordner {folder} ist nicht leer. „koopbericht init --beispiel“ schreibt das Beispiel nur in einen "
            "neuen oder leeren Ordner, damit nichts überschrieben wird."
        )
    files = {folder / relative: data for relative, data in example_files(source).items()}
    # All files or none, as for a new working folder.
    write_all_atomic(files)
    tops = sorted({path.relative_to(folder).parts[0] for path in files})
    latest = max(int(top) for top in tops if top.isdigit())
    return InitResult(folder.resolve(), tuple(folder / top for top in tops), latest)
