"""Regressions from the review of issue 11: annotating odd workbooks, lossless JSON, safe outputs, init."""

from __future__ import annotations

import errno
import gc
import json
import os
import re
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.checks.cells import GERMAN_ERRORS
from koopbericht.cli import app
from koopbericht.errors import EXIT_USAGE, OutputError
from koopbericht.files.atomic import write_all_atomic
from koopbericht.findings.catalogue import REQUIRED_MISSING
from koopbericht.round import marked as annotate_module

from .conftest import run
from .workbooks import make_project, row, write_workbook

StrPath = str | os.PathLike[str]


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
    assert "Fehler (betrifft C4): „Vorhaben“ ist eine Pflichtangabe" in comments["B4"]
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


# -- 3. JSON stays lossless on a stdout that is not UTF-8 --------------------------------------------------------

ODD_TITLE = "Győr → Ørsted ✓"


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "koopbericht", *args]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "KOOPBERICHT_"))}
    return {**env, "NO_COLOR": "1", "PYTHONUTF8": "0", **extra}


def odd_project(root: Path) -> Path:
    make_project(root, 2022)
    make_project(root, 2023)
    write_workbook(meldungen(root, 2022) / "GB1_Meldebogen.xlsx", [row(1)])
    # The same title twice: the warning "vorhaben-doppelt" quotes it as its value.
    write_workbook(
        meldungen(root, 2023) / "GB1_Meldebogen.xlsx",
        [row(1), row(2, vorhaben=ODD_TITLE), row(3, vorhaben=ODD_TITLE)],
    )
    return root


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_validate_json_is_lossless_on_a_narrow_stdout(tmp_path: Path, encoding: str) -> None:
    root = odd_project(tmp_path / "projekt")
    result = subprocess.run(
        cli("validate", "2023", "-C", str(root), "--format", "json"),
        capture_output=True,
        env=environment(PYTHONIOENCODING=encoding),
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout.decode(encoding))
    assert ODD_TITLE in [f["value"] for f in data["findings"]]


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_compare_json_is_lossless_on_a_narrow_stdout(tmp_path: Path, encoding: str) -> None:
    root = odd_project(tmp_path / "projekt")
    result = subprocess.run(
        cli("compare", "2022", "2023", "-C", str(root), "--format", "json"),
        capture_output=True,
        env=environment(PYTHONIOENCODING=encoding),
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.decode(encoding))
    assert ODD_TITLE in [a["vorhaben"] for a in data["neu"]]


def test_compare_json_into_a_file_stays_readable_utf8(tmp_path: Path, runner: CliRunner) -> None:
    root = odd_project(tmp_path / "projekt")
    target = tmp_path / "vergleich.json"
    code, output = run(runner, "compare", "2022", "2023", "-C", str(root), "--format", "json", "-o", str(target))
    assert code == 0, output
    assert ODD_TITLE in target.read_text(encoding="utf-8")  # a file is UTF-8: no \u escapes needed


# -- 4. a previous output that cannot be read is never deleted ---------------------------------------------------


def test_an_unreadable_previous_output_is_not_deleted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "vorlage.docx", tmp_path / "anlage.xlsx"
    first.write_bytes(b"old vorlage")
    second.write_bytes(b"old anlage")
    real_read_bytes = Path.read_bytes
    real_replace = os.replace

    def read_bytes(self: Path) -> bytes:
        if self == first:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    def replace(source: StrPath, target: StrPath) -> None:
        if Path(target) == second:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr("koopbericht.files.atomic.os.replace", replace)

    with pytest.raises(OutputError) as raised:
        write_all_atomic({first: b"new vorlage", second: b"new anlage"})
    monkeypatch.undo()

    assert first.exists(), "a file whose previous content could not be read was deleted"
    assert first.read_bytes() == b"new vorlage"
    assert second.read_bytes() == b"old anlage"
    assert f"{first} wurde bereits neu geschrieben" in raised.value.message


def test_a_new_output_is_removed_again_when_a_later_one_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "vorlage.docx", tmp_path / "anlage.xlsx"
    second.write_bytes(b"old anlage")
    real_replace = os.replace

    def replace(source: StrPath, target: StrPath) -> None:
        if Path(target) == second:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr("koopbericht.files.atomic.os.replace", replace)
    with pytest.raises(OutputError):
        write_all_atomic({first: b"new vorlage", second: b"new anlage"})
    assert not first.exists()
    assert second.read_bytes() == b"old anlage"


def test_readme_promises_only_what_is_true_for_exit_code_5() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("| 5 |"))
    assert "die bisherige Datei bleibt unverändert" not in line
    assert "wiederhergestellt" in line


# -- 5. init where a folder it needs is a file ------------------------------------------------------------------


@pytest.mark.parametrize("blocked", ["2023/meldungen", "2023/text", "2023"])
def test_init_refuses_a_file_where_a_folder_belongs(tmp_path: Path, runner: CliRunner, blocked: str) -> None:
    folder = tmp_path / "neu"
    blocker = folder / blocked
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("im Weg", encoding="utf-8")
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))

    code, output = run(runner, "init", str(folder), "--jahr", "2023")

    assert code == EXIT_USAGE, output
    assert "Interner Fehler" not in output
    assert str(blocker) in output.replace("\n", "") and "Datei, kein Ordner" in output
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before  # nothing written
    assert blocker.read_text(encoding="utf-8") == "im Weg"


def test_init_still_works_in_an_existing_empty_folder(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "neu"
    (folder / "2023" / "meldungen").mkdir(parents=True)
    code, output = run(runner, "init", str(folder), "--jahr", "2023")
    assert code == 0, output
    assert (folder / "koopbericht.toml").is_file() and (folder / "2023" / "text" / "01-bericht.md").is_file()


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
