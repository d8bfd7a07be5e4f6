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
from ..fileio import write_all_atomic, write_bytes_atomic
from ..findings import Report, Severity
from ..model import Activity
from ..paths import leads_out
from ..pipeline import Progress, check_year
from ..project import Project
from ..render import PublishedFile, docx_to_pdf, render_annex_xlsx, render_docx, render_oparl
from ..yeardata import YearData


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
    files = _render(project, year, data, activities, texts, state, template)
    write_all_atomic(files)  # all three replaced together, or none (OutputError says which failed)
    outputs = list(files)
    if pdf:
        vorlage = outputs[0]
        target = vorlage.with_suffix(".pdf")
        write_bytes_atomic(target, docx_to_pdf(vorlage))
        outputs.append(target)
    return BuildResult(year, outputs, len(activities), data.report, data.left_out(activities), list(state.reasons))


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
) -> dict[Path, bytes]:
    """Every output of the build, rendered in memory, by the path it is written to (the Vorlage first)."""
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
    main = PublishedFile(title, names["vorlage"], vorlage)
    extra = [PublishedFile("Anlage 1: Tabellarische Übersicht", names["annex"], annex)]
    oparl = render_oparl(settings, year_settings, main, extra, timestamp)
    files = {out / names["vorlage"]: vorlage, out / names["annex"]: annex, out / names["oparl"]: oparl}
    _refuse_links_out(project, list(files))
    return files


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
