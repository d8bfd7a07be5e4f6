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
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import Department, Settings, YearSettings
from ..errors import UsageError
from ..files.atomic import write_bytes_atomic
from ..findings import TYPES, Scope
from ..model import Activity
from ..project.folder import Project
from ..round.form import Carried, Correction, render_meldebogen
from ..round.form import PreviousGap as Gap
from ..year import DepartmentStatus, YearData
from ..year.pipeline import check_year


@dataclass(frozen=True)
class TemplateResult:
    """One written Meldebogen, how many activities it carries over and how many are marked for correction."""

    department: str
    path: Path
    prefilled: int
    to_correct: int = 0
    gap: Gap | None = None  # why there was no readable previous-year Meldebogen (or file), if so


@dataclass
class PreviousYear:
    """What the previous year's Meldebögen give the new forms, and what they cannot give."""

    year: int
    activities: list[Activity]
    corrections: dict[int, Correction]  # by id() of the activity
    gaps: dict[str, Gap]  # department code -> why it has no readable Meldebogen (or not every file is)
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
        results = []
        for department in self.departments:
            carried = self._carried(department)
            path = self.project.output_dir(self.year) / "meldeboegen" / file_name(department, self.year)
            write_bytes_atomic(path, self._rendered(department, carried))
            marked = sum(1 for c in carried if c.correction is not None)
            gap = self.previous.gaps.get(department.code)
            results.append(TemplateResult(department.code, path, len(carried), marked, gap))
        return results

    def form(self, department: Department) -> tuple[str, bytes]:
        """One department's Meldebogen, as `write` would save it: its file name and xlsx bytes."""
        return file_name(department, self.year), self._rendered(department, self._carried(department))

    def _carried(self, department: Department) -> list[Carried]:
        own = [a for a in self.previous.activities if a.department == department.code]
        return _carry_over(own, department.code, self.previous.corrections)

    def _rendered(self, department: Department, carried: list[Carried]) -> bytes:
        gap = self.previous.gaps.get(department.code)
        timestamp = dt.datetime(self.year, 1, 1, 9, 0)
        settings, year_settings = self.project.settings, self.year_settings
        return render_meldebogen(settings, department, self.year, year_settings, carried, gap, timestamp)


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
        f"{code}: Für {previous.year} war nicht jede Datei lesbar ({gap.reason}); deren Vorhaben fehlen im "
        f"Meldebogen {year}, die Anleitung sagt das."
        if gap.partial
        else f"{code}: Für {previous.year} lag kein lesbarer Meldebogen vor ({gap.reason}); "
        f"der Meldebogen {year} ist leer und sagt das in der Anleitung."
        for code in codes
        if (gap := previous.gaps.get(code)) is not None
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
        gaps = {d.code: Gap(f"Ordner {year}/meldungen fehlt") for d in settings.departments}
        return PreviousYear(year, [], {}, gaps, [], folder_missing=True)
    # Only the previous year's own findings matter here: the year before it is not read.
    data = check_year(project, year, today=today, against_previous=False)
    return PreviousYear(year, data.activities, _corrections(data, settings), _gaps(data), _unassigned(data))


def _corrections(data: YearData, settings: Settings) -> dict[int, Correction]:
    """For every row that an error keeps out of a publication: the reasons and the cells concerned."""
    excluded = data.exclusions()  # decided with the year: the same rows every other output leaves out
    titles = {column.title.casefold(): column.key for column in settings.columns}
    result = {}
    for activity in data.activities:
        findings = excluded.findings(activity)
        if not findings:
            continue
        refs = {ref: key for key, ref in activity.source.cells.items()}
        cells: dict[str, tuple[str, object]] = {}
        for finding in findings:
            key = refs.get(finding.cell or "") or titles.get((finding.column or "").casefold())
            if key is not None and finding.scope is Scope.CELL:
                message, _ = cells.get(key, ("", None))
                cells[key] = ((message + "\n" if message else "") + finding.message, finding.value)
        reasons = tuple(dict.fromkeys(f"{TYPES[f.code].title}: {f.message}" for f in findings))
        result[id(activity)] = Correction(reasons, cells)
    return result


def _gaps(data: YearData) -> dict[str, Gap]:
    """The departments whose Meldebogen (or one of whose files) could not be read, each with the reason.

    A file read but kept out by an error is no gap: its rows are prefilled and marked for correction.
    """
    excluded = data.exclusions().files
    gaps = {}
    for state in data.departments:
        if state.status is DepartmentStatus.MISSING:
            gaps[state.code] = Gap("kein Meldebogen eingegangen")
        elif state.unreadable:
            reason = "; ".join(f"{file}: {excluded.get(file, 'nicht lesbar')}" for file in state.unreadable)
            gaps[state.code] = Gap(reason, partial=state.status is not DepartmentStatus.UNREADABLE)
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
