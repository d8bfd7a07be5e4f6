"""Anlage 1 set by a typesetter's rules: rows in Nr. order, „neu“ for no Nr., column widths from the settings."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.config.defaults import DEFAULT_VOCABULARIES
from koopbericht.document.widths import text_width

from ..conftest import run
from ..workbooks import annex_docx, make_project, row, write_workbook

POINTS = 9  # the Anlage's type size
CELL_MARGINS = 2 * 57  # twips left and right inside a cell


def annex_columns(project: Path) -> tuple[list[str], list[float], list[list[str]]]:
    """The first Anlage table's column titles, widths in em of the table's type, and body rows."""
    document = docx.Document(str(annex_docx(project)))
    table = document.tables[0]
    grid = table._tbl.find(qn("w:tblGrid"))
    assert grid is not None
    widths = [(int(column.get(qn("w:w"))) - CELL_MARGINS) / 20 / POINTS for column in grid]
    rows = [[cell.text for cell in r.cells] for r in table.rows]
    return rows[1], widths, rows[2:]  # rows[0]: the Geschäftsbereich's title row


def build(runner: CliRunner, project: Path, rows: list[list[object]]) -> None:
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", rows)
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output


def test_rows_follow_the_nr_in_natural_order_and_a_new_one_reads_neu(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "p")
    numbers = ["GB1-010", "GB1-008", None, "GB1-001", "GB1-002"]
    build(runner, project, [row(i, nr=nr) for i, nr in enumerate(numbers, start=1)])
    _, _, rows = annex_columns(project)
    assert [r[0] for r in rows] == ["GB1-001", "GB1-002", "GB1-008", "GB1-010", "neu"]
    assert rows[-1][1] == "Vorhaben Nummer 3"
    workbook = load_workbook(project / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx", read_only=True)
    cells = [str(value) for r in workbook.worksheets[0].iter_rows(values_only=True) for value in r]
    workbook.close()  # a read-only workbook holds its file open until closed
    titles = [text for text in cells if text.startswith("Vorhaben Nummer")]
    assert titles == [f"Vorhaben Nummer {n}" for n in (4, 5, 2, 1, 3)]  # the workbook shares the order


def test_widths_follow_from_the_settings_not_from_the_years_rows(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "p")
    build(runner, project, [row(1, form="Mitgliedschaft", status="laufend")])
    header, first, _ = annex_columns(project)
    long_words = "Kooperationsvereinbarung " * 20
    build(runner, project, [row(2, form="Erfahrungsaustausch", vorhaben=long_words, beschreibung=long_words * 5)])
    assert annex_columns(project)[1] == first  # another year's content, the same widths
    width = dict(zip(header, first, strict=True))
    assert width["Vorhaben"] >= width["Kooperationsform"]
    assert width["Vorhaben"] >= text_width("Kooperationsvereinbarung")
    for title, vocabulary in (("Kooperationsform", "kooperationsform"), ("Status", "status")):
        for value in DEFAULT_VOCABULARIES[vocabulary].values:
            assert all(text_width(word) <= width[title] for word in value.split()), (title, value)
    assert width["Nr."] >= text_width("GB1-000")
    assert width["Beschreibung/Sachstand"] > width["Vorhaben"]  # the longest text gets the most room


def test_only_free_text_may_be_hyphenated_and_names_in_it_never(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "p")
    text = "Gemeinsam mit dem Landkreis Potsdam-Mittelmark, der Gemeinde Schwielowsee und weiteren Partnern."
    build(runner, project, [row(1, beschreibung=text)])
    document = docx.Document(str(annex_docx(project)))
    header = [cell.text for cell in document.tables[0].rows[1].cells]
    for column, cell in zip(header, document.tables[0].rows[2].cells, strict=True):
        properties = cell.paragraphs[0]._p.pPr
        suppressed = properties is not None and properties.find(qn("w:suppressAutoHyphens")) is not None
        assert suppressed == (column not in ("Vorhaben", "Beschreibung/Sachstand")), column
    runs = document.tables[0].rows[2].cells[header.index("Beschreibung/Sachstand")].paragraphs[0].runs
    kept = [piece.text for piece in runs if piece._r.rPr is not None and piece._r.rPr.find(qn("w:noProof")) is not None]
    assert kept == ["Landkreis Potsdam-Mittelmark,", "Gemeinde Schwielowsee"]
    for piece in runs:
        language = piece._r.rPr.find(qn("w:lang")) if piece._r.rPr is not None else None
        assert (language is not None and language.get(qn("w:val")) == "x-none") == (piece.text in kept)
