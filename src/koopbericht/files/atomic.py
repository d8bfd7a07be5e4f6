"""Writing files safely: to a temporary file beside the target, then moved into place.

A crash or a full disk midway leaves the previous file intact, and a half-written
file never carries the final name. Every failure to write becomes an `OutputError`
that names the file and says in German why it could not be written.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from contextlib import suppress
from pathlib import Path

from ..errors import OutputError
from .oserrors import os_reason

# os_reason lived here before oserrors.py; it is still imported from here.
__all__ = ["os_reason", "write_all_atomic", "write_bytes_atomic", "write_text_atomic"]

# A file is probably open elsewhere (Windows locks files open in Word or Excel) or protected.
_LOCKED = {errno.EACCES, errno.EPERM, errno.EBUSY, getattr(errno, "ETXTBSY", errno.EBUSY)}
# fsync is not supported by this file system (some network and FUSE mounts): the data is written anyway.
_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, getattr(errno, "EOPNOTSUPP", errno.ENOTSUP)}


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (same folder, then `os.replace`)."""
    write_all_atomic({path: data})


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text with Unix line ends to `path` atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_all_atomic(files: dict[Path, bytes]) -> None:
    """Write several files so that either all are replaced or none is.

    Each is first written completely to a temporary file beside its target; only when
    all are written are they moved into place, one `os.replace` each. If a move fails
    (on Windows a file open in Word or Excel cannot be replaced), the files already
    moved get their previous content back. Raises `OutputError` naming the file that
    could not be written.
    """
    temporaries: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            try:
                temporaries[path] = _write_temporary(path, data)
            except OSError as error:
                raise OutputError(_message(path, error, replacing=False, unchanged=_unchanged(files))) from error
        previous = {path: _content(path) for path in files} if len(files) > 1 else {}
        replaced: list[Path] = []
        for path, temporary in list(temporaries.items()):
            try:
                os.replace(temporary, path)
            except OSError as error:
                not_restored = _restore(previous, replaced)
                raise OutputError(
                    _message(path, error, replacing=True, unchanged=_unchanged(files, not_restored))
                ) from error
            del temporaries[path]
            replaced.append(path)
        for folder in dict.fromkeys(path.parent for path in files):
            _fsync_folder(folder)
    finally:
        for temporary in temporaries.values():
            _remove(temporary)


def _write_temporary(path: Path, data: bytes) -> Path:
    """Write `data` completely to a new temporary file beside `path`; return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:  # closes the descriptor whatever follows
            # mkstemp makes the file readable only by its owner; outputs get the usual permissions.
            os.chmod(temporary, 0o666 & ~_umask())
            stream.write(data)
            stream.flush()
            _fsync(stream.fileno())
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _fsync(descriptor: int) -> None:
    """Push a file's data to the disk; a file system that cannot do that is not an error."""
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in _FSYNC_UNSUPPORTED:
            raise


def _fsync_folder(folder: Path) -> None:
    """Make the new names in `folder` durable (POSIX); a no-op where folders cannot be opened.

    Windows has no `os.O_DIRECTORY` and refuses to open a folder as a file; its file system
    records the rename itself. The files are in place either way, so no failure here is an error.
    """
    if sys.platform == "win32" or not hasattr(os, "O_DIRECTORY"):
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems (network, FUSE) cannot sync a folder: the files are written anyway
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    with suppress(OSError):  # a leftover temporary must not hide the error that matters
        path.unlink(missing_ok=True)


class _Unreadable:
    """The previous content of a file that exists but could not be read: it cannot be put back."""


_UNREADABLE = _Unreadable()


def _content(path: Path) -> bytes | _Unreadable | None:
    """The current content of `path`, to put back if a later file cannot be replaced.

    None means there was no file (a new one is removed again); `_UNREADABLE` means there
    was one that could not be read, and the new file must then stay rather than be deleted.
    """
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return _UNREADABLE


def _restore(previous: dict[Path, bytes | _Unreadable | None], replaced: list[Path]) -> list[Path]:
    """Give the files already replaced their previous content back; return those that failed."""
    failed = []
    for path in reversed(replaced):
        content = previous.get(path, _UNREADABLE)
        if isinstance(content, _Unreadable):
            failed.append(path)  # the new content stays: better than no file at all
            continue
        try:
            if content is None:
                path.unlink()
            else:
                temporary = _write_temporary(path, content)
                try:
                    os.replace(temporary, path)
                finally:
                    _remove(temporary)
        except OSError:
            failed.append(path)
    return failed


def _unchanged(files: dict[Path, bytes], not_restored: list[Path] | None = None) -> str:
    """The sentence that says what state the targets are in after a failure."""
    if not_restored:
        names = ", ".join(str(p) for p in reversed(not_restored))
        verb = "wurde" if len(not_restored) == 1 else "wurden"
        return f"Achtung: {names} {verb} bereits neu geschrieben; die übrigen Dateien sind unverändert."
    existed = [path for path in files if path.is_file()]
    if not existed:
        return "Es wurde nichts geschrieben."
    return "Die bisherige Datei ist unverändert." if len(files) == 1 else "Die bisherigen Ausgaben sind unverändert."


def _message(path: Path, error: OSError, *, replacing: bool, unchanged: str) -> str:
    """The German message for `path` that could not be written because of `error`."""
    blocking = _file_in_the_way(path)
    if blocking is not None:
        reason = f"{blocking} ist eine Datei, kein Ordner."
    elif error.errno in _LOCKED and replacing:
        reason = (
            f"{os_reason(error)} – vermutlich ist sie in Word oder Excel geöffnet, oder der Ordner ist "
            "schreibgeschützt. Bitte schließen und erneut versuchen."
        )
    elif error.errno in _LOCKED:
        reason = f"{os_reason(error)} – der Ordner ist schreibgeschützt, oder Ihnen fehlt dort das Schreibrecht."
    else:
        reason = f"{os_reason(error)}."
    return f"Die Datei {path} konnte nicht geschrieben werden: {reason} {unchanged}"


def _file_in_the_way(path: Path) -> Path | None:
    """The outermost folder of `path` that exists but is a file, if any."""
    for parent in reversed(path.parents):
        with suppress(OSError):
            if parent.exists() and not parent.is_dir():
                return parent
    return None
