"""Writing files safely: to a temporary file beside the target, then moved into place.

A crash or a full disk midway leaves the previous file intact, and a half-written
file never carries the final name.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
    all are written are they moved into place, one `os.replace` each.
    """
    temporaries: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temporaries.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:  # closes the descriptor whatever follows
                # mkstemp makes the file readable only by its owner; outputs get the usual permissions.
                os.chmod(temporary, 0o666 & ~_umask())
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException:
        for temporary, _ in temporaries:
            Path(temporary).unlink(missing_ok=True)
        raise
    for temporary, path in temporaries:
        os.replace(temporary, path)
