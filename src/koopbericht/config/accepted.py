"""JAHR/akzeptiert.toml: the findings the clerk accepted, like a linter's baseline.

Each `[[befund]]` names a finding by code, file, sheet and cell, with the value (and the
suggestion) it was about, the Vorhaben of its row (Nr. and title) and the clerk's reason. An
accepted finding keeps no build an Entwurf; once the cell holds another value or the row another
Vorhaben, the entry no longer matches and is passed over
(`year.accepted`). Entries are appended as text, so the file's comments and order stay.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from .toml.reader import TomlDocument

ACCEPTED_FILE = "akzeptiert.toml"

HEADER = """\
# Angenommene Befunde des Berichtsjahres {year}
#
# Jeder Abschnitt [[befund]] hält fest, dass ein Befund von „koopbericht validate“ geprüft
# wurde und der Wert so richtig ist. Ein angenommener Befund hält die Endfassung nicht auf;
# „koopbericht validate“ zeigt ihn als „angenommen“ und zählt ihn getrennt.
#
# „nr“ und „vorhaben“ nennen das Vorhaben der Zeile (Nr. und Titel). Steht in der Zelle später
# ein anderer Wert oder in der Zeile ein anderes Vorhaben (eine andere Nr.; bei einer Zeile ohne
# Nr. ein anderer Titel), gilt die Annahme nicht mehr: der Eintrag wird übergangen (mit einem
# Hinweis), und der Befund ist wieder offen.
#
# Einträge schreibt „koopbericht akzeptieren“; Sie können sie hier auch ändern oder löschen.
"""


@dataclass(frozen=True)
class Acceptance:
    """One accepted finding: where it is, what it was about, and why the clerk accepted it."""

    code: str
    file: str  # relative to the working folder, as `validate` shows it
    cell: str
    value: str
    reason: str
    sheet: str | None = None
    suggestion: str | None = None  # the finding's suggestion when it was accepted
    day: dt.date | None = None
    line: int | None = None
    # The Vorhaben of the finding's row: its Nr. ("" for a row without one) and title. An entry
    # written before entries named it has no Nr. (None) and holds no more.
    nr: str | None = None
    vorhaben: str | None = None  # where the entry starts in akzeptiert.toml

    @property
    def place(self) -> str:
        """The finding's place as a sentence part: "2023/meldungen/GB4.xlsx, Zelle E7"."""
        sheet = f", Blatt „{self.sheet}“" if self.sheet else ""
        return f"{self.file}{sheet}, Zelle {self.cell}"


def read_acceptances(path: Path) -> list[Acceptance]:
    """The entries of `path`; none when there is no such file. Mistakes are a ConfigError with line and key."""
    if not path.is_file():
        return []
    doc = TomlDocument(path)
    top = doc.root()
    entries = []
    for table in top.tables("befund"):
        texts = {key: (table.text(key, "", required=True) or "").strip() for key in ("code", "datei", "zelle", "grund")}
        entries.append(
            Acceptance(
                texts["code"],
                texts["datei"],
                texts["zelle"].replace("$", "").upper(),
                table.text("wert", "") or "",  # as the finding shows it, compared as text
                texts["grund"],
                (table.text("blatt") or "").strip() or None,
                table.text("vorschlag"),
                table.date("angenommen"),
                doc.line_of(table.path),
                _stripped(table.text("nr")),
                _stripped(table.text("vorhaben")),
            )
        )
        table.finish()
    top.finish()
    doc.raise_if_problems()
    return entries


def with_acceptance(text: str | None, entry: Acceptance, year: int) -> str:
    """The text of akzeptiert.toml (`text`, or a new file for `year`) with `entry` appended, in `text`'s line ends."""
    fields: dict[str, object] = {"code": entry.code, "datei": entry.file}
    if entry.sheet:
        fields["blatt"] = entry.sheet
    fields |= {"zelle": entry.cell, "wert": entry.value, "nr": entry.nr or ""}
    if entry.vorhaben:
        fields["vorhaben"] = entry.vorhaben
    if entry.suggestion:
        fields["vorschlag"] = entry.suggestion
    fields["grund"] = entry.reason
    if entry.day:
        fields["angenommen"] = entry.day
    block = "[[befund]]\n" + tomli_w.dumps(fields)
    if text is None:
        return HEADER.format(year=year) + "\n" + block
    end = "\r\n" if "\r\n" in text else "\n"  # a file saved on Windows keeps its CRLF line ends
    return text.rstrip("\r\n") + end * 2 + block.replace("\n", end)


def _stripped(text: str | None) -> str | None:
    return None if text is None else text.strip()
