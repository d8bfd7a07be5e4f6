"""Fatal problems: a small exception tree, each with the exit code the CLI uses.

Findings about the data (what `validate` reports) are not exceptions; they are
data and live with the checks. Exceptions here stop a command: the configuration
is broken, the user asked for something impossible, an input cannot be read, or an
output cannot be written.
Every message is German because it is shown to the user as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_OUTPUT = 5


class KoopberichtError(Exception):
    """Base of every error the CLI turns into a one-line German message."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def details(self) -> list[str]:
        """Further lines shown below the message (one per problem)."""
        return []


class UsageError(KoopberichtError):
    """The command was called in a way that cannot work (exit code 2)."""


class ProjectNotFoundError(UsageError):
    """No koopbericht.toml in the given folder or any folder above it."""


class InputUnreadableError(KoopberichtError):
    """An input file exists but cannot be read at all (exit code 3)."""

    exit_code = EXIT_UNREADABLE


class OutputError(KoopberichtError):
    """An output file could not be written (exit code 5); the message names it and says why."""

    exit_code = EXIT_OUTPUT


@dataclass(frozen=True)
class ConfigProblem:
    """One mistake in a settings file, located by key path and line."""

    file: Path
    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}"
        if self.line is not None:
            where += f", Zeile {self.line}"
        if self.key:
            where += f", Schlüssel „{self.key}“"
        return f"{where}: {self.message}"


class ConfigError(KoopberichtError):
    """A settings file (koopbericht.toml, vorlage.toml) has one or more mistakes."""

    exit_code = EXIT_USAGE

    def __init__(self, problems: list[ConfigProblem]) -> None:
        files = sorted({str(p.file) for p in problems})
        super().__init__(f"{len(problems)} Fehler in {', '.join(files)} – es wurde nichts geschrieben.")
        self.problems = problems

    def details(self) -> list[str]:
        """One line per problem, with file, line and key."""
        return [str(p) for p in self.problems]
