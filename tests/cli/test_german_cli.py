"""Every help screen and the error paths a clerk runs into speak German, without type placeholders.

The commands are taken from the app itself, so a new command is checked without touching
this test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht.cli import app

from ..conftest import run

ENGLISH = (
    "Usage", "Options", "Arguments", "Commands", "Error:", "Did you mean", "Missing", "Invalid", "required]",
    "default:", "Show this message", "Is a directory", "Operation not permitted", "No such", "Traceback (most recent",
    "not a valid", "does not exist", "Got unexpected", "Aborted", "Permission denied", "Install completion",
    "Show completion",
)  # fmt: skip
PLACEHOLDER = re.compile(r"<[a-z][^<>]*>")


def _commands() -> list[str]:
    names = [command.name for command in app.registered_commands]
    assert all(names), "every command is registered with its German name"
    return [name for name in names if name]


def _german(output: str) -> None:
    english = [word for word in ENGLISH if word in output]
    assert not english, f"Englisch in der Ausgabe: {english}\n{output}"
    assert not PLACEHOLDER.search(output), f"Typ-Platzhalter in der Ausgabe: {PLACEHOLDER.findall(output)}\n{output}"


@pytest.mark.parametrize("command", [None, *_commands()])
def test_every_help_is_german_without_type_placeholders(runner: CliRunner, command: str | None) -> None:
    code, output = run(runner, *([command] if command else []), "--help")
    assert code == 0, output
    assert "Aufruf:" in output
    _german(output)


@pytest.mark.parametrize(
    "arguments",
    [
        ("biuld", "2023"),  # a typo in the command: the closest one is suggested
        ("build", "zweitausend"),  # not a year
        ("build",),  # the year is missing
        ("validate", "--gibtsnicht"),  # an unknown option
        ("compare", "2022"),  # the second year is missing
        ("build", "2023", "-C", "/gibt/es/nicht"),  # no working folder there
        ("validate", "2024", "2023"),  # two years where one is meant
    ],
)
def test_error_paths_are_german(runner: CliRunner, tmp_path: Path, arguments: tuple[str, ...]) -> None:
    code, output = run(runner, *arguments)
    assert code != 0, output
    _german(output)


def test_a_typo_in_a_command_gets_the_german_suggestion(runner: CliRunner) -> None:
    code, output = run(runner, "biuld", "2023")
    assert code == 2
    assert "Unbekannter Befehl „biuld“. Meinten Sie „build“?" in output


def test_shell_completion_is_offered_for_bash(runner: CliRunner) -> None:
    code, output = run(runner, "--show-completion", "bash")
    assert code == 0, output
    assert "_koopbericht_completion" in output and "complete " in output
