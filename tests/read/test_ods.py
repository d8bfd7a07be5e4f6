"""OpenDocument (.ods) and binary (.xlsb) Meldebögen read like xlsx: same findings at the same cells.

The .ods files are made the way departments make them: an xlsx built with openpyxl,
opened and saved by LibreOffice (`convert`). What LibreOffice never writes (a formula
without a value, damaged packages) is written by hand (`odsfile`), as are .xlsb files
(`xlsbfile`), which no library and no LibreOffice filter writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from koopbericht.project.folder import Project
from koopbericht.read.calamine import CalamineRows
from koopbericht.read.formats import open_values, read_layout
from koopbericht.year.pipeline import check_paths

from .. import odsfile
from ..conftest import REPO, run
from ..corpus import FILE_LEVEL
from ..hostile import BILLION_LAUGHS
from ..libreoffice import convert
from ..odsfile import Cell, write_ods
from ..workbooks import HEADER, make_project, row, write_workbook
from ..xlsbfile import Error, Sheet, write_xlsb

CORPUS = REPO.parent / "shared" / "corpus"
OOXML_CHECKER = REPO.parent / "shared" / "ooxml" / "validate_ooxml.py"
LONG = "Sachstand " * 350
# The planted defects of the twin, and the codes they must give in both formats.
PLANTED = {
    "wert-nicht-erlaubt", "pflichtwert-fehlt", "partner-unbekannt", "datum-unlesbar", "ende-vor-beginn",
    "zeile-ausgeblendet", "zellen-verbunden", "fehlerwert", "nr-doppelt", "vorhaben-doppelt", "blatt-ausgeblendet",
    "wert-ausserhalb-tabelle", "spalte-unbekannt", "text-zu-lang",
}  # fmt: skip


def defect_workbook(path: Path) -> Path:
    """A Meldebogen with a defect of every kind the structure scan and the checks find.

    The header stands in B3 under a title row, so that references depend on counting the
    empty column and rows right; identical neighbours make LibreOffice write repeats.
    """
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Meldebogen"
    sheet["B1"] = "Meldebogen GB1 – Kooperationsbericht 2023"
    for column, title in enumerate([*HEADER, "Bemerkungen GB"], start=2):
        sheet.cell(3, column, title)
    rows = [
        row(1),
        row(2, status="in Planng"),
        row(3, vorhaben=None),
        row(4, partner="Schwielow-See"),
        row(5, beginn="Frühjahr 2023"),
        row(6, beginn=dt.datetime(2023, 5, 1), ende=dt.datetime(2022, 3, 1), status="abgeschlossen"),
        row(7, vorhaben="In ausgeblendeter Zeile"),
        row(8, beschreibung="Über zwei Zeilen verbunden."),
        row(9),
        row(10),
        row(11, vorhaben="Zweimal gemeldet"),
        row(11, vorhaben="Zweimal gemeldet"),
        row(12, handlungsfeld="Mobilität und Verkehr", vorhaben="Mobilität und Verkehr", beschreibung=LONG),
    ]
    for offset, values in enumerate(rows, start=4):
        for column, value in enumerate([*values, "intern" if offset == 5 else None], start=2):
            if value is not None:
                sheet.cell(offset, column, value)
    error = sheet.cell(13, 5)  # Kooperationspartner of activity 10
    error.value, error.data_type = "#N/A", "e"
    sheet.row_dimensions[10].hidden = True
    sheet.merge_cells("J11:J12")
    sheet["P20"] = "x"  # beside the table, in a column without a heading
    old = workbook.create_sheet("Alt")
    old["A1"] = "Vorjahr"
    old.sheet_state = "hidden"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def validate_json(runner: CliRunner, project: Path, *args: str) -> tuple[int, dict[str, Any]]:
    code, output = run(runner, "validate", "2023", "-C", str(project), "--format", "json", *args)
    assert "Traceback" not in output
    return code, json.loads(output[output.index("{") :])


def without_file(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings without their file, also where a message names it (another activity's place)."""
    return [
        {k: v.replace(f["file"], "DATEI") if k == "message" and f["file"] else v for k, v in f.items() if k != "file"}
        for f in findings
    ]


def to_ods(source: Path, target: Path, tmp_path: Path) -> Path:
    converted = convert(source, "ods", tmp_path / "lo-out", tmp_path / "lo-profil")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(converted, target)
    return target


@pytest.fixture
def twins(tmp_path: Path) -> tuple[Path, Path]:
    """Two working folders: GB1's Meldebogen as xlsx in one, as LibreOffice's .ods of it in the other."""
    xlsx_project = make_project(tmp_path / "xlsx")
    ods_project = make_project(tmp_path / "ods")
    source = defect_workbook(xlsx_project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx")
    to_ods(source, ods_project / "2023" / "meldungen" / "GB1_Meldebogen.ods", tmp_path)
    return xlsx_project, ods_project


def test_an_ods_twin_gives_the_same_findings_at_the_same_cells(twins: tuple[Path, Path], runner: CliRunner) -> None:
    xlsx_project, ods_project = twins
    xlsx_code, from_xlsx = validate_json(runner, xlsx_project)
    ods_code, from_ods = validate_json(runner, ods_project)
    assert {f["code"] for f in from_xlsx["findings"]} >= PLANTED, from_xlsx["findings"]
    assert without_file(from_ods["findings"]) == without_file(from_xlsx["findings"])
    assert from_ods["summary"] == from_xlsx["summary"]
    assert (ods_code, xlsx_code) == (1, 1)
    # The default patterns ("GB1*.xlsx") claim the .ods by its stem: it is GB1's, not unassigned.
    files = {f["file"] for f in from_ods["findings"] if f["code"] != "meldebogen-fehlt"}
    assert files == {"2023/meldungen/GB1_Meldebogen.ods"}
    cells = {(f["code"], f["cell"]) for f in from_ods["findings"]}
    assert {("zeile-ausgeblendet", "B10"), ("zellen-verbunden", "J11"), ("fehlerwert", "E13")} <= cells
    assert {("pflichtwert-fehlt", "D6"), ("wert-ausserhalb-tabelle", "P20"), ("text-zu-lang", "J16")} <= cells


def test_annotating_an_ods_writes_a_marked_xlsx_copy(twins: tuple[Path, Path], runner: CliRunner) -> None:
    _, project = twins
    original = project / "2023" / "meldungen" / "GB1_Meldebogen.ods"
    before = hashlib.sha256(original.read_bytes()).hexdigest()
    folder = project / "zurueck"
    code, output = run(runner, "validate", "2023", "-C", str(project), "--annotate", str(folder))
    assert code == 1, output
    copy = folder / "GB1_Meldebogen.xlsx"
    assert f"Markierte Kopie: {copy}" in output and "als Excel-Arbeitsmappe (.xlsx)" in output
    assert ".ods-Datei" in output
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == ["GB1_Meldebogen.xlsx"]
    workbook = load_workbook(copy)
    assert workbook.sheetnames == ["Was ist zu tun", "Meldebogen", "Alt", "Prüfergebnis"]
    sheet = workbook["Meldebogen"]
    assert sheet["D4"].value == "Vorhaben Nummer 1" and sheet["B3"].value == "Nr."
    assert "Zeile ist ausgeblendet" in sheet["B10"].comment.text and sheet.row_dimensions[10].hidden
    assert "Zellen sind verbunden" in sheet["J11"].comment.text and "J11:J12" in sheet.merged_cells
    assert "Fehlerwert" in sheet["E13"].comment.text and sheet["E13"].value == "#N/A"
    assert "Auswahlliste" in sheet["G5"].comment.text
    assert workbook["Alt"].sheet_state == "hidden"
    assert isinstance(sheet["H4"].value, dt.datetime)
    if OOXML_CHECKER.exists():
        checked = subprocess.run([sys.executable, str(OOXML_CHECKER), str(copy)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr


def header_row(first_column: int = 1) -> str:
    """The header as a row of an .ods, with `first_column - 1` empty cells before it."""
    empty = f'<table:table-cell table:number-columns-repeated="{first_column - 1}"/>' if first_column > 1 else ""
    return f"<table:table-row>{empty}{''.join(odsfile.cell(title) for title in HEADER)}</table:table-row>"


def activity(number: int, **changes: Any) -> list[Any]:
    values = row(number, beginn=dt.date(2022, 3, 1), **changes)
    return values


def ods_rows(*rows: list[Any], attributes: str = "") -> str:
    return "".join(odsfile.row(values, attributes) for values in rows)


def check_file(tmp_path: Path, path: Path) -> list[tuple[str, str | None]]:
    project = make_project(tmp_path / "projekt")
    data = check_paths(Project.open(project), [path], 2023)
    return [(f.code, f.cell) for f in data.report.findings if f.severity.value != "info"]


def test_repeats_groups_and_covered_cells_are_counted_as_calc_shows_them(tmp_path: Path) -> None:
    merged = Cell('office:value-type="string" table:number-rows-spanned="2"', "<text:p>Verbunden</text:p>")
    commented = Cell(
        'office:value-type="string"',
        "<office:annotation><text:p>Nur ein Kommentar</text:p></office:annotation><text:p>Mit Kommentar</text:p>",
    )
    uncalculated = Cell('table:formula="of:=&quot;laufend&quot;"')
    rest_of_row = Cell('table:number-columns-repeated="16370"')
    rows = (
        '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="5"/>'
        "</table:table-row>"
        f"<table:table-header-rows>{header_row(3)}</table:table-header-rows>"
        + ods_rows([None, None, *activity(1)])
        + '<table:table-row-group table:display="false">'
        + ods_rows([None, None, *activity(2)])
        + "</table:table-row-group>"
        # Vorhaben merged over two rows; the second row's cell is covered (and empty).
        + ods_rows([None, None, *activity(3)[:2], merged, *activity(3)[3:]])
        + ods_rows([None, None, *activity(4)[:2], Cell(covered=True), *activity(4)[3:]])
        # Two identical rows, written once; a comment whose text is not the cell's value.
        + ods_rows([None, None, *activity(5)], attributes='table:number-rows-repeated="2"')
        + ods_rows([None, None, *activity(7)[:2], commented, *activity(7)[3:]])
        # A formula written by a program, without a value; an empty cell repeated to the end of the row.
        + ods_rows([None, None, *activity(8)[:5], uncalculated, *activity(8)[6:], rest_of_row])
    )
    path = write_ods(tmp_path / "GB1_Meldebogen.ods", odsfile.content([("Meldebogen", rows)]))
    found = check_file(tmp_path, path)
    assert found == [
        ("zeile-ausgeblendet", "C5"),  # in a collapsed row group
        ("zellen-verbunden", "E6"),
        ("pflichtwert-fehlt", "E7"),  # the covered cell is empty
        ("nr-doppelt", "C9"),  # the second of two rows written as one, repeated
        ("vorhaben-doppelt", "E9"),
        ("formel-ohne-wert", "H11"),
    ]
    data = check_paths(Project.open(tmp_path / "projekt"), [path], 2023)
    titles = {a.source.cells["vorhaben"]: a.values["vorhaben"] for a in data.activities if "vorhaben" in a.values}
    assert titles["E10"] == "Mit Kommentar" and titles["E6"] == "Verbunden" and titles["E8"] == "Vorhaben Nummer 5"


def ods_of(tmp_path: Path, *activities: list[Any], name: str = "GB1_Meldebogen.ods") -> Path:
    """A small, sound .ods Meldebogen written by hand."""
    rows = header_row() + ods_rows(*activities)
    return write_ods(tmp_path / name, odsfile.content([("Meldebogen", rows)]))


def test_an_ods_under_an_xlsx_name_is_read_by_its_content(tmp_path: Path) -> None:
    source = ods_of(tmp_path / "quelle", activity(1))
    path = tmp_path / "GB1_Meldebogen.xlsx"
    shutil.copy(source, path)
    assert check_file(tmp_path, path) == []


def damaged_ods(kind: str, path: Path) -> Path:
    sound = ods_of(path.parent / "heil", activity(1))
    good_content = zipfile.ZipFile(sound).read("content.xml")
    if kind == "abgeschnitten":
        path.write_bytes(sound.read_bytes()[: sound.stat().st_size // 2])
    elif kind == "textdokument":
        write_ods(path, good_content, mimetype="application/vnd.oasis.opendocument.text")
    elif kind == "falsche-kennung":
        write_ods(path, good_content, mimetype="application/octet-stream")
    elif kind == "ohne-kennung":
        write_ods(path, good_content, mimetype=None)
    elif kind == "ohne-inhaltsverzeichnis":
        write_ods(path, good_content, manifest="")
    elif kind == "kennwort":
        write_ods(path, b"\x8a\x01 verschluesselt", encrypted=True)
    elif kind == "xml-bombe":
        bomb = BILLION_LAUGHS.replace("<sst", "<office:document-content").replace("</sst>", "")
        write_ods(path, bomb.split("<si>")[0] + "</office:document-content>")
    elif kind == "zip-bombe":
        write_ods(path, good_content, extra={"Pictures/leer.png": b"\0" * (450 * 1024 * 1024)})
    elif kind == "ausserhalb":
        beyond = Cell('table:number-columns-repeated="20000" office:value-type="string"', "<text:p>X</text:p>")
        write_ods(path, odsfile.content([("Meldebogen", ods_rows([beyond]))]))
    elif kind == "zu-weit":
        far = header_row() + '<table:table-row table:number-rows-repeated="500000">' + odsfile.cell(None) * 15
        far += odsfile.cell("x") + "</table:table-row>"
        write_ods(path, odsfile.content([("Meldebogen", far)]))
    elif kind == "wiederholung":
        bad = header_row() + '<table:table-row table:number-rows-repeated="zwei"><table:table-cell/></table:table-row>'
        write_ods(path, odsfile.content([("Meldebogen", bad)]))
    return path


@pytest.mark.parametrize(
    ("kind", "code", "words"),
    [
        ("abgeschnitten", "datei-beschaedigt", "beschädigt"),
        ("textdokument", "datei-format", "Textdokument (.odt)"),
        ("falsche-kennung", "datei-beschaedigt", "„mimetype“"),
        ("ohne-kennung", "datei-beschaedigt", "„mimetype“"),
        ("ohne-inhaltsverzeichnis", "datei-beschaedigt", "META-INF/manifest.xml"),
        ("kennwort", "datei-verschluesselt", "Kennwort"),
        ("xml-bombe", "datei-beschaedigt", "XML-Bombe"),
        ("zip-bombe", "datei-zu-gross", "Sicherheitsgründen"),
        ("ausserhalb", "datei-beschaedigt", "außerhalb des Tabellenbereichs"),
        ("zu-weit", "datei-zu-gross", "P500001"),
        ("wiederholung", "datei-beschaedigt", "„zwei“"),
    ],
)
def test_a_damaged_ods_is_one_clear_finding_naming_the_file(
    tmp_path: Path, runner: CliRunner, kind: str, code: str, words: str
) -> None:
    project = make_project(tmp_path / "projekt")
    path = damaged_ods(kind, project / "2023" / "meldungen" / "GB1_Meldebogen.ods")
    before = path.read_bytes()
    exit_code, result = validate_json(runner, project, str(path))
    (finding,) = [f for f in result["findings"] if f["file"]]
    assert (finding["code"], finding["file"]) == (code, "2023/meldungen/GB1_Meldebogen.ods"), finding
    assert words in finding["message"], finding["message"]
    assert exit_code == 3
    assert path.read_bytes() == before


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"Der Korpus {CORPUS} fehlt (../shared liegt nicht neben dem Checkout)")
def test_a_password_protected_ods_saved_by_libreoffice_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "GB1_Meldebogen.ods"
    shutil.copy(CORPUS / "calamine__tests__pass_protected.ods", path)
    assert check_file(tmp_path, path) == [("datei-verschluesselt", None)]


def test_a_flat_ods_gets_a_clear_finding(tmp_path: Path, runner: CliRunner) -> None:
    source = defect_workbook(tmp_path / "quelle" / "GB1_Meldebogen.xlsx")
    project = make_project(tmp_path / "projekt")
    flat = project / "2023" / "meldungen" / "GB1_Meldebogen.fods"
    shutil.move(convert(source, "fods", tmp_path / "lo-out", tmp_path / "lo-profil"), flat)
    exit_code, result = validate_json(runner, project)
    (finding,) = [f for f in result["findings"] if f["file"] == "2023/meldungen/GB1_Meldebogen.fods"]
    assert finding["code"] == "datei-format" and exit_code == 3
    assert ".fods" in finding["message"] and "(.ods)" in finding["message"] and "(.xlsx)" in finding["message"]


def xlsb_meldebogen(path: Path) -> Path:
    """GB1's Meldebogen as .xlsb: header in A1, a hidden row, a merged range, an error value, a hidden sheet."""
    rows: dict[int, list[Any]] = {1: list(HEADER)}
    for number in range(1, 6):
        rows[number + 1] = row(number, beginn="1.3.2022")
    rows[4][3] = Error("#N/A")
    rows[5][2] = None  # covered by the merge of C4:C5
    return write_xlsb(
        path,
        [
            Sheet("Meldebogen", rows, hidden_rows={3}, merged=[(4, 5, 3, 3)]),
            Sheet("Alt", {1: ["Vorjahr"]}, hidden=True),
        ],
    )


def test_an_xlsb_is_read_with_hidden_rows_merged_cells_and_errors(tmp_path: Path) -> None:
    path = xlsb_meldebogen(tmp_path / "GB1_Meldebogen.xlsx")  # an .xlsb under an .xlsx name: read by content
    assert sorted(check_file(tmp_path, path), key=str) == sorted(
        [
            ("blatt-ausgeblendet", None),
            ("zeile-ausgeblendet", "A3"),
            ("fehlerwert", "D4"),
            ("zellen-verbunden", "C4"),
            ("pflichtwert-fehlt", "C5"),
        ],
        key=str,
    )
    data = check_paths(Project.open(tmp_path / "projekt"), [path], 2023)
    assert [a.source.cells["vorhaben"] for a in data.activities if "vorhaben" in a.values] == ["C2", "C3", "C4", "C6"]


def test_an_xlsb_with_a_far_stray_value_is_refused_with_the_cell(tmp_path: Path) -> None:
    rows: dict[int, list[Any]] = {1: list(HEADER), 2: row(1, beginn="1.3.2022"), 1_048_576: [None] * 25 + ["x"]}
    path = write_xlsb(tmp_path / "GB1_Meldebogen.xlsb", [Sheet("Meldebogen", rows)])
    project = make_project(tmp_path / "projekt")
    data = check_paths(Project.open(project), [path], 2023)
    (finding,) = data.report.findings
    assert finding.code == "datei-zu-gross" and "Z1048576" in finding.message and ".xlsb" in finding.message


def test_annotating_an_xlsb_writes_a_marked_xlsx_copy(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "projekt")
    meldungen = project / "2023" / "meldungen"
    xlsb_meldebogen(meldungen / "GB1_Meldebogen.xlsb")
    code, output = run(runner, "validate", "2023", "-C", str(project), "--annotate", str(tmp_path / "zurueck"))
    assert code == 1 and ".xlsb-Datei" in output, output
    sheet = load_workbook(tmp_path / "zurueck" / "GB1_Meldebogen.xlsx")["Meldebogen"]
    assert "Zeile ist ausgeblendet" in sheet["A3"].comment.text and "Fehlerwert" in sheet["D4"].comment.text


def corpus_files(*suffixes: str) -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in suffixes)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"Der Korpus {CORPUS} fehlt (../shared liegt nicht neben dem Checkout)")
@pytest.mark.parametrize("path", corpus_files(".ods", ".xlsb", ".fods"), ids=lambda p: p.name)
def test_every_corpus_ods_and_xlsb_is_read_or_refused_and_no_value_lies_beyond_the_scan(
    tmp_path: Path, path: Path
) -> None:
    project = make_project(tmp_path / "projekt")
    data = check_paths(Project.open(project), [path], 2023)
    file_level = [f for f in data.report.findings if f.code in FILE_LEVEL]
    assert len(file_level) == (0 if data.files[0].readable else 1), data.report.findings
    assert all(f.message and f.cell is None for f in file_level)
    if file_level:
        return
    layout = read_layout(path)
    values = open_values(path, layout)
    assert values is not None
    try:
        names = set(values.sheet_names)
        for info in layout.worksheets():
            if info.name not in names:
                continue
            structure = layout.structures[info.part]
            seen = 0
            for number, cells in CalamineRows(values.get_sheet_by_name(info.name)):
                filled = [i for i, v in enumerate(cells, start=1) if v != "" and v is not None]
                seen += len(filled)
                if filled:  # rows beyond the scan's last value row would never be read
                    assert number <= structure.last_value_row and max(filled) <= structure.max_column, info.name
            assert seen <= structure.value_cells, info.name
    finally:
        values.close()


def test_an_ods_beside_an_xlsx_of_the_same_name_gets_its_own_copy(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "projekt")
    meldungen = project / "2023" / "meldungen"
    ods_of(meldungen, activity(1, status="in Planng"), name="GB1_Meldebogen.ods")
    write_workbook(meldungen / "GB1_Meldebogen.xlsx", [row(1, status="in Planng")])
    code, output = run(runner, "validate", "2023", "-C", str(project), "--annotate", str(tmp_path / "zurueck"))
    assert code == 1, output
    copies = sorted(p.name for p in (tmp_path / "zurueck").iterdir())
    assert copies == ["GB1_Meldebogen.xlsx", "GB1_Meldebogen_ods.xlsx"]
    marked = load_workbook(tmp_path / "zurueck" / "GB1_Meldebogen_ods.xlsx")["Meldebogen"]
    assert "Auswahlliste" in marked["F2"].comment.text
