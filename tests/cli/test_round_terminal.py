"""status, erinnerung, compare and validate read whole at 60, 80 and 160 columns and piped.

Like validate, each prints a table only on a terminal wide enough for every word of it, else a
plain list: no e-mail address or file name broken in the middle, no title cut short. A terminal
is simulated as in test_terminal_output (`terminal`); the CliRunner's own stdout is the pipe.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht.cli import console

from ..conftest import EXAMPLE, run
from ..roundfolder import make_round
from .test_terminal_output import ANSI, visible_lines

WIDTHS = (60, 80, 160, None)  # None: piped
ADDRESSES = ["j.mueller@example.org", "e.probe@example.org", "bauen@example.org", "l.vorlage@example.org"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_round(tmp_path / "arbeitsordner")


def shown(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, width: int | None, *args: str) -> str:
    """What a command prints at `width` columns of a terminal (stdout and stderr), or piped (None)."""
    if width is not None:
        for out in (console.stdout, console.stderr):
            monkeypatch.setattr(out, "_force_terminal", True)
            monkeypatch.setattr(out, "_width", width)
    code, output = run(runner, *args)
    assert code in (0, 1), output
    if width is not None:  # only a single word longer than the line (a long path after its label) runs over
        assert [line for line in visible_lines(output) if len(line) > width and len(line.split()) > 2] == [], output
    assert re.search(r"\w…", output) is None, output  # no word cut short
    return ANSI.sub("", output)


def assert_every_word_whole(output: str, texts: list[str]) -> None:
    """Every word of `texts` stands whole in `output` (around it only brackets and punctuation)."""
    shown = {word.strip("()<>,;:.") for word in output.split()}
    missing = {word for text in texts for word in text.split() if word.strip("()<>,;:.") not in shown}
    assert missing == set(), output


@pytest.mark.parametrize("width", WIDTHS)
def test_status_keeps_every_address_and_says_where_a_missing_form_belongs(
    folder: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, width: int | None
) -> None:
    output = shown(runner, monkeypatch, width, "status", "2023", "-C", str(folder))
    assert_every_word_whole(output, [*ADDRESSES, "GB1_Meldebogen_Bürgerdienste.xlsx", "2023/meldungen/GB2*.xlsx"])
    assert "Fehler 0" not in " ".join(output.split())
    if width == 160:
        assert "┃" in output
        gb2 = next(line for line in output.splitlines() if line.startswith("│ GB2"))
        assert [cell.strip() for cell in gb2.split("│")[3:7]] == ["–", "–", "–", "–"]  # Eingang … Warnungen
    else:  # the list
        block = output.split("GB2 Bauen und Umwelt\n")[1].split("\n\n")[0]
        assert "Meldebogen: fehlt (2023/meldungen/GB2*.xlsx)" in block
        assert "Fehler:     –" in block and "Warnungen:  –" in block
        assert "Eva Probe <e.probe@example.org>" in block and "bauen@example.org" in block


@pytest.mark.parametrize("width", WIDTHS)
def test_erinnerung_keeps_every_address_and_file_name_whole(
    folder: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, width: int | None
) -> None:
    output = shown(runner, monkeypatch, width, "erinnerung", "2023", "-C", str(folder))
    expected = ["Jürgen", "Müller", "<j.mueller@example.org>", "<e.probe@example.org>", "bauen@example.org"]
    assert_every_word_whole(output, [*expected, "GB1_Meldebogen_Bürgerdienste.xlsx", "GB2_Meldebogen_2023.xlsx"])
    assert ("┃" in output) == (width == 160)
    assert "ausgabe/2023/erinnerungen" in output


@pytest.mark.parametrize("width", WIDTHS)
def test_compare_keeps_every_title_whole(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, width: int | None) -> None:
    found = json.loads(run(runner, "compare", "2022", "2023", "-C", str(EXAMPLE), "--format", "json")[1])
    titles = [item["vorhaben"] for key in ("neu", "nicht_mehr_gemeldet") for item in found.get(key, [])]
    output = shown(runner, monkeypatch, width, "compare", "2022", "2023", "-C", str(EXAMPLE))
    assert_every_word_whole(output, [*titles, "Informationssicherheit"])
    if "┃" not in output:  # the list: a title on its lines, unbroken but at spaces
        assert "Arbeitskreis Informationssicherheit der Kommunen" in " ".join(output.split())
    assert "0 unverändert" not in output
    assert "−1" in output and "-1" not in output  # a real minus sign


@pytest.mark.parametrize("width", WIDTHS)
def test_validate_says_all_missing_forms_in_one_block(
    folder: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, width: int | None
) -> None:
    (folder / "koopbericht.toml").write_text(
        (folder / "koopbericht.toml").read_text("utf-8").replace('dateien = ["GB4*.xlsx"]', 'dateien = ["GB9*.xlsx"]'),
        "utf-8",
    )  # GB4's form no longer counts as its own: GB2, GB3 and GB4 are missing
    output = shown(runner, monkeypatch, width, "validate", "2023", "-C", str(folder))
    assert output.count("meldebogen-fehlt") == 1 and output.count("Meldebogen fehlt: 3 Geschäftsbereiche") == 1
    block = output.split("Meldebogen fehlt: 3 Geschäftsbereiche")[1].split("\n\n")[0]
    for code, name in (("GB2", "Bauen und Umwelt"), ("GB3", "Soziales und Gesundheit"), ("GB4", "Kultur und Sport")):
        assert f"– {code} {name}:" in block
    expected = ["2023/meldungen/GB2*.xlsx", "2023/meldungen/GB3*.xlsx", "2023/meldungen/GB9*.xlsx"]
    assert_every_word_whole(block, expected)
    assert "Datei:     meldungen/" not in output
