"""German wording for the parts of the help and error screens that typer writes itself.

typer (and the click it vendors) prints English panel titles, "Usage:" and usage
errors. Our users are German administrative staff, so this module swaps those
strings once, before the app runs. It touches only wording, never behaviour, and is
kept in one place so that a typer upgrade that moves a string breaks one module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_PANEL_TITLES = {
    "ARGUMENTS_PANEL_TITLE": "Argumente",
    "OPTIONS_PANEL_TITLE": "Optionen",
    "COMMANDS_PANEL_TITLE": "Befehle",
    "ERRORS_PANEL_TITLE": "Fehler",
    "ABORTED_TEXT": "Abgebrochen.",
    "DEFAULT_STRING": "[Standard: {}]",
    "REQUIRED_LONG_STRING": "[Pflicht]",
    "ENVVAR_STRING": "[Umgebungsvariable: {}]",
    "DEPRECATED_STRING": "(veraltet) ",
    "RICH_HELP": "Hilfe: [blue]'{command_path} {help_option}'[/]",
}

# Usage errors raised by click, translated by pattern (the text after the pattern is kept).
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
    (re.compile(r"'(.+?)' is not a valid integer( range)?\.?"), r"„\1“ ist keine ganze Zahl."),
    (re.compile(r"'(.+?)' is not one of (.+)\.$"), r"„\1“ ist keiner der Werte \2."),
    (re.compile(r"'(.+?)' is not (.+)\.$"), r"„\1“ ist nicht \2."),
    (re.compile(r"Path '(.+?)' does not exist\."), r"Der Pfad „\1“ existiert nicht."),
    (re.compile(r"(?:Directory|File) '(.+?)' is a (?:file|directory)\."), r"„\1“ hat die falsche Art."),
]


def translate_error(message: str) -> str:
    """The German form of a click usage-error message (unchanged if unknown)."""
    for pattern, replacement in _VALUE_PATTERNS:
        message = pattern.sub(replacement, message)
    for pattern, replacement in _ERROR_PATTERNS:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def install() -> None:
    """Apply the German wording to typer's help and error output (idempotent)."""
    from typer import rich_utils
    from typer._click import core, formatting

    if getattr(rich_utils, "_koopbericht_german", False):
        return
    rich_utils._koopbericht_german = True  # type: ignore[attr-defined]
    for name, text in _PANEL_TITLES.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)

    original_write_usage: Callable[..., None] = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[OPTIONEN]").replace("COMMAND [ARGS]...", "BEFEHL [ARGUMENTE]...")
        original_write_usage(self, prog, args, "Aufruf: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    rich_utils.OptionHighlighter.highlights = [
        *rich_utils.OptionHighlighter.highlights,
        r"(?P<usage>Aufruf: )",
    ]

    original_get_help_option = core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_get_help_option(self, ctx)
        if option is not None:
            option.help = "Diese Hilfe anzeigen und beenden."
        return option

    core.Command.get_help_option = get_help_option  # type: ignore[method-assign]

    original_format_error = rich_utils.rich_format_error

    def rich_format_error(error: Any) -> None:
        original = error.format_message

        def german_message() -> str:
            return translate_error(original())

        error.format_message = german_message
        original_format_error(error)

    rich_utils.rich_format_error = rich_format_error  # type: ignore[assignment]
