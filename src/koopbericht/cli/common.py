"""Options shared by every command, and the one way every command handles failure."""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_INTERNAL, EXIT_UNREADABLE, EXIT_USAGE, KoopberichtError
from ..files.oserrors import os_problem

if TYPE_CHECKING:
    pass

ProjectOption = Annotated[
    Path | None,
    typer.Option(
        "-C",
        "--projekt",
        help="Arbeitsordner (mit koopbericht.toml). Ohne Angabe wird er vom aktuellen Ordner aufwärts gesucht.",
        metavar="PFAD",
        show_default=False,
    ),
]
DebugOption = Annotated[
    bool,
    typer.Option("--debug", help="Bei Fehlern den vollständigen Python-Traceback zeigen.", hidden=False),
]


@contextmanager
def handled(debug: bool = False) -> Iterator[None]:
    """Turn library errors into a German message and exit code; no traceback unless --debug."""
    from . import console

    debug = debug or bool(os.environ.get("KOOPBERICHT_DEBUG"))
    try:
        yield
    except KoopberichtError as error:
        if debug:
            raise
        console.error(error.message, error.details())
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        console.error("Abgebrochen.")
        raise typer.Exit(EXIT_USAGE) from None
    except (typer.Exit, typer.Abort):
        raise
    except BrokenPipeError:
        raise  # stdout's reader went away (`| head`): no error of ours; main() ends quietly with 141
    except OSError as error:  # a file or folder no use case expected to fail: German, not the system's text
        if debug:
            raise
        problem = os_problem(error)
        console.error(f"{problem[:1].upper()}{problem[1:]}. Mit --debug sind Einzelheiten zu sehen.")
        raise typer.Exit(EXIT_UNREADABLE) from None
    except Exception as error:
        if debug:
            raise
        console.error(
            f"Interner Fehler ({type(error).__name__}: {error}). Das ist ein Fehler in koopbericht, "
            "nicht in Ihren Daten. Bitte mit --debug wiederholen und die Ausgabe melden."
        )
        raise typer.Exit(EXIT_INTERNAL) from None


def stdout_json(data: object) -> str:
    """`data` as JSON for stdout, lossless whatever its encoding.

    A stdout that is not UTF-8 (cp1252, cp850 on Windows) cannot show every character, and
    the terminal's error handler would rewrite what it cannot show ("→" becomes "->").
    There, everything outside ASCII is written as a JSON Unicode escape, which every reader
    turns back into the exact text.
    """
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        lossless = codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        lossless = False
    return json.dumps(data, ensure_ascii=not lossless, indent=2)
