"""`build`: check, normalise, assemble and render a year into `ausgabe/JAHR/`.

Outputs are rendered completely in memory first and then each is written to a
temporary file and moved into place, so a failed build leaves the previous outputs
untouched. Errors in the data stop the build unless `allow_errors` is set; then the
rows with errors are left out and listed in the result.

A build is an Entwurf while anything is incomplete (see `completeness`) or a finding calls published
content probably wrong and the clerk has not accepted it (`YearData.doubts`); the reasons
are computed once, here, and the document, the terminal and the core properties all
show the same ones. `final=True` (`--endfassung`) refuses an incomplete year before
anything is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..assemble import (
    Annex,
    Attachment,
    Completeness,
    YearFigures,
    annex_document,
    annex_table,
    assemble,
    draft_mark,
    figures,
    timestamp_for,
)  # fmt: skip
from ..assemble.annexdoc import ANNEX_TITLE
from ..assemble.completeness import completeness, incomplete, not_reported
from ..assemble.development import KEY_FIGURES_FILE, KeyFigures, key_figures
from ..config import YearSettings
from ..errors import BuildRefused, DraftRefused, UsageError
from ..files.atomic import write_all_atomic
from ..files.paths import leads_out
from ..findings import Report, Severity
from ..model import Activity
from ..project.folder import Project
from ..read.texts.carried import carried_texts
from ..read.texts.sections import NarrativeText, read_texts
from ..read.texts.wordtext import WordText
from ..render import PublishedFile, find_soffice, render_annex_xlsx, render_docx
from ..render.pdf.convert import no_libreoffice, pdf_of
from ..render.pdf.libreoffice import Office, libreoffice
from ..render.pdf.soffice import german_hyphenation, no_hyphenation
from ..year import YearData
from ..year.accepted import doubt_line
from ..year.pipeline import Progress, check_year
from .development import asks_for_development, development
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
    program, pdf_notices = _converter(pdf, final=final)
    without_pdf = pdf and program is None  # the rest is written, then the missing LibreOffice is named
    # Started now, LibreOffice gets ready while the year is checked; it is ended when the block is left.
    with libreoffice() if program is not None else contextlib.nullcontext() as office:
        data = check_year(project, year, today=today, progress=progress)
        if data.report.count(Severity.ERROR) and not allow_errors:
            raise BuildRefused(data.report)
        activities = data.publishable()
        texts, text_notes = read_texts(project.text_dir(year), project.relative)
        state = _state(project, year_settings, data, activities, texts)
        if final and state.draft:
            raise DraftRefused(year, state.reasons)
        numbers = key_figures(project.settings, year, activities, not_reported(data), data.partner_names())
        published = _render(project, year_settings, data, activities, texts, state, template, numbers, office=office)
    out = project.output_dir(year)
    oparl = oparl_outputs(project, year_settings, published, draft=state.draft, now=now)
    files = {out / item.file_name: item.data for item in published} | oparl.files
    files[out / KEY_FIGURES_FILE] = numbers.to_json()  # what a later year's development table reads
    notices = data.report.notices + text_notes + [w for t in texts if isinstance(t, WordText) for w in t.warnings]
    notices += pdf_notices
    notices += oparl.notices if project.settings.oparl.base_url else [NO_OPARL]
    notices += _stale_pdfs(project, year, published)
    _refuse_links_out(project, list(files))
    write_all_atomic(files)  # all replaced together, or none (OutputError says which failed)
    if without_pdf:
        raise no_libreoffice()
    outputs = [path for path in files if not path.name.startswith(".")]
    left_out = data.left_out(activities)
    return BuildResult(year, outputs, len(activities), data.report, left_out, list(state.reasons), notices)


def _state(
    project: Project,
    year_settings: YearSettings,
    data: YearData,
    activities: list[Activity],
    texts: list[NarrativeText],
) -> Completeness:
    """Whether this build is an Endfassung: complete, and no finding left open that calls published content wrong."""
    carried = carried_texts(project.text_dir(year_settings.year), project.relative)
    state = completeness(project.settings, year_settings, data, activities, texts, carried)
    public = frozenset(column.title for column in project.settings.public_columns())
    return state.with_doubts(tuple(doubt_line(finding) for finding in data.doubts(public)))


def _converter(pdf: bool, *, final: bool) -> tuple[str | None, list[str]]:
    """The LibreOffice that makes the PDFs (None without --pdf or without LibreOffice) and what to say about it.

    Without German hyphenation LibreOffice breaks long words anywhere: an Endfassung is refused before
    anything is written (--endfassung); any other build gets its PDFs and a notice.
    """
    program = find_soffice() if pdf else None
    if program is None or german_hyphenation(program) is not None:
        return program, []
    if final:
        raise no_hyphenation(program, final=True)
    missing = no_hyphenation(program, final=False)
    return program, [f"{missing.message} {missing.details()[-1]}"]


def _figures(project: Project, year: int, data: YearData, activities: list[Activity]) -> YearFigures:
    """The Überblick's figures: a Geschäftsbereich has one state (not reported, incomplete, or complete)."""
    return figures(
        project.settings, activities, year,
        not_reported=not_reported(data), incomplete=incomplete(data), partner_names=data.partner_names(),
    )  # fmt: skip


def _render(
    project: Project,
    year_settings: YearSettings,
    data: YearData,
    activities: list[Activity],
    texts: list[NarrativeText],
    state: Completeness,
    template: Path | None,
    this_year: KeyFigures,
    *,
    office: Office | None,
) -> list[PublishedFile]:
    """Every published file, rendered in memory: the Vorlage first, then the Anlage files, then the PDFs.

    With a running LibreOffice (`office`), the Anlage's PDF is made first (the Vorlage lists its size), then
    the Vorlage's, by the same LibreOffice.
    """
    pdf = office is not None
    settings = project.settings
    year = year_settings.year
    out = project.output_dir(year)
    names = {key: pattern.format(jahr=year) for key, pattern in _patterns(project).items()}
    for name in names.values():
        project.refuse_as_output(out / name)
    stamp = timestamp_for(year_settings).replace(tzinfo=BERLIN)
    table = annex_table(settings, activities)  # the Anlage, assembled once for every file that shows it
    annex = _annex_files(project, year_settings, table, state, template, names, office, stamp)
    uploaded = annex[2] if pdf else annex[0]  # the PDF is what goes into the council system, where there is one
    attachments = [
        Attachment(ANNEX_TITLE, uploaded.file_name, len(uploaded.data)),  # Nr. 1
        Attachment(f"{ANNEX_TITLE} als Excel-Arbeitsmappe", annex[1].file_name, len(annex[1].data)),  # Nr. 2
    ]
    numbers = _figures(project, year, data, activities)
    years = development(project, this_year) if asks_for_development(texts) else [this_year]
    document = assemble(settings, year_settings, table, numbers, texts, attachments, state, years)
    vorlage = render_docx(document, template)
    title = f"{year_settings.master.paper_type} {year_settings.master.number}"
    draft = " (Entwurf)" if state.draft else ""  # always last: "… (PDF) (Entwurf)"
    published = [PublishedFile(title + draft, names["vorlage"], vorlage), *annex[:2]]
    if office is not None:
        name = _pdf_name(names["vorlage"])
        rendered = pdf_of(office, vorlage, names["vorlage"], stamp)
        published.append(PublishedFile(f"{title} (PDF){draft}", name, rendered, master=names["vorlage"]))
    return published + annex[2:]


def _annex_files(
    project: Project,
    year_settings: YearSettings,
    table: Annex,
    state: Completeness,
    template: Path | None,
    names: dict[str, str],
    office: Office | None,
    stamp: dt.datetime,
) -> list[PublishedFile]:
    """The Anlage as docx, as xlsx, and with a running LibreOffice (`office`) as PDF dated `stamp`."""
    settings = project.settings
    draft = " (Entwurf)" if state.draft else ""
    document = render_docx(annex_document(settings, year_settings, table, state), template)
    workbook = render_annex_xlsx(settings, table, year_settings.year, timestamp_for(year_settings),
                                 draft_mark=draft_mark(state))  # fmt: skip
    files = [
        PublishedFile(f"Anlage 1: {ANNEX_TITLE}{draft}", names["annex_document"], document),
        PublishedFile(f"Anlage 2: {ANNEX_TITLE} als Excel-Arbeitsmappe{draft}", names["annex"], workbook),
    ]
    if office is not None:
        name = _pdf_name(names["annex_document"])
        data = pdf_of(office, document, names["annex_document"], stamp)
        files.append(PublishedFile(f"Anlage 1: {ANNEX_TITLE} (PDF){draft}", name, data, master=names["annex_document"]))
    return files


def _stale_pdfs(project: Project, year: int, published: list[PublishedFile]) -> list[str]:
    """PDFs of an earlier build that this one did not write: they no longer show the current state."""
    written = {item.file_name for item in published}
    out = project.output_dir(year)
    lines = []
    for key in ("vorlage", "annex_document"):
        name = _pdf_name(_patterns(project)[key].format(jahr=year))
        if name not in written and (out / name).is_file():
            lines.append(
                f"{project.relative(out / name)} stammt von einem früheren Bau und zeigt nicht den jetzigen Stand; "
                "mit --pdf neu erzeugen oder die Datei löschen (sie fehlt im OParl-Export)."
            )
    return lines


def _pdf_name(docx_name: str) -> str:
    """The name of a Word file's PDF: beside it, with .pdf instead of .docx."""
    return Path(docx_name).with_suffix(".pdf").name


def _patterns(project: Project) -> dict[str, str]:
    output = project.settings.output
    return {
        "vorlage": output.vorlage_file,
        "annex_document": output.annex_document_file,
        "annex": output.annex_file,
        "oparl": output.oparl_file,
    }


def _refuse_links_out(project: Project, targets: list[Path]) -> None:
    """An output folder or file that is a link leading out of the working folder is refused."""
    for target in targets:
        if leads_out(target, project.root):
            raise UsageError(
                f"Die Ausgabe {target} führt über eine Verknüpfung aus dem Arbeitsordner hinaus und wird nicht "
                "geschrieben."
            )
