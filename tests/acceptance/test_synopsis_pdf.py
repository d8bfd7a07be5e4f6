"""`compare --format docx --pdf`: the Synopse's PDF passes the PDF tests of the Vorlage (tests/pdfrules.py).

It is made by the same one LibreOffice as `build --pdf`, with the same PDF/A-2b and PDF/UA-1
repairs, and is identical on rebuild. LibreOffice takes seconds, so the run is module-wide.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from ..conftest import EXAMPLE, run
from ..libreoffice import soffice
from ..pdfrules import (
    accessibility_gaps,
    paths_outside_marked_content,
    text_outside_marked_content,
    undeclared_xmp_schemas,
)

PDF = Path("ausgabe") / "2023" / "Synopse-2022-2023.pdf"


def _synopsis(project: Path, *options: str) -> bytes:
    code, output = run(CliRunner(), "compare", "2022", "2023", "-C", str(project), "--format", "docx", "--pdf",
                       *options)  # fmt: skip
    assert code == 0, output
    assert f"Synopse geschrieben: {project / PDF}" in output
    return (project / PDF).read_bytes()


@pytest.fixture(scope="module")
def synopsis(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    soffice()
    project = tmp_path_factory.mktemp("synopse-pdf") / "potsdam"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("ausgabe"))
    return project, _synopsis(project, "--nachverfolgung")


def test_the_pdf_passes_the_pdf_rules(synopsis: tuple[Path, bytes]) -> None:
    _, pdf = synopsis
    assert undeclared_xmp_schemas(pdf) == []
    assert paths_outside_marked_content(pdf) == []
    assert text_outside_marked_content(pdf) == []
    assert accessibility_gaps(pdf) == []


def test_the_pdf_is_pdf_a_2b_in_german_and_shows_the_marked_words(synopsis: tuple[Path, bytes]) -> None:
    project, _ = synopsis
    with pikepdf.open(project / PDF) as document:
        xmp = document.Root.Metadata.read_bytes()
        assert b"<pdfaid:part>2</pdfaid:part>" in xmp and b"<pdfaid:conformance>B</pdfaid:conformance>" in xmp
        assert str(document.Root.Lang) == "de-DE"
        assert len(document.pages) > 3
    text = _text(project / PDF)
    assert "Synopse der Kooperationsberichte 2022 und 2023" in text
    assert "Keine verwendbare Meldung" not in text  # every Geschäftsbereich reported in the example


def test_the_pdf_is_identical_on_rebuild(synopsis: tuple[Path, bytes]) -> None:
    project, pdf = synopsis
    assert _synopsis(project, "--nachverfolgung") == pdf


def _text(path: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
