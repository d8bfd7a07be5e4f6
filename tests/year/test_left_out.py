"""What errors keep out of a publication is decided by each finding's scope, and always named."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.findings import CATALOGUE, Scope
from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_year

from ..conftest import run
from ..workbooks import HEADER, annex_docx, make_project, row, write_workbook


def test_every_finding_type_declares_its_scope() -> None:
    scopes = {kind.code: kind.scope for kind in CATALOGUE}
    assert scopes["spalte-fehlt"] is Scope.FILE
    assert scopes["spalte-doppelt"] is Scope.COLUMN
    assert scopes["meldebogen-fehlt"] is Scope.YEAR
    assert scopes["nr-doppelt"] is Scope.ROW
    assert scopes["pflichtwert-fehlt"] is Scope.CELL


def test_a_missing_required_column_keeps_the_files_rows_out_and_says_so(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "projekt")
    renamed = [("Erläuterung GB2" if title == "Beschreibung/Sachstand" else title) for title in HEADER]
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1, vorhaben="Radweg Süd")])
    write_workbook(
        project / "2023" / "meldungen" / "GB2_Meldebogen.xlsx",
        [row(1, nr="GB2-001", vorhaben="Wasserverband Nord"), row(2, nr="GB2-002", vorhaben="Schulweg West")],
        header=renamed,
    )
    data = check_year(Project.open(project), 2023)
    assert [a.title for a in data.publishable()] == ["Radweg Süd"]
    reason = "Pflichtspalte fehlt: „Beschreibung/Sachstand“"
    assert data.left_out() == [
        f"2023/meldungen/GB2_Meldebogen.xlsx, Zeile 2: GB2-001 „Wasserverband Nord“ – {reason}",
        f"2023/meldungen/GB2_Meldebogen.xlsx, Zeile 3: GB2-002 „Schulweg West“ – {reason}",
    ]

    code, output = run(runner, "build", "2023", "-C", str(project), "--trotz-fehlern")
    assert code == 0, output
    assert "GB2-001 „Wasserverband Nord“ – Pflichtspalte fehlt" in output and "1 Vorhaben veröffentlicht" in output
    assert "1 Vorhaben veröffentlicht, 1 Fehler und " in output  # the errors overridden are counted too
    vorlage = Document(str(annex_docx(project)))
    cells = [cell.text for table in vorlage.tables for table_row in table.rows for cell in table_row.cells]
    assert any("Radweg Süd" in text for text in cells)
    assert not any("Wasserverband Nord" in text or "Schulweg West" in text for text in cells)
    annex = load_workbook(project / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx").active
    assert annex is not None
    titles = [str(c.value) for r in annex.iter_rows() for c in r if c.value]
    assert "Radweg Süd" in titles and "Wasserverband Nord" not in titles and "Schulweg West" not in titles


def test_a_doubled_column_keeps_the_files_rows_out_and_says_so(tmp_path: Path) -> None:
    project = make_project(tmp_path / "projekt")
    doubled = [*HEADER, "Status"]
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [[*row(1), "ruhend"]], header=doubled)
    data = check_year(Project.open(project), 2023)
    (finding,) = [f for f in data.report.findings if f.code == "spalte-doppelt"]
    assert finding.scope is Scope.COLUMN and "keine Zeile dieser Datei veröffentlicht" in finding.message
    assert data.publishable() == []
    assert data.left_out() == [
        "2023/meldungen/GB1_Meldebogen.xlsx, Zeile 2: GB1-001 „Vorhaben Nummer 1“ – Spalte doppelt: „Status“"
    ]


def test_every_left_out_row_is_named_by_nr_and_title_alike(tmp_path: Path) -> None:
    project = make_project(tmp_path / "projekt")
    doubled = [*HEADER, "Status"]
    rows = [[*row(1, nr="GB1-001", vorhaben="Radweg Süd"), "x"], [*row(2, nr="GB1-002", vorhaben=""), "x"],
            [*row(3, nr="", vorhaben="Schulweg West"), "x"]]  # fmt: skip
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", rows, header=doubled)
    lines = check_year(Project.open(project), 2023).left_out()
    named = [line.split(": ", 1)[1].split(" – ")[0] for line in lines]
    # A row without a Nr. is named by its provisional one.
    assert named == ["GB1-001 „Radweg Süd“", "GB1-002 (ohne Vorhaben)", "GB1-neu-1 „Schulweg West“"]


def test_a_file_left_out_with_one_row_says_one_row() -> None:
    from types import SimpleNamespace

    from koopbericht.year import Exclusions
    from koopbericht.year.state import left_out_lines

    result = SimpleNamespace(source=SimpleNamespace(file="GB1.xlsx"), readable=True, activities=[object()])
    excluded = Exclusions({"GB1.xlsx": "Spalte doppelt"}, {}, {}, {})
    assert left_out_lines([result], excluded) == ["GB1.xlsx (1 Zeile): nicht übernommen – Spalte doppelt"]  # type: ignore[list-item]
