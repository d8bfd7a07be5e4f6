"""validate and info read whole in any terminal or pipe; findings name their activity; CSV for Excel.

The CliRunner's stdout is no terminal: that is the piped case (`koopbericht validate 2023 | cat`).
A terminal of a given width is simulated as conftest's `stable_console` does, on the same consoles:
`_force_terminal` and `_width`. The words of the output are compared with the words of the findings,
so a word split across lines ("Kooperat|ionspart|ner") or cut short ("Beschreibung/…") fails.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht.cli import app, console

from ..conftest import EXAMPLE, run
from ..workbooks import Text, make_project, row, write_workbook

ANSI = re.compile(r"\x1b\[[0-9;]*m")
BORDERS = "│┃┆╎|"
LONG_TITLE = "Kooperationsvereinbarung Wirtschaftsförderung Regionalentwicklung Havelland-Fläming"
SPEC_KEYS = ("code", "severity", "file", "sheet", "cell", "row", "column", "value", "message", "suggestion")
CSV_HEADER = ["Art", "Code", "Datei", "Blatt", "Zelle", "Zeile", "Spalte", "Nr.", "Vorhaben", "Wert", "Befund"]
CSV_HEADER.append("Vorschlag")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """GB1 with an error, a warning and a row without Nr.; GB2's Meldebogen is missing (a finding of no row)."""
    root = make_project(tmp_path / "Arbeitsordner")
    rows = [
        row(1, vorhaben=LONG_TITLE, status="in Planng"),
        row(2, partner="Schwielow-See; Landkreis Potsdam-Mittelmark"),
        row(3, nr=None, vorhaben="Neues Vorhaben ohne Nummer"),
        row(4, nr="GB1-004", vorhaben=Text("=Radweg Süd"), form="Zweckverbnd"),
    ]
    write_workbook(root / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", rows)
    return root


def terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    """stdout as a terminal `width` columns wide."""
    monkeypatch.setattr(console.stdout, "_force_terminal", True)
    monkeypatch.setattr(console.stdout, "_width", width)


def findings_json(runner: CliRunner, root: Path, *options: str) -> list[dict[str, object]]:
    code, output = run(runner, "validate", "2023", "-C", str(root), "--format", "json", *options)
    assert code == 1, output
    return list(json.loads(output)["findings"])


def words(text: str) -> set[str]:
    """The words of `text` as a reader sees them: no colour codes, no table borders; also without a list's comma."""
    found = {word for word in ANSI.sub("", text).split() if word.strip(BORDERS)}
    return found | {word.rstrip(",;") for word in found}


def assert_every_word_whole(output: str, texts: list[str]) -> None:
    shown = words(output)
    missing = {word for text in texts for word in text.split() if word not in shown}
    assert missing == set(), output


def messages(found: list[dict[str, object]]) -> list[str]:
    """The findings' messages; a missing Meldebogen is said once for all of them, in a block of its own."""
    return [str(f["message"]) for f in found if f["code"] != "meldebogen-fehlt"]


def visible_lines(output: str) -> list[str]:
    return ANSI.sub("", output).splitlines()


# Findings name their activity


def test_json_names_the_activity_of_every_row_finding(project: Path, runner: CliRunner) -> None:
    found = findings_json(runner, project, "--verbose")
    by_code = {f["code"]: f for f in reversed(found)}  # the first finding of each code
    vocabulary = by_code["wert-nicht-erlaubt"]
    assert (vocabulary["activity_nr"], vocabulary["activity_title"]) == ("GB1-001", LONG_TITLE)
    partner = by_code["partner-unbekannt"]
    assert (partner["activity_nr"], partner["activity_title"]) == ("GB1-002", "Vorhaben Nummer 2")
    # A provisional Nr. is not the department's: the title names the activity alone.
    assigned = by_code["nr-vergeben"]
    assert (assigned["activity_nr"], assigned["activity_title"]) == (None, "Neues Vorhaben ohne Nummer")
    missing = by_code["meldebogen-fehlt"]  # about the year, not a row
    assert (missing["activity_nr"], missing["activity_title"]) == (None, None)
    # The SPEC's keys stay as they were, first; the new ones follow.
    assert tuple(vocabulary) == (*SPEC_KEYS, "activity_nr", "activity_title", "accepted")


def test_findings_across_files_and_years_name_their_activity(tmp_path: Path, runner: CliRunner) -> None:
    root = make_project(tmp_path / "zwei")
    write_workbook(root / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1)])
    write_workbook(root / "2023" / "meldungen" / "GB2_Meldebogen.xlsx", [row(1, vorhaben="Zweites Vorhaben")])
    doubled = [f for f in findings_json(runner, root) if f["code"] == "nr-doppelt"]
    assert {(f["file"], f["activity_nr"], f["activity_title"]) for f in doubled} == {
        ("2023/meldungen/GB1_Meldebogen.xlsx", "GB1-001", "Vorhaben Nummer 1"),
        ("2023/meldungen/GB2_Meldebogen.xlsx", "GB1-001", "Zweites Vorhaben"),
    }


# Piped: a plain list, every word whole


def test_piped_output_is_a_list_with_every_word_whole(project: Path, runner: CliRunner) -> None:
    found = findings_json(runner, project, "--verbose")
    code, output = run(runner, "validate", "2023", "-C", str(project), "--verbose")
    assert code == 1, output
    assert not any(border in output for border in BORDERS)
    assert_every_word_whole(output, [*messages(found), LONG_TITLE])
    block = output.split("Fehler (wert-nicht-erlaubt)")[1].split("\n\n")[0]
    assert "Datei:     2023/meldungen/GB1_Meldebogen.xlsx" in block
    assert "Blatt:     Meldebogen" in block and "Zelle:     F2" in block
    assert "Nr.:       GB1-001" in block
    assert "Vorschlag: geplant" in block
    assert output.rstrip().endswith("\n\n✗ 2 Fehler, 2 Warnungen, 1 Hinweis in 1 Datei mit 4 Vorhaben.")


def test_piped_output_wraps_at_spaces_in_the_pipes_width(
    project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console.stdout, "_width", 60)  # COLUMNS=60 … | cat
    found = findings_json(runner, project)
    code, output = run(runner, "validate", "2023", "-C", str(project))
    assert code == 1, output
    assert_every_word_whole(output, [*messages(found), LONG_TITLE])
    long_lines = [line for line in output.splitlines() if len(line) > 60]
    assert long_lines == []
    # The message continues under itself, at the label's width.
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  Befund:    „Schwielow-See“"))
    assert lines[start + 1].startswith(" " * 13) and lines[start + 1][13] != " "


# A terminal: a table where it fits, else the list


def test_a_narrow_terminal_gets_the_list(project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal(monkeypatch, 60)
    found = findings_json(runner, project, "--verbose")
    code, output = run(runner, "validate", "2023", "-C", str(project), "--verbose")
    assert code == 1, output
    assert "┃" not in output and "Nr.:       GB1-001" in ANSI.sub("", output)
    assert_every_word_whole(output, [*messages(found), LONG_TITLE])
    assert [line for line in visible_lines(output) if len(line) > 60] == []


def test_a_wide_terminal_gets_a_table_that_wraps_at_spaces(
    project: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch, 160)
    found = findings_json(runner, project, "--verbose")
    code, output = run(runner, "validate", "2023", "-C", str(project), "--verbose")
    assert code == 1, output
    lines = visible_lines(output)
    header = next(line for line in lines if "Zelle" in line and "┃" in line)
    assert [cell.strip() for cell in header.split("┃")[1:-1]] == [
        "Zelle", "Art", "Vorhaben", "Spalte", "Befund", "Vorschlag"
    ]  # fmt: skip
    assert max(len(line) for line in lines) <= 160
    assert_every_word_whole(output, [*messages(found), LONG_TITLE, "GB1-001", "Kooperationspartner"])
    assert "…" not in output


def test_the_example_reads_whole_at_60_and_160_columns_and_piped(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = json.loads(run(runner, "validate", "2023", "-C", str(EXAMPLE), "-v", "--format", "json")[1])["findings"]
    texts = [f["message"] for f in found] + [f["suggestion"] or "" for f in found] + [f["column"] or "" for f in found]
    for width in (None, 60, 160):
        if width:
            terminal(monkeypatch, width)
        code, output = run(runner, "validate", "2023", "-C", str(EXAMPLE), "-v")
        assert code == 0, output
        assert_every_word_whole(output, texts)
        assert "Wirtschaftsförderung" in output and "Kooperationspartner" in output


# info


def test_info_shows_every_title_and_alias_whole(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from koopbericht.project.folder import Project

    settings = Project.open(EXAMPLE).settings
    texts = [c.title for c in settings.columns] + [alias for c in settings.columns for alias in c.aliases]
    texts += [d.name for d in settings.departments]
    for width in (None, 60, 160):
        if width:
            terminal(monkeypatch, width)
        code, output = run(runner, "info", "-C", str(EXAMPLE))
        assert code == 0, output
        assert "…" not in output
        assert_every_word_whole(output, texts)
        assert "Partnerverzeichnis:" in output


# CSV for Excel


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), data[:20]
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))


def test_csv_on_stdout_is_utf8_with_bom_and_semicolons(project: Path, runner: CliRunner) -> None:
    found = findings_json(runner, project, "--verbose")
    result = runner.invoke(app, ["validate", "2023", "-C", str(project), "--format", "csv", "-v"])
    assert result.exit_code == 1, result.output
    rows = csv_rows(result.stdout_bytes)
    assert rows[0] == CSV_HEADER
    assert len(rows) == len(found) + 1
    by_code = {r[1]: dict(zip(CSV_HEADER, r, strict=True)) for r in reversed(rows[1:])}
    vocabulary = by_code["wert-nicht-erlaubt"]
    assert vocabulary["Art"] == "Fehler" and vocabulary["Zelle"] == "F2" and vocabulary["Zeile"] == "2"
    assert (vocabulary["Nr."], vocabulary["Vorhaben"], vocabulary["Vorschlag"]) == ("GB1-001", LONG_TITLE, "geplant")
    assert by_code["meldebogen-fehlt"]["Nr."] == "" and by_code["meldebogen-fehlt"]["Zelle"] == ""
    # A text Excel would run as a formula is written so that Excel shows it as text.
    form = next(r for r in rows if r[1] == "wert-nicht-erlaubt" and r[7] == "GB1-004")
    assert form[8] == "'=Radweg Süd"


def test_csv_into_a_file(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "Befunde März.csv"
    code, output = run(runner, "validate", "2023", "-C", str(project), "--format", "csv", "-o", str(target))
    assert code == 1, output
    assert "Befunde geschrieben" in output
    rows = csv_rows(target.read_bytes())
    assert rows[0] == CSV_HEADER and len(rows) == 1 + 4  # 2 errors, 2 warnings; no infos without -v
    assert b"\r\n" in target.read_bytes()


def test_output_file_only_for_json_and_csv(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    for options in (("-o", str(tmp_path / "b.txt")), ("-o", str(tmp_path / "b.csv"), "--format", "text")):
        code, output = run(runner, "validate", "2023", "-C", str(project), *options)
        assert code == 2, output
        assert "--format json" in output and "csv" in output
    assert list(tmp_path.glob("b.*")) == []


def test_output_file_format_from_its_name(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    code, output = run(runner, "validate", "2023", "-C", str(project), "-o", str(tmp_path / "befunde.CSV"))
    assert code == 1, output
    assert csv_rows((tmp_path / "befunde.CSV").read_bytes())[0] == CSV_HEADER
    code, output = run(runner, "validate", "2023", "-C", str(project), "-o", str(tmp_path / "befunde.json"))
    assert code == 1, output
    found = json.loads((tmp_path / "befunde.json").read_text(encoding="utf-8"))["findings"]
    assert any(f["activity_title"] == LONG_TITLE for f in found)
    assert "Kooperationsvereinbarung Wirtschaftsförderung" in (tmp_path / "befunde.json").read_text(encoding="utf-8")


def test_status_piped_is_a_list_with_every_word_whole(example_copy: Path, runner: CliRunner) -> None:
    code, output = run(runner, "status", "2023", "-C", str(example_copy))
    assert code == 0, output
    assert "│" not in output  # no squeezed table in a pipe
    assert "GB1 Zentrale Steuerung, Finanzen und Digitalisierung" in output
    assert "Meldebogen: GB1_Meldebogen_2023.xlsx" in output
