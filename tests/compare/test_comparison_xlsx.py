"""The Vergleich as a workbook: „Überblick“ first, configured order everywhere, changes named and coloured alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ..conftest import EXAMPLE, run

# The example's koopbericht.toml lists OB first, then GB1 to GB5 (as the Vorlage orders them).
CONFIGURED = ["OB", "GB1", "GB2", "GB3", "GB4", "GB5"]


@pytest.fixture(scope="module")
def vergleich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("vergleich") / "potsdam"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("ausgabe"))
    code, output = run(CliRunner(), "compare", "2022", "2023", "-C", str(root), "--format", "xlsx")
    assert code == 0, output
    return root / "ausgabe" / "2023" / "Vergleich-2022-2023.xlsx"


def in_order(codes: list[str]) -> bool:
    positions = [CONFIGURED.index(code) for code in codes]
    return positions == sorted(positions)


def test_the_overview_has_the_figures_of_the_json(vergleich: Path) -> None:
    code, output = run(CliRunner(), "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "json")
    assert code == 0, output
    figures = {f["kennzahl"]: f["anzahl"] for f in json.loads(output)["ueberblick"]}
    assert figures["Vorhaben 2022"] == 41 and figures["Vorhaben 2023"] == 47 and figures["neu"] == 9
    workbook = load_workbook(vergleich)
    assert workbook.sheetnames[0] == "Überblick" and workbook.active is not None
    assert workbook.active.title == "Überblick"
    shown = {r[0]: r[1] for r in workbook["Überblick"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert shown == figures


def test_geschaeftsbereiche_in_the_configured_order_in_every_output(vergleich: Path) -> None:
    workbook = load_workbook(vergleich)
    for name in ("Neu", "Nicht mehr gemeldet", "Geändert"):
        codes = [c.value for c in workbook[name]["B"][1:]]
        assert len(set(codes)) > 2 and in_order(codes), (name, codes)
    counted = [str(r[1]).split()[0] for r in workbook["Zählung"].iter_rows(min_row=2, values_only=True)
               if r[0] == "Geschäftsbereich" and r[1] != "Insgesamt"]  # fmt: skip
    assert counted == CONFIGURED
    runner = CliRunner()
    _, output = run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "json")
    data = json.loads(output)
    for key in ("neu", "nicht_mehr_gemeldet", "geaendert"):
        assert in_order([x["geschaeftsbereich"] for x in data[key]]), key
    _, markdown = run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "markdown")
    new_section = markdown.split("### Neue Vorhaben")[1].split("###")[0]
    assert in_order([line.rsplit("** (", 1)[1][:3].rstrip(";)") for line in new_section.split("\n") if "** (" in line])
    _, text = run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE))
    new_table = text.split("Neu 2023")[1].split("Nicht mehr gemeldet")[0]
    # Piped, compare prints a list: one block per activity with its „GB:“ line.
    codes = [line.split(":", 1)[1].strip() for line in new_table.split("\n") if line.strip().startswith("GB:")]
    assert in_order([c for c in codes if c]) and codes[0] == "OB"


def test_partner_changes_are_named_not_left_blank(vergleich: Path) -> None:
    workbook = load_workbook(vergleich)
    assert {c.value for c in workbook["Partner"]["B"][1:]} <= {"hinzugekommen", "weggefallen"}
    rows = [r for r in workbook["Geändert"].iter_rows(min_row=2, values_only=True) if r[3] == "Kooperationspartner"]
    assert rows
    for row in rows:
        assert row[4], row  # the partners of 2022, not an empty cell that reads as „no partners“
        assert "hinzugekommen: " in str(row[5]) or "weggefallen: " in str(row[5])


def test_colour_only_on_what_changed_totals_and_wrapped_text(vergleich: Path) -> None:
    workbook = load_workbook(vergleich)
    changed = workbook["Geändert"]
    assert not any(c.fill.fill_type for row in changed.iter_rows(min_row=2) for c in row)
    assert all(c.alignment.wrap_text for row in changed.iter_rows() for c in row if c.value)
    counts = workbook["Zählung"]
    for row in counts.iter_rows(min_row=2):
        coloured = row[4].fill.fill_type == "solid"
        assert coloured == bool(row[4].value), [c.value for c in row]
    totals = {r[0]: (r[2], r[3]) for r in counts.iter_rows(min_row=2, values_only=True) if r[1] == "Insgesamt"}
    assert totals == {"Geschäftsbereich": (41, 47), "Handlungsfeld": (41, 47), "Status": (41, 47)}


def test_the_same_bytes_on_every_run(vergleich: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    code, output = run(CliRunner(), "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "xlsx", "-o", str(again))
    assert code == 0, output
    assert again.read_bytes() == vergleich.read_bytes()
