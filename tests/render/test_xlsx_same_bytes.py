"""Workbooks made from scratch give the same bytes on every run: the comparison and the department forms.

openpyxl dates a new workbook's `created` and `modified` with the moment it is made and saved, and
the zip members with the current time; a second run a second later must still give the same file.
"""

from __future__ import annotations

import time
from pathlib import Path

from typer.testing import CliRunner

from ..conftest import run


def _run_twice(folder: Path, target: Path, *args: str) -> tuple[bytes, bytes]:
    code, output = run(CliRunner(), *args, "-C", str(folder))
    assert code == 0, output
    first = target.read_bytes()
    time.sleep(2.2)  # zip times have a resolution of two seconds, core-property times of one
    target.unlink()
    code, output = run(CliRunner(), *args, "-C", str(folder))
    assert code == 0, output
    return first, target.read_bytes()


def test_the_comparison_workbook_is_identical_on_a_second_run(example_copy: Path) -> None:
    target = example_copy / "ausgabe" / "2023" / "Vergleich-2022-2023.xlsx"
    first, second = _run_twice(example_copy, target, "compare", "2022", "2023", "--format", "xlsx")
    assert first == second


def test_the_department_forms_are_identical_on_a_second_run(example_copy: Path) -> None:
    folder = example_copy / "ausgabe" / "2024" / "meldeboegen"
    code, output = run(CliRunner(), "template", "2024", "-C", str(example_copy))
    assert code == 0, output
    first = {path.name: path.read_bytes() for path in sorted(folder.glob("*.xlsx"))}
    assert len(first) == 6
    time.sleep(2.2)
    for path in folder.glob("*.xlsx"):
        path.unlink()
    code, output = run(CliRunner(), "template", "2024", "-C", str(example_copy))
    assert code == 0, output
    assert {path.name: path.read_bytes() for path in sorted(folder.glob("*.xlsx"))} == first
