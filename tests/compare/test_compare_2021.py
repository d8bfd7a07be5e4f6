"""The example's 2021 against 2022: what examples/potsdam/LIESMICH.md says under „Das Berichtsjahr 2021“."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from koopbericht.actions.compare import compare_years
from koopbericht.project.folder import Project

from ..conftest import EXAMPLE, run

NR = r"[A-Z0-9]+-\d{3}"


@pytest.fixture(scope="module")
def cases() -> dict[str, str]:
    """The bulleted cases of the section, each on one line."""
    text = (EXAMPLE / "LIESMICH.md").read_text(encoding="utf-8")
    section = text[text.index("## Das Berichtsjahr 2021") : text.index("## Entwicklung über die Jahre")]
    found = re.findall(r"^- \*\*(.+?):\*\* (.+?)(?=\n- |\n\n)", section, flags=re.MULTILINE | re.DOTALL)
    return {name: " ".join(case.split()) for name, case in found}


def test_the_changes_from_2021_to_2022_are_the_described_ones(cases: dict[str, str]) -> None:
    result = compare_years(Project.open(EXAMPLE), 2021, 2022)
    assert sorted(a.id for a in result.added) == sorted(re.findall(NR, cases["Neu 2022"]))
    assert sorted(a.id for a in result.removed) == sorted(re.findall(NR, cases["Nicht mehr gemeldet"]))
    assert all(a.status == "abgeschlossen" for a in result.removed)  # both ended in 2021
    statuses = {c.new.id: (f.old, f.new) for c in result.changed for f in c.fields if f.key == "status"}
    described = re.findall(rf"({NR}) \((\w+) → (\w+)", cases["Status geändert"])
    assert statuses == {nr: (old, new) for nr, old, new in described}
    partners = {c.new.id: c.partners_added for c in result.changed if c.partners_added or c.partners_removed}
    assert partners == {nr: (name,) for nr, name in re.findall(rf"({NR}) \((.+?)\)", cases["Partner hinzugekommen"])}
    assert result.partners_gained == ["regiobus Potsdam Mittelmark GmbH"]
    assert "regiobus Potsdam Mittelmark GmbH" in cases["Partner hinzugekommen"]
    assert f"alle {len(result.changed)} fortgeführten" in cases["Texte geändert"] and result.unchanged == 0
    assert all("beschreibung" in {f.key for f in c.fields} for c in result.changed)
    results = {c.new.id: {f.key for f in c.fields} for c in result.changed}
    assert [nr for nr, keys in results.items() if "ergebnis" in keys] == re.findall(NR, cases["Texte geändert"])
    music = next(c for c in result.changed if "Musikschul" in c.new.title)
    assert music.old.id_assigned and music.new.id_assigned and music.reason.startswith("ähnlicher Titel")
    assert (result.total_old, result.total_new) == (34, 41)


@pytest.mark.parametrize("year", ["2021", "2022"])
def test_2021_and_2022_validate_without_findings(year: str) -> None:
    code, output = run(CliRunner(), "validate", year, "-C", str(EXAMPLE))
    assert code == 0, output
    assert "0 Fehler, 0 Warnungen in 6 Dateien" in output  # no Sachstand copied from the year before
