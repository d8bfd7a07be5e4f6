"""Hyphenation as a typesetter allows it, measured in the PDFs of the example and of a 2024 Entwurf.

Only free text is hyphenated, never a name, a vocabulary term or a link; never more than two
hyphenated lines follow one another; in the Vorlage's ragged-right text at most one line in
fifteen ends in a hyphen.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from koopbericht.assemble.annexlayout import name_words
from koopbericht.config.load import load_settings

from ..conftest import EXAMPLE, run
from ..libreoffice import soffice
from ..typesetting import broken_words, hyphenations, longest_hyphenated_run, source_words

VORLAGE, ANLAGE = "Kooperationsbericht-{year}", "Anlage-1-Kooperationsvorhaben-{year}"
FREE_TEXT = ("Vorhaben", "Beschreibung/Sachstand")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, int]]:
    """The example built for 2023, and a 2024 Entwurf from its forms (GB5 missing), both with --pdf."""
    soffice()
    runner = CliRunner()
    done = []
    for year in (2023, 2024):
        project = tmp_path_factory.mktemp(f"satz{year}") / "potsdam"
        shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("ausgabe"))
        if year == 2024:
            for command in ("jahr", "template"):
                code, output = run(runner, command, "2024", "-C", str(project))
                assert code == 0, output
            for form in (project / "ausgabe" / "2024" / "meldeboegen").glob("*.xlsx"):
                if not form.name.startswith("GB5"):
                    shutil.copy(form, project / "2024" / "meldungen" / form.name)
        code, output = run(runner, "build", str(year), "-C", str(project), "--pdf")
        assert code == 0, output
        done.append((project, year))
    return done


def output(project: Path, year: int, name: str, suffix: str) -> Path:
    return project / "ausgabe" / str(year) / f"{name.format(year=year)}.{suffix}"


def never_split(project: Path, year: int) -> set[str]:
    """Words hyphenation must not split: names and terms, every word of a cell outside free text, link texts."""
    words = set(name_words(load_settings(project)))
    for name in (VORLAGE, ANLAGE):
        document = docx.Document(str(output(project, year, name, "docx")))
        for table in document.tables:
            header = [cell.text for cell in table.rows[1].cells] if len(table.rows) > 1 else []
            for table_row in table.rows[2:]:
                for title, cell in zip(header, table_row.cells, strict=False):
                    if title not in FREE_TEXT:
                        words.update(cell.text.split())
        for paragraph in document.paragraphs:
            words.update(word for link in paragraph.hyperlinks for word in link.text.split())
    return {word.strip('„“"()[],;:.!?') for word in words}


def test_only_free_text_is_hyphenated_and_never_three_lines_in_a_row(builds: list[tuple[Path, int]]) -> None:
    for project, year in builds:
        protected = never_split(project, year)
        for name in (VORLAGE, ANLAGE):
            pdf, source = output(project, year, name, "pdf"), output(project, year, name, "docx")
            words = source_words(source)
            marks = hyphenations(pdf, words)
            split = [word for run in marks for word in run if word]
            assert split, f"{pdf.name}: no hyphenation at all is not what this test expects"
            assert not [word for word in split if word.strip('„“"()[],;:.!?') in protected], pdf.name
            assert longest_hyphenated_run(marks) <= 2, pdf.name
            assert broken_words(pdf, words) == [], pdf.name


def test_the_vorlage_hyphenates_rarely(builds: list[tuple[Path, int]]) -> None:
    for project, year in builds:
        pdf = output(project, year, VORLAGE, "pdf")
        marks = hyphenations(pdf, source_words(output(project, year, VORLAGE, "docx")))
        lines = sum(len(run) for run in marks)
        hyphenated = sum(1 for run in marks for word in run if word)
        assert hyphenated * 15 <= lines, (hyphenated, lines)
