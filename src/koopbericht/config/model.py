"""The settings of a working folder as plain, immutable dataclasses.

Nothing here reads files; `config.load` builds these from `koopbericht.toml` and the
defaults in `config.defaults`. Every later stage receives a `Settings`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from .oparl import OparlOptions


class ColumnType(StrEnum):
    """How a Meldebogen column is read; the values are what `typ` accepts."""

    TEXT = "text"
    LIST = "liste"
    DATE = "datum"
    VOCABULARY = "vokabular"
    NUMBER = "zahl"


@lru_cache(maxsize=65536)
def match_key(text: str) -> str:
    """The form two labels are compared in: NFC, case-folded, spacing and `*`/`:` ignored.

    Used for column titles, vocabulary values and partner names, so "Status:",
    " status " and "STATUS" all mean the same column.
    """
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"\s*([/,;()-])\s*", r"\1", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(":*").strip()


@dataclass(frozen=True)
class Column:
    """One column of the Meldebogen."""

    key: str
    title: str
    type: ColumnType = ColumnType.TEXT
    aliases: tuple[str, ...] = ()
    required: bool = False
    public: bool = True
    vocabulary: str | None = None
    max_length: int | None = None
    width: int = 20
    help: str = ""

    def labels(self) -> tuple[str, ...]:
        """The title and every alias: all headers that count as this column."""
        return (self.title, *self.aliases)


@dataclass(frozen=True)
class Vocabulary:
    """The allowed values of a vocabulary column, with synonyms that normalise to them."""

    name: str
    values: tuple[str, ...]
    synonyms: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # One lookup table instead of comparing against every value on every call.
        index = {match_key(synonym): value for synonym, value in self.synonyms.items()}
        index.update({match_key(value): value for value in self.values})
        object.__setattr__(self, "_index", index)

    def normalise(self, text: str) -> str | None:
        """The allowed value `text` stands for, or None when it is not in the vocabulary."""
        index: dict[str, str] = self._index  # type: ignore[attr-defined]
        return index.get(match_key(text))


@dataclass(frozen=True)
class Partner:
    """An entry of the partner register."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None


# An e-mail address as a clerk types it; deliberately loose (the mail program is the judge).
EMAIL = re.compile(r"[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+")


@dataclass(frozen=True)
class Contact:
    """Someone to write to in a Geschäftsbereich: an e-mail address, with a name when known."""

    email: str
    name: str = ""

    def address(self) -> str:
        """The address as mail programs write it: `Jana Beispiel <j.beispiel@example.org>`, or the bare address."""
        return f"{self.name} <{self.email}>" if self.name else self.email


@dataclass(frozen=True)
class Department:
    """A Geschäftsbereich, the Meldebogen files that belong to it (globs), and whom to write to."""

    code: str
    name: str
    patterns: tuple[str, ...]
    contacts: tuple[Contact, ...] = ()
    # Large Geschäftsbereiche collect from several Fachbereiche: their files are merged when
    # koopbericht.toml says `mehrere_dateien = true`; otherwise a second file is an error.
    several_files: bool = False


# Not a Meldebogen column: the Anlage's "Laufzeit" shows Beginn and Ende in one cell
# ("03/2022 – 12/2024", "seit 2018"), which leaves the width to the texts that need it.
RUNNING_TIME = Column(
    "laufzeit",
    "Laufzeit",
    ColumnType.TEXT,
    width=19,
    help="Beginn und Ende in einer Spalte der Anlage, z. B. „03/2022 – 12/2024“ oder „seit 2018“.",
)


@dataclass(frozen=True)
class Authority:
    """The Körperschaft that publishes the report."""

    name: str
    short_name: str


@dataclass(frozen=True)
class OutputOptions:
    """File names (with `{jahr}`) and what the published documents show."""

    folder: str = "ausgabe"
    vorlage_file: str = "Kooperationsbericht-{jahr}.docx"
    annex_file: str = "Anlage-Uebersicht-{jahr}.xlsx"
    annex_document_file: str = "Anlage-1-Kooperationsvorhaben-{jahr}.docx"
    oparl_file: str = "vorlage-{jahr}.oparl.json"
    word_template: Path | None = None
    annex_columns: tuple[str, ...] = ()
    # The Anlage is its own file (docx, with --pdf also PDF), as councils upload it; this also
    # puts it into the Vorlage, after the list of Anlagen, in landscape.
    annex_in_vorlage: bool = False


@dataclass(frozen=True)
class Settings:
    """Everything `koopbericht.toml` says, with defaults filled in."""

    root: Path
    authority: Authority
    departments: tuple[Department, ...]
    columns: tuple[Column, ...]
    vocabularies: dict[str, Vocabulary]
    partners: tuple[Partner, ...]
    output: OutputOptions
    oparl: OparlOptions = field(default_factory=OparlOptions)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {column.key: column for column in self.columns})

    def column(self, key: str) -> Column:
        """The column with the internal key `key`."""
        by_key: dict[str, Column] = self._by_key  # type: ignore[attr-defined]
        return by_key[key]

    def annex_column(self, key: str) -> Column:
        """A column the Anlage can show: a Meldebogen column, or the derived "Laufzeit"."""
        by_key: dict[str, Column] = self._by_key  # type: ignore[attr-defined]
        return by_key.get(key) or RUNNING_TIME

    def public_columns(self) -> tuple[Column, ...]:
        """The columns that may appear in anything published."""
        return tuple(c for c in self.columns if c.public)

    def department(self, code: str) -> Department | None:
        """The Geschäftsbereich with Kürzel `code` (case-insensitive), if configured."""
        for department in self.departments:
            if department.code.casefold() == code.casefold():
                return department
        return None
