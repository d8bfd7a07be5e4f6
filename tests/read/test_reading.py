"""Reading real office files right: cell references, stray values, formulas, errors, odd packages."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from koopbericht.checks.cells import GERMAN_ERRORS
from koopbericht.cli import app
from koopbericht.project.folder import Project
from koopbericht.read import workbook as reader
from koopbericht.year import YearData
from koopbericht.year.pipeline import check_paths

from .. import oddities
from ..conftest import EXAMPLE, run
from ..libreoffice import convert
from ..measure import run_measured
from ..workbooks import HEADER, make_project, row, write_workbook

KOOPBERICHT = str(Path(sys.executable).with_name("koopbericht"))


def check(project: Path, path: Path) -> YearData:
    return check_paths(Project.open(project), [path], 2023)


def codes(data: YearData) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in data.report.findings if f.severity != "info"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "projekt")


def offset_workbook(path: Path, extra: str) -> Path:
    """Header in C3 (two empty rows above, two empty columns left), nine activities, Vorhaben missing in row 7."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Meldebogen"
    for column, title in enumerate(HEADER, start=3):
        sheet.cell(3, column, title)
    for number in range(1, 10):
        values = row(number, vorhaben=None if number == 4 else f"Vorhaben Nummer {number}")
        for column, value in enumerate(values, start=3):
            if value is not None:
                sheet.cell(3 + number, column, value)
    if extra == "formel":  # a formula outside the table makes the reader scan the whole sheet XML
        sheet["A1"] = "=1+1"
    elif extra == "verbunden":  # merged cells beside the table, so the empty rows above stay empty
        sheet.merge_cells("N20:O20")
    elif extra == "ausgeblendet":
        sheet.row_dimensions[5].hidden = True
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


@pytest.mark.parametrize("extra", ["", "formel", "verbunden", "ausgeblendet"])
def test_blank_rows_and_columns_before_the_header_keep_every_reference(
    project: Path, runner: CliRunner, tmp_path: Path, extra: str
) -> None:
    path = offset_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", extra)
    data = check(project, path)
    assert [a.source.row for a in data.activities] == list(range(4, 13)), "no row may be lost or shifted"
    first = data.activities[0]
    assert first.source.cells["nr"] == "C4" and first.source.cells["vorhaben"] == "E4"
    assert first.values["vorhaben"] == "Vorhaben Nummer 1"
    missing = [f for f in data.report.findings if f.code == "pflichtwert-fehlt"]
    assert [(f.cell, f.row) for f in missing] == [("E7", 7)]
    if extra == "ausgeblendet":
        assert [f.cell for f in data.report.findings if f.code == "zeile-ausgeblendet"] == ["C5"]

    code, output = run(runner, "validate", str(path), "-C", str(project), "--annotate", str(tmp_path / "zurueck"))
    assert code == 1, output
    marked = load_workbook(tmp_path / "zurueck" / path.name)["Meldebogen"]
    assert marked["E7"].comment is not None and "Vorhaben" in marked["E7"].comment.text
    assert marked["E8"].comment is None and marked["E6"].comment is None


@pytest.mark.parametrize(
    ("where", "ref"),
    [("Meldebogen", "XFD1048576"), ("Meldebogen", "Z1048576"), ("Notizen", "XFD1048576")],
)
def test_a_far_stray_value_costs_neither_memory_nor_rows(project: Path, where: str, ref: str) -> None:
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(n) for n in range(1, 4)])
    workbook = load_workbook(path)
    if where not in workbook.sheetnames:
        workbook.create_sheet(where)["A1"] = "Notizen zum Meldebogen"
    workbook[where][ref] = "x"
    workbook.save(path)

    code, peak, seconds, stdout = run_measured(
        [KOOPBERICHT, "validate", "2023", "-C", str(project), "--format", "json"]
    )
    assert code in (0, 1), stdout
    assert seconds < 60
    assert peak < 200, f"peak {peak:.0f} MB"
    report = json.loads(stdout)
    assert report["summary"]["activities"] == 3
    outside = [(f["sheet"], f["cell"]) for f in report["findings"] if f["code"] == "wert-ausserhalb-tabelle"]
    assert outside == ([("Meldebogen", ref)] if where == "Meldebogen" else [])
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_values_beside_the_table_are_named_not_silently_dropped(project: Path) -> None:
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1), row(2)])
    workbook = load_workbook(path)
    workbook["Meldebogen"]["L3"] = "Rückfrage an GB2"
    workbook["Meldebogen"]["L2"] = "Notiz"
    workbook.save(path)
    data = check(project, path)
    outside = [f for f in data.report.findings if f.code == "wert-ausserhalb-tabelle"]
    assert [(f.cell, f.value) for f in outside] == [("L2", "Notiz")]
    assert len(data.activities) == 2


def test_the_streaming_reader_reads_what_calamine_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The path for sheets with a far extent gives the same activities, values and cells."""
    project = Project.open(EXAMPLE)
    files = sorted((EXAMPLE / "2023" / "meldungen").glob("*.xlsx"))
    normal = check_paths(project, files, 2023)
    monkeypatch.setattr(reader, "MAX_DENSE_CELLS", 0)
    streamed = check_paths(project, files, 2023)
    assert [(a.id, a.source, a.values) for a in streamed.activities] == [
        (a.id, a.source, a.values) for a in normal.activities
    ]
    assert streamed.report.findings == normal.report.findings


def libreoffice_saved(path: Path, tmp_path: Path) -> Path:
    """`path` opened and saved again by LibreOffice, which calculates and stores every formula."""
    converted = convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", tmp_path / "profil")
    converted.replace(path)
    return path


def test_a_formula_returning_empty_text_is_empty_not_uncalculated(project: Path, tmp_path: Path) -> None:
    rows = [row(1, status="abgeschlossen", ende=None), row(2)]
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", rows)
    workbook = load_workbook(path)
    sheet = workbook["Meldebogen"]
    for number in (2, 3):  # Ende: a date once the activity is finished, else ""
        sheet[f"H{number}"] = f'=IF(F{number}="abgeschlossen",DATE(2023,5,31),"")'
        sheet[f"H{number}"].number_format = "DD.MM.YYYY"
    workbook.save(path)
    libreoffice_saved(path, tmp_path)
    data = check(project, path)
    assert codes(data) == []
    assert [a.values.get("ende") is not None for a in data.activities] == [True, False]

    # Excel writes the empty result as <v/>.
    oddities.patch_sheet(path, lambda xml: xml.replace(b"<v></v>", b"<v/>"))
    assert b"<v/>" in oddities.read_member(path, "xl/worksheets/sheet1.xml")
    assert codes(check(project, path)) == []


def test_a_formula_never_calculated_is_still_reported(project: Path) -> None:
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1, vorhaben='="A"&"B"')])
    assert ("formel-ohne-wert", "C2") in codes(check(project, path))


def test_error_values_are_findings_at_their_cells(project: Path, tmp_path: Path) -> None:
    rows = [row(1, partner="#N/A"), row(2, vorhaben="#DIV/0!"), row(3)]
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", rows)
    workbook = load_workbook(path)
    workbook["Meldebogen"]["I4"] = "=1/0"  # calculated by LibreOffice below: #DIV/0! in Beschreibung
    workbook.save(path)
    libreoffice_saved(path, tmp_path)
    data = check(project, path)
    errors = [(f.code, f.cell, f.value) for f in data.report.findings if f.severity == "error"]
    assert errors == [("fehlerwert", "D2", "#NV"), ("fehlerwert", "C3", "#DIV/0!"), ("fehlerwert", "I4", "#DIV/0!")]
    message = next(f.message for f in data.report.findings if f.cell == "D2")
    assert "#NV" in message and "#N/A" in message
    assert data.publishable() == []


@pytest.mark.parametrize("odd", ["strict", "relocated", "with_macro_sheet"])
def test_odd_but_valid_packages_are_read(project: Path, odd: str) -> None:
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1), row(2, vorhaben="Süd")])
    getattr(oddities, odd)(path)
    data = check(project, path)
    assert data.files[0].readable, data.report.findings
    assert codes(data) == []
    assert [(a.values["vorhaben"], a.source.cells["vorhaben"]) for a in data.activities] == [
        ("Vorhaben Nummer 1", "C2"),
        ("Süd", "C3"),
    ]


def test_a_binary_workbook_without_sheets_says_so(project: Path, runner: CliRunner) -> None:
    # An .xlsb is read (tests/read/test_ods.py); this one lists no sheet at all.
    path = oddities.xlsb(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx")
    code, output = run(runner, "validate", str(path), "-C", str(project), "--format", "json")
    assert code == 3
    (finding,) = json.loads(output)["findings"]
    assert finding["code"] == "kopfzeile-fehlt"
    assert "kein Tabellenblatt" in finding["message"]


def test_annotated_copies_of_odd_workbooks_mark_the_right_cell_or_say_why_not(
    project: Path, runner: CliRunner, tmp_path: Path
) -> None:
    meldungen = project / "2023" / "meldungen"
    strict_file = oddities.strict(write_workbook(meldungen / "GB1_Meldebogen.xlsx", [row(1, vorhaben=None)]))
    far = write_workbook(meldungen / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001", vorhaben=None)])
    workbook = load_workbook(far)
    workbook["Meldebogen"]["XFD1048576"] = "x"
    workbook.save(far)
    before = {path.name: path.read_bytes() for path in meldungen.iterdir()}

    code, output = run(runner, "validate", "2023", "-C", str(project), "--annotate", str(tmp_path / "zurueck"))
    assert code == 1 and "Interner Fehler" not in output
    # openpyxl would drop every sheet of a Strict Open XML workbook: no misleading copy, a reason instead.
    assert f"Keine markierte Kopie von 2023/meldungen/{strict_file.name}" in output
    assert not (tmp_path / "zurueck" / strict_file.name).exists()
    marked = load_workbook(tmp_path / "zurueck" / far.name)["Meldebogen"]
    assert marked["C2"].comment is not None and marked["XFD1048576"].comment is not None
    assert {path.name: path.read_bytes() for path in meldungen.iterdir()} == before


def _patched(project: Path, change: Any) -> Path:
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(n) for n in range(1, 4)])
    return oddities.patch_sheet(path, change)


FAR_CELL = b"<row r=\"1048576\"><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row></sheetData>"
EMPTY_FAR_CELL = b'<row r="1048576"><c r="XFD1048576" s="0"></c></row></sheetData>'
HIDDEN_ERROR_ROW = b'<row r="9" hidden="1"><c r="D9" t="e"><v>#N/A</v></c></row></sheetData>'


@pytest.mark.parametrize(
    ("case", "change", "expected"),
    [
        # Valid XML the byte patterns of an earlier reader missed: single quotes, attributes in any order.
        (
            "far-single-quotes",
            lambda x: x.replace(b"</sheetData>", FAR_CELL),
            ("wert-ausserhalb-tabelle", "XFD1048576"),
        ),
        (
            "error-single-quotes",
            lambda x: x.replace(
                b'r="D3" t="inlineStr"><is><t>Landkreis Potsdam-Mittelmark; Gemeinde Schwielowsee</t></is>',
                b"r='D3' t='e'><v>#N/A</v>",
            ),
            ("fehlerwert", "D3"),
        ),
        (
            "hidden-single-quotes",
            lambda x: x.replace(b'<row r="3"', b"<row hidden='1' r=\"3\""),
            ("zeile-ausgeblendet", "A3"),
        ),
        # An empty cell far away is no value and costs nothing.
        (
            "empty-far-cell",
            lambda x: x.replace(b"</sheetData>", EMPTY_FAR_CELL),
            None,
        ),
    ],
)
def test_every_worksheet_is_scanned_as_xml_not_by_byte_patterns(
    project: Path, case: str, change: Any, expected: tuple[str, str] | None
) -> None:
    path = _patched(project, change)
    data = check(project, path)
    assert data.files[0].readable, data.report.findings
    found = [(f.code, f.cell) for f in data.report.findings if f.severity != "info"]
    assert found == ([expected] if expected else []), case
    assert len(data.activities) == 3


@pytest.mark.parametrize(
    ("case", "change"),
    [
        ("rows-out-of-order", lambda x: x.replace(b'<row r="3"', b'<row r="9"').replace(b'r="A3"', b'r="A9"')),
        (
            "row-twice",
            lambda x: x.replace(b'<row r="4"', b'<row r="3"').replace(b'"A4"', b'"A3"').replace(b'"B4"', b'"B3"'),
        ),
        ("lowercase-reference", lambda x: x.replace(b'r="C3"', b'r="c3"')),
        ("row-number-not-ascii", lambda x: x.replace(b'<row r="3"', '<row r="²"'.encode())),
        (
            "shared-string-missing",
            lambda x: x.replace(b'r="C3" t="inlineStr"><is><t>Vorhaben Nummer 2</t></is>', b'r="C3" t="s"><v>7</v>'),
        ),
        ("unknown-encoding", lambda x: b'<?xml version="1.0" encoding="bogus"?>' + x.split(b"?>", 1)[-1]),
    ],
)
def test_what_no_spreadsheet_program_writes_is_refused_as_damaged(
    project: Path, runner: CliRunner, case: str, change: Any
) -> None:
    path = _patched(project, change)
    code, output = run(runner, "validate", str(path), "-C", str(project), "--format", "json")
    assert code == 3, (case, output)
    (finding,) = json.loads(output)["findings"]
    assert finding["code"] == "datei-beschaedigt" and "Meldebogen" in finding["message"], case


def test_a_hidden_row_holding_only_an_error_value(project: Path) -> None:
    path = _patched(
        project,
        lambda x: x.replace(
            b"</sheetData>", b'<row r="9" hidden="1"><c r="D9" t="e"><v>#N/A</v></c></row></sheetData>'
        ),
    )
    found = [(f.code, f.cell) for f in check(project, path).report.findings if f.severity != "info"]
    assert ("fehlerwert", "D9") in found and ("zeile-ausgeblendet", "D9") in found


def test_an_xlsx_under_another_name_with_a_far_value_is_read(project: Path) -> None:
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1), row(2)])
    workbook = load_workbook(path)
    workbook["Meldebogen"]["XFD1048576"] = "x"
    workbook.save(path)
    renamed = path.rename(path.with_suffix(".xls"))
    data = check(project, renamed)
    assert len(data.activities) == 2
    assert [(f.code, f.cell) for f in data.report.findings if f.severity != "info"] == [
        ("wert-ausserhalb-tabelle", "XFD1048576")
    ]


def test_strict_workbook_with_a_far_value_is_refused_with_a_reason(project: Path) -> None:
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1)])
    workbook = load_workbook(path)
    workbook["Meldebogen"]["XFD1048576"] = "x"
    workbook.save(path)
    oddities.strict(path)
    (finding,) = check(project, path).report.findings
    assert finding.code == "datei-format" and "XFD1048576" in finding.message and "Strict" in finding.message


def test_a_huge_member_is_refused_before_it_is_unpacked(project: Path) -> None:
    path = project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx"
    write_workbook(path, [row(1)])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("mimetype", "w") as stream:
        for _ in range(600):
            stream.write(bytes(1024 * 1024))
    command = [KOOPBERICHT, "validate", str(path), "-C", str(project), "--format", "json"]
    code, peak, seconds, stdout = run_measured(command)
    assert code == 3 and peak < 150 and seconds < 30, (peak, seconds)
    assert [f["code"] for f in json.loads(stdout)["findings"]] == ["datei-zu-gross"]


def test_an_error_value_in_the_header_is_an_error_at_its_cell(project: Path) -> None:
    header_cell = b'<c r="D1" t="inlineStr"><is><t>Kooperationspartner</t></is></c>'
    path = _patched(project, lambda x: x.replace(header_cell, b'<c r="D1" t="e"><v>#REF!</v></c>'))
    findings = check(project, path).report.findings
    assert [(f.code, f.cell, f.value) for f in findings if f.code == "fehlerwert"] == [("fehlerwert", "D1", "#BEZUG!")]


# -- from the review of issue 11 --------------------------------------------------------------------------------


def meldungen(root: Path, year: int = 2023) -> Path:
    return root / str(year) / "meldungen"


# -- 6. German names of Excel's newer error values --------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("#SPILL!", "#ÜBERLAUF!"),
        ("#CALC!", "#KALK!"),
        ("#GETTING_DATA", "#DATEN_ABRUFEN"),
        ("#FIELD!", "#FIELD!"),  # German Excel keeps these names
        ("#BLOCKED!", "#BLOCKED!"),
    ],
)
def test_newer_error_values_have_their_german_names(english: str, german: str) -> None:
    assert GERMAN_ERRORS.get(english, english) == german


def test_a_spill_error_is_shown_with_its_german_name(tmp_path: Path, runner: CliRunner) -> None:
    root = make_project(tmp_path / "projekt")
    path = write_workbook(meldungen(root) / "GB1_Meldebogen.xlsx", [row(1), row(2)])
    workbook = load_workbook(path)
    cell = workbook["Meldebogen"]["F3"]
    cell.value = "#SPILL!"
    cell.data_type = "e"
    workbook.save(path)

    result = runner.invoke(app, ["validate", "2023", "-C", str(root), "--format", "json"], catch_exceptions=False)

    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [f["value"] for f in findings if f["code"] == "fehlerwert"] == ["#ÜBERLAUF!"]
