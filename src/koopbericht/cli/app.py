"""The typer application, its top-level options (--version), and the entry point."""

from __future__ import annotations

import gc
import sys
from typing import Annotated

import typer

from . import german
from .accept_cmd import accept
from .alias_cmd import alias
from .build_cmd import build
from .compare_cmd import compare
from .info_cmd import environment_lines, info
from .init_cmd import init
from .intake_cmd import eingang
from .reminders_cmd import erinnerung
from .status_cmd import status
from .template_cmd import template
from .terminal import end_for_closed_pipe, is_devnull, tolerate_unencodable_output
from .validate_cmd import validate
from .year_cmd import year

german.install()

app = typer.Typer(
    name="koopbericht",
    help="Erstellt den jährlichen Kooperationsbericht der interkommunalen Zusammenarbeit "
    "aus den Meldebögen der Geschäftsbereiche: prüfen, zusammenstellen, vergleichen.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion: bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's help formatter costs ~70 ms of imports per start
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        for line in environment_lines():
            typer.echo(line)
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Version, Python, LibreOffice und Silbentrennung anzeigen und beenden.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Erstellt den jährlichen Kooperationsbericht aus den Meldebögen der Geschäftsbereiche."""


app.command(name="init")(init)
app.command(name="info")(info)
app.command(name="validate")(validate)
app.command(name="status")(status)
app.command(name="build")(build)
app.command(name="compare")(compare)
app.command(name="template")(template)
app.command(name="erinnerung")(erinnerung)
app.command(name="eingang")(eingang)
app.command(name="jahr")(year)
app.command(name="akzeptieren")(accept)
app.command(name="alias")(alias)


def main() -> None:
    """Entry point of the console script."""
    # A run builds hundreds of thousands of small acyclic objects (cells, readings, findings) and
    # keeps them to the end; the cycle collector's default of a pass per 700 allocations spends
    # about a sixth of a large build re-scanning them. Rarer passes, after the imports are frozen
    # out of its view, keep memory the same (nothing here makes cycles in bulk) at far less cost.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    tolerate_unencodable_output()
    stdout = sys.stdout
    was_devnull = is_devnull(stdout)
    code: str | int | None = None
    try:
        app()
    except SystemExit as end:
        code = end.code
    except BrokenPipeError:
        end_for_closed_pipe()
    # rich and typer catch a BrokenPipeError on stdout themselves and exit with code 1: rich after
    # pointing stdout's descriptor at os.devnull, typer after replacing sys.stdout by a wrapper.
    if sys.stdout is not stdout or (not was_devnull and is_devnull(stdout)):
        end_for_closed_pipe()
    try:
        if sys.stdout is not None:  # None under pythonw
            sys.stdout.flush()  # now rather than at shutdown, where a closed pipe prints "Exception ignored …"
    except BrokenPipeError:
        end_for_closed_pipe()
    sys.exit(code)
