"""The Meldebogen workbook a department fills in: header, dropdowns, instructions, prefilled rows.

Each workbook has the configured columns with a styled, frozen header, dropdowns for
every vocabulary column drawn from a hidden list sheet (no inline list formulas, so
long vocabularies work), date validation with German input hints, an instruction
sheet, and internal columns visibly marked. Rows that had errors in the previous year
are filled red and commented with what to correct. What goes in is decided by
`koopbericht.actions.template` (the `template` use case).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..config import Column, ColumnType, Department, Settings, YearSettings
from ..model import Activity
from ..normalise.values import PartialDate
from ..read.workbook import TEMPLATE_LIST_SHEET
from ..render.xlsx.safetext import set_text
from ..render.xlsx.stamped import workbook_bytes

DATA_SHEET, HELP_SHEET, LIST_SHEET = "Meldebogen", "Anleitung", TEMPLATE_LIST_SHEET
EXTRA_ROWS = 200  # empty rows with dropdowns below the prefilled ones
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
INTERNAL_FILL = PatternFill("solid", fgColor="7F6000")
UPDATE_FILL = PatternFill("solid", fgColor="FFF2CC")
CORRECT_FILL = PatternFill("solid", fgColor="F8CBAD")  # rows that had errors in the previous year
WHITE_BOLD = Font(bold=True, color="FFFFFF")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Correction:
    """Why a previous-year row must be corrected: its errors, and per column the message and the raw value."""

    reasons: tuple[str, ...]
    cells: dict[str, tuple[str, object]]


@dataclass(frozen=True)
class PreviousGap:
    """Why the previous year gives a department's form nothing, or (`partial`) not everything."""

    reason: str
    partial: bool = False  # one of its files was unreadable, the others are carried over


@dataclass(frozen=True)
class Carried:
    """One activity prefilled into the new Meldebogen, with its correction if it had errors."""

    activity: Activity
    correction: Correction | None = None


def render_meldebogen(
    settings: Settings,
    department: Department,
    year: int,
    year_settings: YearSettings | None,
    carried: list[Carried],
    gap: PreviousGap | None,
    timestamp: dt.datetime,
) -> bytes:
    """One department's Meldebogen for `year` as xlsx bytes, identical for identical input."""
    workbook = Workbook()
    workbook.properties.creator = settings.authority.name
    workbook.properties.title = f"Meldebogen {department.code} {year}"
    workbook.properties.created = workbook.properties.modified = timestamp
    data = workbook.active
    assert data is not None
    data.title = DATA_SHEET
    lists = workbook.create_sheet(LIST_SHEET)
    ranges = _write_lists(settings, lists)
    lists.sheet_state = "hidden"
    _write_header(settings, data)
    for offset, item in enumerate(carried, start=2):
        _write_activity(settings, data, offset, item)
    _add_validations(settings, data, ranges, len(carried) + 1 + EXTRA_ROWS)
    help_sheet = workbook.create_sheet(HELP_SHEET, 1)
    _write_instructions(settings, help_sheet, department, year, year_settings, carried, gap)
    workbook.active = 0
    return workbook_bytes(workbook, timestamp)


def _write_lists(settings: Settings, sheet: Worksheet) -> dict[str, str]:
    ranges = {}
    for index, vocabulary in enumerate(settings.vocabularies.values(), start=1):
        letter = get_column_letter(index)
        set_text(sheet.cell(1, index), vocabulary.name)
        for row, value in enumerate(vocabulary.values, start=2):
            set_text(sheet.cell(row, index), value)
        last = len(vocabulary.values) + 1
        ranges[vocabulary.name] = f"{quote_sheetname(LIST_SHEET)}!${letter}$2:${letter}${last}"
    return ranges


def _write_header(settings: Settings, sheet: Worksheet) -> None:
    for index, column in enumerate(settings.columns, start=1):
        cell = sheet.cell(1, index)
        set_text(cell, column.title)
        cell.font, cell.alignment = WHITE_BOLD, WRAP
        cell.fill = HEADER_FILL if column.public else INTERNAL_FILL
        note = column.help + ("" if column.public else "\n\nINTERN: wird nicht veröffentlicht.")
        cell.comment = Comment(note.strip() or column.title, "koopbericht", width=280, height=120)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "B2"
    sheet.row_dimensions[1].height = 32


def _write_activity(settings: Settings, sheet: Worksheet, row: int, item: Carried) -> None:
    activity, correction = item.activity, item.correction
    values: dict[str, object] = {"nr": activity.id, **activity.values}
    if correction is not None:  # a value that could not be read is shown as it was given, to be corrected
        for key, (_, raw) in correction.cells.items():
            if values.get(key) is None and raw not in (None, ""):
                values[key] = str(raw)
    sheet.row_dimensions[row].height = _row_height(settings, values)
    keys = [column.key for column in settings.columns]
    for index, column in enumerate(settings.columns, start=1):
        value = values.get(column.key)
        cell = sheet.cell(row, index)
        cell.alignment = WRAP
        if correction is not None:
            cell.fill = CORRECT_FILL
            if column.key in correction.cells:
                note = "Bitte korrigieren: " + correction.cells[column.key][0]
                cell.comment = Comment(note, "koopbericht", width=320, height=140)
        elif column.key in ("status", "ende"):
            cell.fill = UPDATE_FILL  # the fields every department must look at again
        if correction is not None and index == (keys.index("nr") + 1 if "nr" in keys else 1):
            reasons = "\n".join(f"• {reason}" for reason in correction.reasons)
            note = f"Bitte korrigieren (Fehler im Meldebogen des Vorjahres):\n{reasons}"
            cell.comment = Comment(note, "koopbericht", width=360, height=180)
        if value is None:
            continue
        if isinstance(value, PartialDate):
            if value.day is not None:
                cell.value = value.first_day()
                cell.number_format = "DD.MM.YYYY"
            else:
                set_text(cell, str(value))
        elif isinstance(value, tuple):
            set_text(cell, "; ".join(value))
        else:
            set_text(cell, value)


def _row_height(settings: Settings, values: dict[str, object]) -> float:
    """Enough height for the longest wrapped cell (spreadsheet programs do not re-measure on open)."""
    lines = 1
    for column in settings.columns:
        value = values.get(column.key)
        if value is None:
            continue
        text = "; ".join(value) if isinstance(value, tuple) else str(value)
        characters_per_line = max(column.width - 2, 4)
        lines = max(lines, sum(-(-max(len(part), 1) // characters_per_line) for part in text.split("\n")))
    return min(15.0 * lines, 400.0)


def _add_validations(settings: Settings, sheet: Worksheet, ranges: dict[str, str], last_row: int) -> None:
    for index, column in enumerate(settings.columns, start=1):
        area = f"{get_column_letter(index)}2:{get_column_letter(index)}{last_row}"
        validation = _validation(column, ranges)
        if validation is not None:
            sheet.add_data_validation(validation)
            validation.add(area)


def _validation(column: Column, ranges: dict[str, str]) -> DataValidation | None:
    if column.type is ColumnType.VOCABULARY and column.vocabulary in ranges:
        validation = DataValidation(type="list", formula1=ranges[column.vocabulary], allow_blank=True)
        validation.error = f"Bitte einen Wert aus der Liste wählen ({column.title})."
        validation.errorTitle = "Wert nicht in der Liste"
        validation.prompt = column.help or "Bitte aus der Liste wählen."
    elif column.type is ColumnType.DATE:
        # A date between 1950 and 2100; "information" lets a month (03/2022) or year (2022) through.
        validation = DataValidation(type="date", operator="between", formula1="18264", formula2="73415",
                                    allow_blank=True, errorStyle="information")  # fmt: skip
        validation.error = "Erlaubt sind ein Datum (TT.MM.JJJJ), ein Monat (MM/JJJJ) oder ein Jahr (JJJJ)."
        validation.errorTitle = "Bitte Datum prüfen"
        validation.prompt = "Datum als TT.MM.JJJJ, Monat als MM/JJJJ oder nur das Jahr (JJJJ)."
    elif column.max_length:
        validation = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(column.max_length),
                                    allow_blank=True, errorStyle="warning")  # fmt: skip
        validation.error = f"Bitte höchstens {column.max_length} Zeichen."
        validation.errorTitle = "Text zu lang"
        validation.prompt = column.help
    else:
        return None
    validation.promptTitle = column.title[:32]
    validation.showInputMessage = True
    validation.showErrorMessage = True
    return validation


def _gap_line(gap: PreviousGap, year: int) -> str:
    """What the instructions say about a previous-year Meldebogen (or one of its files) that could not be read."""
    if gap.partial:
        return (
            f"Für {year - 1} war nicht jede Datei Ihrer Meldung lesbar ({gap.reason}); deren Vorhaben fehlen "
            "hier. Bitte diese Vorhaben neu eintragen."
        )
    return f"Für {year - 1} lag kein lesbarer Meldebogen vor; bitte alle Vorhaben neu eintragen."


def _write_instructions(
    settings: Settings,
    sheet: Worksheet,
    department: Department,
    year: int,
    year_settings: YearSettings | None,
    carried: list[Carried],
    gap: PreviousGap | None,
) -> None:
    known = (year_settings.deadline, year_settings.contact, year_settings.master.lead) if year_settings else None
    deadline, contact, lead = known or (None, "", "")
    ask = "bitte beim federführenden Büro erfragen" + (f" ({lead})" if lead else "")
    marked = sum(1 for c in carried if c.correction is not None)
    lines = [
        (f"Meldebogen zum Kooperationsbericht {year}", True),
        (f"{department.code} – {department.name}", True),
        ("", False),
        (f"Bitte bis {deadline:%d.%m.%Y} zurücksenden." if deadline else f"Frist: {ask}.", True),
        (f"Fragen an: {contact}" if contact else f"Fragen an: Ansprechpartner {ask}.", False),
        ("", False),
    ]
    if gap is not None:
        lines += [(_gap_line(gap, year), True), ("", False)]
    if marked:
        lines.append(
            (
                f"{marked} Vorhaben sind rot markiert: Ihre Meldung für {year - 1} hatte dort Fehler. Bitte "
                "korrigieren – der Grund steht im Kommentar an der Nr. und an der betroffenen Zelle.", True,
            )
        )  # fmt: skip
        lines.append(("", False))
    lines += [
        ("So füllen Sie den Meldebogen aus:", True),
        ("• Eine Zeile je Vorhaben im Blatt „Meldebogen“. Die Überschriften bitte nicht ändern.", False),
        (f"• {len(carried)} Vorhaben aus dem Vorjahr sind eingetragen: Bitte Status, Ende (gelb) und "
         "Sachstand aktualisieren. Die Nr. nicht ändern; neue Vorhaben bleiben ohne Nr." if carried else
         "• Neue Vorhaben bitte ohne Nr. eintragen.", False),
        ("• Beendete Vorhaben nicht löschen, sondern als „abgeschlossen“ mit Ende melden.", False),
        ("• Auswahlfelder (Handlungsfeld, Kooperationsform, Status) bitte über die Liste füllen.", False),
        ("• Mehrere Kooperationspartner durch Semikolon (;) oder Zeilenumbruch (Alt+Enter) trennen.", False),
        ("• Spalten mit brauner Überschrift sind intern und werden nicht veröffentlicht.", False),
        ("", False),
        ("Spalten", True),
    ]  # fmt: skip
    for row, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(row, 1)
        set_text(cell, text)
        cell.font = Font(bold=bold, size=14 if row == 1 else 11)
    _column_help(settings, sheet, len(lines) + 1)


def _column_help(settings: Settings, sheet: Worksheet, row: int) -> None:
    """From `row` on: a table of every column, whether required and published, and what goes in it."""
    sheet.print_title_rows = f"{row}:{row}"  # on every page, should the table run onto a second
    for header, index in (("Spalte", 1), ("Pflicht", 2), ("Veröffentlicht", 3), ("Erklärung", 4)):
        cell = sheet.cell(row, index)
        set_text(cell, header)
        cell.font = Font(bold=True)
    for column in settings.columns:
        row += 1
        allowed = ""
        if column.vocabulary:
            allowed = " Erlaubt: " + "; ".join(settings.vocabularies[column.vocabulary].values) + "."
        for index, value in enumerate(
            (column.title, "ja" if column.required else "nein", "ja" if column.public else "nein (intern)",
             column.help + allowed), start=1,
        ):  # fmt: skip
            cell = sheet.cell(row, index)
            set_text(cell, value)
            cell.alignment = WRAP
    for letter, width in zip("ABCD", (28, 9, 15, 90), strict=True):
        sheet.column_dimensions[letter].width = width
