"""German wording for the parts of the help and error screens that typer writes itself.

The app uses typer's plain (click) help formatting: rich's help formatter would add
about 70 ms of imports to every start, and `koopbericht --help` must answer fast.
typer and the click it vendors print English section titles, "Usage:" and usage
errors; this module swaps those strings once, before the app runs. It touches only
wording, never behaviour, and is kept in one place so that a typer upgrade that moves
a string breaks one module (and the test that checks the German help).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import IO, Any

_WORDS = {
    "Arguments": "Argumente",
    "Options": "Optionen",
    "Commands": "Befehle",
    "default: {default}": "Standard: {default}",
    "[default: {}]": "[Standard: {}]",
    "required": "Pflicht",
    "[required]": "[Pflicht]",
    "env var: {var}": "Umgebungsvariable: {var}",
    "(deprecated) ": "(veraltet) ",
    "(dynamic)": "(dynamisch)",
    "Aborted!": "Abgebrochen.",
    "Missing command.": "Es fehlt ein Befehl.",
    "No such command {name!r}.": "Unbekannter Befehl „{name}“.",
}

# Usage errors raised by click, translated by pattern.
_ERROR_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing argument '(.+)'\.$"), r"Das Argument \1 fehlt."),
    (re.compile(r"^Missing option '(.+)'\.$"), r"Die Option \1 fehlt."),
    (re.compile(r"^No such option: (\S+)(?: \(Possible options: (.+)\))?$"), r"Unbekannte Option \1."),
    (re.compile(r"^No such command '(.+)'\.$"), r"Unbekannter Befehl „\1“."),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), r"Überzähliges Argument: \1"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), r"Die Option \1 braucht einen Wert."),
    (re.compile(r"^Option '(.+)' requires (\d+) arguments\.$"), r"Die Option \1 braucht \2 Werte."),
    (re.compile(r"^Missing command\.$"), r"Es fehlt ein Befehl."),
    (re.compile(r"^Invalid value for (.+?): (.+)$", re.S), r"Ungültiger Wert für \1: \2"),
    (re.compile(r"^Invalid value: (.+)$", re.S), r"Ungültiger Wert: \1"),
]
_VALUE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Input should be a valid integer.*$"), "Erwartet wird eine ganze Zahl."),
    (re.compile(r"Input should be a valid number.*$"), "Erwartet wird eine Zahl."),
    (re.compile(r"Value error, "), ""),
    (re.compile(r"'([^']*)' is not a valid integer( range)?\.?"), r"„\1“ ist keine ganze Zahl."),
    (re.compile(r"'([^']*)' is not one of (.+)\.$"), r"„\1“ ist keiner der Werte \2."),
    (re.compile(r"Path '([^']*)' does not exist\."), r"Der Pfad „\1“ existiert nicht."),
]
_SUGGESTION = re.compile(r"Did you mean ((?:'[^']+'(?:, )?)+)\?")
# Type placeholders typer shows after a parameter ("<int>"); a clerk reads the German word.
_TYPE_WORDS = {"int": "ZAHL", "float": "ZAHL", "str": "TEXT", "text": "TEXT", "path": "PFAD", "file": "DATEI",
               "directory": "ORDNER", "datetime": "DATUM", "bool": "JA|NEIN"}  # fmt: skip


def _suggested(match: re.Match[str]) -> str:
    names = re.findall(r"'([^']+)'", match.group(1))
    return "Meinten Sie " + " oder ".join(f"„{name}“" for name in names) + "?"


def type_label(label: str | None) -> str | None:
    """The German for typer's "<int>" ("ZAHL"); choices "<text|json>" as "text|json"; never angle brackets."""
    if not label:
        return label
    inner = label.strip("<>")
    if inner.startswith("list[") and inner.endswith("]"):
        inner = inner[5:-1]
    if "|" in inner:
        return inner  # the choices themselves are the clearest help
    return _TYPE_WORDS.get(inner, inner.upper())


def translate(message: str) -> str:
    """The German form of one of typer's own strings (unchanged if unknown)."""
    return _WORDS.get(message, message)


def translate_error(message: str) -> str:
    """The German form of a click usage-error message (unchanged if unknown)."""
    message = _SUGGESTION.sub(_suggested, message)
    for pattern, replacement in _VALUE_PATTERNS:
        message = pattern.sub(replacement, message)
    for pattern, replacement in _ERROR_PATTERNS:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def install() -> None:
    """Apply the German wording to typer's help and error output (idempotent)."""
    import typer.core
    from typer._click import core, exceptions, formatting

    if getattr(typer.core, "_koopbericht_german", False):
        return
    typer.core._koopbericht_german = True  # type: ignore[attr-defined]
    typer.core._ = translate  # type: ignore[attr-defined]

    original_write_usage: Callable[..., None] = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[OPTIONEN]").replace("COMMAND [ARGS]...", "BEFEHL [ARGUMENTE]...")
        original_write_usage(self, prog, args, "Aufruf: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

    original_get_help_option = core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_get_help_option(self, ctx)
        if option is not None:
            option.help = "Diese Hilfe anzeigen und beenden."
        return option

    core.Command.get_help_option = get_help_option  # type: ignore[method-assign]

    def show(self: Any, file: IO[Any] | None = None) -> None:
        stream = file or sys.stderr
        ctx = getattr(self, "ctx", None)
        if ctx is not None:
            stream.write(ctx.get_usage() + "\n")
            if ctx.command.get_help_option(ctx) is not None:
                stream.write(f"Hilfe: '{ctx.command_path} {ctx.help_option_names[0]}'\n")
        stream.write(f"Fehler: {translate_error(self.format_message())}\n")

    exceptions.ClickException.show = show  # type: ignore[method-assign]
    exceptions.UsageError.show = show  # type: ignore[method-assign]
    _german_type_labels()
    _german_completion_options()


def _german_type_labels() -> None:
    """No "<int>" or "<list[str]>" in the help: an argument's name (JAHR, DATEI) says it, an option shows a word."""
    import typer.core

    typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    original = typer.core.TyperOption.display_type

    def display_type(self: Any, ctx: Any) -> str:
        return type_label(original(self, ctx)) or ""

    typer.core.TyperOption.display_type = display_type  # type: ignore[method-assign]


def _german_completion_options() -> None:
    """The options `--install-completion` and `--show-completion` that typer adds, explained in German."""
    import typer.main

    original = typer.main.get_install_completion_arguments

    def arguments() -> tuple[Any, Any]:
        install: Any
        show: Any
        install, show = original()
        install.help = "Die Vervollständigung für die aktuelle Shell einrichten (bash, zsh, fish, PowerShell)."
        show.help = "Das Vervollständigungsskript für die aktuelle Shell anzeigen, zum Kopieren oder Anpassen."
        install.metavar = show.metavar = None
        return install, show

    typer.main.get_install_completion_arguments = arguments
