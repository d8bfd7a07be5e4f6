"""Every command says the same about a Geschäftsbereich: one state per department, decided with the year.

For each case GB1 (which may send several files, `mehrere_dateien = true`) is in a different state,
GB2 always reports correctly. `build`, `compare`, `template`, `status --format json` and `erinnerung`
run on the same working folder, and what each of them wrote is read back and compared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.actions.build import build_year
from koopbericht.actions.compare import compare_years
from koopbericht.project.folder import Project
from koopbericht.year import NOT_USABLE, DepartmentStatus, Exclusions
from koopbericht.year.pipeline import check_year

from ..conftest import run
from ..hostile import truncated
from ..workbooks import CONFIG, HEADER, YEAR, row, write_workbook
from .test_yearly_round import VORLAGE_2023

SETTINGS = CONFIG.replace(
    'dateien = ["GB1*.xlsx"]\n',
    'dateien = ["GB1*.xlsx"]\nmehrere_dateien = true\n'
    'kontakt = [{ name = "Erika Muster", email = "e.muster@example.org" }]\n',
).replace(
    'dateien = ["GB2*.xlsx"]\n',
    'dateien = ["GB2*.xlsx"]\nkontakt = [{ name = "Max Probe", email = "m.probe@example.org" }]\n',
)
GB1 = "GB1 Zentrale Verwaltung"
GB2 = "GB2 Bauen und Umwelt"
DAMAGED = "2023/meldungen/GB1_FB12.xlsx"
CASES = (
    "eine Zeile fehlerhaft",
    "alle Zeilen fehlerhaft",
    "eine Datei",
    "eine von zwei Dateien nicht lesbar",
    "leer",
    "unverändert",
    "fehlt",
)


def sachstand(number: int, year: int) -> dict[str, str]:
    return {"beschreibung": f"Sachstand {year} zu Vorhaben {number}."}


def working_folder(root: Path, case: str) -> Path:
    """2022: GB1 in two files (GB1-001, GB1-002 | GB1-003), GB2 one; 2023: GB2 updated, GB1 as `case` says."""
    (root / "koopbericht.toml").parent.mkdir(parents=True)
    (root / "koopbericht.toml").write_text(SETTINGS, encoding="utf-8")
    for year, text in ((2022, YEAR.replace("2023", "2022")), (2023, VORLAGE_2023)):
        (root / str(year) / "text").mkdir(parents=True)
        (root / str(year) / "vorlage.toml").write_text(text, encoding="utf-8")
        (root / str(year) / "text" / "01-bericht.md").write_text(f"# Bericht {year}\n\nEin Absatz.\n", "utf-8")
    old, new = root / "2022" / "meldungen", root / "2023" / "meldungen"
    write_workbook(old / "GB1_FB11.xlsx", [row(1, **sachstand(1, 2022)), row(2, **sachstand(2, 2022))])
    write_workbook(old / "GB1_FB12.xlsx", [row(3, **sachstand(3, 2022))])
    write_workbook(old / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001", vorhaben="Radweg an der Havel")])
    updated = {"beschreibung": "Sachstand 2023: im Bau."}
    write_workbook(new / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001", vorhaben="Radweg an der Havel", **updated)])
    if case == "eine Datei":
        write_workbook(new / "GB1_FB11.xlsx", [row(n, **sachstand(n, 2023)) for n in (1, 2, 3)])
    elif case == "eine von zwei Dateien nicht lesbar":
        write_workbook(new / "GB1_FB11.xlsx", [row(n, **sachstand(n, 2023)) for n in (1, 2)])
        truncated(new / "GB1_FB12.xlsx")
    elif case == "leer":
        write_workbook(new / "GB1_FB11.xlsx", [])
    elif case == "unverändert":  # the forms of 2022 sent back as they were
        write_workbook(new / "GB1_FB11.xlsx", [row(1, **sachstand(1, 2022)), row(2, **sachstand(2, 2022))])
        write_workbook(new / "GB1_FB12.xlsx", [row(3, **sachstand(3, 2022))])
    elif case == "eine Zeile fehlerhaft":
        faulty = {"status": "irgendwie"}
        write_workbook(new / "GB1_FB11.xlsx", [row(1, **sachstand(1, 2023), **faulty), row(2, **sachstand(2, 2023))])
        write_workbook(new / "GB1_FB12.xlsx", [row(3, **sachstand(3, 2023))])
    elif case == "alle Zeilen fehlerhaft":
        write_workbook(new / "GB1_FB11.xlsx", [row(n, **sachstand(n, 2023), status="irgendwie") for n in (1, 2, 3)])
    else:
        assert case == "fehlt"
    return root


@dataclass
class Outputs:
    """What the five commands wrote about GB1, read back from their files."""

    vorlage: str  # every paragraph of the Vorlage, one a line
    overview: dict[str, list[str]]  # the Überblick table: row label -> counts
    comparison: dict[str, Any]  # compare --format json
    form_ids: list[str]  # the Nr. prefilled in GB1's form for 2024
    instructions: str  # the instruction sheet of GB1's form
    status: dict[str, Any]  # GB1 in status --format json
    drafts: dict[str, str]  # Kürzel -> the text of its reminder draft


def run_everything(root: Path, runner: CliRunner) -> Outputs:
    project = ("-C", str(root))
    code, output = run(runner, "build", "2023", "--trotz-fehlern", *project)
    assert code == 0, output
    document = Document(str(root / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    vorlage = "\n".join(p.text for p in document.paragraphs)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Geschäftsbereich")
    overview = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}

    target = root / "vergleich.json"
    code, output = run(
        runner, "compare", "2022", "2023", "--trotz-fehlern", "--format", "json", "-o", str(target), *project
    )
    assert code == 0, output
    comparison = json.loads(target.read_text(encoding="utf-8"))

    code, output = run(runner, "template", "2024", *project)
    assert code == 0, output
    form = load_workbook(root / "ausgabe" / "2024" / "meldeboegen" / "GB1_Meldebogen_2024.xlsx")
    sheet = form["Meldebogen"]
    form_ids = [str(sheet.cell(r, 1).value) for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value]
    instructions = "\n".join(str(c.value) for c in form["Anleitung"]["A"] if c.value)

    code, output = run(runner, "status", "2023", "--format", "json", *project)
    assert code == 0, output
    status = next(d for d in json.loads(output)["geschaeftsbereiche"] if d["kuerzel"] == "GB1")

    code, output = run(runner, "erinnerung", "2023", *project)
    assert code == 0, output
    drafts = {}
    for path in sorted((root / "ausgabe" / "2023" / "erinnerungen").glob("*.eml")):
        with path.open("rb") as stream:
            message = BytesParser(policy=policy.default).parse(stream)
        body = message.get_body(("plain",))
        assert body is not None
        drafts[path.stem.rsplit("-", 1)[1]] = body.get_content()
    return Outputs(vorlage, overview, comparison, form_ids, instructions, status, drafts)


def counts(comparison: dict[str, Any], label: str) -> tuple[int | None, int | None]:
    row = next(r for r in comparison["zaehlung"]["Geschäftsbereich"] if r["wert"] == label)
    return row["2022"], row["2023"]


def nrs(items: list[dict[str, Any]]) -> list[str]:
    return sorted(str(item["nr"]) for item in items if item["geschaeftsbereich"] == "GB1")


def stand(vorlage: str) -> list[str]:
    """The lines of "Stand der Meldungen" about GB1."""
    return [line for line in vorlage.splitlines() if line.startswith("GB1")]


@pytest.mark.parametrize("case", CASES)
def test_every_command_agrees_on_the_department(tmp_path: Path, runner: CliRunner, case: str) -> None:
    out = run_everything(working_folder(tmp_path / "projekt", case), runner)
    gaps = [g for g in out.comparison["ohne_meldebogen"] if g["geschaeftsbereich"] == "GB1"]
    not_comparable = nrs(out.comparison["nicht_vergleichbar"])
    gone = nrs(out.comparison["nicht_mehr_gemeldet"])
    # GB2 is complete everywhere, whatever GB1 does.
    assert out.overview[GB2][-1] == "1" and "GB2" not in out.drafts
    assert not any(line.startswith("GB2") for line in out.vorlage.splitlines())

    if case == "eine Datei":
        assert stand(out.vorlage) == [] and "Stand der Meldungen" not in out.vorlage
        assert out.overview[GB1][-1] == "3"
        assert counts(out.comparison, GB1) == (3, 3) and gaps == [] and not_comparable == [] and gone == []
        assert out.form_ids == ["GB1-001", "GB1-002", "GB1-003"] and "nicht lesbar" not in out.instructions
        assert (out.status["eingegangen"], out.status["vorhaben"], out.status["fehler"]) == (True, 3, 0)
        assert "GB1" not in out.drafts

    elif case == "eine von zwei Dateien nicht lesbar":
        # The Vorlage names the unreadable file as unreadable, not as left out for errors.
        assert stand(out.vorlage) == [
            f"{GB1}: nur teilweise übernommen ({DAMAGED} nicht lesbar).",
            *stand(out.vorlage)[1:],
        ]
        assert not any("wegen Fehlern" in line for line in stand(out.vorlage))
        assert any(line.startswith(f"{DAMAGED}: nicht lesbar") for line in out.vorlage.splitlines())
        # The Überblick shows the two published activities, marked incomplete.
        assert out.overview[f"{GB1} (unvollständig)"][-1] == "2"
        assert "Unvollständig, weil Zeilen oder Dateien weggelassen wurden: GB1." in out.vorlage
        # compare counts and matches what was read; the activity of the unreadable file is not comparable.
        assert counts(out.comparison, GB1) == (3, 2)
        assert [g["grund"] for g in gaps] == [f"nur teilweise verwendet: {DAMAGED} nicht lesbar"]
        assert not_comparable == ["GB1-003"] and gone == [] and nrs(out.comparison["neu"]) == []
        assert nrs(out.comparison["geaendert"]) == ["GB1-001", "GB1-002"]
        assert not any("wegen fehlern" in line.casefold() for line in out.comparison["vorbehalte"])
        assert out.comparison["weggelassen"] == []  # nothing was left out for errors: a file was unreadable
        # The form carries over what was read and says that a file was unreadable.
        assert out.form_ids == ["GB1-001", "GB1-002"]
        assert DAMAGED in out.instructions and "nicht jede Datei" in out.instructions
        assert (out.status["eingegangen"], out.status["vorhaben"]) == (True, 2)
        assert out.status["dateien"] == ["2023/meldungen/GB1_FB11.xlsx", DAMAGED] and out.status["fehler"] >= 1
        assert "Datei „GB1_FB12.xlsx“" in out.drafts["GB1"]  # which of its two files cannot be opened

    elif case == "leer":
        assert stand(out.vorlage) == [f"{GB1}: Meldebogen ohne Vorhaben eingegangen."]
        assert out.overview[GB1][-1] == "0"
        assert counts(out.comparison, GB1) == (3, 0) and gaps == [] and not_comparable == []
        assert gone == ["GB1-001", "GB1-002", "GB1-003"]
        assert out.form_ids == [] and "nicht lesbar" not in out.instructions
        assert (out.status["eingegangen"], out.status["vorhaben"], out.status["fehler"]) == (True, 0, 0)
        assert "GB1" not in out.drafts

    elif case == "unverändert":
        assert stand(out.vorlage) == [f"{GB1}: Meldebogen unverändert aus dem Vorjahr zurückgegeben."]
        assert out.overview[GB1][-1] == "3"
        assert counts(out.comparison, GB1) == (3, 3) and gaps == [] and not_comparable == [] and gone == []
        assert nrs(out.comparison["geaendert"]) == [] and out.comparison["unveraendert"] == 3
        assert out.form_ids == ["GB1-001", "GB1-002", "GB1-003"]
        assert (out.status["eingegangen"], out.status["vorhaben"], out.status["warnungen"]) == (True, 3, 3)
        assert "GB1" not in out.drafts  # warnings only: a reminder with --auch-warnungen

    elif case == "eine Zeile fehlerhaft":
        assert stand(out.vorlage)[0] == f"{GB1}: wegen Fehlern weggelassen (1 Zeile)."
        assert out.overview[f"{GB1} (unvollständig)"][-1] == "2"
        assert counts(out.comparison, GB1) == (3, 2) and gaps == [] and gone == []
        assert not_comparable == ["GB1-001"]  # its row is left out, not the activity gone
        assert out.form_ids == ["GB1-001", "GB1-002", "GB1-003"] and "nicht lesbar" not in out.instructions
        assert (out.status["eingegangen"], out.status["vorhaben"], out.status["fehler"]) == (True, 3, 1)
        assert "GB1" in out.drafts

    elif case == "alle Zeilen fehlerhaft":
        assert stand(out.vorlage)[0] == f"{GB1}: wegen Fehlern weggelassen (3 Zeilen)."
        assert out.overview[GB1] == ["nicht übernommen"] * len(out.overview[GB1])
        assert counts(out.comparison, GB1) == (3, None) and [g["grund"] for g in gaps] == ["wegen Fehlern weggelassen"]
        assert not_comparable == ["GB1-001", "GB1-002", "GB1-003"] and gone == []
        assert out.form_ids == ["GB1-001", "GB1-002", "GB1-003"] and "nicht lesbar" not in out.instructions
        assert (out.status["eingegangen"], out.status["vorhaben"], out.status["fehler"]) == (True, 3, 3)
        assert "GB1" in out.drafts

    else:
        assert stand(out.vorlage) == [f"{GB1}: kein Meldebogen eingegangen."]
        assert out.overview[GB1] == ["keine Meldung"] * len(out.overview[GB1])
        assert counts(out.comparison, GB1) == (3, None) and [g["grund"] for g in gaps] == ["fehlt"]
        assert not_comparable == ["GB1-001", "GB1-002", "GB1-003"] and gone == []
        assert out.form_ids == [] and "Für 2023 lag kein lesbarer Meldebogen vor" in out.instructions
        assert (out.status["eingegangen"], out.status["vorhaben"]) == (False, None)
        assert "GB1" in out.drafts


def test_the_exclusions_are_decided_once_per_build_and_per_compared_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = working_folder(tmp_path / "projekt", "eine von zwei Dateien nicht lesbar")
    decided: list[int] = []
    original = Exclusions.__init__

    def counted(self: Exclusions, *args: Any, **kwargs: Any) -> None:
        decided.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Exclusions, "__init__", counted)
    project = Project.open(root)
    build_year(project, 2023, allow_errors=True)
    assert len(decided) == 1  # not once per consumer (it was five times)
    decided.clear()
    compare_years(project, 2022, 2023, allow_errors=True)
    assert len(decided) == 2  # once for each year (it was eight times)


WITHOUT_VORHABEN = [title for title in HEADER if title != "Vorhaben"]


@pytest.mark.parametrize(
    ("files", "status", "reasons"),
    [
        ({"GB1_a.xlsx": "damaged", "GB1_b.xlsx": "damaged"}, DepartmentStatus.UNREADABLE, 2),
        ({"GB1_a.xlsx": "damaged", "GB1_b.xlsx": "no column"}, DepartmentStatus.LEFT_OUT, 2),
        ({"GB1_a.xlsx": "faulty"}, DepartmentStatus.LEFT_OUT, 1),
        ({"GB1_a.xlsx": "faulty", "GB1_b.xlsx": "fine"}, DepartmentStatus.PARTLY_LEFT_OUT, 1),
        ({"GB1_a.xlsx": "damaged", "GB1_b.xlsx": "empty"}, DepartmentStatus.PARTLY_LEFT_OUT, 1),
        ({"GB1_a.xlsx": "no column", "GB1_b.xlsx": "fine"}, DepartmentStatus.PARTLY_LEFT_OUT, 1),
        ({"GB1_a.xlsx": "empty", "GB1_b.xlsx": "empty"}, DepartmentStatus.EMPTY, 0),
        ({"GB1_a.xlsx": "fine", "GB1_b.xlsx": "empty"}, DepartmentStatus.COMPLETE, 0),
        ({}, DepartmentStatus.MISSING, 0),
    ],
)
def test_the_state_rule(tmp_path: Path, files: dict[str, str], status: DepartmentStatus, reasons: int) -> None:
    root = working_folder(tmp_path / "projekt", "fehlt")
    reports = root / "2023" / "meldungen"
    for number, (name, kind) in enumerate(files.items(), start=1):
        if kind == "damaged":
            truncated(reports / name)
        elif kind == "empty":
            write_workbook(reports / name, [])
        elif kind == "no column":  # a required column missing: the whole file is left out
            write_workbook(reports / name, [row(number)[:2] + row(number)[3:]], header=WITHOUT_VORHABEN)
        else:
            write_workbook(reports / name, [row(number, status="irgendwie" if kind == "faulty" else "laufend")])
    data = check_year(Project.open(root), 2023)
    state = data.state("GB1")
    assert state.status is status
    assert len(state.reasons) == reasons
    assert state.usable is (status not in NOT_USABLE)
    assert data.state("GB2").status is DepartmentStatus.COMPLETE
    unreadable = [f"2023/meldungen/{name}" for name, kind in files.items() if kind == "damaged"]
    assert list(state.unreadable) == unreadable
    assert all(line.startswith(tuple(f"{file}: nicht lesbar" for file in unreadable)) for line in state.reasons
               if any(line.startswith(file) for file in unreadable))  # fmt: skip
