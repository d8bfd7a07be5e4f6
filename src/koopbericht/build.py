"""`build`: check, normalise, assemble and render a year into `ausgabe/JAHR/`.

Outputs are rendered completely in memory first and then each is written to a
temporary file and moved into place, so a failed build leaves the previous outputs
untouched. Errors in the data stop the build unless `allow_errors` is set; then the
rows with errors are left out and listed in the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .assemble import Attachment, assemble, figures, timestamp_for
from .errors import EXIT_FINDINGS, KoopberichtError, UsageError
from .fileio import write_all_atomic, write_bytes_atomic
from .findings import Report, Severity
from .pipeline import Progress, check_year
from .project import Project
from .render import PublishedFile, docx_to_pdf, render_annex_xlsx, render_docx, render_oparl


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


@dataclass
class BuildResult:
    """What a build wrote, and what it left out."""

    year: int
    outputs: list[Path]
    activities: int
    report: Report
    left_out: list[str] = field(default_factory=list)


def build_year(
    project: Project,
    year: int,
    *,
    allow_errors: bool = False,
    pdf: bool = False,
    template: Path | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the Vorlage, the Anlage xlsx and the OParl export of `year`."""
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
    numbers = figures(settings, activities, year)
    timestamp = timestamp_for(year_settings)
    out = project.output_dir(year)
    names = {key: pattern.format(jahr=year) for key, pattern in _patterns(project).items()}
    for name in names.values():
        project.refuse_as_output(out / name)

    annex = render_annex_xlsx(settings, activities, year, timestamp)
    attachments = [
        Attachment("Tabellarische Übersicht der Kooperationsvorhaben", "Anlage 1 in diesem Dokument", None),
        Attachment("Tabellarische Übersicht als Tabelle", names["annex"], len(annex)),
    ]
    document = assemble(settings, year_settings, activities, numbers, texts, attachments)
    vorlage = render_docx(document, template)
    main = PublishedFile(f"{year_settings.master.paper_type} {year_settings.master.number}", names["vorlage"], vorlage)
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
    return BuildResult(year, outputs, len(activities), data.report, data.left_out(activities))


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
