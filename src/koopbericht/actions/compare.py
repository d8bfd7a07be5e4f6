"""`compare`: check two years, compare what each publishes, and write the comparison where asked."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..compare import Comparison, Gap, Withheld, compare, year_gaps
from ..errors import UsageError, YearHasErrors
from ..files.atomic import write_bytes_atomic
from ..findings import Severity
from ..project.folder import Project
from ..render.comparison import to_json, to_markdown, to_xlsx
from ..year.pipeline import Progress, check_year
from .synopsis import missing_libreoffice, synopsis_office, write_synopsis

FORMATS = ("text", "markdown", "json", "xlsx", "docx")


@dataclass(frozen=True)
class CompareOutcome:
    """The comparison, the file it was written to (None: it is for the terminal), and what to point out."""

    comparison: Comparison
    written: Path | None
    notices: tuple[str, ...]
    written_too: tuple[Path, ...] = ()  # the Synopse's PDF


def compare_and_write(
    project: Project,
    year_old: int,
    year_new: int,
    *,
    format: str = "text",
    target: Path | None = None,
    allow_errors: bool = False,
    as_text: Callable[[Comparison], str] | None = None,
    progress: Progress | None = None,
    pdf: bool = False,
    tracked: bool = False,
) -> CompareOutcome:
    """Compare the years and write the comparison to `target` (xlsx and docx always go to a file).

    Without `target`, an xlsx goes to `ausgabe/JAHR_B/Vergleich-JAHR_A-JAHR_B.xlsx`, the Synopse (docx;
    with `pdf` also as PDF, with `tracked` with Word tracked changes) to `ausgabe/JAHR_B/Synopse-…`, and
    every other format is left for the terminal. `as_text` renders the text format for a file.
    """
    if format not in FORMATS:
        raise UsageError(f"Unbekanntes Format „{format}“. Erlaubt: {', '.join(FORMATS)}.")
    if (pdf or tracked) and format != "docx":
        raise UsageError("--pdf und --nachverfolgung gelten nur für die Synopse („--format docx“).")
    if format == "docx":
        return _synopsis(project, year_old, year_new, target, allow_errors, progress, pdf=pdf, tracked=tracked)
    comparison = compare_years(project, year_old, year_new, allow_errors=allow_errors, progress=progress)
    if format == "xlsx" and target is None:
        target = project.output_dir(year_new) / f"Vergleich-{year_old}-{year_new}.xlsx"
    if target is not None:
        project.refuse_as_output(target)
        write_bytes_atomic(target, _rendered(comparison, format, as_text))
    return CompareOutcome(comparison, target, _notices(comparison, in_output=format != "text" or target is not None))


def _notices(comparison: Comparison, *, in_output: bool) -> tuple[str, ...]:
    notices = [f"Weggelassen wegen Fehlern: {line}" for line in comparison.left_out]
    if in_output:
        # The caveat is in the output itself; this is for whoever only looks at the terminal.
        notices += [f"Nicht vergleichbar: {gap}" for gap in comparison.gaps]
        if comparison.not_comparable:
            notices.append(
                f"Vergleich unvollständig: {len(comparison.not_comparable)} Vorhaben nicht vergleichbar "
                "(der Vorbehalt steht in der Ausgabe)."
            )
    return tuple(notices)


def _synopsis(
    project: Project, year_old: int, year_new: int, target: Path | None, allow_errors: bool,
    progress: Progress | None, *, pdf: bool, tracked: bool,
) -> CompareOutcome:  # fmt: skip
    """The Synopse as .docx (and PDF); a missing LibreOffice is named after the .docx is written."""
    with synopsis_office(pdf) as (office, without_pdf, pdf_notices):
        comparison = compare_years(project, year_old, year_new, allow_errors=allow_errors, progress=progress)
        written = write_synopsis(project, comparison, target, office=office, tracked=tracked,
                                 check=project.refuse_as_output)  # fmt: skip
    if without_pdf:
        raise missing_libreoffice()
    notices = (*pdf_notices, *_notices(comparison, in_output=True))
    return CompareOutcome(comparison, written[0], notices, tuple(written[1:]))


def _rendered(comparison: Comparison, format: str, as_text: Callable[[Comparison], str] | None) -> bytes:
    if format == "xlsx":
        return to_xlsx(comparison)
    if format == "json":
        return (json.dumps(to_json(comparison), ensure_ascii=False, indent=2) + "\n").encode()
    if format == "markdown":
        return to_markdown(comparison).encode()
    if as_text is None:
        raise UsageError("Das Textformat kann hier nicht in eine Datei geschrieben werden; bitte markdown wählen.")
    return as_text(comparison).encode()


def compare_years(
    project: Project, year_old: int, year_new: int, *, allow_errors: bool = False, progress: Progress | None = None
) -> Comparison:
    """Check both years and compare their publishable activities.

    The earlier year comes first. Reversed years are refused (a usage error) rather than compared: "neu" and
    "nicht mehr gemeldet" would silently swap their meaning, and a narrative pasted from it would read wrong.
    Geschäftsbereiche without usable Meldebogen in one year and rows left out by errors are kept apart as
    "nicht vergleichbar" (see `compare.gaps`).
    """
    _refuse_order(year_old, year_new)
    data = {}
    left_out: list[str] = []
    gaps: list[Gap] = []
    withheld: dict[int, list[Withheld]] = {}
    read_columns: dict[str, frozenset[str]] = {}
    partner_names: dict[str, str] = {}  # misspelt partners of both years, by the registered name they mean
    unread: list[str] = []
    departments = [d.code for d in project.settings.departments]
    for year in (year_old, year_new):
        folder = project.reports_dir(year)
        if not folder.is_dir():
            raise UsageError(f"Für {year} gibt es keinen Ordner {Path(str(year)) / 'meldungen'} im Arbeitsordner.")
        checked = check_year(project, year, progress=progress, against_previous=False)  # warnings are not compared
        errors = checked.report.count(Severity.ERROR)
        if errors and not allow_errors:
            raise YearHasErrors(year, errors)
        published = checked.publishable()
        partner_names |= checked.partner_names()
        for file_result in checked.files:
            read_columns[file_result.source.file] = file_result.columns
            unread += [f"{year}: {file_result.source.file}: {line}" for line in file_result.unpublished]
        left_out += [f"{year}: {line}" for line in checked.left_out(published)]
        year_gaps_found, withheld[year] = year_gaps(checked, year)
        gaps += year_gaps_found
        data[year] = published
    gaps.sort(key=lambda gap: (departments.index(gap.department), gap.year))
    result = compare(
        project.settings, year_old, data[year_old], year_new, data[year_new],
        withheld_old=withheld[year_old], withheld_new=withheld[year_new], gaps=gaps, read_columns=read_columns,
        partner_names=partner_names,
    )  # fmt: skip
    result.left_out = left_out
    result.unread = unread
    return result


def _refuse_order(year_old: int, year_new: int) -> None:
    if year_old == year_new:
        raise UsageError("Bitte zwei verschiedene Jahre angeben, z. B. „koopbericht compare 2022 2023“.")
    if year_old > year_new:
        raise UsageError(
            f"Das frühere Jahr kommt zuerst: „koopbericht compare {year_new} {year_old}“. "
            f"Umgekehrt wären „neu“ und „nicht mehr gemeldet“ vertauscht."
        )
