"""`erinnerung`: e-mail drafts to the Geschäftsbereiche whose Meldebogen is missing or has errors.

One `.eml` per such Geschäftsbereich goes into `ausgabe/JAHR/erinnerungen/`: to its contacts
from koopbericht.toml, from the clerk's address in vorlage.toml (`[meldung] email`, required),
with the annotated copy of a faulty Meldebogen or the prefilled form for a missing one attached.
Nothing is sent. Drafts of an earlier run whose Geschäftsbereich needs none any more are removed,
so the folder never holds a reminder that no longer applies.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tempfile
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path

from ..config import Contact, Department, YearSettings
from ..errors import OutputError, UsageError
from ..files.atomic import os_reason, write_all_atomic
from ..findings import Finding, Severity
from ..findings.advice import counts_text, department_text
from ..formatting import german_date
from ..project.folder import Project
from ..render.xlsx.stamped import stamped_xlsx
from ..round.reminder import Attachment, ReminderMail, mail_address, render_eml, sent_at
from ..year import DepartmentStatus, FileResult, YearData
from ..year.pipeline import Progress, check_year
from .intake_record import Intake, instant, valid_entries
from .template import TemplatePlan, plan_templates
from .validate import annotate_copies

FOLDER = "erinnerungen"


@dataclass(frozen=True)
class Reminder:
    """One draft written: for which Geschäftsbereich, to whom, why, with what attached."""

    department: str
    recipients: tuple[str, ...]
    reason: str
    attachments: tuple[str, ...]
    path: Path


@dataclass(frozen=True)
class Reminders:
    """What `erinnerung` wrote, removed and wants the clerk to know."""

    year: int
    folder: Path
    written: tuple[Reminder, ...]
    removed: tuple[Path, ...]
    notices: tuple[str, ...]
    departments: int


@dataclass
class _Case:
    """A Geschäftsbereich that gets a reminder: its files (none: missing) and the findings to name (all of them)."""

    department: Department
    results: list[FileResult]
    listed: list[Finding]
    notices: list[str] = field(default_factory=list)
    senders: list[str] = field(default_factory=list)  # who sent its files by mail (`eingang`)


def write_reminders(
    project: Project,
    year: int,
    *,
    with_warnings: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Reminders:
    """Write a draft for every Geschäftsbereich that is late or has errors (with `with_warnings`: warnings too)."""
    today = today or dt.date.today()
    settings = project.year_settings(year)
    shown = project.relative(project.year_dir(year) / "vorlage.toml")
    if not settings.contact_email:
        raise UsageError(
            f"In {shown} fehlt die Absenderadresse für die Erinnerungen. Bitte im Abschnitt [meldung] ergänzen, "
            'z. B.: email = "kooperation@stadt.example". Es wurde nichts geschrieben.'
        )
    data = check_year(project, year, today=today, progress=progress)
    folder = project.output_dir(year) / FOLDER
    cases = _due(project, data, with_warnings)
    mails = valid_entries(project.reports_dir(year))
    answered = _answered(cases, mails, folder, year)
    cases = [case for case in cases if case.department.code not in answered]
    for case in cases:  # whoever sent the file by mail hears about it too
        case.senders = sorted({e.sender for r in case.results if (e := mails.get(r.source.path.name)) and e.sender})
    forms = _Forms(project, year, today, sent_at(today).replace(tzinfo=None))
    files: dict[Path, bytes] = {}
    written = []
    for case in cases:
        mail = _mail(case, data, settings, today, forms)
        path = folder / f"Erinnerung-{year}-{_safe(case.department.code)}.eml"
        files[path] = render_eml(mail)
        recipients = tuple(c.address() for c in mail.recipients)
        names = tuple(a.name for a in mail.attachments)
        written.append(Reminder(case.department.code, recipients, _reason(case), names, path))
    if files:
        write_all_atomic(files)
    removed = _remove_stale(folder, year, set(files) | {path for path, _ in answered.values()})
    notices = _notices(project, data, settings, shown) + [n for case in cases for n in case.notices]
    notices += [
        f"{code} hat am {german_date(day)} nach der Erinnerung geantwortet und bekommt keine neue; die frühere "
        f"bleibt in {project.relative(path)}. Bitte das Ergebnis mit „koopbericht validate {year}“ prüfen."
        for code, (path, day) in answered.items()
    ]
    return Reminders(year, folder, tuple(written), removed, tuple(notices), len(project.settings.departments))


def _due(project: Project, data: YearData, with_warnings: bool) -> list[_Case]:
    """The Geschäftsbereiche without Meldebogen, with a file that cannot be read, or with errors (or warnings).

    Which files belong to a Geschäftsbereich, and whether it is missing, is its state (`YearData.state`).
    """
    cases = []
    for department in project.settings.departments:
        state = data.state(department.code)
        results = list(state.files)
        files = {r.source.file for r in results}
        findings = [f for f in data.report.findings
                    if f.file in files and f.severity is not Severity.INFO and f.accepted is None]  # fmt: skip
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = len(findings) - errors
        due = state.status is DepartmentStatus.MISSING or bool(state.unreadable) or errors > 0
        if not due and not (with_warnings and warnings):
            continue
        # Every warning is named, never summed up: a department asked to correct one thing fixes the rest too.
        cases.append(_Case(department, results, findings))
    return cases


class _Forms:
    """The prefilled forms of the year, planned once (it reads the previous year) when first needed."""

    def __init__(self, project: Project, year: int, today: dt.date, stamp: dt.datetime) -> None:
        self.project, self.year, self.today, self.stamp = project, year, today, stamp
        self._plan: TemplatePlan | None = None

    def form(self, department: Department) -> Attachment:
        if self._plan is None:
            self._plan = plan_templates(self.project, self.year, today=self.today)
        name, data = self._plan.form(department)
        return Attachment(name, stamped_xlsx(data, self.stamp))


def _mail(case: _Case, data: YearData, settings: YearSettings, today: dt.date, forms: _Forms) -> ReminderMail:
    """The reminder for one case: the marked copies, or the prefilled form where there is no file to mark."""
    attachments, unmarked = _annotated(case, data, forms)
    fresh_form = bool(case.results) and unmarked
    if not case.results or fresh_form:
        attachments.append(forms.form(case.department))
    recipients = _recipients(case)
    files = tuple(r.source.file for r in case.results)
    wording = functools.partial(department_text, settings=forms.project.settings)
    return ReminderMail(
        forms.year, case.department, settings, today, recipients, files, tuple(case.listed),
        tuple(attachments), fresh_form, wording,
    )  # fmt: skip


def _annotated(case: _Case, data: YearData, forms: _Forms) -> tuple[list[Attachment], bool]:
    """The marked copies of the department's files that have findings, and whether a file could not be marked.

    The copies speak to the department: their first sheet names the deadline and whom to ask.
    """
    if not case.results:
        return [], False
    subset = YearData(data.year, data.report, case.results)
    attachments = []
    unmarked = any(not r.readable for r in case.results)
    with tempfile.TemporaryDirectory(prefix="koopbericht-") as temporary:
        for copy in annotate_copies(subset, Path(temporary), forms.project, today=forms.today):
            if copy.target is None:
                unmarked = True
                case.notices.append(f"{case.department.code}: {copy.source} lässt sich nicht markieren: {copy.problem}")
                continue
            attachments.append(Attachment(copy.target.name, stamped_xlsx(copy.target.read_bytes(), forms.stamp)))
    return attachments, unmarked


def _answered(cases: list[_Case], mails: dict[str, Intake], folder: Path, year: int) -> dict[str, tuple[Path, dt.date]]:
    """The cases whose mail came in after their reminder (the draft's time): its draft and the reply's day."""
    answered = {}
    for case in cases:
        draft = folder / f"Erinnerung-{year}-{_safe(case.department.code)}.eml"
        replies = [e.date for r in case.results if (e := mails.get(r.source.path.name)) and e.date]
        if not replies or not draft.is_file():
            continue
        latest = max(instant(d) for d in replies)
        if latest > dt.datetime.fromtimestamp(draft.stat().st_mtime, tz=dt.UTC):
            answered[case.department.code] = (draft, latest.date())
    return answered


def _recipients(case: _Case) -> tuple[Contact, ...]:
    """The department's contacts, and whoever sent its file by mail if that is someone else."""
    code = case.department.code
    usable = tuple(c for c in case.department.contacts if mail_address(c) is not None)
    known = {c.email.casefold() for c in case.department.contacts}
    for sender in case.senders:
        name, address = parseaddr(sender)
        contact = Contact(address, name)
        if address and address.casefold() not in known and mail_address(contact) is not None:
            usable += (contact,)
            known.add(address.casefold())
    for contact in case.department.contacts:
        if contact not in usable:
            case.notices.append(
                f"{code}: Die Adresse „{contact.email}“ lässt sich nicht in einen Entwurf übernehmen "
                "(Umlaute vor dem @); bitte im Entwurf von Hand eintragen."
            )
    if not case.department.contacts:
        case.notices.append(
            f"{code}: In koopbericht.toml ist keine Kontaktadresse angegeben "
            '(kontakt = [{ name = "…", email = "…" }] beim Geschäftsbereich); der Entwurf hat keinen '
            "Empfänger – bitte vor dem Senden eintragen."
        )
    return usable


def _reason(case: _Case) -> str:
    if not case.results:  # the state says missing: no file of it is there
        return "Meldebogen fehlt"
    errors = sum(1 for f in case.listed if f.severity is Severity.ERROR)
    return counts_text(errors, len(case.listed) - errors)


def _notices(project: Project, data: YearData, settings: YearSettings, shown: Path) -> list[str]:
    notices = []
    if settings.deadline is None:
        notices.append(
            f"In {shown} ist keine Rückgabefrist angegeben ([meldung] frist = JJJJ-MM-TT); die Erinnerungen "
            "bitten um Rückgabe „so bald wie möglich“."
        )
    notices += [
        f"{r.source.file} gehört zu keinem Geschäftsbereich und bekommt keine Erinnerung; bitte die Datei "
        "eindeutig benennen."
        for r in data.files
        if r.department is None
    ]
    return notices


def _remove_stale(folder: Path, year: int, current: set[Path]) -> tuple[Path, ...]:
    """Remove this year's drafts of an earlier run that no Geschäftsbereich needs any more."""
    removed = []
    for path in sorted(folder.glob(f"Erinnerung-{year}-*.eml")) if folder.is_dir() else []:
        if path in current:
            continue
        try:
            path.unlink()
        except OSError as error:
            reason = os_reason(error)
            raise OutputError(f"Die veraltete Erinnerung {path} ließ sich nicht löschen: {reason}.") from error
        removed.append(path)
    return tuple(removed)


def _safe(code: str) -> str:
    """A Kürzel as part of a file name: anything but letters, digits, - and _ becomes _."""
    return re.sub(r"[^\w-]", "_", code)
