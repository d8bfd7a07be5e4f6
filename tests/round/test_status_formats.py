"""status: the Rücklaufliste on the terminal, as JSON, CSV (for Excel) and xlsx, with contacts and dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.actions.status import export_status, year_status
from koopbericht.project.folder import Project

from ..conftest import run
from ..roundfolder import GB1_FILE, RECEIVED, make_round

TODAY = dt.date(2024, 3, 21)
HEADER = [
    "Kürzel", "Geschäftsbereich", "Meldebogen", "Eingang", "Dateien", "Vorhaben", "Fehler", "Warnungen",
    "Ansprechpersonen", "E-Mail",
]  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_round(tmp_path / "arbeitsordner")


def test_status_knows_date_received_and_contacts(folder: Path) -> None:
    result = year_status(Project.open(folder), 2023, today=TODAY)
    gb1, gb2, gb3, _ = result.departments
    assert gb1.received == RECEIVED.date() and gb2.received is None
    assert [c.address() for c in gb1.contacts] == ["Jürgen Müller <j.mueller@example.org>"]
    assert [c.email for c in gb2.contacts] == ["e.probe@example.org", "bauen@example.org"]
    assert gb3.contacts == ()
    assert (result.today, result.days_left, result.received) == (TODAY, 8, 2)


def test_terminal_table_shows_date_and_contacts(folder: Path, runner: CliRunner) -> None:
    code, output = run(runner, "status", "2023", "-C", str(folder))
    assert code == 0, output
    assert "20.03.2024" in output and "j.mueller@example.org" in output and "Eva Probe" in output
    assert "Eingegangen: 2 von 4 Geschäftsbereichen." in output


def test_json_for_programs(folder: Path, runner: CliRunner) -> None:
    code, output = run(runner, "status", "2023", "-C", str(folder), "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    assert (data["jahr"], data["frist"], data["eingegangen"], data["nicht_zugeordnet"]) == (2023, "2024-03-29", 2, [])
    assert data["stand"] == dt.date.today().isoformat()
    gb1, gb2 = data["geschaeftsbereiche"][:2]
    assert gb1 == {
        "kuerzel": "GB1",
        "name": "Zentrale Verwaltung",
        "eingegangen": True,
        "eingang": "2024-03-20",
        "dateien": [f"2023/meldungen/{GB1_FILE}"],
        "vorhaben": 2,
        "fehler": 1,
        "warnungen": 1,
        "kontakte": [{"name": "Jürgen Müller", "email": "j.mueller@example.org"}],
    }
    assert (gb2["eingegangen"], gb2["eingang"], gb2["vorhaben"], gb2["fehler"]) == (False, None, None, None)
    assert [c["email"] for c in gb2["kontakte"]] == ["e.probe@example.org", "bauen@example.org"]


def test_csv_opens_in_excel_as_it_is(folder: Path, runner: CliRunner) -> None:
    code, output = run(runner, "status", "2023", "-C", str(folder), "--format", "csv")
    assert code == 0, output
    target = folder / "ausgabe" / "2023" / "Ruecklauf-2023.csv"
    assert "Ruecklauf-2023.csv" in output
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == HEADER
    assert rows[1] == [
        "GB1", "Zentrale Verwaltung", "eingegangen", "20.03.2024", GB1_FILE, "2", "1", "1",
        "Jürgen Müller", "j.mueller@example.org",
    ]  # fmt: skip
    assert rows[2] == [
        "GB2",
        "Bauen und Umwelt",
        "fehlt",
        "",
        "",
        "",
        "",
        "",
        "Eva Probe",
        "e.probe@example.org; bauen@example.org",
    ]
    assert rows[3][8:] == ["", ""] and len(rows) == 5


def test_xlsx_is_a_printable_table_with_real_dates(folder: Path) -> None:
    project = Project.open(folder)
    target = export_status(project, year_status(project, 2023, today=TODAY), "xlsx")
    assert target == folder / "ausgabe" / "2023" / "Ruecklauf-2023.xlsx"
    sheet = load_workbook(target).active
    assert sheet is not None and sheet.title == "Rücklauf"
    assert "2023" in str(sheet["A1"].value)
    assert sheet["A2"].value == "Rückgabefrist" and sheet["B2"].value == dt.datetime(2024, 3, 29)
    assert sheet["B2"].number_format == "DD.MM.YYYY" and sheet["C2"].value == "noch 8 Tage"
    assert sheet["B3"].value == dt.datetime(2024, 3, 21)  # Stand
    header = [c.value for c in sheet[6]]
    assert header == HEADER
    assert sheet.freeze_panes == "A7" and sheet.auto_filter.ref == "A6:J10"
    assert sheet.print_title_rows == "$6:$6"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr is not None and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet["D7"].value == dt.datetime(2024, 3, 20) and sheet["D7"].number_format == "DD.MM.YYYY"
    assert [sheet[f"C{r}"].value for r in range(7, 11)] == ["eingegangen", "fehlt", "fehlt", "eingegangen"]
    assert (sheet["F7"].value, sheet["G7"].value, sheet["H7"].value) == (2, 1, 1)
    assert sheet["J8"].value == "e.probe@example.org; bauen@example.org"
    assert all((sheet.column_dimensions[letter].width or 0) > 5 for letter in "ABCDEFGHIJ")


def test_xlsx_bytes_are_identical_for_identical_input(folder: Path, tmp_path: Path) -> None:
    project = Project.open(folder)
    status = year_status(project, 2023, today=TODAY)
    first = export_status(project, status, "xlsx", tmp_path / "a.xlsx")
    second = export_status(project, year_status(project, 2023, today=TODAY), "xlsx", tmp_path / "b.xlsx")
    assert first is not None and second is not None
    assert first.read_bytes() == second.read_bytes()


def test_output_file_chooses_the_format_by_its_name(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "rücklauf.json"
    code, output = run(runner, "status", "2023", "-C", str(folder), "-o", str(target))
    assert code == 0, output
    assert "rücklauf.json" in output.replace("\n", "")
    assert json.loads(target.read_text(encoding="utf-8"))["jahr"] == 2023
    code, output = run(runner, "status", "2023", "-C", str(folder), "-o", str(tmp_path / "liste.txt"))
    assert code == 2 and "--format" in output
    assert not (tmp_path / "liste.txt").exists()


def test_output_never_overwrites_an_input(folder: Path, runner: CliRunner) -> None:
    target = folder / "2023" / "meldungen" / "liste.csv"
    code, output = run(runner, "status", "2023", "-C", str(folder), "--format", "csv", "-o", str(target))
    assert code == 2 and not target.exists(), output
