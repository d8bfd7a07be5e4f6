"""`template`: the Meldebögen sent to the departments, prefilled from the previous year.

Each workbook has the configured columns with a styled, frozen header, dropdowns for
every vocabulary column drawn from a hidden list sheet (no inline list formulas, so
long vocabularies work), date validation with German input hints, an instruction
sheet, and internal columns visibly marked. Activities of the previous year are
prefilled with their Nr. so that `compare` aligns them; finished ones are left out.

Nothing of the previous year is dropped silently: rows that had errors are prefilled
too and marked for correction (red fill, a comment with the reason), a department
whose previous Meldebogen was missing or unreadable is named in the terminal warnings
and on its instruction sheet, and a missing or past deadline or missing contact is a
warning before anything is written (`plan_templates`).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import io
import re
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .config import Column, ColumnType, Department, Settings, YearSettings
from .errors import UsageError
from .fileio import write_bytes_atomic
from .findings import TYPES, Finding, Scope, Severity
from .model import Activity
from .pipeline import YearData, check_year
from .project import Project
from .read.workbook import TEMPLATE_LIST_SHEET
from .render.package import deterministic_zip
from .values import PartialDate
from .xlsxsafe import set_text

DATA_SHEET, HELP_SHEET, LIST_SHEET = "Meldebogen", "Anleitung", TEMPLATE_LIST_SHEET
EXTRA_ROWS = 200  # empty rows with dropdowns below the prefilled ones
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
INTERNAL_FILL = PatternFill("solid", fgColor="7F6000")
UPDATE_FILL = PatternFill("solid", fgColor="FFF2CC")
CORRECT_FILL = PatternFill("solid", fgColor="F8CBAD")  # rows that had errors in the previous year
WHITE_BOLD = Font(bold=True, color="FFFFFF")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class TemplateResult:
    """One written Meldebogen, how many activities it carries over and how many are marked for correction."""

    department: str
    path: Path
    prefilled: int
    to_correct: int = 0
    gap: str | None = None  # why there was no readable previous-year Meldebogen, if so


@dataclass(frozen=True)
class Correction:
    """Why a previous-year row must be corrected: its errors, and per column the message and the raw value."""

    reasons: tuple[str, ...]
    cells: dict[str, tuple[str, object]]


@dataclass(frozen=True)
class Carried:
    """One activity prefilled into the new Meldebogen, with its correction if it had errors."""

    activity: Activity
    correction: Correction | None = None


@dataclass
class PreviousYear:
    """What the previous year's Meldebögen give the new forms, and what they cannot give."""

    year: int
    activities: list[Activity]
    corrections: dict[int, Correction]  # by id() of the activity
    gaps: dict[str, str]  # department code -> why it has no readable Meldebogen
    unassigned: list[str]  # files whose rows belong to no Geschäftsbereich
    folder_missing: bool = False


@dataclass
class TemplatePlan:
    """Everything `template` will write, and the warnings to show before writing it."""

    project: Project
    year: int
    departments: list[Department]
    year_settings: YearSettings | None
    previous: PreviousYear
    warnings: list[str]

    def write(self) -> list[TemplateResult]:
        """Write the Meldebögen into `ausgabe/JAHR/meldeboegen/`."""
        settings = self.project.settings
        timestamp = dt.datetime(self.year, 1, 1, 9, 0)
        results = []
        for department in self.departments:
            own = [a for a in self.previous.activities if a.department == department.code]
            carried = _carry_over(own, department.code, self.previous.corrections)
            gap = self.previous.gaps.get(department.code)
            data = _workbook(settings, department, self.year, self.year_settings, carried, gap, timestamp)
            path = self.project.output_dir(self.year) / "meldeboegen" / file_name(department, self.year)
            write_bytes_atomic(path, data)
            marked = sum(1 for c in carried if c.correction is not None)
            results.append(TemplateResult(department.code, path, len(carried), marked, gap))
        return results


def file_name(department: Department, year: int) -> str:
    """A file name that the department's own patterns match, so the returned file is assigned."""
    candidate = f"{department.code}_Meldebogen_{year}.xlsx"
    if any(fnmatch.fnmatch(candidate.casefold(), p.casefold()) for p in department.patterns):
        return candidate
    pattern = department.patterns[0]
    return pattern.replace("*", f"Meldebogen_{year}", 1).replace("*", "").replace("?", "X")


def plan_templates(
    project: Project, year: int, department_code: str | None = None, *, today: dt.date | None = None
) -> TemplatePlan:
    """Read the previous year and the year's vorlage.toml; collect the warnings; write nothing yet."""
    settings = project.settings
    departments = list(settings.departments)
    if department_code is not None:
        chosen = settings.department(department_code)
        if chosen is None:
            known = ", ".join(d.code for d in departments)
            raise UsageError(f"Den Geschäftsbereich „{department_code}“ gibt es nicht (vorhanden: {known}).")
        departments = [chosen]
    year_file = project.year_dir(year) / "vorlage.toml"
    year_settings = project.year_settings(year) if year_file.is_file() else None
    previous = _previous_year(project, year - 1, today)
    warnings = _settings_warnings(project, year, year_settings, today or dt.date.today())
    warnings += _previous_warnings(project, previous, year, [d.code for d in departments])
    return TemplatePlan(project, year, departments, year_settings, previous, warnings)


def write_templates(project: Project, year: int, department_code: str | None = None) -> list[TemplateResult]:
    """Write the Meldebögen for `year` into `ausgabe/JAHR/meldeboegen/` (warnings: see `plan_templates`)."""
    return plan_templates(project, year, department_code).write()


def _settings_warnings(project: Project, year: int, year_settings: YearSettings | None, today: dt.date) -> list[str]:
    shown = project.relative(project.year_dir(year) / "vorlage.toml")
    if year_settings is None:
        return [
            f"{shown} fehlt: Die Anleitung nennt weder Rückgabefrist noch Ansprechpartner. Bitte die Datei "
            "anlegen (Abschnitt [meldung] mit frist und ansprechpartner) und die Meldebögen neu schreiben."
        ]
    warnings = []
    deadline = year_settings.deadline
    if deadline is None:
        warnings.append(
            f"In {shown} ist keine Rückgabefrist angegeben ([meldung] frist = JJJJ-MM-TT); die Anleitung "
            "sagt nur „bitte beim federführenden Büro erfragen“."
        )
    elif deadline < today:
        warnings.append(
            f"Die Rückgabefrist {deadline:%d.%m.%Y} in {shown} ist schon vorbei. Bitte [meldung] frist anpassen "
            "und die Meldebögen neu schreiben."
        )
    if not year_settings.contact:
        warnings.append(
            f'In {shown} ist kein Ansprechpartner angegeben ([meldung] ansprechpartner = "Name, E-Mail"); '
            "die Anleitung nennt für Fragen nur das federführende Büro."
        )
    return warnings


def _previous_warnings(project: Project, previous: PreviousYear, year: int, codes: list[str]) -> list[str]:
    if previous.folder_missing:
        shown = project.relative(project.reports_dir(previous.year))
        return [f"Für {previous.year} gibt es keine Meldebögen ({shown} fehlt); alle Meldebögen {year} sind leer."]
    warnings = [
        f"{code}: Für {previous.year} lag kein lesbarer Meldebogen vor ({previous.gaps[code]}); "
        f"der Meldebogen {year} ist leer und sagt das in der Anleitung."
        for code in codes
        if code in previous.gaps
    ]
    warnings += previous.unassigned
    marked = sum(1 for a in previous.activities if id(a) in previous.corrections and a.department in codes)
    if marked:
        warnings.append(
            f"{marked} Vorhaben aus {previous.year} hatten Fehler; sie sind vorausgefüllt und rot "
            "zur Korrektur markiert."
        )
    return warnings


def _previous_year(project: Project, year: int, today: dt.date | None) -> PreviousYear:
    settings = project.settings
    if not project.reports_dir(year).is_dir():
        gaps = {d.code: f"Ordner {year}/meldungen fehlt" for d in settings.departments}
        return PreviousYear(year, [], {}, gaps, [], folder_missing=True)
    data = check_year(project, year, today=today)
    return PreviousYear(year, data.activities, _corrections(data, settings), _gaps(data, settings), _unassigned(data))


def _corrections(data: YearData, settings: Settings) -> dict[int, Correction]:
    """For every row that an error keeps out of a publication: the reasons and the cells concerned."""
    by_file: dict[str, list[Finding]] = {}
    by_row: dict[tuple[str, int], list[Finding]] = {}
    for finding in data.report.findings:
        if finding.severity is not Severity.ERROR:
            continue
        if finding.scope in (Scope.FILE, Scope.COLUMN):
            by_file.setdefault(finding.file, []).append(finding)
        elif finding.scope in (Scope.ROW, Scope.CELL) and finding.row is not None:
            by_row.setdefault((finding.file, finding.row), []).append(finding)
    titles = {column.title.casefold(): column.key for column in settings.columns}
    result = {}
    for activity in data.activities:
        source = activity.source
        findings = by_file.get(source.file, []) + by_row.get((source.file, source.row), [])
        if not findings:
            continue
        refs = {ref: key for key, ref in source.cells.items()}
        cells: dict[str, tuple[str, object]] = {}
        for finding in findings:
            key = refs.get(finding.cell or "") or titles.get((finding.column or "").casefold())
            if key is not None and finding.scope is Scope.CELL:
                message, _ = cells.get(key, ("", None))
                cells[key] = ((message + "\n" if message else "") + finding.message, finding.value)
        reasons = tuple(dict.fromkeys(f"{TYPES[f.code].title}: {f.message}" for f in findings))
        result[id(activity)] = Correction(reasons, cells)
    return result


def _gaps(data: YearData, settings: Settings) -> dict[str, str]:
    """The departments without a readable Meldebogen, each with the reason."""
    excluded = data.exclusions().files
    gaps = {}
    for department in settings.departments:
        files = [f for f in data.files if f.department == department.code]
        if not files:
            gaps[department.code] = "kein Meldebogen eingegangen"
        elif not any(f.readable for f in files):
            gaps[department.code] = "; ".join(
                f"{f.source.file}: {excluded.get(f.source.file, 'nicht lesbar')}" for f in files
            )
    return gaps


def _unassigned(data: YearData) -> list[str]:
    return [
        f"{f.source.file}: {len(f.activities)} Vorhaben aus {data.year} gehören zu keinem oder mehreren "
        "Geschäftsbereichen und werden in keinen Meldebogen übernommen. Bitte die Datei eindeutig benennen."
        for f in data.files
        if f.department is None and f.activities
    ]


def _carry_over(activities: list[Activity], code: str, corrections: dict[int, Correction]) -> list[Carried]:
    """The activities worth updating: not finished (or with errors); missing Nr. replaced by the next free one."""
    numbers = [int(m.group(1)) for a in activities if (m := re.fullmatch(rf"{re.escape(code)}-(\d+)", a.id))]
    next_number = max(numbers, default=0) + 1
    result = []
    for activity in activities:
        correction = corrections.get(id(activity))
        if activity.status == "abgeschlossen" and correction is None:
            continue
        if activity.id_assigned:
            activity = Activity(f"{code}-{next_number:03d}", activity.department, activity.source, activity.values)
            next_number += 1
        result.append(Carried(activity, correction))
    return result


def _workbook(
    settings: Settings,
    department: Department,
    year: int,
    year_settings: YearSettings | None,
    carried: list[Carried],
    gap: str | None,
    timestamp: dt.datetime,
) -> bytes:
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
    _page_setup(data)
    _add_validations(settings, data, ranges, len(carried) + 1 + EXTRA_ROWS)
    help_sheet = workbook.create_sheet(HELP_SHEET, 1)
    _write_instructions(settings, help_sheet, department, year, year_settings, carried, gap)
    workbook.active = 0
    buffer = io.BytesIO()
    workbook.save(buffer)
    return deterministic_zip(buffer.getvalue(), timestamp)


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


def _page_setup(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


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


def _write_instructions(
    settings: Settings,
    sheet: Worksheet,
    department: Department,
    year: int,
    year_settings: YearSettings | None,
    carried: list[Carried],
    gap: str | None,
) -> None:
    deadline = year_settings.deadline if year_settings else None
    contact = year_settings.contact if year_settings else ""
    lead = year_settings.master.lead if year_settings else ""
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
        lines.append((f"Für {year - 1} lag kein lesbarer Meldebogen vor; bitte alle Vorhaben neu eintragen.", True))
        lines.append(("", False))
    if marked:
        lines.append(
            (
                f"{marked} Vorhaben sind rot markiert: Ihre Meldung für {year - 1} hatte dort Fehler. Bitte "
                "korrigieren – der Grund steht im Kommentar an der Nr. und an der betroffenen Zelle.",
                True,
            )
        )
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
    row = len(lines) + 1
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
            (column.title, "ja" if column.required else "", "ja" if column.public else "nein (intern)",
             column.help + allowed), start=1,
        ):  # fmt: skip
            cell = sheet.cell(row, index)
            set_text(cell, value)
            cell.alignment = WRAP
    for letter, width in zip("ABCD", (28, 9, 15, 90), strict=True):
        sheet.column_dimensions[letter].width = width
