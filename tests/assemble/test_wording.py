"""Generated German reads right: number agreement in sentences, small numbers written out."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from typer.testing import CliRunner

from koopbericht.formatting import counted

from ..conftest import run
from ..workbooks import make_project, row, write_workbook


def test_counted_agrees_in_number() -> None:
    assert [counted(n, "Warnung", "Warnungen") for n in (0, 1, 2, 1234)] == [
        "0 Warnungen", "1 Warnung", "2 Warnungen", "1.234 Warnungen",
    ]  # fmt: skip


def test_one_of_everything_is_singular_in_the_vorlage(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "p")
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1, partner="Gemeinde Schwielowsee")])
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    text = " ".join(p.text for p in Document(str(project / "ausgabe/2023/Kooperationsbericht-2023.docx")).paragraphs)
    assert "Für 2023 hat ein Geschäftsbereich ein Vorhaben mit einem Kooperationspartner gemeldet." in text
    assert "Geschäftsbereiche 1" not in text and "1 verschiedenen" not in text


def test_one_of_everything_is_singular_in_the_terminal(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "p")
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1, partner="Schwielow-See")])
    code, output = run(runner, "validate", "2023", "-C", str(project))
    assert code == 0, output
    assert "0 Fehler, 2 Warnungen in 1 Datei mit 1 Vorhaben." in output, output  # Schwielow-See; GB2 missing


def test_overview_figures_right_aligned_total_bold_kept_together(tmp_path: Path, runner: CliRunner) -> None:
    import shutil

    from docx.oxml.ns import qn

    from ..conftest import EXAMPLE

    project = tmp_path / "potsdam"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("ausgabe"))
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    document = Document(str(project / "ausgabe/2023/Kooperationsbericht-2023.docx"))
    [overview] = [t for t in document.tables if t.rows[0].cells[0].text == "Geschäftsbereich"]
    rows = overview._tbl.findall(qn("w:tr"))
    for table_row in rows[:-1]:  # every row but the last is kept with the next: the table never splits
        assert all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in table_row.iter(qn("w:p")))
    for table_row in rows:
        cells = table_row.findall(qn("w:tc"))
        assert all(c.find(f".//{qn('w:jc')}") is not None for c in cells[1:])  # figures right-aligned
        assert cells[0].find(f".//{qn('w:jc')}") is None
    assert rows[-1].findall(f".//{qn('w:b')}") and overview.rows[-1].cells[0].text == "Gesamt"
