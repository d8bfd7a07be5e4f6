"""Checks of a Meldebogen's layout: columns, hidden rows and sheets, merged cells, formulas."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Column, Settings
from ..findings import Finding, Location
from ..findings import catalogue as F
from ..formatting import counted
from ..normalise.values import closest, one_line
from ..read import HeaderCell, RawMeldebogen
from ..read.a1 import column_index, split_ref
from ..read.sheets import PARTIAL
from .cells import error_value
from .extent import table_extent
from .merged import merged_cells
from .renamed import likely_columns, values_fit


def check_columns(raw: RawMeldebogen, settings: Settings) -> Iterator[Finding]:
    """Missing required, unknown and duplicate columns; a renamed column is named as the likely one."""
    refs: dict[str, list[str]] = {}
    for cell in raw.header:
        if cell.title and cell.key is not None:
            refs.setdefault(cell.key, []).append(cell.ref)
    missing = [column for column in settings.columns if column.key not in raw.columns]
    likely = likely_columns(missing, raw.unknown_columns, settings)
    meant = {index: settings.column(key) for key, index in likely.items()}
    for index, cell in enumerate(raw.header, start=1):
        if not cell.title:
            continue
        if cell.key is None:
            yield _unknown_column(raw, index, meant.get(index), settings)
        elif refs[cell.key][0] != cell.ref:
            yield _duplicate(raw, cell, refs[cell.key], settings.column(cell.key))
    for column in missing:
        if not column.required:
            continue
        candidate = raw.unknown_columns[likely[column.key]] if column.key in likely else None
        guess = (
            f"Ist „{one_line(candidate.title)}“ ({candidate.ref}) gemeint? Dann bitte diese Überschrift in "
            f"„{column.title}“ ändern. "
            if candidate
            else ""
        )
        yield F.COLUMN_MISSING.at(
            raw.file,
            f"Die Pflichtspalte „{column.title}“ fehlt in der Kopfzeile (Zeile {raw.header_row}). {guess}"
            f"Als Überschrift gelten auch: {', '.join(column.aliases) or '–'}.",
            sheet=raw.sheet,
            row=raw.header_row,
            column=column.title,
            suggestion=candidate.title if candidate else None,
        )


def _duplicate(raw: RawMeldebogen, cell: HeaderCell, refs: list[str], column: Column) -> Finding:
    """One of two or more columns that stand for `column`: the second and every further one is a finding."""
    others = [ref for ref in refs if ref != cell.ref]
    where = others[0] if len(others) == 1 else ", ".join(others[:-1]) + f" und {others[-1]}"
    times = "doppelt" if len(refs) == 2 else f"{len(refs)}-mal"
    keep = "eine der beiden Spalten" if len(refs) == 2 else f"alle {len(refs)} Spalten bis auf eine"
    return F.COLUMN_DUPLICATE.at(
        raw.file,
        f"Die Spalte „{column.title}“ kommt {times} vor (auch in {where}). Solange unklar ist, welche gilt, wird "
        f"keine Zeile dieser Datei veröffentlicht. Bitte {keep} entfernen oder umbenennen.",
        sheet=raw.sheet,
        cell=cell.ref,
        row=raw.header_row,
        column=column.title,
        value=one_line(cell.title),
    )


def _unknown_column(raw: RawMeldebogen, index: int, meant: Column | None, settings: Settings) -> Finding:
    unknown = raw.unknown_columns[index]
    # Never a column the file has already, nor one its values contradict (postcodes are no Beginn).
    labels = [
        label
        for column in settings.columns
        if column.key not in raw.columns and values_fit(column, unknown.samples, settings)
        for label in column.labels()
    ]
    suggestion = meant.title if meant else closest(unknown.title, labels, cutoff=0.7)
    if unknown.values:
        lost = f"ihre {unknown.values} Werte werden nicht übernommen und nicht veröffentlicht"
    else:
        lost = "sie ist leer"
    if meant is not None:
        advice = f"Gemeint ist wohl „{meant.title}“: bitte die Überschrift so ändern."
    else:
        advice = (f"Meinten Sie „{suggestion}“? " if suggestion else "") + (
            "Sollen solche Angaben in den Bericht, muss die Spalte in koopbericht.toml ergänzt werden."
        )
    return F.COLUMN_UNKNOWN.at(
        raw.file,
        f"Die Spalte „{one_line(unknown.title)}“ ist nicht vorgesehen; {lost}. {advice}",
        sheet=raw.sheet,
        cell=unknown.ref,
        row=raw.header_row,
        value=unknown.title,
        suggestion=suggestion,
    )


def check_layout(raw: RawMeldebogen, settings: Settings) -> Iterator[Finding]:
    """Hidden sheets and rows with data, merged cells and uncalculated formulas in the data."""
    for name in raw.hidden_sheets_with_data:
        yield F.SHEET_HIDDEN.at(
            raw.file,
            f"Das ausgeblendete Blatt „{name}“ enthält Daten, die nicht gelesen werden. Gehören sie zur Meldung, "
            f"bitte in das Blatt „{raw.sheet}“ übernehmen; sonst das Blatt löschen.",
            sheet=name,
        )
    for name, why in raw.sheets_set_aside:
        repeated = name in raw.sheets_repeated
        kind = F.SHEET_REPEATED if repeated else F.SHEET_NOT_READ
        advice = (
            ""
            if repeated
            else f" Gehören seine Angaben {'doch ' if why != PARTIAL else ''}zur Meldung, bitte in das Blatt "
            f"„{raw.sheet}“ übernehmen."
        )
        yield kind.at(
            raw.file,
            f"Das Blatt „{name}“ hat eine Kopfzeile wie das Blatt „{raw.sheet}“, wird aber nicht gelesen: {why}."
            + advice,
            sheet=name,
        )
    for other in raw.more_sheets:
        yield F.SHEET_EXTRA.at(
            raw.file,
            f"Das Blatt „{other.sheet}“ wird zusätzlich zu „{raw.sheet}“ gelesen: "
            f"{counted(len(other.rows), 'Vorhaben', 'Vorhaben')}. Gehört es nicht zur Meldung (etwa ein Beispiel oder "
            "eine Kopie des Vorjahrs), bitte das Blatt löschen.",
            sheet=other.sheet,
            value=str(len(other.rows)),
        )
    for cell in raw.header_errors:
        yield error_value(raw.file, cell, Location(raw.sheet, raw.header_row))
    yield from _outside_the_table(raw)
    yield from table_extent(raw)
    titles = {index: settings.column(key).title for key, index in raw.columns.items()}
    yield from _hidden_rows(raw)
    yield from merged_cells(raw, titles)
    yield from _formulas_without_value(raw, titles)


def _outside_the_table(raw: RawMeldebogen) -> Iterator[Finding]:
    for cell in raw.outside_cells:
        shown = f"„{cell.value}“ " if cell.value not in ("", None) else ""
        yield F.VALUE_OUTSIDE.at(
            raw.file,
            f"In {cell.ref} steht ein Wert {shown}außerhalb der Tabelle (in einer Spalte ohne Überschrift in Zeile "
            f"{raw.header_row}); er wird nicht gelesen. Gehört er zur Meldung, bitte in die passende Spalte "
            "übertragen; sonst löschen. Weitere Werte derselben Spalte werden nicht einzeln genannt.",
            sheet=raw.sheet,
            cell=cell.ref,
            row=_row_number(cell.ref),
            value=cell.value if cell.value not in ("", None) else None,
        )


def _hidden_rows(raw: RawMeldebogen) -> Iterator[Finding]:
    for row in raw.rows:
        if row.hidden:
            first = min([*row.cells.values(), *row.errors.values()], key=lambda c: column_index(split_ref(c.ref)[0]))
            yield F.ROW_HIDDEN.at(
                raw.file,
                f"Zeile {row.number} ist ausgeblendet, enthält aber Daten. Sie wird gelesen und veröffentlicht; "
                "bitte einblenden und prüfen, ob sie in den Bericht gehört.",
                sheet=raw.sheet,
                cell=first.ref,
                row=row.number,
            )


def _formulas_without_value(raw: RawMeldebogen, titles: dict[int, str]) -> Iterator[Finding]:
    for ref in raw.structure.formulas_without_value:
        column_letters, row_number = split_ref(ref)
        index = column_index(column_letters) if column_letters else 0
        if row_number > raw.header_row and index in titles:
            yield F.FORMULA_NO_VALUE.at(
                raw.file,
                "Die Zelle enthält eine Formel ohne berechneten Wert (die Datei wurde von einem Programm erzeugt, "
                "nicht in Excel oder LibreOffice gespeichert). Der Wert ginge verloren: bitte die Datei in Excel "
                "oder LibreOffice öffnen und speichern, oder den Wert direkt eintragen.",
                sheet=raw.sheet,
                cell=ref,
                row=row_number,
                column=titles[index],
            )


def _row_number(ref: str) -> int:
    return split_ref(ref)[1]
