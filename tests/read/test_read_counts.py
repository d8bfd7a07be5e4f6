"""Issue 24: one reading pass. Counts how often members are inflated and which years are read."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from koopbericht.config.load import load_settings
from koopbericht.project.folder import Project
from koopbericht.read import formats, parallel
from koopbericht.read.workbook import read_meldebogen
from koopbericht.year import pipeline
from koopbericht.year.pipeline import check_year

from ..conftest import run
from ..workbooks import make_project, row, write_workbook


@pytest.fixture
def inflated(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[tuple[str, str]]]:
    """(archive, member) → how often zipfile opened the member for reading."""
    counts: Counter[tuple[str, str]] = Counter()
    original = zipfile.ZipFile.open

    def counting(self: zipfile.ZipFile, name: Any, mode: Any = "r", *args: Any, **kwargs: Any) -> IO[bytes]:
        if mode == "r":
            member = name.filename if isinstance(name, zipfile.ZipInfo) else name
            counts[(str(self.filename), member)] += 1
        return original(self, name, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", counting)
    yield counts


def test_each_member_inflated_once_and_calamine_inflates_nothing(
    tmp_path: Path, inflated: Counter[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(make_project(tmp_path))
    path = write_workbook(tmp_path / "GB1.xlsx", [row(n) for n in range(1, 30)], first_sheet="Hinweise")
    compressed: list[list[int]] = []

    class Recording:
        """calamine, noting how the members it is given are packed."""

        @staticmethod
        def from_filelike(stream: io.BytesIO) -> CalamineWorkbook:
            with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
                compressed.append([m.compress_type for m in archive.infolist()])
            stream.seek(0)
            return CalamineWorkbook.from_filelike(stream)

        @staticmethod
        def from_path(path: str) -> CalamineWorkbook:
            raise AssertionError("calamine must not unpack the file again")

    monkeypatch.setattr(formats, "CalamineWorkbook", Recording)
    raw = read_meldebogen(path, "GB1.xlsx", settings)
    assert len(raw.rows) == 29
    ours = {member: count for (archive, member), count in inflated.items() if archive == str(path)}
    assert ours and all(count == 1 for count in ours.values()), ours
    assert any(member.startswith("xl/worksheets/") for member in ours)
    assert compressed == [[zipfile.ZIP_STORED] * len(compressed[0])]


def test_build_inflates_each_worksheet_member_once(example_copy: Path, inflated: Counter[tuple[str, str]]) -> None:
    """As in a yearly round: 2021 and 2022 were built in their time and left their `kennzahlen.json`.

    The development table of 2023 takes them from there; without them it would read those years' Meldebögen.
    """
    for earlier in ("2021", "2022"):
        code, output = run(CliRunner(), "build", earlier, "-C", str(example_copy))
        assert code == 0, output
    inflated.clear()
    code, output = run(CliRunner(), "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    sheets = {key: count for key, count in inflated.items() if "/meldungen/" in key[0] and "worksheets/" in key[1]}
    assert sheets and all(count == 1 for count in sheets.values()), sheets
    years = {Path(file).parent.parent.name for file, _ in sheets}
    assert years == {"2022", "2023"}  # 2022 for the Sachstand check only; 2021 not at all


def _years_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    years: list[str] = []
    original = vars(parallel)["read_meldebogen"]

    def recording(path: Path, *args: Any, **kwargs: Any) -> Any:
        years.append(path.parent.parent.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(parallel, "read_meldebogen", recording)
    return years


def test_template_reads_no_year_before_last(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    years = _years_read(monkeypatch)
    code, output = run(CliRunner(), "template", "2024", "-C", str(example_copy))
    assert code == 0, output
    assert years and set(years) == {"2023"}


def test_compare_reads_each_year_once(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    years = _years_read(monkeypatch)
    code, output = run(CliRunner(), "compare", "2022", "2023", "-C", str(example_copy), "--format", "json")
    assert code == 0, output
    assert Counter(years) == Counter({"2022": 6, "2023": 6})


def test_reading_in_worker_processes_gives_what_reading_one_by_one_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path)
    folder = root / "2023" / "meldungen"
    for number in range(10):
        rows = [row(n, vorhaben=f"Vorhaben {number}-{n}") for n in range(1, 6)]
        rows.append(row(9, status="vielleicht", beginn="irgendwann"))  # findings, in every file
        write_workbook(folder / f"GB{1 + number % 2}_Teil{number}.xlsx", rows)
    (folder / "GB1_kaputt.xlsx").write_bytes(b"PK\x03\x04 kein ZIP")
    project = Project.open(root)
    assert parallel.workers(11) > 1 or (os.cpu_count() or 1) == 1
    side_by_side = check_year(project, 2023, today=dt.date(2024, 1, 15))
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "1")
    assert parallel.workers(11) == 1
    one_by_one = check_year(project, 2023, today=dt.date(2024, 1, 15))
    assert side_by_side.report.findings == one_by_one.report.findings
    assert [a for f in side_by_side.files for a in f.activities] == [a for f in one_by_one.files for a in f.activities]
    assert len(one_by_one.activities) == 60
    assert any(f.code == "datei-beschaedigt" for f in one_by_one.report.findings)


def test_previous_year_read_once_and_only_the_columns_the_sachstand_check_needs(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    columns: list[tuple[str, frozenset[str] | None]] = []
    original = vars(parallel)["read_meldebogen"]

    def recording(
        path: Path, file: str, settings: Any, only: frozenset[str] | None = None, year: int | None = None
    ) -> Any:
        columns.append((path.parent.parent.name, only))
        raw = original(path, file, settings, only, year)
        assert only is None or all(set(row.cells) <= only for row in raw.rows)
        return raw

    monkeypatch.setattr(parallel, "read_meldebogen", recording)
    code, output = run(CliRunner(), "validate", "2023", "-C", str(example_copy))
    assert code == 0, output
    assert Counter(year for year, _ in columns) == Counter({"2023": 6, "2022": 6})
    assert {only for year, only in columns if year == "2023"} == {None}
    assert {only for year, only in columns if year == "2022"} == {pipeline.STALE_COLUMNS}


def test_annotate_detects_each_format_once_and_scans_each_worksheet_once(
    tmp_path: Path, inflated: Counter[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The marked copies take format and sheets from the check: only what openpyxl loads to write is read again."""
    from .. import odsfile
    from .test_ods import activity, header_row, ods_rows

    root = make_project(tmp_path / "projekt")
    folder = root / "2023" / "meldungen"
    xlsx = write_workbook(folder / "GB1_Meldebogen.xlsx", [row(1), row(2, status="vielleicht")], first_sheet="Hinweise")
    rows = header_row() + ods_rows(activity(1), activity(2, status="vielleicht"))
    ods = odsfile.write_ods(folder / "GB2_Meldebogen.ods", odsfile.content([("Meldebogen", rows)]))
    detected: Counter[str] = Counter()
    original = vars(formats)["is_opendocument"]

    def detecting(package: Any) -> bool:
        detected[str(package.archive.filename)] += 1
        return bool(original(package))

    monkeypatch.setattr(formats, "is_opendocument", detecting)
    out = tmp_path / "zurueck"
    code, output = run(CliRunner(), "validate", "2023", "-C", str(root), "--annotate", str(out))
    assert code == 1, output
    assert sorted(p.name for p in out.iterdir()) == ["GB1_Meldebogen.xlsx", "GB2_Meldebogen.xlsx"]
    assert detected == Counter({str(xlsx): 1, str(ods): 1})
    # Each worksheet of the xlsx: inflated by the check, and once more by openpyxl to write the copy.
    sheets = {member: count for (archive, member), count in inflated.items() if archive == str(xlsx)}
    assert {m: c for m, c in sheets.items() if m.startswith("xl/worksheets/")} == {
        "xl/worksheets/sheet1.xml": 2,
        "xl/worksheets/sheet2.xml": 2,
    }
    # The .ods is rebuilt from the check's scan and calamine's values: its content is scanned once.
    assert inflated[(str(ods), "content.xml")] == 1
