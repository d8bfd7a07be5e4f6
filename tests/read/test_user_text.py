"""User text never becomes structure: internal markers typed anywhere are printed as they are.

The Vorlage's tables are spliced into `word/document.xml` while the package is written.
Whatever marks their places must be out of reach of every user string: a Markdown text, a
cell of a Meldebogen, the Betreff or the Erläuterung in `vorlage.toml`.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from openpyxl import load_workbook
from typer.testing import CliRunner

from ..conftest import REPO, built_copy_of_example, run
from ..workbooks import annex_docx

VALIDATOR = REPO.parent / "shared" / "ooxml" / "validate_ooxml.py"
# Every form a table's place has ever been marked with: the old marker paragraph's text and the
# processing instruction that marks it now, complete and as a bare target name.
PAYLOAD = "Vermerk KOOPBERICHT-TABELLE-0 KOOPBERICHT-TABELLE-1 <?koopbericht-tabelle 0?> koopbericht-tabelle Ende"
YEAR = REPO / "examples" / "potsdam" / "2023"


def docx_path(project: Path) -> Path:
    return project / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"


def paragraph_texts(path: Path) -> list[str]:
    """The text of every paragraph in the body, table cells included, in document order."""
    body = Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def table_count(path: Path) -> int:
    return len(Document(str(path)).element.body.findall(".//" + qn("w:tbl")))


@pytest.fixture(scope="module")
def plain_tables(tmp_path_factory: pytest.TempPathFactory) -> int:
    """The number of tables in a build of the unchanged example."""
    return table_count(docx_path(built_copy_of_example(tmp_path_factory.mktemp("ohne"))))


def in_markdown(project: Path) -> int:
    """A heading, a paragraph and a list item of a text file; returns how many places."""
    path = project / "2023" / "text" / "02-sachstand.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text}\n## Anhang {PAYLOAD}\n\nIm Text: {PAYLOAD}\n\n- Punkt: {PAYLOAD}\n", encoding="utf-8")
    return 3


def in_meldebogen(project: Path) -> int:
    """The Vorhaben and the Beschreibung of one Vorhaben in a Meldebogen."""
    path = project / "2023" / "meldungen" / "GB1_Meldebogen_2023.xlsx"
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[4]]
    for column in ("Vorhaben", "Beschreibung/Sachstand"):
        sheet.cell(5, header.index(column) + 1, f"{column}: {PAYLOAD}")
    workbook.save(path)
    return 2


def in_vorlage(project: Path) -> int:
    """The Betreff (Grunddaten table) and the Erläuterung (a paragraph) of vorlage.toml."""
    path = project / "2023" / "vorlage.toml"
    text = path.read_text(encoding="utf-8")
    betreff = 'betreff = "5. Kooperationsbericht der interkommunalen Zusammenarbeit"'
    assert betreff in text
    text = text.replace(betreff, f'betreff = "Betreff {PAYLOAD}"')
    text = text.replace('text = """\n', f'text = """\nErläuterung {PAYLOAD}\n\n', 1)
    path.write_text(text, encoding="utf-8")
    return 2


def everywhere(project: Path) -> int:
    return in_markdown(project) + in_meldebogen(project) + in_vorlage(project)


@pytest.mark.parametrize("plant", [in_markdown, in_meldebogen, in_vorlage, everywhere])
def test_markers_in_user_text_are_only_text(
    plant: Callable[[Path], int], example_copy: Path, runner: CliRunner, plain_tables: int
) -> None:
    places = plant(example_copy)
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    path, annex = docx_path(example_copy), annex_docx(example_copy)
    assert sum(PAYLOAD in text for text in paragraph_texts(path) + paragraph_texts(annex)) == places
    assert table_count(path) == plain_tables
    if plant in (in_vorlage, everywhere):
        assert Document(str(path)).core_properties.title == f"Betreff {PAYLOAD}"
    assert_valid(path)
    assert_valid(annex)


def test_places_in_a_word_template_are_ignored(example_copy: Path, runner: CliRunner, plain_tables: int) -> None:
    """A template whose document.xml holds a table's place, bare or inside a comment, changes nothing."""
    template = example_copy / "hausvorlage.docx"
    Document().save(str(template))
    with zipfile.ZipFile(template) as source:
        members = [(item, source.read(item.filename)) for item in source.infolist()]
    with zipfile.ZipFile(template, "w") as target:
        for item, data in members:
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                section = root.find(f"{qn('w:body')}/{qn('w:sectPr')}")
                assert section is not None
                section.insert(0, etree.ProcessingInstruction("koopbericht-tabelle", "0"))
                section.insert(0, etree.Comment(" <?koopbericht-tabelle 1?> "))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, data)
    code, output = run(runner, "build", "2023", "-C", str(example_copy), "--template", str(template))
    assert code == 0, output
    path = docx_path(example_copy)
    assert table_count(path) == plain_tables
    with zipfile.ZipFile(path) as package:
        assert b"koopbericht-tabelle" not in package.read("word/document.xml")
    assert_valid(path)


def assert_valid(path: Path) -> None:
    """The package validates against the ISO 29500 schemas (with ../shared beside the checkout)."""
    if not VALIDATOR.is_file():
        pytest.skip(f"OOXML-Validator fehlt: {VALIDATOR} (../shared liegt nicht neben dem Checkout)")
    result = subprocess.run(
        [sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 distinct problem(s)" in result.stdout, result.stdout
