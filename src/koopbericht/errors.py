"""Fatal problems: the one exception tree, each with the exit code the CLI uses.

Findings about the data (what `validate` reports) are not exceptions; they are
data and live with the checks. Exceptions here stop a command: the configuration
is broken, the user asked for something impossible, the data has errors that stop
it, an input cannot be read, or an output cannot be written.
Every message is German because it is shown to the user as it is.

    KoopberichtError            exit code per class, message shown as it is
    ├── UsageError (2)          ProjectNotFoundError, LibreOfficeMissing, HyphenationMissing
    ├── ConfigError (2)
    ├── DataHasErrors (1)       BuildRefused, DraftRefused, YearHasErrors
    ├── InputUnreadableError (3)
    └── OutputError (5)
    UnreadableWorkbook          one Meldebogen cannot be read: never stops a command,
                                it becomes a finding about that file
    CannotAnnotate              `--annotate` cannot mark one workbook: reported for it,
                                the other copies are still written

Private exceptions used for control flow inside one module (`_Forbidden`) never leave it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .findings import Report

EXIT_OK = 0
EXIT_FINDINGS = 1  # errors in the data (or warnings with --strict)
EXIT_USAGE = 2
EXIT_UNREADABLE = 3  # no input could be read at all
EXIT_INTERNAL = 4  # a bug in koopbericht, never the user's data
EXIT_OUTPUT = 5
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: what `cat` gives when the reader of its output goes away


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


class LibreOfficeMissing(UsageError):
    """`--pdf` without a LibreOffice to run; the details say where it was looked for and how to name it."""

    def __init__(self, message: str, details: list[str]) -> None:
        super().__init__(message)
        self._details = details

    def details(self) -> list[str]:
        """Where LibreOffice was looked for, and what to do."""
        return list(self._details)


class HyphenationMissing(UsageError):
    """LibreOffice lacks the German hyphenation patterns: `--endfassung --pdf` is refused, `--pdf` says so."""

    def __init__(self, message: str, details: list[str]) -> None:
        super().__init__(message)
        self._details = details

    def details(self) -> list[str]:
        """Where the patterns were looked for, and how to install them."""
        return list(self._details)


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


class DataHasErrors(KoopberichtError):
    """The data has errors, and the command does not go on without them being fixed or allowed."""

    exit_code = EXIT_FINDINGS


class BuildRefused(DataHasErrors):
    """The Meldebögen have errors and --trotz-fehlern was not given."""

    def __init__(self, report: Report) -> None:
        from .findings import Severity

        super().__init__(
            f"Die Meldebögen enthalten {report.count(Severity.ERROR)} Fehler; die Vorlage wurde nicht erstellt. "
            "Beheben Sie die Fehler (siehe oben) oder erstellen Sie die Vorlage mit --trotz-fehlern ohne die "
            "fehlerhaften Zeilen."
        )
        self.report = report  # the findings, for the CLI to show


class DraftRefused(DataHasErrors):
    """`--endfassung` was asked for, but the year is not complete."""

    def __init__(self, year: int, reasons: tuple[str, ...]) -> None:
        super().__init__(
            f"Die Vorlage {year} ist noch nicht vollständig; eine Endfassung wurde nicht erstellt und nichts "
            f"geschrieben. Ohne --endfassung entsteht ein als Entwurf gekennzeichnetes Dokument. Offen ist:"
        )
        self.reasons = reasons

    def details(self) -> list[str]:
        """The reasons, one line each."""
        return list(self.reasons)


class YearHasErrors(DataHasErrors):
    """A year to compare has errors and --trotz-fehlern was not given."""

    def __init__(self, year: int, errors: int) -> None:
        super().__init__(
            f"Die Meldebögen {year} enthalten {errors} Fehler („koopbericht validate {year}“ zeigt sie). "
            "Mit --trotz-fehlern wird ohne die fehlerhaften Zeilen verglichen."
        )


class UnreadableWorkbook(Exception):
    """A Meldebogen is not a readable xlsx; `kind` selects the finding, `message` says why (German).

    Not a `KoopberichtError`: it never stops a command. The pipeline turns it into a
    finding about that one file and goes on with the others.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class CannotAnnotate(Exception):
    """openpyxl cannot open a workbook for writing as it was read; `message` says why (German).

    Not a `KoopberichtError`: `validate --annotate` reports it for that one file and goes on.
    """
