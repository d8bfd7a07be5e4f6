"""validate: defects planted at known cells are found with code, cell and suggestion."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.findings import JSON_KEYS, Severity
from koopbericht.project.folder import Project
from koopbericht.round.marked import MARKS
from koopbericht.year.pipeline import check_year

from ..conftest import run
from ..workbooks import HEADER, make_project, row, write_workbook

TODAY = dt.date(2024, 2, 1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "arbeitsordner")


def meldungen(project: Path) -> Path:
    return project / "2023" / "meldungen"


def findings(project: Path) -> list[tuple[str, str | None, str | None]]:
    data = check_year(Project.open(project), 2023, today=TODAY)
    return [(f.code, f.cell, f.suggestion) for f in data.report.findings if f.severity.value != "info"]


def with_gb2(project: Path) -> None:
    write_workbook(meldungen(project) / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001", vorhaben="Anderes Vorhaben")])


def test_clean_workbooks_have_no_findings(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1), row(2)])
    with_gb2(project)
    code, output = run(runner, "validate", "2023", "-C", str(project), "--format", "json")
    assert code == 0, output
    result = json.loads(output)
    assert result == {
        "findings": [],
        "summary": {"errors": 0, "warnings": 0, "infos": 0, "accepted": 0, "files": 2, "activities": 3},
    }


@pytest.mark.parametrize(
    ("changes", "code", "cell", "suggestion"),
    [
        ({"vorhaben": None}, "pflichtwert-fehlt", "C3", None),
        ({"beschreibung": "   "}, "pflichtwert-fehlt", "I3", None),
        ({"status": "in Planng"}, "wert-nicht-erlaubt", "F3", "geplant"),
        ({"form": "Zweckverbund"}, "wert-nicht-erlaubt", "E3", "Zweckverband"),
        ({"partner": "Landkreis Potsdam-Mittelmrk"}, "partner-unbekannt", "D3", "Landkreis Potsdam-Mittelmark"),
        ({"beginn": "Frühjahr 2023"}, "datum-unlesbar", "G3", None),
        ({"beginn": "31.02.2023"}, "datum-unlesbar", "G3", None),
        ({"ende": "2021", "status": "abgeschlossen"}, "ende-vor-beginn", "H3", None),
        ({"status": "abgeschlossen"}, "status-widerspricht-datum", "F3", None),
        ({"status": "beendet", "ende": "12/2024"}, "status-widerspricht-datum", "F3", "laufend"),
        ({"ende": dt.datetime(2023, 6, 30)}, "status-widerspricht-datum", "F3", "abgeschlossen"),
        ({"status": "abgeschlossen", "ende": "2022"}, "ausserhalb-berichtsjahr", "H3", None),
        ({"status": "laufend", "beginn": "2025"}, "ausserhalb-berichtsjahr", "G3", None),
        ({"nr": "GB1-001"}, "nr-doppelt", "A3", None),
        ({"nr": "GB1-009", "vorhaben": "Vorhaben Nummer 1"}, "vorhaben-doppelt", "C3", None),
        ({"beschreibung": "x" * 2500}, "text-zu-lang", "I3", None),
        ({"vorhaben": "Titel mit _x0007_ Steuerzeichen"}, "zeichen-entfernt", "C3", "Titel mit Steuerzeichen"),
    ],
)
def test_defect_is_found_at_its_cell(
    project: Path, changes: dict[str, Any], code: str, cell: str, suggestion: str | None
) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1), row(2, **changes)])
    with_gb2(project)
    found = findings(project)
    assert (code, cell, suggestion) in found, found


def test_planned_activity_may_start_after_the_year(project: Path) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1, status="geplant", beginn="2024")])
    with_gb2(project)
    assert findings(project) == []


def test_header_below_title_rows_in_a_later_sheet_and_blank_rows(project: Path) -> None:
    rows: list[list[Any]] = [row(1), [], [], row(2), [None] * 3, row(3)]
    write_workbook(
        meldungen(project) / "GB1_Meldebogen.xlsx", rows, title_rows=3, sheet="Daten", first_sheet="Anleitung"
    )
    with_gb2(project)
    data = check_year(Project.open(project), 2023, today=TODAY)
    gb1 = data.files[0]
    assert [a.source.row for a in gb1.activities] == [5, 8, 10]
    assert {a.source.sheet for a in gb1.activities} == {"Daten"}
    assert findings(project) == []


def test_hidden_row_is_read_and_reported(project: Path) -> None:
    path = write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1), row(2), row(3)])
    workbook = load_workbook(path)
    workbook.active.row_dimensions[3].hidden = True  # type: ignore[union-attr]
    workbook.save(path)
    with_gb2(project)
    data = check_year(Project.open(project), 2023, today=TODAY)
    assert len(data.files[0].activities) == 3
    assert ("zeile-ausgeblendet", "A3", None) in findings(project)


def test_merged_cells_in_data(project: Path) -> None:
    path = write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1), row(2)])
    workbook = load_workbook(path)
    workbook.active.merge_cells("F2:F3")  # type: ignore[union-attr]
    workbook.save(path)
    with_gb2(project)
    assert ("zellen-verbunden", "F2", None) in findings(project)


def test_formula_without_cached_value(project: Path) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1, vorhaben='="Vorhaben "&A2')])
    with_gb2(project)
    found = findings(project)
    assert ("formel-ohne-wert", "C2", None) in found
    assert ("pflichtwert-fehlt", "C2", None) in found  # the value really is missing


def test_hidden_sheet_with_data(project: Path) -> None:
    path = write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1)])
    workbook = load_workbook(path)
    old = workbook.create_sheet("Alt")
    old["A1"] = "Vorhaben aus dem Vorjahr"
    old.sheet_state = "hidden"
    workbook.save(path)
    with_gb2(project)
    assert ("blatt-ausgeblendet", None, None) in findings(project)


def test_unknown_duplicate_and_missing_columns(project: Path) -> None:
    header = [*HEADER[:8], "Status", "Bemerkungen GB", "Kooperationspartnr"]
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [[*row(1)[:8], "laufend", "x", "y"]], header=header)
    with_gb2(project)
    found = findings(project)
    assert ("spalte-doppelt", "I1", None) in found
    assert ("spalte-unbekannt", "J1", "Bemerkung (intern)") in found  # the title to rename to
    # D1 is Kooperationspartner already: renaming K1 to it would only make the column double.
    assert ("spalte-unbekannt", "K1", None) in found
    assert ("spalte-fehlt", None, None) in found


def test_header_not_found(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [["a", "b"]], header=["Spalte A", "Spalte B"])
    code, output = run(runner, "validate", "-C", str(project), str(meldungen(project) / "GB1_Meldebogen.xlsx"))
    assert code == 3, output
    assert "kopfzeile-fehlt" in output
    assert "„Meldebogen“" in output


def test_department_assignment(project: Path) -> None:
    write_workbook(meldungen(project) / "GB1_alt.xlsx", [row(1)])
    write_workbook(meldungen(project) / "GB1_neu.xlsx", [row(2)])
    write_workbook(meldungen(project) / "Meldung_Partner.xlsx", [row(3)])
    (meldungen(project) / "~$GB1_neu.xlsx").write_bytes(b"lock")
    found = findings(project)
    assert ("geschaeftsbereich-doppelt", None, None) in found
    assert ("datei-ohne-geschaeftsbereich", None, None) in found
    assert ("meldebogen-fehlt", None, None) in found
    assert not any("~$" in str(f) for f in found)


HOSTILE: dict[str, tuple[bytes, str]] = {
    "leer": (b"", "datei-beschaedigt"),
    "text": (b"Das ist kein Meldebogen, sondern eine Notiz.\n", "datei-format"),
    "csv": (b"Nr.;Vorhaben;Status\nGB1-001;Radweg;laufend\n", "datei-format"),
    "html": (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "datei-format"),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "Workbook".encode("utf-16-le"), "datei-format"),
    "verschluesselt": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le"),
        "datei-verschluesselt",
    ),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_file_gets_one_clear_finding(project: Path, runner: CliRunner, kind: str) -> None:
    content, code = HOSTILE[kind]
    target = meldungen(project) / "GB1_Meldebogen.xlsx"
    target.write_bytes(content)
    exit_code, output = run(runner, "validate", "-C", str(project), str(target), "--format", "json")
    assert exit_code == 3, output
    result = json.loads(output)
    assert [f["code"] for f in result["findings"]] == [code]
    assert result["findings"][0]["message"]
    assert target.read_bytes() == content


def test_truncated_zip_and_other_office_files(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    good = write_workbook(tmp_path / "gut.xlsx", [row(1)])
    truncated = meldungen(project) / "GB1_abgeschnitten.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    import zipfile

    # An .ods is read (tests/read/test_ods.py); an OpenDocument text is no Meldebogen.
    odt = meldungen(project) / "GB2_Meldebogen.xlsx"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    code, output = run(runner, "validate", "2023", "-C", str(project), "--format", "json")
    assert code == 3, output
    codes = {(f["file"].rsplit("/", 1)[-1], f["code"]) for f in json.loads(output)["findings"]}
    assert ("GB1_abgeschnitten.xlsx", "datei-beschaedigt") in codes
    assert ("GB2_Meldebogen.xlsx", "datei-format") in codes
    assert "Traceback" not in output


def test_json_has_exactly_the_spec_shape(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1, status="in Arbeit", partner="LK PM")])
    code, output = run(runner, "validate", "2023", "-C", str(project), "--format", "json", "--verbose")
    assert code == 0, output
    result = json.loads(output)
    assert set(result) == {"findings", "summary"}
    assert tuple(result["summary"]) == ("errors", "warnings", "infos", "files", "activities", "accepted")
    for finding in result["findings"]:
        assert tuple(finding) == JSON_KEYS
    synonym = next(f for f in result["findings"] if f["code"] == "normalisiert-synonym")
    assert (synonym["cell"], synonym["value"], synonym["suggestion"]) == ("F2", "in Arbeit", "laufend")
    assert result["summary"]["warnings"] == 1  # GB2 missing
    assert result["summary"]["infos"] >= 2


def test_strict_makes_warnings_fail(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1)])
    assert run(runner, "validate", "2023", "-C", str(project))[0] == 0
    assert run(runner, "validate", "2023", "-C", str(project), "--strict")[0] == 1


def test_errors_exit_1_and_text_output_names_cell(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1, status="in Planng")])
    with_gb2(project)
    code, output = run(runner, "validate", "2023", "-C", str(project))
    assert code == 1
    assert "F2" in output and "wert-nicht-erlaubt" in output and "geplant" in output
    assert "1 Fehler, 0 Warnungen in 2 Dateien mit 2 Vorhaben." in output


def test_annotate_marks_cells_and_leaves_originals(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    import hashlib

    source = write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1, status="in Planng", beginn="bald")])
    with_gb2(project)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in meldungen(project).iterdir()}
    target = tmp_path / "zurueck"
    code, output = run(runner, "validate", "2023", "-C", str(project), "--annotate", str(target))
    assert code == 1
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in meldungen(project).iterdir()}
    assert before == after
    copy = load_workbook(target / source.name)
    assert copy.sheetnames == ["Was ist zu tun", "Meldebogen", "Prüfergebnis"]
    sheet = copy["Meldebogen"]
    assert sheet["F2"].comment is not None and "geplant" in sheet["F2"].comment.text
    assert sheet["F2"].fill.fgColor.rgb == MARKS[Severity.ERROR].fill.fgColor.rgb
    assert sheet["G2"].comment is not None
    assert sheet["C2"].comment is None
    summary = copy["Prüfergebnis"]
    assert [summary.cell(r, 2).value for r in range(2, 4)] == ["F2", "G2"]
    assert not (target / "GB2_Meldebogen.xlsx").exists()
    code, output = run(runner, "validate", "2023", "-C", str(project), "--annotate", str(meldungen(project)))
    assert code == 2 and "enthält die Meldebögen selbst" in output


def test_status_shows_return_and_deadline(project: Path, runner: CliRunner) -> None:
    write_workbook(meldungen(project) / "GB1_Meldebogen.xlsx", [row(1), row(2, status="in Planng")])
    data = __import__("koopbericht.actions.status", fromlist=["year_status"]).year_status(
        Project.open(project), 2023, today=dt.date(2024, 3, 19)
    )
    assert data.days_left == 10
    gb1, gb2 = data.departments
    assert (gb1.files, gb1.activities, gb1.errors, gb1.warnings) == (("2023/meldungen/GB1_Meldebogen.xlsx",), 2, 1, 0)
    assert gb2.files == ()
    code, output = run(runner, "status", "2023", "-C", str(project))
    assert code == 0, output
    assert "GB1 Zentrale Verwaltung" in output and "fehlt" in output
    assert "Eingegangen: 1 von 2 Geschäftsbereichen." in output
    assert "Frist: 29.03.2024" in output


def test_decompression_bomb_is_refused_before_parsing(project: Path, runner: CliRunner) -> None:
    import zipfile

    target = meldungen(project) / "GB1_Meldebogen.xlsx"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (60 * 1024 * 1024) + b"/>")
    assert target.stat().st_size < 1024 * 1024
    code, output = run(runner, "validate", "-C", str(project), str(target), "--format", "json")
    assert code == 3, output
    [finding] = json.loads(output)["findings"]
    assert finding["code"] == "datei-zu-gross"
