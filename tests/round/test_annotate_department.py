"""Annotated copies that speak to the department: texts without codes or settings, a cover sheet, print setup.

`validate --annotate` writes the copy a Geschäftsbereich gets back. Everything in it is
addressed to whoever fills in the form: what to do, by when, whom to ask; the finding
codes stay in the last column of „Prüfergebnis“, for the clerk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from typer.testing import CliRunner

from koopbericht.actions.validate import annotate_copies
from koopbericht.findings import CATALOGUE, Finding, Severity
from koopbericht.findings.advice import department_text, severity_counts
from koopbericht.findings.catalogue import PARTNER_UNKNOWN, REQUIRED_MISSING
from koopbericht.project.folder import Project
from koopbericht.round import marked as annotate_module
from koopbericht.round.form import CORRECT_FILL, UPDATE_FILL
from koopbericht.round.marked import MARKS
from koopbericht.year.pipeline import check_year

from ..conftest import run
from ..workbooks import YEAR, make_project, row, write_workbook

CONTACT = """\
ansprechpartner = "Büro des Oberbürgermeisters, Erika Beispiel"
email = "kooperation@example.org"
telefon = "0331 000-1234"
"""
FORBIDDEN = ("koopbericht", "toml", "vokabular", "konfiguration", "none", "{", "}")
TODAY = dt.date(2024, 3, 19)
# The CLI checks against the real date: a deadline still ahead whenever the tests run.
AHEAD = dt.date.today() + dt.timedelta(days=30)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "projekt")
    vorlage = YEAR.replace("frist = 2024-03-29\n", f"frist = {AHEAD.isoformat()}\n{CONTACT}")
    (root / "2023" / "vorlage.toml").write_text(vorlage, encoding="utf-8")
    write_workbook(root / "2023" / "meldungen" / "GB2_Meldebogen.xlsx", [row(9, nr="GB2-001")])
    return root


def faulty(project: Path) -> Path:
    """GB1's Meldebogen with three errors (F2, G2, C4) and one warning (D3)."""
    rows = [row(1, status="in Planng", beginn="bald"), row(2, partner="Schwielow-See"), row(3, vorhaben=None)]
    return write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", rows)


def annotate(project: Path, runner: CliRunner, target: Path) -> tuple[int, str]:
    return run(runner, "validate", "2023", "-C", str(project), "--annotate", str(target))


def texts(workbook: Workbook, *, skip_codes: bool = False) -> list[str]:
    """Every text in the workbook: cell values and comments (without the code column of „Prüfergebnis“)."""
    found = []
    for sheet in workbook.worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                if skip_codes and sheet.title == "Prüfergebnis" and cell.column == sheet.max_column:
                    continue
                if isinstance(cell.value, str):
                    found.append(cell.value)
                if cell.comment is not None:
                    found.append(cell.comment.text)
    return found


def cover_lines(workbook: Workbook) -> list[str]:
    sheet = workbook["Was ist zu tun"]
    return [" | ".join(str(c.value) for c in line if c.value is not None) for line in sheet.iter_rows()]


# -- The department texts -----------------------------------------------------------------------------------


def _variants(code: str) -> list[Finding]:
    kind = next(k for k in CATALOGUE if k.code == code)
    return [
        kind.at("2023/meldungen/GB1.xlsx", "Meldung für das Büro."),
        kind.at(
            "2023/meldungen/GB1.xlsx",
            "Meldung für das Büro.",
            sheet="Meldebogen",
            cell="F2",
            row=2,
            column="Status",
            value="in Planng",
            suggestion="geplant",
        ),
        kind.at(
            "x.xlsx",
            "Meldung für das Büro.",
            sheet="Alt",
            cell="B7",
            row=7,
            column="Beschreibung/Sachstand",
            value="x" * 500,
        ),
    ]


@pytest.mark.parametrize("code", [kind.code for kind in CATALOGUE])
def test_every_finding_code_has_a_department_text_without_codes_or_settings(code: str, project: Path) -> None:
    settings = Project.open(project).settings
    for finding in _variants(code):
        for given in (settings, None):
            text = department_text(finding, given)
            assert text and (text[0].isupper() or text[0] == "„") and text.endswith((".", "?")), text
            lowered = text.casefold()
            assert [word for word in FORBIDDEN if word in lowered] == [], text
            assert code not in text and finding.message not in text
            assert "  " not in text and " ." not in text, text


def test_a_value_outside_the_list_names_the_allowed_values(project: Path) -> None:
    settings = Project.open(project).settings
    finding = _variants("wert-nicht-erlaubt")[1]
    assert department_text(finding, settings) == (
        "„in Planng“ ist in der Spalte „Status“ nicht vorgesehen. Bitte einen Wert aus der Auswahlliste wählen: "
        "geplant, laufend, abgeschlossen oder ruhend. Gemeint ist wohl „geplant“."
    )
    assert department_text(finding, settings, with_suggestion=False).endswith("oder ruhend.")
    handlungsfeld = dataclasses.replace(finding, column="Handlungsfeld", suggestion=None)
    text = department_text(handlungsfeld, settings)
    assert "„Bildung, Kultur und Sport“" in text and text.endswith("oder „Sicherheit und Ordnung“.")
    assert "Auswahlliste" in department_text(finding, None)


def test_an_unknown_partner_is_asked_to_be_checked_not_registered() -> None:
    finding = PARTNER_UNKNOWN.at("f", "m", column="Kooperationspartner", value="Schwielow-See", suggestion="Gemeinde X")
    text = department_text(finding)
    assert text.startswith("„Schwielow-See“ ") and "Gemeint ist wohl „Gemeinde X“." in text
    assert "Partnerverzeichnis" not in text


@pytest.mark.parametrize(
    ("errors", "warnings", "expected"),
    [(1, 0, "1 Fehler"), (0, 1, "1 Warnung"), (2, 2, "2 Fehler und 2 Warnungen"), (1, 1, "1 Fehler und 1 Warnung")],
)
def test_counts_agree_in_number(errors: int, warnings: int, expected: str) -> None:
    findings = [PARTNER_UNKNOWN.at("f", "m")] * warnings
    findings += [Finding("x", Severity.ERROR, "f", "m")] * errors
    assert severity_counts(findings) == expected


# -- The copy ------------------------------------------------------------------------------------------------


def test_the_copy_opens_on_what_to_do(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    source = faulty(project)
    code, output = annotate(project, runner, tmp_path / "zurueck")
    assert code == 1, output
    workbook = load_workbook(tmp_path / "zurueck" / source.name)
    assert workbook.sheetnames == ["Was ist zu tun", "Meldebogen", "Prüfergebnis"]
    assert workbook.active is not None and workbook.active.title == "Was ist zu tun"
    assert [s.title for s in workbook.worksheets if s.sheet_view.tabSelected] == ["Was ist zu tun"]
    lines = cover_lines(workbook)
    text = "\n".join(lines)
    assert lines[0] == "Was ist zu tun"
    assert "Meldebogen | GB1_Meldebogen.xlsx" in lines and "Geschäftsbereich | GB1 Zentrale Verwaltung" in lines
    assert "Ergebnis | drei Fehler und eine Warnung" in lines  # numbers up to twelve as words
    assert f"Frist | {AHEAD:%d.%m.%Y}" in lines
    assert "Fragen an | Büro des Oberbürgermeisters, Erika Beispiel" in lines
    assert "E-Mail | kooperation@example.org" in lines and "Telefon | 0331 000-1234" in lines
    cells = [line.split(" | ")[:4] for line in lines if line[:2] in ("F2", "G2", "D3", "C4")]
    assert cells == [  # every item names its Vorhaben, by Nr. and title (the empty title: the Nr. alone)
        ["F2", "GB1-001 „Vorhaben Nummer 1“", "Status", "Fehler"],
        ["G2", "GB1-001 „Vorhaben Nummer 1“", "Beginn", "Fehler"],
        ["D3", "GB1-002 „Vorhaben Nummer 2“", "Kooperationspartner", "Warnung"],
        ["C4", "GB1-003", "Vorhaben", "Fehler"],
    ]
    assert "kann sie bleiben" not in text and "kann bleiben" not in text
    assert "Bitte einen Wert aus der Auswahlliste wählen: geplant, laufend, abgeschlossen oder ruhend." in text
    assert "„Vorhaben“ ist eine Pflichtangabe. Bitte ausfüllen. Hinweis: Kurzer, aussagekräftiger Titel der " in text
    assert f"bis zum {AHEAD:%d.%m.%Y} an kooperation@example.org" in text and "Excel-Arbeitsmappe (.xlsx)" in text
    sheet = workbook["Was ist zu tun"]
    link = next(c for line in sheet.iter_rows() for c in line if c.value == "F2").hyperlink
    assert link is not None and link.location == "'Meldebogen'!F2"


def test_codes_and_settings_appear_only_in_the_clerks_column(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    source = faulty(project)
    annotate(project, runner, tmp_path / "zurueck")
    workbook = load_workbook(tmp_path / "zurueck" / source.name)
    codes = [kind.code for kind in CATALOGUE]
    for text in texts(workbook, skip_codes=True):
        lowered = text.casefold()
        assert [c for c in codes if c in text] == [] and "koopbericht" not in lowered and "toml" not in lowered
    summary = workbook["Prüfergebnis"]
    assert summary.cell(1, summary.max_column).value == "Code (für das Büro)"
    column = [summary.cell(r, summary.max_column).value for r in range(2, summary.max_row + 1)]
    assert column == ["wert-nicht-erlaubt", "datum-unlesbar", "partner-unbekannt", "pflichtwert-fehlt"]
    comment = workbook["Meldebogen"]["F2"].comment
    assert comment is not None
    assert comment.text.startswith("Fehler zu GB1-001 „Vorhaben Nummer 1“: „in Planng“ ist in der Spalte „Status“")
    assert workbook["Meldebogen"]["D3"].comment.text.startswith(
        "Warnung zu GB1-002 „Vorhaben Nummer 2“: „Schwielow-See“"
    )


def test_the_summary_wraps_and_prints_on_landscape_pages(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    source = faulty(project)
    annotate(project, runner, tmp_path / "zurueck")
    summary = load_workbook(tmp_path / "zurueck" / source.name)["Prüfergebnis"]
    header = [c.value for c in summary[1]]
    assert header[:2] == ["Blatt", "Zelle"] and "Was ist zu tun" in header
    assert summary.freeze_panes == "A2" and summary.print_title_rows == "$1:$1"
    assert summary.page_setup.orientation == "landscape" and summary.page_setup.paperSize == 9
    assert summary.sheet_properties.pageSetUpPr is not None and summary.sheet_properties.pageSetUpPr.fitToPage
    assert (summary.page_setup.fitToWidth, summary.page_setup.fitToHeight) == (1, 0)
    widths = [summary.column_dimensions[get_column_letter(c)].width for c in range(1, summary.max_column + 1)]
    assert all(widths) and sum(widths) <= 160, widths
    todo = header.index("Was ist zu tun") + 1
    assert all(summary.cell(r, todo).alignment.wrap_text for r in range(1, summary.max_row + 1))
    assert all(summary.cell(r, 1).alignment.vertical == "top" for r in range(2, summary.max_row + 1))
    cover = load_workbook(tmp_path / "zurueck" / source.name)["Was ist zu tun"]
    setup = cover.sheet_properties.pageSetUpPr
    # With its Vorhaben column the cover is wider than a portrait page: orientation follows the width.
    assert cover.page_setup.orientation == "landscape" and setup is not None and setup.fitToPage


def _grey(rgb: str) -> float:
    red, green, blue = (int(rgb[-6:][i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * red + 0.587 * green + 0.114 * blue


def test_marks_differ_from_the_templates_marking_and_each_other_also_in_grey(
    project: Path, runner: CliRunner, tmp_path: Path
) -> None:
    error, warning = MARKS[Severity.ERROR], MARKS[Severity.WARNING]
    template = [UPDATE_FILL.fgColor.rgb, CORRECT_FILL.fgColor.rgb]
    greys = [_grey(error.fill.fgColor.rgb), _grey(warning.fill.fgColor.rgb), *map(_grey, template)]
    assert min(abs(a - b) for i, a in enumerate(greys) for b in greys[i + 1 :]) >= 20, greys
    assert error.border.left is not None and warning.border.left is not None
    assert error.border.left.style != warning.border.left.style  # a second cue besides the colour
    source = faulty(project)
    annotate(project, runner, tmp_path / "zurueck")
    sheet = load_workbook(tmp_path / "zurueck" / source.name)["Meldebogen"]
    assert sheet["F2"].fill.fgColor.rgb == error.fill.fgColor.rgb and sheet["F2"].border.left.style == "thick"
    assert sheet["D3"].fill.fgColor.rgb == warning.fill.fgColor.rgb and sheet["D3"].border.top.style == "dashed"
    assert sheet["E2"].fill.fill_type is None and sheet["E2"].border.left.style is None


def test_terminal_counts_agree_in_number(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    source = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1, status="in Planng")])
    code, output = annotate(project, runner, tmp_path / "zurueck")
    assert code == 1
    assert f"Markierte Kopie: {tmp_path / 'zurueck' / source.name} (1 Fehler)" in output
    write_workbook(source, [row(1, partner="Schwielow-See")])
    code, output = annotate(project, runner, tmp_path / "zurueck")
    assert code == 0 and "(1 Warnung)" in output and "Befunde" not in output


def test_a_corrected_copy_comes_back_clean(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    source = faulty(project)
    annotate(project, runner, tmp_path / "zurueck")
    workbook = load_workbook(tmp_path / "zurueck" / source.name)
    sheet = workbook["Meldebogen"]
    sheet["F2"], sheet["G2"], sheet["D3"], sheet["C4"] = "geplant", "03/2022", "Gemeinde Schwielowsee", "Neu"
    workbook.save(source)  # the department sends the copy back, with its sheets and marks
    code, output = run(runner, "validate", "2023", "-C", str(project))
    assert code == 0, output
    assert "0 Fehler, 0 Warnungen in 2 Dateien mit 4 Vorhaben." in output


def test_same_input_same_bytes_and_an_expired_deadline(project: Path, tmp_path: Path) -> None:
    faulty(project)
    opened = Project.open(project)
    data = check_year(opened, 2023, today=TODAY)
    first = annotate_copies(data, tmp_path / "a", opened, today=TODAY)
    second = annotate_copies(data, tmp_path / "b", opened, today=TODAY)
    assert [c.target.read_bytes() for c in first if c.target] == [c.target.read_bytes() for c in second if c.target]
    assert (first[0].errors, first[0].warnings, first[0].findings) == (3, 1, 4)
    late = annotate_copies(data, tmp_path / "c", opened, today=AHEAD + dt.timedelta(days=1))
    assert late[0].target is not None
    text = "\n".join(cover_lines(load_workbook(late[0].target)))
    assert f"Frist | {AHEAD:%d.%m.%Y} (abgelaufen)" in text and "so bald wie möglich" in text


def test_without_the_project_the_copy_still_says_what_to_do(project: Path, tmp_path: Path) -> None:
    source = faulty(project)
    data = check_year(Project.open(project), 2023, today=TODAY)
    (copy,) = annotate_copies(data, tmp_path / "zurueck")
    assert copy.target is not None
    workbook = load_workbook(copy.target)
    lines = cover_lines(workbook)
    assert not [line for line in lines if line.startswith(("Frist", "Fragen an"))]
    assert "Bitte einen Wert aus der Auswahlliste der Spalte „Status“ wählen." in "\n".join(lines)
    assert copy.target.name == source.name


def test_a_copy_of_a_form_with_only_file_level_findings(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    header = ["Nr.", "Vorhaben", "Kooperationspartner", "Status", "Notizen"]
    values: list[list[Any]] = [["GB1-001", "Vorhaben 1", "Werder", "laufend", "x"]]
    source = write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", values, header=header)
    code, output = annotate(project, runner, tmp_path / "zurueck")
    assert code == 1, output
    lines = cover_lines(load_workbook(tmp_path / "zurueck" / source.name))
    missing = [line for line in lines if line.startswith("– | Beschreibung/Sachstand | Fehler")]
    assert missing and "Bitte die Spalte" in missing[0]


def test_a_copy_sent_back_half_corrected_is_marked_afresh(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    source = faulty(project)
    annotate(project, runner, tmp_path / "erste")
    workbook = load_workbook(tmp_path / "erste" / source.name)
    sheet = workbook["Meldebogen"]
    sheet["F2"], sheet["G2"], sheet["C4"] = "geplant", "03/2022", "Neu"  # D3 (the partner) left as it was
    sheet["B2"].comment = Comment("Bitte Rückruf, Frau Muster", "GB1")
    workbook.save(source)
    code, output = annotate(project, runner, tmp_path / "zweite")
    assert code == 0, output
    again = load_workbook(tmp_path / "zweite" / source.name)
    assert again.sheetnames == ["Was ist zu tun", "Meldebogen", "Prüfergebnis"]
    sheet = again["Meldebogen"]
    assert sheet["F2"].comment is None and sheet["F2"].fill.fill_type is None and sheet["F2"].border.left.style is None
    assert sheet["D3"].comment is not None and sheet["D3"].comment.text.startswith("Warnung zu GB1-002 ")
    assert sheet["B2"].comment is not None and sheet["B2"].comment.text == "Bitte Rückruf, Frau Muster"
    assert "Ergebnis | eine Warnung" in cover_lines(again)
    assert [c.value for c in again["Prüfergebnis"]["B"]][1:] == ["D3"]


def test_a_departments_own_comment_on_a_marked_cell_is_kept(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    source = faulty(project)
    workbook = load_workbook(source)
    workbook["Meldebogen"]["F2"].comment = Comment("Status noch offen", "GB1")
    workbook.save(source)
    annotate(project, runner, tmp_path / "zurueck")
    comment = load_workbook(tmp_path / "zurueck" / source.name)["Meldebogen"]["F2"].comment
    assert comment is not None and comment.text.startswith("Fehler zu GB1-001 „Vorhaben Nummer 1“: ")
    assert comment.text.endswith("\n\nIhr Kommentar: Status noch offen")


# -- from the review of issue 11 --------------------------------------------------------------------------------


def meldungen(root: Path, year: int = 2023) -> Path:
    return root / str(year) / "meldungen"


def annotated_cells(path: Path) -> dict[str, str]:
    """Comment text by cell of the data sheet of an annotated copy."""
    with path.open("rb") as stream:  # openpyxl refuses a path not named .xlsx
        workbook = load_workbook(stream)
    sheet = workbook["Meldebogen"]
    return {cell.coordinate: cell.comment.text for line in sheet.iter_rows() for cell in line if cell.comment}


def add_merge(path: Path, ref: str) -> None:
    """Put a <mergeCell ref=…> into the data sheet's XML directly (openpyxl would expand a huge one)."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    name = "xl/worksheets/sheet1.xml"
    xml = members[name].decode("utf-8")
    merge = f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
    xml = re.sub(r"</sheetData>|<sheetData\s*/>", lambda m: m.group(0) + merge, xml, count=1)
    members[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member, data in members.items():
            target.writestr(member, data)


# -- 1. --annotate with merged cells ----------------------------------------------------------------------------


def test_a_finding_inside_a_merged_range_is_marked_at_its_top_left_cell(tmp_path: Path, runner: CliRunner) -> None:
    root = make_project(tmp_path / "projekt")
    path = write_workbook(meldungen(root) / "GB1_Meldebogen.xlsx", [row(n) for n in range(1, 6)])
    workbook = load_workbook(path)
    sheet = workbook["Meldebogen"]
    sheet["C4"] = None  # Vorhaben of row 4 empty, and merged into Handlungsfeld B4:C4
    sheet.merge_cells("B4:C4")
    workbook.save(path)
    out = tmp_path / "zurueck"

    code, output = run(runner, "validate", "2023", "-C", str(root), "--annotate", str(out))

    assert code == 1, output
    assert "Interner Fehler" not in output
    comments = annotated_cells(out / path.name)
    assert "C4" not in comments
    assert "Fehler zu GB1-003 (betrifft C4): „Vorhaben“ ist eine Pflichtangabe" in comments["B4"]
    summary = load_workbook(out / path.name)["Prüfergebnis"]
    assert "C4" in [cell.value for cell in summary["B"]]  # the list still names the finding's own cell


def test_a_huge_merged_range_refuses_the_copy_without_loading_it(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "projekt")
    rows = [row(n) for n in range(1, 6)]
    rows[1][5] = "unbekannter Status"  # an error to mark
    path = write_workbook(meldungen(root) / "GB1_Meldebogen.xlsx", rows)
    add_merge(path, "N20:Z1048576")

    def no_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl would create millions of merged cells")

    monkeypatch.setattr(annotate_module, "load_workbook", no_load)
    out = tmp_path / "zurueck"
    code, output = run(runner, "validate", "2023", "-C", str(root), "--annotate", str(out))

    assert code == 1, output
    assert "Keine markierte Kopie von" in output and "verbundene Zellen" in output
    assert not (out / path.name).exists()


def test_a_small_merged_range_outside_the_data_is_annotated(tmp_path: Path, runner: CliRunner) -> None:
    root = make_project(tmp_path / "projekt")
    rows = [row(n) for n in range(1, 6)]
    rows[1][5] = "unbekannter Status"
    path = write_workbook(meldungen(root) / "GB1_Meldebogen.xlsx", rows)
    add_merge(path, "N20:Z40")
    out = tmp_path / "zurueck"

    code, output = run(runner, "validate", "2023", "-C", str(root), "--annotate", str(out))

    assert code == 1, output
    assert "F3" in annotated_cells(out / path.name)


# -- 2. --annotate on an xlsx whose name does not end in .xlsx -------------------------------------------------


@pytest.mark.parametrize("name", ["GB1_Meldebogen.xls", "GB1_Meldebogen"])
def test_annotate_an_xlsx_with_another_extension(tmp_path: Path, runner: CliRunner, name: str) -> None:
    root = make_project(tmp_path / "projekt")
    rows = [row(n) for n in range(1, 4)]
    rows[0][5] = "unbekannter Status"
    built = write_workbook(tmp_path / "gebaut.xlsx", rows)
    path = meldungen(root) / name
    built.rename(path)
    out = tmp_path / "zurueck"

    code, output = run(runner, "validate", str(path), "-C", str(root), "--annotate", str(out))

    assert code == 1, output
    assert "Interner Fehler" not in output and "Keine markierte Kopie" not in output
    assert "F2" in annotated_cells(out / name)


@pytest.mark.parametrize("name", ["GB1_Meldebogen.xls", "GB1_Meldebogen", "GB1_Meldebogen.XLSX"])
def test_annotated_copy_of_an_xlsx_with_another_extension_closes_the_original(tmp_path: Path, name: str) -> None:
    built = write_workbook(tmp_path / "gebaut.xlsx", [row(n) for n in range(1, 3)])
    path = tmp_path / name
    built.rename(path)
    finding = REQUIRED_MISSING.at(name, "fehlt", sheet="Meldebogen", cell="C2", row=2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        copy = annotate_module.annotated_copy(path, [finding])
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
    copied = tmp_path / "kopie.xlsx"
    copied.write_bytes(copy.data)
    assert "Pflichtangabe" in annotated_cells(copied)["C2"]


def test_load_errors_include_openpyxls_extension_check() -> None:
    from openpyxl.utils.exceptions import InvalidFileException

    from koopbericht.read.workbook import openpyxl_errors

    assert InvalidFileException in openpyxl_errors()
