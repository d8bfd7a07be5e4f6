r"""Finding LibreOffice's `soffice`: the setting KOOPBERICHT_SOFFICE, then the PATH, then where installers put it.

Windows installs LibreOffice under `%ProgramFiles%\LibreOffice\program\soffice.exe` and does
not put it on the PATH; macOS keeps it inside `/Applications/LibreOffice.app`; Linux
distributions under `/usr/lib/libreoffice`, the LibreOffice packages under `/opt/libreofficeX.Y`.
A setting that names no LibreOffice is reported, not passed over for another one.
Snap and Flatpak installations are not looked for: their sandbox has its own temporary folder,
so the files handed over for conversion would not be there.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ...errors import HyphenationMissing, LibreOfficeMissing

ENVIRONMENT = "KOOPBERICHT_SOFFICE"
ROOT = Path("/")  # the POSIX install locations lie below it (tests move it into a temporary folder)
_WINDOWS_PROGRAMS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
_WINDOWS_DEFAULTS = ("C:\\Program Files", "C:\\Program Files (x86)")
_MACOS_APP = "LibreOffice.app/Contents/MacOS/soffice"


@dataclass(frozen=True)
class Place:
    """Where LibreOffice may be: `folder` / `pattern` (a pattern may hold one `*`)."""

    folder: Path
    pattern: str

    def __str__(self) -> str:
        return str(self.folder / self.pattern)

    def candidates(self) -> list[Path]:
        """The existing files the place names, newest version first."""
        if "*" not in self.pattern:
            return [self.folder / self.pattern]
        try:
            return sorted(self.folder.glob(self.pattern), key=_version_key, reverse=True)
        except OSError:
            return []


@dataclass(frozen=True)
class Search:
    """What the search found (`found`) and where it looked, as the message names it."""

    found: str | None
    setting: str | None
    names: tuple[str, ...]
    places: tuple[Place, ...]


def find_soffice() -> str | None:
    """The LibreOffice program to run, if there is one."""
    return search().found


def search() -> Search:
    """Look for LibreOffice: KOOPBERICHT_SOFFICE if set, else the PATH, else the platform's usual places."""
    environ = os.environ
    names = _program_names()
    setting = environ.get(ENVIRONMENT, "").strip().strip('"').strip()
    if setting:
        return Search(_from_setting(Path(setting), names), setting, names, ())
    places = tuple(usual_places(environ))
    found = _on_path(environ.get("PATH", ""), names) or next(_existing(places), None)
    return Search(found, None, names, places)


def usual_places(environ: Mapping[str, str]) -> Iterator[Place]:
    """Where the installers of this platform put LibreOffice, most usual first."""
    if _windows():
        bases = [environ[name] for name in _WINDOWS_PROGRAMS if environ.get(name)] or list(_WINDOWS_DEFAULTS)
        if environ.get("LOCALAPPDATA"):
            bases.append(str(Path(environ["LOCALAPPDATA"]) / "Programs"))
        for base in dict.fromkeys(bases):
            yield Place(Path(base), "LibreOffice/program/soffice.exe")
        for base in dict.fromkeys(bases):
            yield Place(Path(base), "LibreOffice*/program/soffice.exe")
    elif sys.platform == "darwin":
        yield Place(ROOT / "Applications", _MACOS_APP)
        if environ.get("HOME"):
            yield Place(Path(environ["HOME"]) / "Applications", _MACOS_APP)
    else:
        yield Place(ROOT / "usr/lib/libreoffice/program", "soffice")
        yield Place(ROOT / "usr/lib64/libreoffice/program", "soffice")
        yield Place(ROOT / "opt", "libreoffice*/program/soffice")


def missing(found: Search | None = None) -> LibreOfficeMissing:
    """The error for --pdf without LibreOffice: where it was looked for and how to name it."""
    looked = found or search()
    example = _example()
    if looked.setting is not None:
        return LibreOfficeMissing(
            f"Für --pdf wird LibreOffice benötigt. {ENVIRONMENT} nennt „{looked.setting}“, dort ist aber kein "
            f"LibreOffice ({' oder '.join(looked.names)}) zu finden. Die Vorlage wurde ohne PDF geschrieben.",
            [f"Bitte in {ENVIRONMENT} den vollständigen Pfad zu {looked.names[0]} angeben, z. B. {example}"],
        )
    return LibreOfficeMissing(
        "Für --pdf wird LibreOffice benötigt, es wurde aber nicht gefunden. Die Vorlage wurde ohne PDF "
        "geschrieben. Gesucht wurde:",
        [
            f"in der Umgebungsvariablen {ENVIRONMENT} (nicht gesetzt)",
            f"auf dem Suchpfad (PATH) nach {' und '.join(looked.names)}",
            *(f"in {place}" for place in _shown(looked.places)),
            "LibreOffice installieren (https://de.libreoffice.org) oder, wenn es anderswo installiert ist, "
            f"den Pfad in {ENVIRONMENT} angeben, z. B. {example} – oder die PDF-Datei in Word erzeugen.",
        ],
    )


def hyphenation_places(program: str) -> list[Place]:
    """Where the LibreOffice `program` looks for German hyphenation patterns (`hyph_de_DE.dic` and kin).

    Installers from libreoffice.org bundle them as the extension `dict-de` inside the installation
    (`share/extensions`, on macOS `Contents/Resources/extensions`); Linux distributions build
    LibreOffice against the system's patterns in /usr/share/hyphen (Debian's package hyphen-de).
    """
    program_folder = Path(program).resolve().parent
    install = program_folder.parent
    places = [Place(install / "share" / "extensions", "*/hyph_de*.dic"),
              Place(install / "Resources" / "extensions", "*/hyph_de*.dic")]  # fmt: skip
    if not _windows() and sys.platform != "darwin":
        places += [Place(ROOT / "usr/share/hyphen", "hyph_de*.dic"),
                   Place(ROOT / "usr/share/myspell/dicts", "hyph_de*.dic")]  # fmt: skip
    return places


def german_hyphenation(program: str) -> Path | None:
    """A German hyphenation pattern file the LibreOffice `program` uses, if it has one."""
    for place in hyphenation_places(program):
        # hyph_de_DE.dic first: de_AT, de_CH and de_LU are often links to it, and IT looks for that name.
        found = sorted((c for c in place.candidates() if c.is_file()), key=lambda c: "de_DE" not in c.name)
        if found:
            return found[0]
    return None


def no_hyphenation(program: str, *, final: bool) -> HyphenationMissing:
    """What a build says when LibreOffice has no German hyphenation patterns (`final`: it refuses)."""
    if final:
        message = (
            f"Die Endfassung wird nicht gebaut: LibreOffice ({program}) hat keine deutsche Silbentrennung. Ohne sie "
            "bricht LibreOffice lange Wörter in den PDF-Dateien ohne Bindestrich mitten im Wort um. Nichts wurde "
            "geschrieben."
        )
    else:
        message = (
            f"LibreOffice ({program}) hat keine deutsche Silbentrennung: In den PDF-Dateien sind lange Wörter "
            "ohne Bindestrich mitten im Wort umbrochen. Die PDF-Dateien wurden trotzdem geschrieben; vor der "
            "Endfassung bitte die Silbentrennung installieren und neu bauen."
        )
    places = [f"gesucht in {place}" for place in hyphenation_places(program)]
    return HyphenationMissing(message, [*places, _hyphenation_advice()])


def _hyphenation_advice() -> str:
    """How to give LibreOffice the German hyphenation patterns on this platform."""
    if _windows() or sys.platform == "darwin":
        return (
            "Abhilfe: LibreOffice von https://de.libreoffice.org erneut installieren (oder die Installation ändern) "
            "und dabei unter „Wörterbücher“ Deutsch auswählen; es bringt die Silbentrennung mit."
        )
    return "Abhilfe unter Debian und Ubuntu: sudo apt install hyphen-de (unter Fedora: sudo dnf install hyphen-de)."


def _shown(places: tuple[Place, ...]) -> list[Place]:
    """The places to name: a pattern only where no exact place in the same folder says the same."""
    exact = {place.folder for place in places if "*" not in place.pattern}
    return [place for place in places if "*" not in place.pattern or place.folder not in exact]


def _example() -> str:
    if _windows():
        program = "D:\\LibreOffice\\program\\soffice.exe"
        return (
            f"in der Eingabeaufforderung: set {ENVIRONMENT}={program} – in PowerShell: "
            f'$env:{ENVIRONMENT} = "{program}" – dauerhaft: setx {ENVIRONMENT} "{program}"'
        )
    if sys.platform == "darwin":
        return f'export {ENVIRONMENT}="$HOME/Programme/LibreOffice.app/Contents/MacOS/soffice"'
    return f"export {ENVIRONMENT}=/opt/libreoffice/program/soffice"


def _windows() -> bool:
    return sys.platform == "win32"


def _program_names() -> tuple[str, ...]:
    return ("soffice.exe",) if _windows() else ("soffice", "libreoffice")


def _runnable(path: Path) -> bool:
    try:
        return path.is_file() and (_windows() or os.access(path, os.X_OK))
    except OSError:
        return False


def _from_setting(setting: Path, names: tuple[str, ...]) -> str | None:
    """The program the setting names: the program itself, or the folder it or LibreOffice.app lies in."""
    setting = setting.expanduser()
    candidates = [setting]
    for name in names:
        candidates += [setting / name, setting / "program" / name, setting / "Contents" / "MacOS" / name]
    return next((str(path) for path in candidates if _runnable(path)), None)


def _on_path(path: str, names: tuple[str, ...]) -> str | None:
    for folder in path.split(os.pathsep):
        folder = folder.strip().strip('"')
        if not folder:
            continue
        for name in names:
            if _runnable(Path(folder) / name):
                return str(Path(folder) / name)
    return None


def _existing(places: tuple[Place, ...]) -> Iterator[str]:
    for place in places:
        for candidate in place.candidates():
            if _runnable(candidate):
                yield str(candidate)


def _version_key(path: Path) -> list[tuple[int, str]]:
    """`libreoffice24.2` after `libreoffice7.6`: numbers compared as numbers."""
    return [(int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", str(path))]
