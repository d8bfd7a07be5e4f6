"""The clerk's working folder: where it is and where each year's files live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import CONFIG_FILE, Settings, YearSettings, load_settings, load_year
from ..errors import ProjectNotFoundError, UsageError
from ..files.paths import shown_relative

MIN_YEAR, MAX_YEAR = 1990, 2100


def find_root(start: Path) -> Path:
    """The nearest folder from `start` upwards that holds a koopbericht.toml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise ProjectNotFoundError(
        f"Kein Arbeitsordner gefunden: weder {start} noch ein Ordner darüber enthält {CONFIG_FILE}. "
        "Wechseln Sie in den Arbeitsordner, geben Sie ihn mit -C/--projekt an "
        "oder legen Sie einen mit „koopbericht init“ an."
    )


def valid_year(year: int) -> int:
    """The year itself, if it is a plausible report year."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UsageError(f"{year} ist kein plausibles Berichtsjahr (erwartet {MIN_YEAR}–{MAX_YEAR}).")
    return year


@dataclass(frozen=True)
class Project:
    """A working folder with its settings loaded."""

    root: Path
    settings: Settings

    @classmethod
    def open(cls, folder: Path | None = None) -> Project:
        """Find the working folder from `folder` (default: the current one) and load it."""
        if folder is not None and not folder.is_dir():
            raise UsageError(f"Der Ordner {folder} existiert nicht.")
        root = find_root(folder or Path.cwd())
        return cls(root, load_settings(root))

    def year_dir(self, year: int) -> Path:
        """`JAHR/` below the working folder."""
        return self.root / str(valid_year(year))

    def reports_dir(self, year: int) -> Path:
        """`JAHR/meldungen/`, where the returned Meldebögen are put."""
        return self.year_dir(year) / "meldungen"

    def text_dir(self, year: int) -> Path:
        """`JAHR/text/`, the narrative sections in Markdown (`*.md`) or Word (`*.docx`)."""
        return self.year_dir(year) / "text"

    def output_dir(self, year: int) -> Path:
        """`ausgabe/JAHR/`, everything the tool writes for that year."""
        return self.root / self.settings.output.folder / str(valid_year(year))

    def year_settings(self, year: int) -> YearSettings:
        """The year's vorlage.toml, loaded and checked."""
        return load_year(self.root, valid_year(year))

    def years(self) -> list[int]:
        """Every year that has a folder with a vorlage.toml, oldest first."""
        found = []
        for child in self.root.iterdir():
            if child.is_dir() and child.name.isdigit() and (child / "vorlage.toml").is_file():
                found.append(int(child.name))
        return sorted(found)

    def refuse_as_output(self, target: Path) -> None:
        """Raise UsageError if writing `target` could overwrite an input or a settings file."""
        resolved = target.resolve()
        inputs = [self.root / CONFIG_FILE]
        folders = []
        for year in self.years():
            inputs.append(self.year_dir(year) / "vorlage.toml")
            folders += [self.reports_dir(year), self.text_dir(year)]
        if any(resolved == path.resolve() for path in inputs):
            raise UsageError(f"{target} ist eine Einstellungsdatei und wird nicht überschrieben.")
        for folder in folders:
            if resolved == folder.resolve() or folder.resolve() in resolved.parents:
                raise UsageError(f"Die Ausgabe {target} läge zwischen den Eingaben ({self.relative(folder)}).")

    def relative(self, path: Path) -> Path:
        """`path` relative to the working folder when below it (for messages and findings)."""
        return shown_relative(path, self.root)
