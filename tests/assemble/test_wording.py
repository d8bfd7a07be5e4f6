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


def test_running_text_writes_small_numbers_out_and_cells_are_padded(example_copy: Path, runner: CliRunner) -> None:
    from docx.oxml.ns import qn

    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    document = Document(str(example_copy / "ausgabe/2023/Kooperationsbericht-2023.docx"))
    text = " ".join(p.text for p in document.paragraphs)
    assert "Für 2023 haben sechs Geschäftsbereiche 47 Vorhaben mit 43 verschiedenen Kooperationspartnern" in text
    for table in document.tables:  # text never sits on a rule
        margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
        assert margins is not None
        for side in ("top", "bottom"):
            padding = margins.find(qn(f"w:{side}"))
            assert padding is not None and int(padding.get(qn("w:w"))) >= 40  # 2 pt


def test_placeholders_write_numbers_two_to_twelve_out() -> None:
    from koopbericht.assemble.stats import YearFigures, placeholders
    from koopbericht.config.load import load_settings

    from ..conftest import EXAMPLE

    statuses = ("geplant", "laufend")
    figures = YearFigures(2024, 13, 12, 6, statuses, (), {"geplant": 1, "laufend": 12}, {}, frozenset())
    values = placeholders(figures, load_settings(EXAMPLE), "24/SVV/1")
    assert values["anzahl_geschaeftsbereiche"] == "sechs"
    assert values["anzahl_partner"] == "zwölf"
    assert values["anzahl_vorhaben"] == "13"
    assert values["anzahl_laufend"] == "zwölf"
    assert values["anzahl_geplant"] == "1"  # "eins Vorhaben" is wrong, and the noun that follows is unknown
