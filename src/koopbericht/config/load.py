"""Loading koopbericht.toml into `Settings`, reporting every mistake with line and key."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from .defaults import DEFAULT_COLUMNS, DEFAULT_VOCABULARIES, PARTNER_KINDS
from .model import (
    EMAIL,
    Authority,
    Column,
    ColumnType,
    Contact,
    Department,
    Partner,
    Settings,
    Vocabulary,
    match_key,
)
from .oparl import load_oparl
from .output import load_output
from .toml.reader import TableReader, TomlDocument

CONFIG_FILE = "koopbericht.toml"
_COLUMN_KEY = re.compile(r"[a-z][a-z0-9_]*")


def load_settings(root: Path) -> Settings:
    """Read `root/koopbericht.toml`; raise ConfigError listing every mistake in it."""
    doc = TomlDocument(root / CONFIG_FILE)
    top = doc.root()
    authority = _authority(top)
    departments = _departments(top)
    vocabularies = _vocabularies(top)
    columns = _columns(top, vocabularies)
    partners = _partners(top)
    output = load_output(top, columns, root)
    oparl = load_oparl(top)
    top.finish()
    doc.raise_if_problems()
    return Settings(root, authority, departments, columns, vocabularies, partners, output, oparl)


def _authority(top: TableReader) -> Authority:
    table = top.table("koerperschaft")
    if table is None:
        top.doc.problem(("koerperschaft",), "Der Abschnitt [koerperschaft] mit name und kurzname fehlt.")
        return Authority("", "")
    name = table.text("name", "", required=True) or ""
    short = table.text("kurzname", name) or name
    table.finish()
    return Authority(name.strip(), short.strip())


def _departments(top: TableReader) -> tuple[Department, ...]:
    tables = top.tables("geschaeftsbereich")
    if not tables:
        top.doc.problem(
            ("geschaeftsbereich",),
            "Es ist kein Geschäftsbereich eingetragen. Legen Sie für jeden einen Abschnitt "
            "[[geschaeftsbereich]] mit kuerzel und name an.",
        )
    seen: dict[str, str] = {}
    result = []
    for table in tables:
        code = (table.text("kuerzel", "", required=True) or "").strip()
        name = (table.text("name", "", required=True) or "").strip()
        patterns = table.texts("dateien", [f"{code}*.xlsx"])
        if code.casefold() in seen:
            table.doc.problem(table.key_path("kuerzel"), f"Das Kürzel „{code}“ ist doppelt vergeben.")
        seen[code.casefold()] = code
        if not patterns:
            table.doc.problem(table.key_path("dateien"), 'Mindestens ein Dateimuster ist nötig, z. B. "GB1*.xlsx".')
        for pattern in patterns:
            if "/" in pattern or "\\" in pattern or ".." in pattern:
                table.doc.problem(
                    table.key_path("dateien"),
                    f"Das Muster „{pattern}“ darf keinen Ordner enthalten; es gilt im Ordner meldungen/ des Jahres.",
                )
        contacts = tuple(_contact(entry) for entry in table.tables("kontakt"))
        several = table.flag("mehrere_dateien", False)
        table.finish()
        result.append(Department(code, name, tuple(patterns), contacts, several))
    return tuple(result)


def _contact(table: TableReader) -> Contact:
    """One `[[geschaeftsbereich.kontakt]]`: e-mail (required) and name."""
    email = (table.text("email", "", required=True) or "").strip()
    if email and not EMAIL.fullmatch(email):
        table.doc.problem(
            table.key_path("email"), f"„{email}“ ist keine E-Mail-Adresse (erwartet z. B. name@stadt.example)."
        )
    name = (table.text("name", "") or "").strip()
    table.finish()
    return Contact(email, name)


def _vocabularies(top: TableReader) -> dict[str, Vocabulary]:
    vocabularies = dict(DEFAULT_VOCABULARIES)
    section = top.table("vokabulare")
    if section is None:
        return vocabularies
    for name, _ in list(section.items()):
        table = section.table(name)
        if table is None:
            continue
        base = vocabularies.get(name)
        values = tuple(v.strip() for v in table.texts("werte", list(base.values) if base else []))
        if not values:
            table.doc.problem(
                table.key_path("werte"), f"Das Vokabular „{name}“ braucht mindestens einen Wert in werte."
            )
        synonyms = {k: v for k, v in (base.synonyms if base else {}).items() if v in values}
        synonym_table = table.table("synonyme")
        for synonym, target in synonym_table.items() if synonym_table else ():
            path = (*table.key_path("synonyme"), synonym)
            if not isinstance(target, str):
                table.doc.problem(path, "Ein Synonym muss auf einen Text aus werte verweisen.")
            elif target not in values:
                table.doc.problem(
                    path,
                    f"Das Synonym „{synonym}“ verweist auf „{target}“, das nicht in werte steht "
                    f"(erlaubt: {', '.join(values)}).",
                )
            else:
                synonyms[synonym] = target
        table.finish()
        vocabularies[name] = Vocabulary(name, values, synonyms)
    return vocabularies


def _columns(top: TableReader, vocabularies: dict[str, Vocabulary]) -> tuple[Column, ...]:
    columns = {c.key: c for c in DEFAULT_COLUMNS}
    section = top.table("spalten")
    for key, _ in list(section.items()) if section else ():
        assert section is not None
        table = section.table(key)
        if table is None:
            continue
        if not _COLUMN_KEY.fullmatch(key):
            table.doc.problem(table.path, "Spaltenschlüssel bestehen aus Kleinbuchstaben, Ziffern und _.")
        columns[key] = _column(table, key, columns.get(key), vocabularies)
    _check_label_collisions(top, list(columns.values()))
    return tuple(columns.values())


def _column(table: TableReader, key: str, base: Column | None, vocabularies: dict[str, Vocabulary]) -> Column:
    base = base or Column(key, "")
    title = (table.text("titel", base.title, required=not base.title) or "").strip()
    type_text = table.text("typ", base.type.value) or base.type.value
    try:
        column_type = ColumnType(type_text)
    except ValueError:
        allowed = ", ".join(t.value for t in ColumnType)
        table.doc.problem(table.key_path("typ"), f"Unbekannter Typ „{type_text}“. Erlaubt: {allowed}.")
        column_type = base.type
    vocabulary = table.text("vokabular", base.vocabulary)
    if column_type is ColumnType.VOCABULARY:
        vocabulary = vocabulary or key
        if vocabulary not in vocabularies:
            known = ", ".join(sorted(vocabularies))
            table.doc.problem(
                table.key_path("vokabular"),
                f"Das Vokabular „{vocabulary}“ ist nicht definiert (vorhanden: {known}); "
                f"legen Sie es unter [vokabulare.{vocabulary}] an.",
            )
    max_length = table.data.get("max_laenge", base.max_length)
    table.has("max_laenge")
    if max_length is not None and (not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1):
        table.doc.problem(table.key_path("max_laenge"), "Erwartet wird eine ganze Zahl größer als 0.")
        max_length = base.max_length
    width = table.data.get("breite", base.width)
    table.has("breite")
    if not isinstance(width, int) or isinstance(width, bool) or not 3 <= width <= 120:
        table.doc.problem(table.key_path("breite"), "Erwartet wird eine ganze Zahl von 3 bis 120 (Zeichen).")
        width = base.width
    column = dataclasses.replace(
        base,
        title=title,
        type=column_type,
        # Aliases given in the file are added to the defaults, never replace them.
        aliases=tuple(dict.fromkeys([*base.aliases, *(a.strip() for a in table.texts("aliase"))])),
        required=table.flag("pflicht", base.required),
        public=table.flag("oeffentlich", base.public),
        vocabulary=vocabulary if column_type is ColumnType.VOCABULARY else None,
        max_length=max_length,
        width=width,
        help=table.text("hilfe", base.help) or "",
    )
    table.finish()
    return column


def _check_label_collisions(top: TableReader, columns: list[Column]) -> None:
    owner: dict[str, str] = {}
    for column in columns:
        for label in column.labels():
            key = match_key(label)
            if key in owner and owner[key] != column.key:
                top.doc.problem(
                    ("spalten", column.key),
                    f"Die Überschrift „{label}“ gehört schon zur Spalte „{owner[key]}“; "
                    "jede Überschrift und jeder Alias darf nur einmal vorkommen.",
                )
            owner[key] = column.key


def _partners(top: TableReader) -> tuple[Partner, ...]:
    result = []
    owner: dict[str, str] = {}
    for table in top.tables("partner"):
        name = (table.text("name", "", required=True) or "").strip()
        aliases = tuple(a.strip() for a in table.texts("aliase"))
        kind = table.text("art")
        if kind is not None and kind not in PARTNER_KINDS:
            table.doc.problem(table.key_path("art"), f"Unbekannte Art „{kind}“. Erlaubt: {', '.join(PARTNER_KINDS)}.")
        for label in (name, *aliases):
            key = match_key(label)
            if key in owner and owner[key] != name:
                table.doc.problem(table.path, f"„{label}“ ist schon Name oder Alias von „{owner[key]}“.")
            owner[key] = name
        table.finish()
        result.append(Partner(name, aliases, kind))
    return tuple(result)
