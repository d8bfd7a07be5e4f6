"""The typer application and its top-level options (--version)."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from . import german
from .build_cmd import build
from .compare_cmd import compare
from .info_cmd import info
from .init_cmd import init
from .status_cmd import status
from .template_cmd import template
from .validate_cmd import validate

german.install()

app = typer.Typer(
    name="koopbericht",
    help="Erstellt den jährlichen Kooperationsbericht der interkommunalen Zusammenarbeit "
    "aus den Meldebögen der Geschäftsbereiche: prüfen, zusammenstellen, vergleichen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's help formatter costs ~70 ms of imports per start
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"koopbericht {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", help="Version anzeigen und beenden.", callback=_show_version, is_eager=True),
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


def main() -> None:
    """Entry point of the console script."""
    app()
