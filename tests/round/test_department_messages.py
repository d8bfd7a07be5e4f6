"""Every text a Geschäftsbereich receives names the Vorhaben, the cell and what to do, item by item.

A form comes back with a Status typo, an Ende before its Beginn and two Sachstände unchanged
from last year. The e-mail draft, the sheet „Was ist zu tun“, the sheet „Prüfergebnis“ and the
cell comments each name every item on its own, with its Vorhaben (Nr. and title) and cell;
the Ende item names both dates and both cells; nothing hides behind „6 weitere Hinweise“.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from koopbericht.actions.reminders import write_reminders
from koopbericht.project.folder import Project

from ..conftest import run
from ..roundfolder import make_round
from ..workbooks import row, write_workbook
from .test_reminders import BEFORE_DEADLINE, attachments, drafts, text_of

GB2_FILE = "GB2_Meldebogen_2023.xlsx"
STALE = [row(1, nr="GB2-001", vorhaben="Radweg zum Nachbarort"), row(2, nr="GB2-002", vorhaben="Schulwegsicherung")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The round folder; GB2 reported two activities in 2022 and sent both back unchanged, with two faults."""
    root = make_round(tmp_path / "arbeitsordner")
    write_workbook(root / "2022" / "meldungen" / "GB2_Meldebogen_2022.xlsx", STALE)
    (root / "2022" / "vorlage.toml").write_text((root / "2023" / "vorlage.toml").read_text("utf-8"), "utf-8")
    faults = [
        row(3, nr="GB2-003", vorhaben="Grünzug am Stadtrand", status="in Planng"),
        row(4, nr="GB2-004", vorhaben="Gemeinsame Leitstelle", beginn=dt.datetime(2021, 1, 1), ende="06/2019"),
        row(5, nr="GB2-005", vorhaben="Fährverbindung", ende="03/2023"),  # „laufend“, but ended
    ]
    write_workbook(root / "2023" / "meldungen" / GB2_FILE, [*STALE, *faults])
    return root


def test_the_mail_names_every_item_with_its_activity_and_cell(folder: Path) -> None:
    write_reminders(Project.open(folder), 2023, today=BEFORE_DEADLINE)
    mail = drafts(folder)["Erinnerung-2023-GB2.eml"]
    body = text_of(mail)
    assert body.startswith("Guten Tag Eva Probe,\n")  # one named colleague and a team address
    assert mail["Date"].datetime == dt.datetime(2024, 3, 21, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    lines = body.splitlines()
    typo = next(line for line in lines if line.startswith("- GB2-003 „Grünzug am Stadtrand“, Zeile 4"))
    assert "(Zelle F4)" in typo and "„in Planng“" in typo and "Gemeint ist wohl „geplant“" in typo
    end = next(line for line in lines if line.startswith("- GB2-004 „Gemeinsame Leitstelle“, Zeile 5"))
    assert "Das Ende 06/2019 (Zelle H5) liegt vor dem Beginn 01.01.2021 (Zelle G5)." in end
    status = next(line for line in lines if line.startswith("- GB2-005 „Fährverbindung“, Zeile 6"))
    assert "(Zelle F6)" in status and "das Ende 03/2023 (Zelle H6) liegt aber in der Vergangenheit" in status
    # Every unchanged Sachstand on its own line, as a request to update it.
    assert "- GB2-001 „Radweg zum Nachbarort“, Zeile 2, Spalte „Beschreibung/Sachstand“ (Zelle I2): " \
        "bitte aktualisieren" in lines  # fmt: skip
    assert "- GB2-002 „Schulwegsicherung“, Zeile 3, Spalte „Beschreibung/Sachstand“ (Zelle I3): " \
        "bitte aktualisieren" in lines  # fmt: skip
    assert "weitere" not in body and "Hinweis" not in body
    assert "Folgendes aufgefallen, was" in body


def test_the_marked_copy_names_the_activity_and_shows_what_the_cell_holds(
    folder: Path, runner: CliRunner, tmp_path: Path
) -> None:
    code, output = run(runner, "validate", "2023", "-C", str(folder), "--annotate", str(tmp_path / "zurueck"))
    assert code == 1, output
    workbook = load_workbook(tmp_path / "zurueck" / GB2_FILE)
    summary = workbook["Prüfergebnis"]
    header = [cell.value for cell in summary[1]]
    rows = [dict(zip(header, values, strict=True)) for values in summary.iter_rows(min_row=2, values_only=True)]
    stale = {r["Zelle"]: r for r in rows if r["Code (für das Büro)"] == "sachstand-unveraendert"}
    assert set(stale) == {"I2", "I3"}
    # What the cell holds, not the year the text was copied from.
    assert stale["I2"]["Eingetragen"] == "Beschreibung des Vorhabens 1."
    assert stale["I2"]["Vorhaben"] == "GB2-001 „Radweg zum Nachbarort“"
    assert "aktualisieren" in str(stale["I2"]["Was ist zu tun"])
    cover = workbook["Was ist zu tun"]
    cover_text = "\n".join(str(c.value) for line in cover.iter_rows() for c in line if c.value is not None)
    assert "GB2-004 „Gemeinsame Leitstelle“" in cover_text and "(Zelle G5)" in cover_text
    assert "kann sie bleiben" not in cover_text and "in jedem Fall aktualisieren" in cover_text
    comment = workbook["Meldebogen"]["I2"].comment
    assert comment is not None and comment.text.startswith("Warnung zu GB2-001 „Radweg zum Nachbarort“: ")


def test_the_mail_and_its_attachment_agree(folder: Path) -> None:
    write_reminders(Project.open(folder), 2023, today=BEFORE_DEADLINE)
    mail = drafts(folder)["Erinnerung-2023-GB2.eml"]
    copy = load_workbook(io.BytesIO(attachments(mail)[GB2_FILE]))
    marked = [r[1] for r in copy["Prüfergebnis"].iter_rows(min_row=2, values_only=True)]
    body = text_of(mail)
    assert all(f"(Zelle {cell})" in body for cell in marked), marked


def test_a_copy_with_only_last_years_sachstaende_asks_to_update_not_to_check(
    folder: Path, runner: CliRunner, tmp_path: Path
) -> None:
    write_workbook(folder / "2023" / "meldungen" / GB2_FILE, STALE)  # no error, two Sachstände of 2022
    code, output = run(runner, "validate", "2023", "-C", str(folder), "--annotate", str(tmp_path / "zurueck"))
    assert code == 1, output  # GB1's error; GB2's copy has warnings only
    intro = load_workbook(tmp_path / "zurueck" / GB2_FILE)["Was ist zu tun"]["A2"].value
    assert "Bitte aktualisieren Sie die unten aufgeführten Sachstände" in intro
    assert "wenn Sie etwas ändern" not in intro and "übrigen" not in intro
