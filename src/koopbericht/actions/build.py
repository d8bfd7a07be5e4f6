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
from dataclasses import dataclass, field
from pathlib import Path

from ..assemble import Attachment, Completeness, YearFigures, annex_table, assemble, figures, timestamp_for
from ..assemble.completeness import completeness, incomplete, not_reported
from ..assemble.vorlage import draft_mark
from ..errors import BuildRefused, DraftRefused, UsageError
from ..fileio import write_all_atomic
from ..findings import Report, Severity
from ..model import Activity
from ..paths import leads_out
from ..pipeline import Progress, check_year
from ..project import Project
from ..render import PublishedFile, docx_bytes_to_pdf, find_soffice, render_annex_xlsx, render_docx
from ..render.pdf import no_libreoffice
from ..yeardata import YearData
from .oparl import BERLIN, NO_OPARL, oparl_outputs


@dataclass
class BuildResult:
    """What a build wrote, what it left out, and whether it is an Entwurf (and why)."""

    year: int
    outputs: list[Path]
    activities: int
    report: Report
    left_out: list[str] = field(default_factory=list)
    draft_reasons: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # what the user should know, e.g. why no OParl export

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
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the Vorlage, the Anlage xlsx, with `pdf` the PDF, and the OParl export of `year`.

    With `final`, an incomplete year is refused (`DraftRefused`) before anything is written.
    `now` (default: the current time) is when the OParl export says a changed object was modified.
    """
    year_settings = project.year_settings(year)
    template = template or project.settings.output.word_template
    if template is not None and not template.is_file():
        raise UsageError(f"Die Word-Vorlage {template} gibt es nicht.")
    data = check_year(project, year, today=today, progress=progress)
    if data.report.count(Severity.ERROR) and not allow_errors:
        raise BuildRefused(data.report)
    activities = data.publishable()
    texts = _texts(project, year)
    state = completeness(project.settings, year_settings, data, activities, texts)
    if final and state.draft:
        raise DraftRefused(year, state.reasons)
    without_pdf = pdf and find_soffice() is None  # the rest is written, then the missing LibreOffice is named
    published = _render(project, year, data, activities, texts, state, template, pdf=pdf and not without_pdf)
    out = project.output_dir(year)
    files = {out / item.file_name: item.data for item in published}
    files |= oparl_outputs(project, year, published, draft=state.draft, now=now)
    notices = [] if project.settings.oparl.base_url else [NO_OPARL]
    _refuse_links_out(project, list(files))
    write_all_atomic(files)  # all replaced together, or none (OutputError says which failed)
    if without_pdf:
        raise no_libreoffice()
    outputs = [path for path in files if not path.name.startswith(".")]
    left_out = data.left_out(activities)
    return BuildResult(year, outputs, len(activities), data.report, left_out, list(state.reasons), notices)


def _figures(project: Project, year: int, data: YearData, activities: list[Activity]) -> YearFigures:
    """The Überblick's figures: a Geschäftsbereich has one state (not reported, incomplete, or complete)."""
    missing = not_reported(project.settings, data)
    partial = incomplete(data, activities) - missing.keys()
    return figures(project.settings, activities, year, not_reported=missing, incomplete=partial)


def _render(
    project: Project,
    year: int,
    data: YearData,
    activities: list[Activity],
    texts: list[tuple[Path, str]],
    state: Completeness,
    template: Path | None,
    *,
    pdf: bool,
) -> list[PublishedFile]:
    """Every published file of the build, rendered in memory: the Vorlage first, then the Anlage, the PDF."""
    settings = project.settings
    year_settings = project.year_settings(year)
    timestamp = timestamp_for(year_settings)
    out = project.output_dir(year)
    names = {key: pattern.format(jahr=year) for key, pattern in _patterns(project).items()}
    for name in names.values():
        project.refuse_as_output(out / name)
    table = annex_table(settings, activities)  # the Anlage, assembled once for the docx and the xlsx
    annex = render_annex_xlsx(settings, table, year, timestamp, draft_mark=draft_mark(state))
    attachments = [
        Attachment("Tabellarische Übersicht der Kooperationsvorhaben", "Anlage 1 in diesem Dokument", None),
        Attachment("Tabellarische Übersicht als Tabelle", names["annex"], len(annex)),
    ]
    numbers = _figures(project, year, data, activities)
    document = assemble(settings, year_settings, table, numbers, texts, attachments, state)
    vorlage = render_docx(document, template)
    title = f"{year_settings.master.paper_type} {year_settings.master.number}" + (" (Entwurf)" if state.draft else "")
    published = [
        PublishedFile(title, names["vorlage"], vorlage),
        PublishedFile("Anlage 1: Tabellarische Übersicht", names["annex"], annex),
    ]
    if pdf:
        name = Path(names["vorlage"]).with_suffix(".pdf").name
        stamp = timestamp.replace(tzinfo=BERLIN)
        published.append(PublishedFile(f"{title} (PDF)", name, docx_bytes_to_pdf(vorlage, names["vorlage"], stamp),
                                       master=names["vorlage"]))  # fmt: skip
    return published


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
    for target in targets:
        if leads_out(target, project.root):
            raise UsageError(
                f"Die Ausgabe {target} führt über eine Verknüpfung aus dem Arbeitsordner hinaus und wird nicht "
                "geschrieben."
            )
