"""`[ausgabe]` in koopbericht.toml: file names, the Word template, and what the Anlage shows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..files.paths import leads_out
from .defaults import DEFAULT_ANNEX_COLUMNS, DEFAULT_OUTPUT
from .model import RUNNING_TIME, Column, OutputOptions, match_key
from .toml.reader import TableReader

_SUFFIXES = {"vorlage_file": ".docx", "annex_document_file": ".docx", "annex_file": ".xlsx", "oparl_file": ".json"}
_FILE_KEYS = (
    ("ordner", "folder"),
    ("vorlage_datei", "vorlage_file"),
    ("anlage_datei", "annex_file"),
    ("anlage_dokument_datei", "annex_document_file"),
    ("oparl_datei", "oparl_file"),
)


def load_output(top: TableReader, columns: tuple[Column, ...], root: Path) -> OutputOptions:
    """Read `[ausgabe]`; every key optional."""
    table = top.table("ausgabe")
    if table is None:
        return dataclasses.replace(DEFAULT_OUTPUT, annex_columns=_default_annex_columns(columns))
    options: dict[str, object] = {"annex_columns": _default_annex_columns(columns)}
    for key, attribute in _FILE_KEYS:
        value = table.text(key)
        if value is None:
            continue
        if attribute == "folder" and not _inside(root, value):
            table.doc.problem(
                table.key_path(key),
                f"Der Ausgabeordner „{value}“ muss innerhalb des Arbeitsordners liegen (ohne „..“ und ohne "
                "absoluten Pfad).",
            )
        if attribute != "folder" and not _valid_file_name(value):
            table.doc.problem(
                table.key_path(key),
                "Erwartet wird ein Dateiname ohne Ordner; {jahr} wird durch das Berichtsjahr ersetzt.",
            )
        elif attribute in _SUFFIXES and not value.lower().endswith(_SUFFIXES[attribute]):
            table.doc.problem(table.key_path(key), f"Der Dateiname muss auf {_SUFFIXES[attribute]} enden.")
        options[attribute] = value
    template = table.text("word_vorlage")
    if template:
        path = root / template
        if path.suffix.lower() not in {".docx", ".dotx"}:
            table.doc.problem(
                table.key_path("word_vorlage"), "Die Word-Vorlage muss eine .docx- oder .dotx-Datei sein."
            )
        elif not path.is_file():
            table.doc.problem(table.key_path("word_vorlage"), f"Die Word-Vorlage „{template}“ gibt es nicht.")
        options["word_template"] = path
    if table.has("anlage_spalten"):
        options["annex_columns"] = _annex_columns(table, columns)
    if table.has("anlage_in_vorlage"):
        options["annex_in_vorlage"] = table.flag("anlage_in_vorlage", False)
    output = dataclasses.replace(DEFAULT_OUTPUT, **options)  # type: ignore[arg-type]
    _refuse_shared_names(table, output)
    table.finish()
    return output


def _refuse_shared_names(table: TableReader, output: OutputOptions) -> None:
    """Two outputs under one name would overwrite each other (the PDFs take the Word files' names)."""
    seen: dict[str, str] = {}
    for key, attribute in _FILE_KEYS[1:]:
        pattern = getattr(output, attribute)
        if not _valid_file_name(pattern):
            continue
        name = pattern.format(jahr=2000).casefold()
        names = [name, name.rsplit(".", 1)[0] + ".pdf"] if name.endswith(".docx") else [name]
        for candidate in names:
            if candidate in seen and seen[candidate] != key:
                table.doc.problem(
                    table.key_path(key),
                    f"Der Dateiname ist derselbe wie bei „{seen[candidate]}“; bitte einen anderen wählen.",
                )
            seen.setdefault(candidate, key)


def _inside(root: Path, relative: str) -> bool:
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts or not relative.strip():
        return False
    return not leads_out(root / candidate, root)


def _valid_file_name(pattern: str) -> bool:
    try:
        name = pattern.format(jahr=2000)
    except (KeyError, ValueError, IndexError):
        return False
    # A leading dot would hide the file, and the OParl history (.oparl-verlauf.json) is kept under one.
    return bool(name.strip()) and "/" not in name and "\\" not in name and not name.startswith(".")


def _default_annex_columns(columns: tuple[Column, ...]) -> tuple[str, ...]:
    """The default Anlage without what a koopbericht.toml made internal.

    Laufzeit shows Beginn and Ende; with one of them internal, the other is shown on its own.
    """
    public = {c.key for c in columns if c.public}
    dates = ("beginn", "ende")
    keys: list[str] = []
    for key in DEFAULT_ANNEX_COLUMNS:
        if key != RUNNING_TIME.key:
            keys += [key] if key in public else []
        elif set(dates) <= public:
            keys.append(key)
        else:
            keys += [date for date in dates if date in public]
    return tuple(keys)


def _annex_columns(table: TableReader, columns: tuple[Column, ...]) -> tuple[str, ...]:
    by_label = {match_key(label): c for c in (RUNNING_TIME, *columns) for label in (c.key, *c.labels())}
    dates = [c for c in columns if c.key in ("beginn", "ende")]
    keys = []
    for entry in table.texts("anlage_spalten"):
        column = by_label.get(match_key(entry))
        if column is None:
            table.doc.problem(table.key_path("anlage_spalten"), f"Die Spalte „{entry}“ ist nicht definiert.")
        elif column is RUNNING_TIME and any(not date.public for date in dates):
            table.doc.problem(
                table.key_path("anlage_spalten"),
                "„Laufzeit“ zeigt Beginn und Ende; eine davon ist intern und wird nie veröffentlicht. "
                "Entfernen Sie „Laufzeit“ aus anlage_spalten.",
            )
        elif not column.public:
            table.doc.problem(
                table.key_path("anlage_spalten"),
                f"„{column.title}“ ist eine interne Spalte und wird nie veröffentlicht; "
                "entfernen Sie sie aus anlage_spalten.",
            )
        else:
            keys.append(column.key)
    if not keys:
        table.doc.problem(table.key_path("anlage_spalten"), "Die Anlage braucht mindestens eine Spalte.")
    return tuple(keys)
