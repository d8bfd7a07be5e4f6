"""The key figures of every year in the working folder, for the Vorlage's development table.

An earlier year's figures come from the `kennzahlen.json` its build wrote; only where that
file is missing or unreadable are its Meldebögen read and checked again (which costs as
much as validating that year). A year whose figures cannot be had either way is named as
unreadable, never counted as zero.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..assemble.completeness import not_reported
from ..assemble.development import KEY_FIGURES_FILE, PLACEHOLDER, KeyFigures, UnreadableYear, key_figures
from ..document import Paragraph
from ..errors import KoopberichtError
from ..project.folder import MAX_YEAR, MIN_YEAR, Project
from ..read.texts.sections import MarkdownText, NarrativeText
from ..year.pipeline import check_year


def development(project: Project, current: KeyFigures) -> list[KeyFigures | UnreadableYear]:
    """The figures of every earlier year in the working folder, oldest first, and then `current`."""
    years: list[KeyFigures | UnreadableYear] = [_figures_of(project, y) for y in earlier_years(project, current.year)]
    return [*years, current]


def earlier_years(project: Project, year: int) -> list[int]:
    """The years before `year` with a year folder or with key figures in the output folder."""
    found = set(project.years())
    output = project.root / project.settings.output.folder
    if output.is_dir():
        for child in output.iterdir():
            plausible = child.name.isdigit() and MIN_YEAR <= int(child.name) <= MAX_YEAR
            if plausible and (child / KEY_FIGURES_FILE).is_file():
                found.add(int(child.name))
    return sorted(y for y in found if y < year)


def _figures_of(project: Project, year: int) -> KeyFigures | UnreadableYear:
    stored = project.output_dir(year) / KEY_FIGURES_FILE
    try:
        return KeyFigures.from_json(stored.read_bytes(), year)
    except (OSError, ValueError):
        pass  # not built yet, or a file of another version: the Meldebögen tell
    return from_meldeboegen(project, year)


def from_meldeboegen(project: Project, year: int) -> KeyFigures | UnreadableYear:
    """The figures of `year` read from its Meldebögen (rows with errors left out, as a build would)."""
    reports = project.reports_dir(year)
    if not reports.is_dir():
        return UnreadableYear(year, f"weder {Path(str(year)) / 'meldungen'} noch {KEY_FIGURES_FILE} vorhanden")
    try:
        data = check_year(project, year, against_previous=False)
    except KoopberichtError as error:
        return UnreadableYear(year, f"nicht lesbar: {error}")
    if not any(state.usable for state in data.departments):
        return UnreadableYear(year, "kein Meldebogen lesbar")
    return key_figures(project.settings, year, data.publishable(), not_reported(data), data.partner_names())


def asks_for_development(texts: Sequence[NarrativeText]) -> bool:
    """Whether a text holds `{{ entwicklung }}`: only then are the earlier years read."""
    pattern = re.compile(r"\{\{\s*" + PLACEHOLDER + r"\s*\}\}")
    for text in texts:
        if isinstance(text, MarkdownText):
            if pattern.search(text.text):
                return True
        elif any(
            isinstance(block, Paragraph) and pattern.search("".join(run.text for run in block.runs))
            for block in text.blocks
        ):
            return True
    return False
