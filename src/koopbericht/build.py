"""`build`: check, normalise, assemble and render a year into `ausgabe/JAHR/`.

Outputs are rendered completely in memory first and then each is written to a
temporary file and moved into place, so a failed build leaves the previous outputs
untouched. Errors in the data stop the build unless `allow_errors` is set; then the
rows with errors are left out and listed in the result.

A build is an Entwurf while anything is incomplete (see `completeness`); the reasons
are computed once, here, and the document, the terminal and the core properties all
show the same ones. `final=True` (`--endfassung`) refuses an incomplete year before
anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .assemble import Attachment, Completeness, assemble, figures, timestamp_for
from .assemble.vorlage import draft_mark
from .config import YearSettings
from .errors import EXIT_FINDINGS, KoopberichtError, UsageError
from .fileio import write_all_atomic, write_bytes_atomic
from .findings import DEPARTMENT_MISSING, DESCRIPTION_UNCHANGED, Report, Severity
from .model import NO_REPORT, NOT_TAKEN, Activity
from .pipeline import Progress, check_year
from .project import Project
from .render import PublishedFile, docx_to_pdf, render_annex_xlsx, render_docx, render_oparl
from .scaffold import is_placeholder_number, is_starter_text
from .yeardata import FileResult, YearData


class BuildRefused(KoopberichtError):
    """The data has errors and --trotz-fehlern was not given."""

    exit_code = EXIT_FINDINGS

    def __init__(self, report: Report) -> None:
        errors = report.count(Severity.ERROR)
        super().__init__(
            f"Die Meldebögen enthalten {errors} Fehler; die Vorlage wurde nicht erstellt. Beheben Sie die "
            "Fehler (siehe oben) oder erstellen Sie die Vorlage mit --trotz-fehlern ohne die fehlerhaften Zeilen."
        )
        self.report = report


class DraftRefused(KoopberichtError):
    """`--endfassung` was asked for, but the year is not complete."""

    exit_code = EXIT_FINDINGS

    def __init__(self, year: int, reasons: tuple[str, ...]) -> None:
        super().__init__(
            f"Die Vorlage {year} ist noch nicht vollständig; eine Endfassung wurde nicht erstellt und nichts "
            f"geschrieben. Ohne --endfassung entsteht ein als Entwurf gekennzeichnetes Dokument. Offen ist:"
        )
        self.reasons = reasons

    def details(self) -> list[str]:
        """The reasons, one line each."""
        return list(self.reasons)


@dataclass
class BuildResult:
    """What a build wrote, what it left out, and whether it is an Entwurf (and why)."""

    year: int
    outputs: list[Path]
    activities: int
    report: Report
    left_out: list[str] = field(default_factory=list)
    draft_reasons: list[str] = field(default_factory=list)

    @property
    def draft(self) -> bool:
        """True for an Entwurf, False for an Endfassung."""
        return bool(self.draft_reasons)


def build_year(
    project: Project,
    year: int,
    *,
    allow_errors: bool = False,
    final: bool = False,
    pdf: bool = False,
    template: Path | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the Vorlage, the Anlage xlsx and the OParl export of `year`.

    With `final`, an incomplete year is refused (`DraftRefused`) before anything is written.
    """
    settings = project.settings
    year_settings = project.year_settings(year)
    template = template or settings.output.word_template
    if template is not None and not template.is_file():
        raise UsageError(f"Die Word-Vorlage {template} gibt es nicht.")
    data = check_year(project, year, today=today, progress=progress)
    if data.report.count(Severity.ERROR) and not allow_errors:
        raise BuildRefused(data.report)
    activities = data.publishable()
    texts = _texts(project, year)
    state = completeness(project, year_settings, data, activities, texts)
    if final and state.draft:
        raise DraftRefused(year, state.reasons)
    not_reported = _not_reported(project, data)
    incomplete = _incomplete(data, activities) - not_reported.keys()  # one state per Geschäftsbereich
    numbers = figures(settings, activities, year, not_reported=not_reported, incomplete=incomplete)
    timestamp = timestamp_for(year_settings)
    out = project.output_dir(year)
    names = {key: pattern.format(jahr=year) for key, pattern in _patterns(project).items()}
    for name in names.values():
        project.refuse_as_output(out / name)

    annex = render_annex_xlsx(settings, activities, year, timestamp, draft_mark=draft_mark(state))
    attachments = [
        Attachment("Tabellarische Übersicht der Kooperationsvorhaben", "Anlage 1 in diesem Dokument", None),
        Attachment("Tabellarische Übersicht als Tabelle", names["annex"], len(annex)),
    ]
    document = assemble(settings, year_settings, activities, numbers, texts, attachments, state)
    vorlage = render_docx(document, template)
    title = f"{year_settings.master.paper_type} {year_settings.master.number}" + (" (Entwurf)" if state.draft else "")
    main = PublishedFile(title, names["vorlage"], vorlage)
    extra = [PublishedFile("Anlage 1: Tabellarische Übersicht", names["annex"], annex)]
    oparl = render_oparl(settings, year_settings, main, extra, timestamp)

    files = {out / names["vorlage"]: vorlage, out / names["annex"]: annex, out / names["oparl"]: oparl}
    _refuse_links_out(project, list(files))
    write_all_atomic(files)  # all three replaced together, or none (OutputError says which failed)
    outputs = list(files)
    if pdf:
        target = out / Path(names["vorlage"]).with_suffix(".pdf").name
        write_bytes_atomic(target, docx_to_pdf(out / names["vorlage"]))
        outputs.append(target)
    return BuildResult(year, outputs, len(activities), data.report, data.left_out(activities), list(state.reasons))


def completeness(
    project: Project,
    year_settings: YearSettings,
    data: YearData,
    published: list[Activity],
    texts: list[tuple[Path, str]],
) -> Completeness:
    """Everything that makes this build an Entwurf, in German, per Geschäftsbereich and overall."""
    settings = project.settings
    excluded = data.exclusions()
    kept = {id(a) for a in published}
    missing = {str(f.value) for f in data.report.findings if f.code == DEPARTMENT_MISSING.code and f.value is not None}
    stale = {(f.file, f.row) for f in data.report.findings if f.code == DESCRIPTION_UNCHANGED.code}
    departments: list[tuple[str, str, tuple[str, ...]]] = []
    reasons: list[str] = []
    for department in settings.departments:
        label = f"{department.code} {department.name}"
        results = [r for r in data.files if r.department == department.code]
        if department.code in missing or not results:
            departments.append((label, "kein Meldebogen eingegangen.", ()))
            reasons.append(f"Kein Meldebogen von {label}.")
            continue
        lines, dropped = _left_out_lines(results, excluded.files, excluded.reason, kept)
        unpublished = [f"{r.source.file}: {line}" for r in results if r.source.file not in excluded.files
                       for line in r.unpublished]  # fmt: skip
        if not any(r.readable for r in results):
            departments.append((label, "Meldebogen nicht lesbar.", tuple(lines)))
            reasons.append(f"Meldebogen von {label} nicht lesbar.")
        elif lines:
            rows = f"{dropped} Zeile{'n' if dropped != 1 else ''}" if dropped else "Datei"
            departments.append((label, f"wegen Fehlern weggelassen ({rows}).", tuple(lines)))
            reasons.append(f"Von {label} wegen Fehlern weggelassen: {rows} (--trotz-fehlern).")
        if unpublished:
            departments.append((label, "eingetragene Werte nicht übernommen.", tuple(unpublished)))
            reasons.append(f"Von {label}: {'; '.join(unpublished)}.")
        activities = [a for r in results for a in r.activities]
        if all(r.readable for r in results) and not activities:
            departments.append((label, "Meldebogen ohne Vorhaben eingegangen.", ()))
            reasons.append(f"Meldebogen von {label} enthält keine Vorhaben.")
        elif activities and all((a.source.file, a.source.row) in stale for a in activities):
            departments.append((label, "Meldebogen unverändert aus dem Vorjahr zurückgegeben.", ()))
            reasons.append(f"Meldebogen von {label} unverändert aus dem Vorjahr: kein Sachstand aktualisiert.")
    unassigned = [r for r in data.files if r.department is None]
    if unassigned:
        lines, _ = _left_out_lines(unassigned, excluded.files, excluded.reason, set())
        departments.append(("Ohne Geschäftsbereich", "Dateien keinem Geschäftsbereich zuzuordnen.", tuple(lines)))
        reasons.append(f"{len(unassigned)} Datei(en) keinem Geschäftsbereich zuzuordnen und nicht übernommen.")
    others: list[str] = []  # reasons "Stand der Meldungen" does not state per Geschäftsbereich
    errors = data.report.count(Severity.ERROR)
    if errors and not any(lines for _, _, lines in departments):  # overridden, though nothing was left out
        others.append(f"{errors} Fehler in den Meldebögen mit --trotz-fehlern übergangen.")
    if not published:
        others.append("Keine Vorhaben: es liegt kein veröffentlichbares Vorhaben vor.")
    reporting = bool(reasons or others)
    number = year_settings.master.number.strip()
    vorlage_toml = f"{year_settings.year}/vorlage.toml"
    if not number:
        others.append(f"Keine Vorlagen-Nummer in {vorlage_toml} ([grunddaten] nummer).")
    elif is_placeholder_number(number):
        others.append(f"Vorlagen-Nummer „{number}“ ist der Platzhalter aus „koopbericht init“ ({vorlage_toml}).")
    for path, text in texts:
        if is_starter_text(text):
            others.append(f"{path.as_posix()} enthält noch den Platzhaltertext aus „koopbericht init“.")
    return Completeness(tuple(reasons + others), tuple(departments), tuple(others), reporting)


def _left_out_lines(
    results: list[FileResult],
    files: dict[str, str],
    row_reason: Callable[[Activity], str | None],
    kept: set[int],
) -> tuple[list[str], int]:
    """One line per left-out file (a file kept out as a whole) or row, and how many rows."""
    lines: list[str] = []
    dropped = 0
    for result in results:
        file = result.source.file
        if not result.readable or file in files:
            rows = f" ({len(result.activities)} Zeilen)" if result.activities else ""
            state = "nicht lesbar" if not result.readable else "nicht übernommen"
            lines.append(f"{file}{rows}: {state} – {files.get(file, 'nicht lesbar')}")
            dropped += len(result.activities)
            continue
        for activity in result.activities:
            if id(activity) not in kept:
                dropped += 1
                reason = row_reason(activity) or "ausgelassen"
                lines.append(f"{file}, Zeile {activity.source.row}: {activity.title or activity.id} – {reason}")
    return lines, dropped


def _not_reported(project: Project, data: YearData) -> dict[str, str]:
    """Geschäftsbereiche without a usable Meldebogen, and what the Überblick shows instead of zeros.

    Missing or unreadable: "keine Meldung"; read but left out as a whole by errors: "nicht übernommen".
    """
    files = data.exclusions().files
    usable = {r.department for r in data.files if r.readable and r.department and r.source.file not in files}
    read = {r.department for r in data.files if r.readable and r.department}
    return {
        d.code: (NOT_TAKEN if d.code in read else NO_REPORT)
        for d in project.settings.departments
        if d.code not in usable
    }


def _incomplete(data: YearData, published: list[Activity]) -> frozenset[str]:
    """Geschäftsbereiche some of whose rows or files were left out."""
    kept = {id(a) for a in published}
    files = data.exclusions().files
    return frozenset(
        r.department
        for r in data.files
        if r.department and (not r.readable or r.source.file in files or any(id(a) not in kept for a in r.activities))
    )


def _patterns(project: Project) -> dict[str, str]:
    output = project.settings.output
    return {"vorlage": output.vorlage_file, "annex": output.annex_file, "oparl": output.oparl_file}


def _texts(project: Project, year: int) -> list[tuple[Path, str]]:
    folder = project.text_dir(year)
    if not folder.is_dir():
        return []
    texts = []
    for path in sorted(folder.glob("*.md"), key=lambda p: p.name):
        try:
            texts.append((project.relative(path), path.read_text(encoding="utf-8-sig")))
        except UnicodeDecodeError:
            raise UsageError(f"{project.relative(path)} ist nicht UTF-8-kodiert; bitte als UTF-8 speichern.") from None
    return texts


def _refuse_links_out(project: Project, targets: list[Path]) -> None:
    """An output folder or file that is a link leading out of the working folder is refused."""
    root = project.root.resolve()
    for target in targets:
        if not target.resolve().is_relative_to(root):
            raise UsageError(
                f"Die Ausgabe {target} führt über eine Verknüpfung aus dem Arbeitsordner hinaus und wird nicht "
                "geschrieben."
            )
