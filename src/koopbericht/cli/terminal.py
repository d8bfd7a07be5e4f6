"""The terminal koopbericht writes to: encodings that cannot show every character, readers that go away.

A clerk's `koopbericht validate > befunde.txt` on Windows writes cp1252, and
`koopbericht validate | head` closes the pipe early; neither may end in a traceback.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from contextlib import suppress
from typing import NoReturn, TextIO

from ..errors import EXIT_CLOSED_PIPE


def is_devnull(stream: TextIO | None) -> bool:
    """Whether `stream` writes to os.devnull."""
    try:
        return stream is not None and os.path.samestat(os.fstat(stream.fileno()), os.stat(os.devnull))
    except (OSError, ValueError):
        return False


def end_for_closed_pipe() -> NoReturn:
    """The reader of stdout went away (`koopbericht validate | head`): end quietly, as `cat` does."""
    original = sys.__stdout__
    if original is not None:
        with suppress(OSError, ValueError):
            # Whatever is still buffered goes nowhere instead of failing again at shutdown.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, original.fileno())
            os.close(devnull)
    sys.exit(EXIT_CLOSED_PIPE)


# Replacements for characters a terminal's encoding cannot show (cp850, cp1252, ASCII).
_PLAIN = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
    "ß": "ss",
    "ẞ": "SS",
    "„": '"',
    "“": '"',
    "”": '"',
    "»": '"',
    "«": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "›": "'",
    "‹": "'",
    "–": "-",
    "—": "-",
    "‑": "-",
    "−": "-",
    "…": "...",
    "•": "*",
    "·": "*",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "→": "->",
    "←": "<-",
    "€": "EUR",
    "§": "Par.",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}
_ERROR_HANDLER = "koopbericht-plain"
# Python's own defaults for stdout and stderr; a handler the user chose (PYTHONIOENCODING=…:replace) is kept.
_DEFAULT_ERRORS = {"strict", "surrogateescape", "backslashreplace"}


def tolerate_unencodable_output() -> None:
    """Let stdout and stderr write what their encoding cannot show as plain ASCII or "?", never crash.

    rich's consoles and typer.echo look up `sys.stdout`/`sys.stderr` when they write, so
    reconfiguring the streams here covers every command's output.
    """
    codecs.register_error(_ERROR_HANDLER, _plain)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors in _DEFAULT_ERRORS:
            stream.reconfigure(errors=_ERROR_HANDLER)


def _plain(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: common German typography as ASCII, letters without accents, else "?"."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    replaced = []
    for char in error.object[error.start : error.end]:
        plain = _PLAIN.get(char)
        if plain is None:  # é → e: the letter without its combining marks
            plain = unicodedata.normalize("NFD", char).encode("ascii", "ignore").decode("ascii") or "?"
        replaced.append(plain)
    return "".join(replaced), error.end


def write_stdout_bytes(data: bytes) -> None:
    """Write `data` to stdout as it is, past the text layer's encoding (a CSV stays UTF-8 on a cp1252 console)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream without bytes underneath: text is all it takes
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()
