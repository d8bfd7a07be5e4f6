"""The yearly round with koopbericht commands only: new year, forms out, Rücklauf, forms back, clean."""

from __future__ import annotations

import json
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from typer.testing import CliRunner

from ..conftest import run
from ..workbooks import CONFIG, YEAR, row, write_workbook
from .test_several_files import status_table

SETTINGS = (
    CONFIG.replace(
        'dateien = ["GB1*.xlsx"]\n',
        'dateien = ["GB1*.xlsx"]\nkontakt = [{ name = "Erika Muster", email = "e.muster@example.org" }]\n',
    ).replace(
        'dateien = ["GB2*.xlsx"]\n',
        'dateien = ["GB2*.xlsx"]\nkontakt = [{ name = "Max Probe", email = "m.probe@example.org" }]\n',
    )
    + """
[[geschaeftsbereich]]
kuerzel = "GB3"
name = "Soziales und Gesundheit"
dateien = ["GB3*.xlsx"]
kontakt = [{ email = "soziales@example.org" }]
"""
)
VORLAGE_2023 = YEAR.replace(
    "frist = 2024-03-29\n",
    'frist = 2024-03-29\nansprechpartner = "Büro des Oberbürgermeisters"\nemail = "kooperation@example.org"\n',
)


def last_year(tmp_path: Path) -> Path:
    """A working folder whose 2023 is done: three departments reported, one text written."""
    root = tmp_path / "projekt"
    (root / "2023" / "text").mkdir(parents=True)
    (root / "koopbericht.toml").write_text(SETTINGS, encoding="utf-8")
    (root / "2023" / "vorlage.toml").write_text(VORLAGE_2023, encoding="utf-8")
    (root / "2023" / "text" / "01-bericht.md").write_text("# Bericht 2023\n\nDie Zusammenarbeit wuchs.\n", "utf-8")
    reports = root / "2023" / "meldungen"
    write_workbook(reports / "GB1_2023.xlsx", [row(1), row(2)])
    write_workbook(reports / "GB2_2023.xlsx", [row(1, nr="GB2-001", vorhaben="Radweg an der Havel")])
    write_workbook(reports / "GB3_2023.xlsx", [row(1, nr="GB3-001", vorhaben="Pflegestützpunkt im Umland")])
    return root


def send_back(root: Path, code: str, **values: Any) -> Path:
    """A department fills the form `template` wrote: every Sachstand updated, `values` set by column title."""
    form = root / "ausgabe" / "2024" / "meldeboegen" / f"{code}_Meldebogen_2024.xlsx"
    workbook = load_workbook(form)
    sheet = workbook["Meldebogen"]
    columns = {str(cell.value): cell.column for cell in sheet[1] if cell.value}
    for number in range(2, sheet.max_row + 1):
        if sheet.cell(number, columns["Vorhaben"]).value:
            sheet.cell(number, columns["Beschreibung/Sachstand"], f"Sachstand 2024 zu Zeile {number}.")
    for title, value in values.items():
        sheet.cell(2, columns[title], value)
    target = root / "2024" / "meldungen" / form.name
    workbook.save(target)
    return target


def test_the_yearly_round(tmp_path: Path, runner: CliRunner) -> None:
    root = last_year(tmp_path)
    project = ("-C", str(root))

    code, output = run(runner, "jahr", "2024", *project)
    assert code == 0, output
    assert "koopbericht template 2024" in output

    code, output = run(runner, "template", "2024", *project)
    assert code == 0, output
    assert "GB1_Meldebogen_2024.xlsx (2 Vorhaben aus 2023 übernommen)" in output

    send_back(root, "GB1")  # correct
    faulty = send_back(root, "GB2", Status="erledigt?")  # a value not in the list; GB3 is late
    code, output = run(runner, "status", "2024", *project)
    assert code == 0, output
    table = status_table(output)
    assert table["GB3"]["Meldebogen"] == "fehlt (2024/meldungen/GB3*.xlsx)"  # where it is expected, with the year
    assert [table["GB3"][title] for title in ("Vorhaben", "Fehler", "Warnungen")] == ["–", "–", "–"]
    assert [table["GB2"][title] for title in ("Vorhaben", "Fehler", "Warnungen")] == ["1", "1", "0"]
    assert [table["GB1"][title] for title in ("Vorhaben", "Fehler", "Warnungen")] == ["2", "0", "0"]
    assert "Eingegangen: 2 von 3 Geschäftsbereichen." in output

    code, output = run(runner, "erinnerung", "2024", *project)
    assert code == 0, output
    drafts = sorted(p.name for p in (root / "ausgabe" / "2024" / "erinnerungen").glob("*.eml"))
    assert drafts == ["Erinnerung-2024-GB2.eml", "Erinnerung-2024-GB3.eml"]  # faulty and late; GB1 is fine
    for name, to in (("GB2", "m.probe@example.org"), ("GB3", "soziales@example.org")):
        with (root / "ausgabe" / "2024" / "erinnerungen" / f"Erinnerung-2024-{name}.eml").open("rb") as stream:
            message = BytesParser(policy=policy.default).parse(stream)
        assert to in str(message["To"]) and message["X-Unsent"] == "1"
        attachments = [str(part.get_filename()) for part in message.iter_attachments()]
        assert len(attachments) == 1 and attachments[0].endswith(".xlsx")

    code, output = run(runner, "validate", "2024", *project)
    assert code == 1 and "wert-nicht-erlaubt" in output and faulty.name in output

    send_back(root, "GB2", Status="abgeschlossen")  # corrected and sent again: finished, the Ende not known
    send_back(root, "GB3", Kooperationspartner="Gemeinde Schwielow See")  # late, but there; a partner misspelt
    code, output = run(runner, "validate", "2024", *project, "--format", "json")
    assert code == 0, output  # warnings only
    result = json.loads(output)
    found = {f["code"]: f for f in result["findings"]}
    assert sorted(found) == ["partner-unbekannt", "status-widerspricht-datum"]
    assert found["partner-unbekannt"]["suggestion"] == "Gemeinde Schwielowsee"

    # Both call published content probably wrong: no Endfassung until each is corrected or accepted.
    code, output = run(runner, "build", "2024", "--endfassung", *project)
    flat = " ".join(output.split())
    assert code == 1 and "„Gemeinde Schwielow See“, gemeint wohl „Gemeinde Schwielowsee“" in flat
    assert "Status passt nicht zu den Daten: „abgeschlossen“" in flat
    closed = found["status-widerspricht-datum"]
    code, output = run(runner, "akzeptieren", "2024", closed["code"], closed["file"], closed["cell"], *project,
                       "--grund", "Abgeschlossen im Dezember; das genaue Ende reicht GB2 nach.")  # fmt: skip
    assert code == 0, output
    code, output = run(runner, "alias", "Gemeinde Schwielow See", "Gemeinde Schwielowsee", *project)
    assert code == 0, output
    code, output = run(runner, "validate", "2024", *project, "--format", "json")
    assert code == 0, output
    result = json.loads(output)
    assert [(f["code"], f["accepted"]) for f in result["findings"]] == [
        ("status-widerspricht-datum", "Abgeschlossen im Dezember; das genaue Ende reicht GB2 nach.")
    ]
    assert result["summary"] == {"errors": 0, "warnings": 0, "infos": 0, "accepted": 1, "files": 3, "activities": 4}

    # The clerk's part: the number once it is given, and the text revised; then the Endfassung.
    code, output = run(runner, "build", "2024", "--endfassung", *project)
    assert code == 1 and "25/SVV/0000" in output and "2024/text/01-bericht.md ist unverändert" in output
    assert "Schwielow" not in output and "Status passt nicht" not in output  # both settled
    vorlage = root / "2024" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text(encoding="utf-8").replace("25/SVV/0000", "25/SVV/0042"), encoding="utf-8")
    (root / "2024" / "text" / "01-bericht.md").write_text("# Bericht 2024\n\nSie wuchs weiter.\n", "utf-8")
    code, output = run(runner, "build", "2024", "--endfassung", *project)
    assert code == 0, output
    assert "Endfassung" in output
