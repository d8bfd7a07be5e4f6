"""`koopbericht jahr JAHR` (and `init --jahr` in a working folder): a new year carried over from the last."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from koopbericht.config.rollover import roll_over
from koopbericht.project.scaffold import is_placeholder_number, year_text

from ..conftest import run
from ..workbooks import make_project, row, write_workbook


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below `folder` by relative path, with a digest of its content."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_new_year_carries_the_vorlage_over(example_copy: Path, runner: CliRunner) -> None:
    code, output = run(runner, "jahr", "2024", "-C", str(example_copy))
    assert code == 0, output
    text = (example_copy / "2024" / "vorlage.toml").read_text(encoding="utf-8")
    values = tomllib.loads(text)
    master = values["grunddaten"]
    assert master["nummer"] == "25/SVV/0000" and is_placeholder_number(master["nummer"])
    assert master["betreff"] == "6. Kooperationsbericht der interkommunalen Zusammenarbeit"
    assert master["datum"] == dt.date(2025, 10, 22)
    assert "web" not in master
    assert values["meldung"]["frist"] == dt.date(2025, 3, 29)
    assert values["meldung"]["email"] == "kooperation@example.org"
    (consultation,) = values["beratungsfolge"]
    assert consultation["datum"] == dt.date(2025, 11, 13)
    assert consultation["status"] == "geplant"
    assert "sitzung_url" not in consultation
    assert consultation["gremium"] == "Hauptausschuss" and consultation["federfuehrend"] is True
    # The clerk's comments stay; the one on top now names the new year.
    assert text.startswith("# Angaben zur Mitteilungsvorlage über das Berichtsjahr 2024 (illustrative Beispieldaten).")
    assert "# Platzhalter" in text
    # The Erläuterung still speaks of 2023: said, not silently rewritten.
    assert "2023" in values["erlaeuterung"]["text"]
    assert "Die Erläuterung in 2024/vorlage.toml nennt das Jahr 2023" in output


def test_new_year_copies_the_texts_and_leaves_meldungen_empty(example_copy: Path, runner: CliRunner) -> None:
    code, output = run(runner, "jahr", "2024", "-C", str(example_copy))
    assert code == 0, output
    before, after = example_copy / "2023" / "text", example_copy / "2024" / "text"
    assert {name: digest for name, digest in snapshot(after).items() if name != "VORJAHR.txt"} == snapshot(before)
    note = (after / "VORJAHR.txt").read_text(encoding="utf-8")
    assert "2023" in note and all(name in note for name in ("01-auftrag.md", "02-sachstand.md", "03-radverkehr.docx"))
    assert list((example_copy / "2024" / "meldungen").iterdir()) == []
    assert "Jahresordner 2024 angelegt (aus 2023 übernommen)" in output
    assert "3 Texte aus 2023 übernommen" in output
    steps = output[output.index("Nächste Schritte") :]
    for command in ("template", "status", "erinnerung", "validate", "build"):
        assert f"koopbericht {command} 2024" in steps
    assert steps.index("template") < steps.index("status") < steps.index("erinnerung") < steps.index("build")


def test_carried_over_texts_keep_the_build_an_entwurf(example_copy: Path, runner: CliRunner) -> None:
    code, output = run(runner, "jahr", "2024", "-C", str(example_copy))
    assert code == 0, output
    code, output = run(runner, "build", "2024", "-C", str(example_copy))
    assert code == 0, output
    assert "Entwurf:" in output
    for name in ("01-auftrag.md", "02-sachstand.md", "03-radverkehr.docx"):
        assert f"2024/text/{name} ist unverändert aus 2023 übernommen" in output
    assert "Vorlagen-Nummer „25/SVV/0000“ ist ein Platzhalter" in output
    # Edited texts and a real number: those reasons go, the others stay.
    auftrag = example_copy / "2024" / "text" / "01-auftrag.md"
    auftrag.write_text(auftrag.read_text(encoding="utf-8") + "\nNeu im Jahr 2024.\n", encoding="utf-8")
    vorlage = example_copy / "2024" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text(encoding="utf-8").replace("25/SVV/0000", "25/SVV/0815"), encoding="utf-8")
    code, output = run(runner, "build", "2024", "-C", str(example_copy))
    assert code == 0, output
    assert "01-auftrag.md ist unverändert" not in output and "Platzhalter" not in output
    assert "2024/text/03-radverkehr.docx ist unverändert aus 2023 übernommen" in output


def test_an_existing_year_is_never_overwritten(example_copy: Path, runner: CliRunner) -> None:
    before = snapshot(example_copy)
    code, output = run(runner, "jahr", "2023", "-C", str(example_copy))
    assert code == 2, output
    assert "Das Jahr 2023 gibt es schon" in output
    text = example_copy / "2025" / "text"
    text.mkdir(parents=True)
    (text / "01-entwurf.md").write_text("# Schon begonnen\n", encoding="utf-8")
    code, output = run(runner, "jahr", "2025", "-C", str(example_copy))
    assert code == 2, output
    assert "2025/text/ enthält schon Dateien" in output
    assert snapshot(example_copy) == before | {"2025/text/01-entwurf.md": snapshot(text)["01-entwurf.md"]}


def test_without_an_earlier_year_the_vorlage_is_fresh(minimal_project: Path, runner: CliRunner) -> None:
    code, output = run(runner, "jahr", "2024", "-C", str(minimal_project))
    assert code == 0, output
    year = minimal_project / "2024"
    assert (year / "vorlage.toml").read_text(encoding="utf-8") == year_text(2024, "Stadt Musterhausen")
    assert "Platzhalter" in (year / "text" / "01-bericht.md").read_text(encoding="utf-8")
    assert (year / "meldungen").is_dir() and not (year / "text" / "VORJAHR.txt").exists()
    assert "Jahresordner 2024 angelegt (neu, ohne Vorjahr)" in output


def test_init_with_a_year_inside_a_working_folder_starts_that_year(example_copy: Path, runner: CliRunner) -> None:
    code, output = run(runner, "init", str(example_copy), "--jahr", "2024")
    assert code == 0, output
    assert "Jahresordner 2024 angelegt (aus 2023 übernommen)" in output
    assert tomllib.loads((example_copy / "2024" / "vorlage.toml").read_text(encoding="utf-8"))["grunddaten"][
        "betreff"
    ].startswith("6. ")
    code, output = run(runner, "init", str(example_copy))
    assert code == 2, output
    assert "koopbericht jahr JAHR" in output


def test_init_names_template_in_its_next_steps(tmp_path: Path, runner: CliRunner) -> None:
    code, output = run(runner, "init", str(tmp_path / "neu"), "--jahr", "2024")
    assert code == 0, output
    assert "koopbericht template 2024" in output and "koopbericht validate 2024" in output


def test_a_year_without_folder_names_the_jahr_command(example_copy: Path, runner: CliRunner) -> None:
    code, output = run(runner, "build", "2019", "-C", str(example_copy))
    assert code == 2, output
    assert "koopbericht jahr 2019" in output and "koopbericht init" not in output


def test_the_new_year_round_trips_through_template_and_validate(tmp_path: Path, runner: CliRunner) -> None:
    root = make_project(tmp_path / "projekt")
    write_workbook(root / "2023" / "meldungen" / "GB1_2023.xlsx", [row(1), row(2)])
    code, output = run(runner, "jahr", "2024", "-C", str(root))
    assert code == 0, output
    values = tomllib.loads((root / "2024" / "vorlage.toml").read_text(encoding="utf-8"))
    assert values["grunddaten"]["betreff"] == "Kooperationsbericht 2024"  # the year in the Betreff moves too
    assert values["grunddaten"]["nummer"] == "25/SVV/0000"
    code, output = run(runner, "template", "2024", "-C", str(root))
    assert code == 0, output
    assert "GB1_Meldebogen_2024.xlsx (2 Vorhaben aus 2023 übernommen)" in output


# roll_over on its own: the text is edited line by line; a layout it cannot edit so is rewritten whole.

COMMENTED = """\
# Vorlage 2023 – bitte jedes Jahr anpassen.

[grunddaten]
nummer = "24/DS/1234"   # vom Sitzungsdienst
betreff = "12. Bericht über die Zusammenarbeit 2023"  # Ordnungszahl!
federfuehrend = "Büro des Oberbürgermeisters"
einreicher = "Oberbürgermeister"
datum = 2024-02-29
web = "https://ris.example.org/vo?id=1"

[meldung]
frist = 2024-03-29 # Freitag

[[beratungsfolge]]
gremium = "Finanzausschuss"
datum = 2024-10-01
status = "Erledigt"
sitzung_url = "https://ris.example.org/oparl/meeting/1"

[[beratungsfolge]]
gremium = "Hauptausschuss"   # federführend
datum = 2024-11-13
status = 'vertagt'
"""


def test_roll_over_edits_lines_and_keeps_comments() -> None:
    result = roll_over(COMMENTED, 2023, 2024)
    values = tomllib.loads(result.text)
    assert values["grunddaten"]["nummer"] == "25/DS/0000"
    assert values["grunddaten"]["betreff"] == "13. Bericht über die Zusammenarbeit 2024"
    assert values["grunddaten"]["datum"] == dt.date(2025, 2, 28)  # no 29 February in 2025
    assert "web" not in values["grunddaten"]
    assert values["meldung"]["frist"] == dt.date(2025, 3, 29)
    assert [(c["datum"], c["status"]) for c in values["beratungsfolge"]] == [
        (dt.date(2025, 10, 1), "geplant"),
        (dt.date(2025, 11, 13), "geplant"),
    ]
    assert "sitzung_url" not in values["beratungsfolge"][0]
    for comment in ("# Vorlage 2024 – bitte jedes Jahr anpassen.", "# Ordnungszahl!", "# Freitag", "# federführend"):
        assert comment in result.text
    assert "# vom Sitzungsdienst" in result.text
    assert result.notes == ()


def test_roll_over_rewrites_what_it_cannot_edit_by_line() -> None:
    inline = (
        'grunddaten = { nummer = "24/SVV/0001", betreff = "Bericht 2023", federfuehrend = "BOB", einreicher = "OB" }\n'
        'beratungsfolge = [{ gremium = "Hauptausschuss", datum = 2024-11-13, sitzung_url = "https://x.example/1" }]\n'
    )
    result = roll_over(inline, 2023, 2024)
    values = tomllib.loads(result.text)
    assert values["grunddaten"] == {
        "nummer": "25/SVV/0000",
        "betreff": "Bericht 2024",
        "federfuehrend": "BOB",
        "einreicher": "OB",
    }
    assert values["beratungsfolge"] == [{"gremium": "Hauptausschuss", "datum": dt.date(2025, 11, 13)}]
    assert any("neu geschrieben" in note for note in result.notes)


def test_roll_over_across_a_gap_moves_dates_by_the_gap() -> None:
    result = roll_over(COMMENTED, 2021, 2024)
    values = tomllib.loads(result.text)
    assert values["meldung"]["frist"] == dt.date(2027, 3, 29)
    assert values["grunddaten"]["betreff"].startswith("15. ")
    assert any("2022 und 2023 fehlen" in note for note in result.notes)


def test_the_gap_is_named_by_the_command(example_copy: Path, runner: CliRunner) -> None:
    shutil.rmtree(example_copy / "2023")
    code, output = run(runner, "jahr", "2024", "-C", str(example_copy))
    assert code == 0, output
    assert "Jahresordner 2024 angelegt (aus 2022 übernommen)" in output
    assert "2023 fehlt" in output
