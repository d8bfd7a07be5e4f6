"""Accepting a finding: JAHR/akzeptiert.toml like a linter's baseline, and the Entwurf until then."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from ..conftest import run
from ..workbooks import make_project, row, write_workbook

GB1 = "2023/meldungen/GB1_2023.xlsx"


def project_with_doubts(root: Path, status_cell: str = "abgeschlossen") -> Path:
    """GB1: a misspelt partner (D2) and „abgeschlossen“ without Ende (F3); GB2 complete."""
    make_project(root)
    rows = [row(1, partner="Gemeinde Schwielow See; Landkreis Potsdam-Mittelmark"), row(2, status=status_cell)]
    write_workbook(root / GB1, rows)
    write_workbook(root / "2023" / "meldungen" / "GB2_2023.xlsx", [row(1, nr="GB2-001", vorhaben="Radweg")])
    return root


def vorlage_status(root: Path) -> str:
    document = Document(str(root / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    return str(document.core_properties.content_status)


def test_a_probably_wrong_value_keeps_the_build_an_entwurf_that_names_it(runner: CliRunner, tmp_path: Path) -> None:
    root = project_with_doubts(tmp_path / "projekt")
    code, output = run(runner, "build", "2023", "-C", str(root))
    assert code == 0, output
    flat = " ".join(output.split())
    assert "Entwurf:" in flat and "Endfassung:" not in flat
    partner = "Partner nicht im Partnerverzeichnis: „Gemeinde Schwielow See“, gemeint wohl „Gemeinde Schwielowsee“"
    assert f"{GB1}, Zelle D2 (GB1-001): {partner}" in flat
    assert f"{GB1}, Zelle F3 (GB1-002): Status passt nicht zu den Daten: „abgeschlossen“" in flat
    assert vorlage_status(root) == "Entwurf"
    document = Document(str(root / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    assert "ENTWURF – Befunde noch nicht geklärt" in document.sections[0].header.paragraphs[0].text
    body = "\n".join(p.text for p in document.paragraphs)
    assert "„Gemeinde Schwielow See“, gemeint wohl „Gemeinde Schwielowsee“" in body
    assert "zwei verschiedenen Kooperationspartnern" in body  # the misspelt one is Schwielowsee: two, not three

    code, output = run(runner, "build", "2023", "--endfassung", "-C", str(root))
    assert code == 1 and "Gemeinde Schwielow See" in output and "nicht vollständig" in output


def test_accepting_and_alias_give_an_endfassung(runner: CliRunner, tmp_path: Path) -> None:
    root = project_with_doubts(tmp_path / "projekt")
    project = ("-C", str(root))
    code, output = run(runner, "akzeptieren", "2023", "status-widerspricht-datum", "GB1_2023.xlsx", "F3", *project,
                       "--grund", "Abgeschlossen; das Ende ist nicht bekannt.")  # fmt: skip
    assert code == 0, output
    assert "Angenommen: „status-widerspricht-datum“ in 2023/meldungen/GB1_2023.xlsx, Zelle F3" in output
    text = (root / "2023" / "akzeptiert.toml").read_text(encoding="utf-8")
    assert text.startswith("# Angenommene Befunde des Berichtsjahres 2023")
    (entry,) = tomllib.loads(text)["befund"]
    assert {k: entry[k] for k in ("code", "datei", "blatt", "zelle", "wert", "grund")} == {
        "code": "status-widerspricht-datum", "datei": GB1, "blatt": "Meldebogen", "zelle": "F3",
        "wert": "abgeschlossen", "grund": "Abgeschlossen; das Ende ist nicht bekannt.",
    }  # fmt: skip

    code, output = run(runner, "validate", "2023", *project)
    assert code == 0, output
    assert "Angenommen (Abgeschlossen; das Ende ist nicht bekannt.)" in output
    assert "0 Fehler, 1 Warnung" in output and "Außerdem ein angenommener Befund" in output
    code, output = run(runner, "validate", "2023", "--strict", "--format", "json", *project)
    assert code == 1  # the partner is still a warning; the accepted finding is not
    report = json.loads(output)
    assert report["summary"]["warnings"] == 1 and report["summary"]["accepted"] == 1
    accepted = [f for f in report["findings"] if f["accepted"]]
    assert [(f["code"], f["cell"]) for f in accepted] == [("status-widerspricht-datum", "F3")]

    code, output = run(runner, "alias", "Gemeinde Schwielow See", "Gemeinde Schwielowsee", *project)
    assert code == 0, output
    assert "„Gemeinde Schwielow See“ ist jetzt ein Alias von „Gemeinde Schwielowsee“" in output
    code, output = run(runner, "validate", str(root / GB1), *project)  # the file alone: its acceptance holds
    assert code == 0 and "Außerdem ein angenommener Befund" in output and "Hinweis" not in output
    code, output = run(runner, "validate", str(root / "2023" / "meldungen" / "GB2_2023.xlsx"), *project)
    assert code == 0 and "akzeptiert.toml" not in output  # another file: the entry is not about it
    code, output = run(runner, "build", "2023", "--endfassung", *project)
    assert code == 0, output
    assert "Endfassung:" in output and vorlage_status(root) == "Endfassung"
    code, output = run(runner, "validate", "2023", "--strict", *project)
    assert code == 0, output


def test_an_acceptance_lapses_when_the_cell_changes(runner: CliRunner, tmp_path: Path) -> None:
    root = project_with_doubts(tmp_path / "projekt")
    project = ("-C", str(root))
    assert run(runner, "alias", "Gemeinde Schwielow See", "Gemeinde Schwielowsee", *project)[0] == 0
    code, output = run(runner, "akzeptieren", "2023", "status-widerspricht-datum", GB1, "$F$3", "--grund", "So ist es.",
                       *project)  # fmt: skip
    assert code == 0, output
    assert run(runner, "build", "2023", "--endfassung", *project)[0] == 0

    # The department sends the form again: the Status now reads "laufend", with an Ende in the past.
    rows = [row(1, partner="Gemeinde Schwielow See"), row(2, status="laufend", ende="03/2019", beginn="2018")]
    write_workbook(root / GB1, rows)
    code, output = run(runner, "validate", "2023", *project)
    flat = " ".join(output.split())
    assert "2023/akzeptiert.toml, Zeile 14: Die Annahme von „status-widerspricht-datum“" in flat
    assert "gilt nicht mehr, weil sich die Zelle geändert hat (angenommen für „abgeschlossen“, jetzt „laufend“)" in flat
    assert "angenommener Befund" not in flat
    code, output = run(runner, "build", "2023", "--endfassung", *project)
    assert code == 1 and "Status passt nicht zu den Daten: „laufend“" in " ".join(output.split())

    write_workbook(root / GB1, [row(1, partner="Gemeinde Schwielow See"), row(2)])  # corrected: nothing left to accept
    code, output = run(runner, "build", "2023", "--endfassung", *project)
    assert code == 0, output
    assert "wird nicht mehr gefunden (die Zelle ist wohl korrigiert)" in " ".join(output.split())


def test_akzeptieren_refuses_what_it_cannot_accept(runner: CliRunner, tmp_path: Path) -> None:
    root = project_with_doubts(tmp_path / "projekt")
    write_workbook(root / "2023" / "meldungen" / "GB2_2023.xlsx", [row(1, nr="GB2-001", vorhaben=None)])
    project = ("-C", str(root))
    cases = {
        ("pflichtwert-fehlt", "GB2_2023.xlsx", "C2"): "hält keine Endfassung auf",  # an error is corrected instead
        ("status-widerspricht-datum", GB1, "F2"): "In 2023/meldungen/GB1_2023.xlsx, Zelle F2 gibt es keinen Befund",
        ("status-widerspricht-datum", "GB9.xlsx", "F3"): "Zur Datei „GB9.xlsx“ gibt es keinen Befund",
        ("kein-code", GB1, "F3"): "„kein-code“ ist kein Code eines Befunds",
    }
    for (code_name, file, cell), expected in cases.items():
        code, output = run(runner, "akzeptieren", "2023", code_name, file, cell, "--grund", "geprüft", *project)
        assert code == 2 and expected in " ".join(output.split()), output
    code, output = run(runner, "akzeptieren", "2023", "status-widerspricht-datum", GB1, "F3", "--grund", " ", *project)
    assert code == 2 and "--grund" in output
    assert not (root / "2023" / "akzeptiert.toml").exists()


def test_an_accepted_finding_is_not_sent_to_the_department(runner: CliRunner, tmp_path: Path) -> None:
    root = project_with_doubts(tmp_path / "projekt")
    project = ("-C", str(root))
    accepted = (("partner-unbekannt", "D2", "Neu."), ("status-widerspricht-datum", "F3", "Ja."))
    outputs = [run(runner, "akzeptieren", "2023", c, GB1, cell, "--grund", why, *project) for c, cell, why in accepted]
    assert [code for code, _ in outputs] == [0, 0]
    hint = 'ist ein Alias besser: koopbericht alias "Gemeinde Schwielow See" "Gemeinde Schwielowsee"'
    assert hint in " ".join(outputs[0][1].split()) and "Alias" not in outputs[1][1]
    code, output = run(runner, "validate", "2023", "--annotate", str(tmp_path / "kopien"), *project)
    assert code == 0, output
    assert not (tmp_path / "kopien" / "GB1_2023.xlsx").exists()  # nothing left to ask GB1 about
    code, output = run(runner, "status", "2023", "--format", "json", *project)
    gb1 = next(d for d in json.loads(output)["geschaeftsbereiche"] if d["kuerzel"] == "GB1")
    assert code == 0 and gb1["warnungen"] == 0, output  # accepted: no longer counted as a warning
    settings = root / "2023" / "vorlage.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "frist = 2024-03-29", 'frist = 2024-03-29\nemail = "kooperation@example.org"'), encoding="utf-8")  # fmt: skip
    code, output = run(runner, "erinnerung", "2023", "--auch-warnungen", *project)
    assert code == 0, output
    assert not list((root / "ausgabe" / "2023").rglob("*GB1*.eml")), output  # and no reminder about it
    code, output = run(runner, "build", "2023", "--endfassung", *project)
    assert code == 0, output
    document = Document(str(root / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "drei verschiedenen Kooperationspartnern" in body  # accepted as a partner of its own: counted apart


def test_a_doubt_about_an_internal_column_keeps_no_build_a_draft(runner: CliRunner, tmp_path: Path) -> None:
    root = project_with_doubts(tmp_path / "projekt", status_cell="laufend")  # only the misspelt partner is left
    config = root / "koopbericht.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[spalten.partner]\noeffentlich = false\n", "utf-8")
    code, output = run(runner, "build", "2023", "--endfassung", "-C", str(root))
    assert code == 0, output  # the partners are not published: their spelling doubts nothing published
    code, output = run(runner, "validate", "2023", "-C", str(root))
    assert "partner-unbekannt" in output  # still shown, for the register's sake


def test_a_mistake_in_akzeptiert_toml_is_named_with_its_line(runner: CliRunner, tmp_path: Path) -> None:
    root = project_with_doubts(tmp_path / "projekt")
    (root / "2023" / "akzeptiert.toml").write_text(
        '# von Hand\n[[befund]]\ncode = "status-widerspricht-datum"\ndatei = "x.xlsx"\nzelle = "F3"\nwert = "a"\n'
        'begruendung = "vergessen"\n',
        encoding="utf-8",
    )
    code, output = run(runner, "validate", "2023", "-C", str(root))
    flat = " ".join(output.split())
    assert code == 2, output
    assert "akzeptiert.toml, Zeile 2" in flat and "„grund“ fehlt" in flat
    assert "Zeile 7" in flat and "begruendung" in flat


GB3 = "2023/meldungen/GB3_Meldebogen_2023.xlsx"


def example_with_accepted_f7(runner: CliRunner, tmp_path: Path) -> Path:
    """The example project with GB3's „abgeschlossen“ without Ende (F7, GB3-006) accepted."""
    root = tmp_path / "beispiel"
    assert run(runner, "init", "--beispiel", str(root))[0] == 0
    assert run(runner, "alias", "Schwielow-See", "Gemeinde Schwielowsee", "-C", str(root))[0] == 0  # GB4's doubt
    code, output = run(runner, "akzeptieren", "2023", "status-widerspricht-datum", "GB3_Meldebogen_2023.xlsx", "F7",
                       "--grund", "Ende nicht überliefert", "-C", str(root))  # fmt: skip
    assert code == 0, output
    return root


def test_an_acceptance_names_the_vorhaben_and_lapses_for_another_one(runner: CliRunner, tmp_path: Path) -> None:
    root = example_with_accepted_f7(runner, tmp_path)
    (entry,) = tomllib.loads((root / "2023" / "akzeptiert.toml").read_text(encoding="utf-8"))["befund"]
    sheet = load_workbook(root / GB3)[entry["blatt"]]
    assert entry["nr"] == sheet["A7"].value and entry["nr"].startswith("GB3-")
    assert entry["vorhaben"] == sheet["C7"].value and entry["vorhaben"]
    assert run(runner, "build", "2023", "--endfassung", "-C", str(root))[0] == 0

    # Another Vorhaben lands in row 7, with the same Status and no Ende.
    book = load_workbook(root / GB3)
    book[entry["blatt"]]["A7"] = "GB3-099"
    book[entry["blatt"]]["C7"] = "Ein ganz anderes Vorhaben"
    book.save(root / GB3)
    code, output = run(runner, "validate", "2023", "-C", str(root))
    flat = " ".join(output.split())
    assert "angenommener Befund" not in flat, output
    assert "2023/akzeptiert.toml, Zeile 14: Die Annahme von „status-widerspricht-datum“" in flat, output
    assert f"Vorhaben geändert: angenommen für {entry['nr']} „{entry['vorhaben']}“, jetzt GB3-099" in flat, output
    code, output = run(runner, "build", "2023", "--endfassung", "-C", str(root))
    assert code == 1 and "Status passt nicht zu den Daten" in " ".join(output.split())


def test_an_acceptance_without_nr_from_an_older_version_lapses(runner: CliRunner, tmp_path: Path) -> None:
    root = example_with_accepted_f7(runner, tmp_path)
    accepted = root / "2023" / "akzeptiert.toml"
    text = accepted.read_text(encoding="utf-8")
    old = "\n".join(line for line in text.splitlines() if not line.startswith(("nr =", "vorhaben ="))) + "\n"
    accepted.write_text(old, encoding="utf-8")
    code, output = run(runner, "validate", "2023", "-C", str(root))
    flat = " ".join(output.split())
    assert "angenommener Befund" not in flat, output
    assert "2023/akzeptiert.toml, Zeile 14: Die Annahme von „status-widerspricht-datum“" in flat, output
    assert "weil sie kein Vorhaben nennt" in flat and "erneut an (koopbericht akzeptieren)" in flat, output

    # Accepting again appends an entry with the Nr., which holds.
    code, output = run(runner, "akzeptieren", "2023", "status-widerspricht-datum", "GB3_Meldebogen_2023.xlsx", "F7",
                       "--grund", "Ende nicht überliefert", "-C", str(root))  # fmt: skip
    assert code == 0, output
    assert run(runner, "build", "2023", "--endfassung", "-C", str(root))[0] == 0


def test_a_row_without_nr_is_matched_by_its_title(runner: CliRunner, tmp_path: Path) -> None:
    root = project_with_doubts(tmp_path / "projekt")
    write_workbook(
        root / GB1,
        [row(1, partner="Gemeinde Schwielowsee"), row(2, nr=None, vorhaben="Brücke", status="abgeschlossen")],
    )
    code, output = run(runner, "akzeptieren", "2023", "status-widerspricht-datum", GB1, "F3", "--grund", "Ja.",
                       "-C", str(root))  # fmt: skip
    assert code == 0, output
    (entry,) = tomllib.loads((root / "2023" / "akzeptiert.toml").read_text(encoding="utf-8"))["befund"]
    assert (entry["nr"], entry["vorhaben"]) == ("", "Brücke")
    assert run(runner, "build", "2023", "--endfassung", "-C", str(root))[0] == 0
    write_workbook(
        root / GB1, [row(1, partner="Gemeinde Schwielowsee"), row(2, nr=None, vorhaben="Steg", status="abgeschlossen")]
    )
    code, output = run(runner, "validate", "2023", "-C", str(root))
    assert "Vorhaben geändert: angenommen für „Brücke“, jetzt „Steg“" in " ".join(output.split()), output
    assert run(runner, "build", "2023", "--endfassung", "-C", str(root))[0] == 1


def test_accepting_into_a_crlf_file_keeps_its_line_ends(runner: CliRunner, tmp_path: Path) -> None:
    root = project_with_doubts(tmp_path / "projekt")
    accepted = root / "2023" / "akzeptiert.toml"
    first = ("akzeptieren", "2023", "status-widerspricht-datum", GB1, "F3", "--grund", "Ja.", "-C", str(root))
    assert run(runner, *first)[0] == 0
    before = accepted.read_bytes().replace(b"\n", b"\r\n")  # as an editor on Windows saves it
    accepted.write_bytes(before)
    second = ("akzeptieren", "2023", "partner-unbekannt", GB1, "D2", "--grund", "Neu.", "-C", str(root))
    assert run(runner, *second)[0] == 0
    after = accepted.read_bytes()
    assert after.startswith(before) and after.count(b"\n") == after.count(b"\r\n"), after
    assert [entry["code"] for entry in tomllib.loads(after.decode("utf-8"))["befund"]] == [
        "status-widerspricht-datum", "partner-unbekannt",
    ]  # fmt: skip
