"""Ordinary Excel habits in published lists used as a Meldebogen: merges, header blocks, feet, sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from koopbericht.findings import Finding
from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_paths

from ..conftest import run
from ..libreoffice import convert
from ..workbooks import HEADER, make_project, overview_rows, row, write_workbook

TODAY = dt.date(2024, 2, 1)
# The form's columns: the default ones, with Ergebnis/Ausblick after the description.
COLUMNS = [*HEADER[:9], "Ergebnis/Ausblick", "Ansprechpartner"]


def activity(number: int, **changes: Any) -> list[Any]:
    """A correct row for COLUMNS."""
    values = row(number, **changes)
    return [*values[:9], changes.get("ergebnis", f"Ergebnis {number}"), values[9]]


def put(sheet: Worksheet, first_row: int, rows: list[list[Any]]) -> None:
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(first_row + offset, column, value)


def save(workbook: Workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def resaved(path: Path, tmp_path: Path, target: str = "xlsx:Calc MS Excel 2007 XML") -> Path:
    """The workbook as LibreOffice saves it again (as xlsx, or as ods)."""
    out = tmp_path / f"lo-{target.split(':')[0]}"
    return convert(path, target, out, tmp_path / "lo-profil")


def check(tmp_path: Path, path: Path) -> tuple[list[Finding], Project]:
    project = Project.open(make_project(tmp_path / "projekt"))
    data = check_paths(project, [path], 2023, today=TODAY)
    return data.report.findings, project


def shown(findings: list[Finding]) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.severity.value, f.cell) for f in findings if f.severity.value != "info"]


def merged_every_row(path: Path) -> Path:
    """A list whose description is merged with an untitled column in every row (header too), and one row
    whose Beschreibung is merged with the Ergebnis column."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Meldebogen"
    header = [*COLUMNS[:9], None, *COLUMNS[9:]]  # J has no title: the description is merged into it
    put(sheet, 1, [header])
    sheet.merge_cells("I1:J1")
    rows = [activity(n) for n in range(1, 6)]
    put(sheet, 2, [[*r[:9], None, *r[9:]] for r in rows])
    for number in range(2, 7):
        sheet.merge_cells(f"I{number}:J{number}")
    # Row 7: Beschreibung merged over the Ergebnis column as well: that value is hidden.
    seventh = activity(6)
    put(sheet, 7, [[*seventh[:9], None, None, seventh[10]]])
    sheet.merge_cells("I7:K7")
    return save(workbook, path)


@pytest.mark.parametrize("saved_by", ["openpyxl", "libreoffice-xlsx", "libreoffice-ods"])
def test_merges_within_one_row_are_judged_by_what_they_hide(tmp_path: Path, saved_by: str) -> None:
    path = merged_every_row(tmp_path / "quelle" / "GB1_Meldebogen.xlsx")
    if saved_by == "libreoffice-xlsx":
        path = resaved(path, tmp_path)
    elif saved_by == "libreoffice-ods":
        path = resaved(path, tmp_path, "ods")
    findings, project = check(tmp_path, path)
    assert shown(findings) == [("zellen-verbunden-spalten", "warning", "I7")]
    across = next(f for f in findings if f.code == "zellen-verbunden-spalten")
    assert "„Beschreibung/Sachstand“ und „Ergebnis/Ausblick“" in across.message
    assert (across.sheet, across.row, across.column, across.value) == (
        "Meldebogen",
        7,
        "Beschreibung/Sachstand",
        "I7:K7",
    )
    data = check_paths(project, [path], 2023, today=TODAY)
    assert [a.values["vorhaben"] for a in data.activities] == [f"Vorhaben Nummer {n}" for n in range(1, 7)]
    described = {a.values["vorhaben"]: a.values["beschreibung"] for a in data.activities}
    assert described["Vorhaben Nummer 6"] == "Beschreibung des Vorhabens 6."


def test_a_merge_over_two_rows_in_the_data_stays_an_error(tmp_path: Path) -> None:
    path = merged_every_row(tmp_path / "GB1_Meldebogen.xlsx")
    workbook = load_workbook(path)
    workbook.active.merge_cells("F3:F4")  # type: ignore[union-attr]
    workbook.save(path)
    findings, _ = check(tmp_path, path)
    assert ("zellen-verbunden", "error", "F3") in shown(findings)


def test_build_publishes_rows_merged_across_columns(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "projekt")
    merged_every_row(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    titles, rows = overview_rows(project / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx")
    column = titles.index("Vorhaben")
    published = [r[column] for r in rows if r[column]]
    assert len([t for t in published if str(t).startswith("Vorhaben Nummer")]) == 6


ENGLISH = [
    "no.", "policy field", "operation name", "partners", "form of cooperation", "state",
    "operation start date", "operation end date", "description", "result", "contact",
]  # fmt: skip


def published_list(path: Path, *, split: bool = False) -> Path:
    """A Land's project list: a merged title, a two-row header with merged title cells (German over English,
    or „Laufzeit“ split into Beginn and Ende), five rows, a blank row, footnotes, a legend and an empty merge."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Projekte"
    sheet["A1"] = "Projektliste des Landes 2023"
    sheet.merge_cells("A1:K1")
    if split:
        german = [*COLUMNS[:6], "Laufzeit", None, *COLUMNS[8:]]
        put(sheet, 3, [german, [None] * 6 + ["Beginn", "Ende"]])
        sheet.merge_cells("G3:H3")
        for letter in "ABCDEFIJK":
            sheet.merge_cells(f"{letter}3:{letter}4")
    else:
        put(sheet, 3, [COLUMNS, ENGLISH])
        sheet["A4"] = None
        sheet.merge_cells("A3:A4")  # „Nr.“ over both rows
    put(sheet, 5, [activity(n, ende=None) for n in range(1, 6)])
    put(
        sheet,
        11,
        [
            ["¹ Angaben ohne Gewähr; Stand der Meldungen: 31.12.2023."],
            ["Quelle: Ministerium für Infrastruktur, eigene Zusammenstellung"],
            ["Legende:"],
            [10, "in Vorbereitung"],
            ["40 = laufend"],
        ],
    )
    sheet.merge_cells("A11:K11")
    sheet.merge_cells("A17:K17")  # an empty merge under the table
    return save(workbook, path)


@pytest.mark.parametrize("split", [False, True], ids=["deutsch-englisch", "geteilt"])
@pytest.mark.parametrize("saved_by", ["openpyxl", "libreoffice-xlsx", "libreoffice-ods"])
def test_header_block_and_foot_are_not_data(tmp_path: Path, saved_by: str, split: bool) -> None:
    path = published_list(tmp_path / "quelle" / "GB1_Meldebogen.xlsx", split=split)
    if saved_by == "libreoffice-xlsx":
        path = resaved(path, tmp_path)
    elif saved_by == "libreoffice-ods":
        path = resaved(path, tmp_path, "ods")
    findings, project = check(tmp_path, path)
    assert shown(findings) == []
    infos = {f.code: f for f in findings if f.code in ("kopfzeile-mehrzeilig", "tabellenfuss")}
    assert set(infos) == {"kopfzeile-mehrzeilig", "tabellenfuss"}
    assert (infos["kopfzeile-mehrzeilig"].sheet, infos["kopfzeile-mehrzeilig"].row) == ("Projekte", 3)
    assert "Zeile 3 bis 4" in infos["kopfzeile-mehrzeilig"].message
    foot = infos["tabellenfuss"]
    assert (foot.severity.value, foot.sheet, foot.cell, foot.row) == ("info", "Projekte", "A11", 11)
    assert "Zeilen 11 bis 15" in foot.message and "„¹ Angaben ohne Gewähr" in foot.message
    data = check_paths(project, [path], 2023, today=TODAY)
    assert [a.source.cells["vorhaben"] for a in data.activities] == ["C5", "C6", "C7", "C8", "C9"]
    assert all(a.values.get("beginn") for a in data.activities)
    assert not any(f.code == "nr-vergeben" for f in findings)


def test_a_row_with_required_values_after_the_foot_is_an_activity(tmp_path: Path) -> None:
    path = published_list(tmp_path / "GB1_Meldebogen.xlsx")
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    put(sheet, 19, [activity(6)])
    workbook.save(path)
    findings, project = check(tmp_path, path)
    data = check_paths(project, [path], 2023, today=TODAY)
    assert data.activities[-1].source.row == 19 and data.activities[-1].values["vorhaben"] == "Vorhaben Nummer 6"
    assert not any(f.code == "tabellenfuss" for f in findings)
    # The notes between are rows of the table after all, and said to be incomplete.
    assert ("pflichtwert-fehlt", "error", "C11") in shown(findings)


def renamed_column(tmp_path: Path, old: str | None, new: str, values: list[Any]) -> list[Finding]:
    """Findings of a form whose column `old` is titled `new` (or with `new` as an extra column) holding `values`."""
    header = [new if title == old else title for title in HEADER] + ([] if old else [new])
    index = header.index(new)
    rows = []
    for number, value in enumerate(values, start=1):
        values_of_row = [*row(number), None]
        values_of_row[index] = value
        rows.append(values_of_row[: len(header)])
    project = make_project(tmp_path / "projekt")
    path = project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx"
    write_workbook(path, rows, header=header)
    return check_paths(Project.open(project), [path], 2023, today=TODAY).report.findings


@pytest.mark.parametrize("saved_by", ["openpyxl", "libreoffice-xlsx"])
def test_a_postcode_column_titled_like_status_is_not_called_status(tmp_path: Path, saved_by: str) -> None:
    project = make_project(tmp_path / "projekt")
    header = [("Projekt-standort" if title == "Status" else title) for title in HEADER]
    rows = [row(n, status=f"1446{n} Musterort") for n in range(1, 4)]
    path = write_workbook(tmp_path / "quelle" / "GB1_Meldebogen.xlsx", rows, header=header)
    if saved_by == "libreoffice-xlsx":
        path = resaved(path, tmp_path)
    findings = check_paths(Project.open(project), [path], 2023, today=TODAY).report.findings
    unknown = [f for f in findings if f.code == "spalte-unbekannt"]
    assert [(f.cell, f.suggestion) for f in unknown] == [("F1", None)]
    assert "Status" not in unknown[0].message


def test_codes_are_not_suggested_as_a_date(tmp_path: Path) -> None:
    findings = renamed_column(tmp_path, "Beginn", "Beginn-Code", [10, 40, 60])
    unknown = [f for f in findings if f.code == "spalte-unbekannt"]
    assert [(f.cell, f.suggestion) for f in unknown] == [("G1", None)]


def test_a_column_the_file_has_is_never_suggested(tmp_path: Path) -> None:
    findings = renamed_column(tmp_path, None, "PLZ Beginn", ["14467", "14469", "14471"])
    unknown = [f for f in findings if f.code == "spalte-unbekannt"]
    assert [(f.cell, f.suggestion) for f in unknown] == [("K1", None)]


def test_dates_under_a_new_title_are_still_suggested_as_beginn(tmp_path: Path) -> None:
    findings = renamed_column(tmp_path, "Beginn", "Beginn-Code", ["1.3.2022", "03/2021", "2020"])
    unknown = [f for f in findings if f.code == "spalte-unbekannt"]
    assert [(f.cell, f.suggestion) for f in unknown] == [("G1", "Beginn")]


@pytest.mark.parametrize("saved_by", ["openpyxl", "libreoffice-xlsx"])
def test_a_name_wrapped_in_its_cell_stays_one_partner(tmp_path: Path, runner: CliRunner, saved_by: str) -> None:
    project = make_project(tmp_path / "projekt")
    wrapped = "Musterstädter Innovations-\nund Gründerzentrum GmbH\nLandkreis Potsdam-Mittelmark"
    path = write_workbook(tmp_path / "quelle" / "GB1_Meldebogen.xlsx", [row(1, partner=wrapped)])
    if saved_by == "libreoffice-xlsx":
        path = resaved(path, tmp_path)
    target = project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx"
    target.write_bytes(path.read_bytes())
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    titles, rows = overview_rows(project / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx")
    partners = next(r for r in rows if r[titles.index("Vorhaben")])
    published = str(partners[titles.index("Kooperationspartner")])
    assert "Musterstädter Innovations- und Gründerzentrum GmbH" in published
    assert "Innovations-;" not in published and "Landkreis Potsdam-Mittelmark" in published
    findings = check_paths(Project.open(project), [target], 2023, today=TODAY).report.findings
    unknown = [f for f in findings if f.code == "partner-unbekannt"]
    assert [(f.cell, f.value) for f in unknown] == [("D2", "Musterstädter Innovations- und Gründerzentrum GmbH")]


def test_titles_are_quoted_on_one_line_and_duplicates_counted(tmp_path: Path) -> None:
    header = [*HEADER, "Unions-\nKofinan-\nzierungssatz", "Titel", "Maßnahme"]
    project = make_project(tmp_path / "projekt")
    path = write_workbook(
        project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [[*row(1), "50 %", "x", "y"]], header=header
    )
    findings = check_paths(Project.open(project), [path], 2023, today=TODAY).report.findings
    unknown = next(f for f in findings if f.code == "spalte-unbekannt")
    assert "„Unions-Kofinan-zierungssatz“" in unknown.message and "\n" not in unknown.message
    doubled = [f for f in findings if f.code == "spalte-doppelt"]
    assert [(f.cell, f.severity.value) for f in doubled] == [("L1", "error"), ("M1", "error")]
    assert all("kommt 3-mal vor" in f.message and "eine der beiden" not in f.message for f in doubled)
    assert "auch in C1 und M1" in doubled[0].message


def sheets_workbook(path: Path, sheets: dict[str, list[list[Any]]], hidden: tuple[str, ...] = ()) -> Path:
    """A workbook with the given sheets (first row the header), some of them hidden."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        put(sheet, 1, rows)
        if name in hidden:
            sheet.sheet_state = "hidden"
    return save(workbook, path)


def resave(path: Path, tmp_path: Path, saved_by: str) -> Path:
    if saved_by == "libreoffice-xlsx":
        return resaved(path, tmp_path)
    if saved_by == "libreoffice-ods":
        return resaved(path, tmp_path, "ods")
    return path


@pytest.mark.parametrize("saved_by", ["openpyxl", "libreoffice-xlsx", "libreoffice-ods"])
def test_the_same_table_on_several_sheets_is_read_once_and_the_others_named(tmp_path: Path, saved_by: str) -> None:
    rows = [row(n) for n in range(1, 7)]
    path = sheets_workbook(
        tmp_path / "quelle" / "GB1_Meldebogen.xlsx",
        {
            "Hinweise": [["Bitte je Vorhaben eine Zeile ausfüllen."]],
            "Alle": [HEADER, *rows],
            "Abschnitt 1": [HEADER, *rows[:3]],
            "Abschnitt 2": [HEADER, *rows[3:]],
            "Übersicht": [["Handlungsfeld", "Status", "Anzahl"], ["Mobilität und Verkehr", "laufend", 6]],
            "Alt": [HEADER, row(9)],
        },
        hidden=("Alt",),
    )
    findings, project = check(tmp_path, resave(path, tmp_path, saved_by))
    assert sorted((f.code, f.severity.value, f.sheet) for f in findings if f.code.startswith("blatt")) == [
        ("blatt-ausgeblendet", "warning", "Alt"),
        ("blatt-nicht-gelesen", "warning", "Übersicht"),
        ("blatt-wiederholt", "info", "Abschnitt 1"),
        ("blatt-wiederholt", "info", "Abschnitt 2"),
    ]
    repeated = next(f for f in findings if f.sheet == "Abschnitt 1")
    assert "alle seine Zeilen stehen schon im Blatt „Alle“" in repeated.message
    assert not any(f.code in ("nr-doppelt", "vorhaben-doppelt") for f in findings)
    data = check_paths(project, [resave(path, tmp_path, saved_by)], 2023, today=TODAY)
    assert [(a.source.sheet, a.source.row) for a in data.activities] == [("Alle", n) for n in range(2, 8)]


@pytest.mark.parametrize("saved_by", ["openpyxl", "libreoffice-xlsx", "libreoffice-ods"])
def test_a_meldebogen_split_over_two_sheets_is_read_whole(tmp_path: Path, saved_by: str, runner: CliRunner) -> None:
    path = sheets_workbook(
        tmp_path / "quelle" / "GB1_Meldebogen.xlsx",
        {
            "Teil 1": [HEADER, row(1), row(2, status="in Planng")],
            "Teil 2": [HEADER, row(3), row(4), row(5, status="in Planng")],
        },
    )
    path = resave(path, tmp_path, saved_by)
    findings, project = check(tmp_path, path)
    assert [(f.code, f.sheet, f.cell) for f in findings if f.severity.value == "error"] == [
        ("wert-nicht-erlaubt", "Teil 1", "F3"),
        ("wert-nicht-erlaubt", "Teil 2", "F4"),
    ]
    data = check_paths(project, [path], 2023, today=TODAY)
    assert [(a.source.sheet, a.source.row) for a in data.activities] == [
        ("Teil 1", 2), ("Teil 1", 3), ("Teil 2", 2), ("Teil 2", 3), ("Teil 2", 4),
    ]  # fmt: skip
    folder = project.root / "2023" / "meldungen"
    (folder / f"GB1_Meldebogen{path.suffix}").write_bytes(path.read_bytes())
    code, output = run(runner, "build", "2023", "-C", str(project.root), "--trotz-fehlern")
    assert code == 0, output
    titles, rows = overview_rows(project.root / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx")
    published = [r[titles.index("Vorhaben")] for r in rows]
    # An error keeps out its own row only: row 3 of „Teil 2“ is published beside the error in row 3 of „Teil 1“.
    assert {"Vorhaben Nummer 1", "Vorhaben Nummer 3", "Vorhaben Nummer 4"} <= set(published)
    assert "Vorhaben Nummer 2" not in published and "Vorhaben Nummer 5" not in published
    flat = " ".join(output.split())
    assert "GB1_Meldebogen" in output and "Blatt „Teil 2“, Zeile 4: GB1-005 „Vorhaben Nummer 5“" in flat


def test_a_missing_header_names_the_nearest_row_and_the_titles_missing_there(tmp_path: Path) -> None:
    header = ["Lfd.", "Vorhaben", "Projekt-\nträger", "Zustand"]
    project = make_project(tmp_path / "projekt")
    path = write_workbook(
        project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [["1", "Radweg", "Amt", "offen"]], header=header,
        title_rows=2,
    )  # fmt: skip
    findings = check_paths(Project.open(project), [path], 2023, today=TODAY).report.findings
    (missing,) = [f for f in findings if f.code == "kopfzeile-fehlt"]
    assert "Am nächsten kommt Zeile 3 im Blatt „Meldebogen“" in missing.message
    assert "„Projekt-träger“" in missing.message and "\n" not in missing.message
    assert "dort fehlen „Beschreibung/Sachstand“, „Nr.“" in missing.message
    assert "„Vorhaben“" not in missing.message.split("dort fehlen")[1].split(" Erwartet")[0]


def test_an_xlsb_gives_the_same_findings_for_merges_header_block_and_foot(tmp_path: Path) -> None:
    """The .xlsb twin of the merged rows, the two-row header and the foot: same findings at the same cells."""
    from ..xlsbfile import Sheet, write_xlsb

    rows: dict[int, list[Any]] = {1: ["Projektliste des Landes 2023"], 3: list(COLUMNS), 4: [None, *ENGLISH[1:]]}
    for number in range(5, 10):
        values = activity(number - 4, beginn="1.3.2022")
        rows[number] = values if number != 9 else [*values[:9], None, values[10]]
    rows[11] = ["¹ Angaben ohne Gewähr; Stand der Meldungen: 31.12.2023."]
    rows[12] = ["Quelle: Ministerium für Infrastruktur, eigene Zusammenstellung"]
    rows[13] = ["10", "in Vorbereitung"]
    merged = [(1, 1, 1, 11), (3, 4, 1, 1), (9, 9, 9, 10), (11, 11, 1, 11), (17, 17, 1, 11)]
    path = write_xlsb(tmp_path / "GB1_Meldebogen.xlsb", [Sheet("Projekte", rows, merged=merged)])
    findings, project = check(tmp_path, path)
    assert shown(findings) == [("zellen-verbunden-spalten", "warning", "I9")]
    infos = sorted((f.code, f.cell, f.row) for f in findings if f.code in ("kopfzeile-mehrzeilig", "tabellenfuss"))
    assert infos == [("kopfzeile-mehrzeilig", None, 3), ("tabellenfuss", "A11", 11)]
    data = check_paths(project, [path], 2023, today=TODAY)
    assert [a.source.cells["vorhaben"] for a in data.activities] == ["C5", "C6", "C7", "C8", "C9"]


def test_a_first_data_row_of_short_texts_with_typos_stays_data(tmp_path: Path) -> None:
    first = row(1, nr=None, beginn=None, handlungsfeld="Mobilitat", status="in Planng", beschreibung="Kurz gesagt")
    project = make_project(tmp_path / "projekt")
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [first, row(2)])
    findings = check_paths(Project.open(project), [path], 2023, today=TODAY).report.findings
    assert not any(f.code == "kopfzeile-mehrzeilig" for f in findings)
    assert ("wert-nicht-erlaubt", "error", "F2") in shown(findings)


def test_a_header_merge_reaching_into_the_first_data_row_keeps_that_row_an_activity(tmp_path: Path) -> None:
    """„Bemerkung“ merged with the cell below: the first row is still an activity, and the merge an error."""
    rows = [activity(n) for n in range(1, 4)]
    path = write_workbook(tmp_path / "quelle" / "GB1_Meldebogen.xlsx", rows, header=COLUMNS)
    workbook = load_workbook(path)
    workbook.active.merge_cells("K1:K2")  # type: ignore[union-attr]
    workbook.save(path)
    findings, project = check(tmp_path, path)
    data = check_paths(project, [path], 2023, today=TODAY)
    assert [a.source.row for a in data.activities] == [2, 3, 4]
    assert ("zellen-verbunden", "error", "K1") in shown(findings)
    assert not any(f.code == "kopfzeile-mehrzeilig" for f in findings)


def test_an_incomplete_last_row_is_an_activity_not_the_foot(tmp_path: Path) -> None:
    """Nr. and Handlungsfeld without Vorhaben: a row missing its required values, not a legend entry."""
    project = make_project(tmp_path / "projekt")
    path = write_workbook(
        project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1), row(2), [9, "Mobilität und Verkehr"]]
    )
    findings = check_paths(Project.open(project), [path], 2023, today=TODAY).report.findings
    assert not any(f.code == "tabellenfuss" for f in findings)
    assert [(f.code, f.cell) for f in findings if f.code == "pflichtwert-fehlt"] == [
        ("pflichtwert-fehlt", "C4"),
        ("pflichtwert-fehlt", "I4"),
    ]


def test_a_legend_code_is_quoted_as_a_german_number(tmp_path: Path) -> None:
    project = make_project(tmp_path / "projekt")
    path = write_workbook(
        project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1), row(2), [], [9, "in Vorbereitung"]]
    )
    findings = check_paths(Project.open(project), [path], 2023, today=TODAY).report.findings
    (foot,) = [f for f in findings if f.code == "tabellenfuss"]
    assert "„9 in Vorbereitung“" in foot.message or "„9“" in foot.message
    assert "9.0" not in foot.message and foot.value == "9"
    assert "Zeile 5 unter der Tabelle enthält Fußnoten" in foot.message


@pytest.mark.parametrize("saved_by", ["openpyxl", "libreoffice-xlsx"])
def test_an_example_sheet_and_last_years_sheet_are_not_read_and_another_sheet_is_said(
    tmp_path: Path, saved_by: str
) -> None:
    path = sheets_workbook(
        tmp_path / "quelle" / "GB1_Meldebogen.xlsx",
        {
            "Meldebogen": [HEADER, row(1), row(2)],
            "Ausfüllbeispiel": [HEADER, row(7, vorhaben="Beispielvorhaben")],
            "Vorjahr 2022": [HEADER, row(8, vorhaben="Altes Vorhaben")],
            "Meldebogen 2021": [HEADER, row(9, vorhaben="Uraltes Vorhaben")],
            "Nachtrag": [HEADER, row(3)],
        },
    )
    path = resave(path, tmp_path, saved_by)
    findings, project = check(tmp_path, path)
    data = check_paths(project, [path], 2023, today=TODAY)
    assert [(a.source.sheet, a.source.row) for a in data.activities] == [
        ("Meldebogen", 2), ("Meldebogen", 3), ("Nachtrag", 2),
    ]  # fmt: skip
    sheets = sorted((f.code, f.severity.value, f.sheet) for f in findings if f.code.startswith("blatt"))
    assert sheets == [
        ("blatt-nicht-gelesen", "warning", "Ausfüllbeispiel"),
        ("blatt-nicht-gelesen", "warning", "Meldebogen 2021"),
        ("blatt-nicht-gelesen", "warning", "Vorjahr 2022"),
        ("blatt-zusaetzlich", "warning", "Nachtrag"),
    ]
    extra = next(f for f in findings if f.code == "blatt-zusaetzlich")
    assert "Blatt „Nachtrag“ wird zusätzlich zu „Meldebogen“ gelesen: 1 Vorhaben" in extra.message
    example = next(f for f in findings if f.sheet == "Ausfüllbeispiel")
    assert "Beispiel" in example.message and "nicht gelesen" in example.message
    assert "Vorjahr" in next(f for f in findings if f.sheet == "Vorjahr 2022").message
    old = next(f for f in findings if f.sheet == "Meldebogen 2021")
    assert "früheres Jahr (2021) als das Berichtsjahr 2023" in old.message


def test_a_lone_sheet_named_for_last_year_is_still_read(tmp_path: Path) -> None:
    """Last year's form filled in again without renaming its sheet: it is the Meldung."""
    path = sheets_workbook(tmp_path / "GB1_Meldebogen.xlsx", {"Meldebogen 2022": [HEADER, row(1)]})
    findings, project = check(tmp_path, path)
    data = check_paths(project, [path], 2023, today=TODAY)
    assert [a.source.row for a in data.activities] == [2]
    assert not any(f.code.startswith("blatt") for f in findings)


def test_a_data_row_without_digits_and_with_typos_is_never_titles(tmp_path: Path) -> None:
    """A first row with Vorhaben and Beschreibung filled stays an activity, even if its list values all misfit."""
    first = row(
        1, nr=None, vorhaben="Radweg Nord", beginn=None, handlungsfeld="Mobilitat", status="in Planng",
        form="Gemeinsam", beschreibung="Kurz gesagt", ansprechpartner="Erika Muster",
    )  # fmt: skip
    project = make_project(tmp_path / "projekt")
    path = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [first, row(2)])
    data = check_paths(Project.open(project), [path], 2023, today=TODAY)
    assert [a.source.row for a in data.activities] == [2, 3]
    assert not any(f.code == "kopfzeile-mehrzeilig" for f in data.report.findings)
