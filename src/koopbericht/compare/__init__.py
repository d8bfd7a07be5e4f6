"""Comparing two years: alignment, differences as data, and their presentations."""

from __future__ import annotations

from pathlib import Path

from ..errors import EXIT_FINDINGS, KoopberichtError, UsageError
from ..findings import Severity
from ..pipeline import Progress, check_year
from ..project import Project
from .diff import Change, Comparison, Counts, FieldChange, Uncomparable, compare
from .gaps import Gap, Withheld, year_gaps
from .present import caveats, to_json, to_markdown, to_xlsx


class YearHasErrors(KoopberichtError):
    """A year to compare has errors and --trotz-fehlern was not given."""

    exit_code = EXIT_FINDINGS


def compare_years(
    project: Project, year_old: int, year_new: int, *, allow_errors: bool = False, progress: Progress | None = None
) -> Comparison:
    """Check both years and compare their publishable activities.

    The earlier year comes first. Reversed years are refused (a usage error) rather than compared: "neu" and
    "nicht mehr gemeldet" would silently swap their meaning, and a narrative pasted from it would read wrong.
    Geschäftsbereiche without usable Meldebogen in one year and rows left out by errors are kept apart as
    "nicht vergleichbar" (see `gaps`).
    """
    if year_old == year_new:
        raise UsageError("Bitte zwei verschiedene Jahre angeben, z. B. „koopbericht compare 2022 2023“.")
    if year_old > year_new:
        raise UsageError(
            f"Das frühere Jahr kommt zuerst: „koopbericht compare {year_new} {year_old}“. "
            f"Umgekehrt wären „neu“ und „nicht mehr gemeldet“ vertauscht."
        )
    data = {}
    left_out: list[str] = []
    gaps: list[Gap] = []
    withheld: dict[int, list[Withheld]] = {}
    read_columns: dict[str, frozenset[str]] = {}
    unread: list[str] = []
    departments = [d.code for d in project.settings.departments]
    for year in (year_old, year_new):
        folder = project.reports_dir(year)
        if not folder.is_dir():
            raise UsageError(f"Für {year} gibt es keinen Ordner {Path(str(year)) / 'meldungen'} im Arbeitsordner.")
        checked = check_year(project, year, progress=progress)
        errors = checked.report.count(Severity.ERROR)
        if errors and not allow_errors:
            raise YearHasErrors(
                f"Die Meldebögen {year} enthalten {errors} Fehler („koopbericht validate {year}“ zeigt sie). "
                "Mit --trotz-fehlern wird ohne die fehlerhaften Zeilen verglichen."
            )
        published = checked.publishable()
        for file_result in checked.files:
            read_columns[file_result.source.file] = file_result.columns
            unread += [f"{year}: {file_result.source.file}: {line}" for line in file_result.unpublished]
        left_out += [f"{year}: {line}" for line in checked.left_out(published)]
        year_gaps_found, withheld[year] = year_gaps(checked, year, departments)
        gaps += year_gaps_found
        data[year] = published
    gaps.sort(key=lambda gap: (departments.index(gap.department), gap.year))
    result = compare(
        project.settings, year_old, data[year_old], year_new, data[year_new],
        withheld_old=withheld[year_old], withheld_new=withheld[year_new], gaps=gaps, read_columns=read_columns,
    )  # fmt: skip
    result.left_out = left_out
    result.unread = unread
    return result


__all__ = [
    "Change", "Comparison", "Counts", "FieldChange", "Gap", "Uncomparable", "Withheld", "YearHasErrors",
    "caveats", "compare", "compare_years", "to_json", "to_markdown", "to_xlsx", "year_gaps",
]  # fmt: skip
