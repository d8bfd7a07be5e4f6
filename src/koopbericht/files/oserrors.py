"""Operating-system errors in German: why a file could not be read or written, by errno, with its path.

The system's own text (`strerror`: "Is a directory", "Operation not permitted") is English
on most machines and never shown. Windows reports a file open in another program (Excel,
Word) as EACCES with the Windows error 32 or 33 (`winerror`), and a folder opened as a
file as EACCES, not EISDIR; both are recognised, so the clerk reads the likely cause.
"""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path

# German reasons by errno name; names a platform lacks are skipped.
_REASONS = {
    "EACCES": "Zugriff verweigert",
    "EPERM": "Zugriff verweigert",
    "ENOSPC": "kein Speicherplatz mehr auf dem Datenträger",
    "EDQUOT": "der zugeteilte Speicherplatz (Quota) ist aufgebraucht",
    "EFBIG": "die Datei ist zu groß für den Datenträger",
    "EROFS": "der Datenträger ist schreibgeschützt",
    "ENOENT": "die Datei oder der Ordner ist nicht vorhanden",
    "EISDIR": "an dieser Stelle liegt ein Ordner, keine Datei",
    "ENOTDIR": "ein Teil des Pfads ist eine Datei, kein Ordner",
    "EEXIST": "an dieser Stelle gibt es schon eine Datei oder einen Ordner",
    "ENOTEMPTY": "der Ordner ist nicht leer",
    "ENAMETOOLONG": "der Dateiname oder Pfad ist zu lang",
    "EINVAL": "ungültiger Dateiname oder ungültiger Zugriff",
    "ELOOP": "zu viele Verknüpfungen im Pfad",
    "EBUSY": "die Datei ist gerade in Benutzung durch ein anderes Programm",
    "ETXTBSY": "die Datei ist gerade in Benutzung durch ein anderes Programm",
    "EAGAIN": "die Datei ist vorübergehend gesperrt",
    "EMFILE": "zu viele Dateien gleichzeitig geöffnet",
    "ENFILE": "zu viele Dateien gleichzeitig geöffnet",
    "EIO": "Ein-/Ausgabefehler des Datenträgers",
    "EXDEV": "Verschieben zwischen verschiedenen Laufwerken ist nicht möglich",
    "ETIMEDOUT": "Zeitüberschreitung – ist das Netzlaufwerk erreichbar?",
    "ESTALE": "die Verbindung zum Netzlaufwerk ist veraltet",
    "ENODEV": "das Laufwerk ist nicht verfügbar",
    "ENXIO": "das Laufwerk ist nicht verfügbar",
}
_REASON_BY_NUMBER = {getattr(errno, name): text for name, text in _REASONS.items() if hasattr(errno, name)}

# The sentence with the path as its subject, where one reads better than "path: reason".
_SENTENCES = {
    "ENOENT": "{path} gibt es nicht",
    "EACCES": "keine Berechtigung für {path}",
    "EPERM": "keine Berechtigung für {path}",
    "EISDIR": "{path} ist ein Ordner, keine Datei",
    "ENOTDIR": "ein Teil von {path} ist eine Datei, kein Ordner",
    "ENOSPC": "der Datenträger ist voll ({path})",
    "EDQUOT": "der zugeteilte Speicherplatz (Quota) ist aufgebraucht ({path})",
    "EROFS": "{path} liegt auf einem schreibgeschützten Datenträger",
    "ENAMETOOLONG": "der Pfad {path} ist zu lang (Windows erlaubt meist höchstens 260 Zeichen)",
    "EBUSY": "{path} wird von einem anderen Programm verwendet (unter Windows oft: in Excel oder Word geöffnet)",
    "ETXTBSY": "{path} wird von einem anderen Programm verwendet",
    "EEXIST": "{path} gibt es schon",
}
_SENTENCE_BY_NUMBER = {getattr(errno, name): text for name, text in _SENTENCES.items() if hasattr(errno, name)}

# Windows error codes Python reports as EACCES: the file is open (locked) in another program.
_WINDOWS_SHARING_VIOLATION = 32
_WINDOWS_LOCK_VIOLATION = 33
_IN_USE_REASON = "wird von einem anderen Programm verwendet (unter Windows oft: in Excel oder Word geöffnet)"
_IN_USE = "{path} " + _IN_USE_REASON


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, in German (never the system's English text)."""
    if _locked_on_windows(error):
        return f"die Datei {_IN_USE_REASON}"
    if error.errno == errno.EACCES and _is_folder(error.filename):
        return _REASON_BY_NUMBER[errno.EISDIR]  # Windows: a folder opened as a file
    if error.errno is None:
        return "unbekannter Betriebssystemfehler"
    return _REASON_BY_NUMBER.get(error.errno, f"Betriebssystemfehler Nr. {error.errno}")


def os_problem(error: OSError, path: Path | str | None = None) -> str:
    """What went wrong, in German, naming the path: "„2023“ ist ein Ordner, keine Datei".

    `path` is the file as the user knows it (relative to the working folder); without it the
    error's own file name is used. No full stop at the end, so that callers can go on.
    """
    shown = path if path is not None else error.filename
    if shown is None or shown == "":
        return os_reason(error)
    quoted = f"„{os.fspath(shown)}“"
    if _locked_on_windows(error):
        return _IN_USE.format(path=quoted)
    if error.errno in (errno.EACCES, errno.EISDIR) and _is_folder(error.filename or shown):
        return _SENTENCE_BY_NUMBER[errno.EISDIR].format(path=quoted)  # Windows: a folder opened as a file
    sentence = _SENTENCE_BY_NUMBER.get(error.errno or -1)
    if sentence is None:
        return f"{quoted}: {os_reason(error)}"
    return sentence.format(path=quoted)


def _locked_on_windows(error: OSError) -> bool:
    return getattr(error, "winerror", None) in (_WINDOWS_SHARING_VIOLATION, _WINDOWS_LOCK_VIOLATION)


def _is_folder(path: object) -> bool:
    if not isinstance(path, str | Path):
        return False
    with suppress(OSError, ValueError):
        return Path(path).is_dir()
    return False
