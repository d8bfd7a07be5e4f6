"""koopbericht.toml: defaults, and every kind of mistake reported with line and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht.config import ColumnType, load_settings
from koopbericht.errors import ConfigError

from ..conftest import MINIMAL_CONFIG, run


def write_config(root: Path, text: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "koopbericht.toml").write_text(text, encoding="utf-8")


def problems_of(root: Path) -> list[tuple[int | None, str, str]]:
    with pytest.raises(ConfigError) as caught:
        load_settings(root)
    return [(p.line, p.key, p.message) for p in caught.value.problems]


def test_minimal_file_gets_the_kooperationsbericht_defaults(minimal_project: Path) -> None:
    settings = load_settings(minimal_project)
    assert settings.authority.name == "Stadt Musterhausen"
    assert settings.authority.short_name == "Stadt Musterhausen"
    assert [d.code for d in settings.departments] == ["GB1", "GB2"]
    assert settings.departments[0].patterns == ("GB1*.xlsx",)
    keys = [c.key for c in settings.columns]
    assert keys[:3] == ["nr", "handlungsfeld", "vorhaben"]
    assert settings.column("vorhaben").required and settings.column("beschreibung").required
    assert not settings.column("ansprechpartner").public
    assert not settings.column("bemerkung").public
    assert settings.column("beginn").type is ColumnType.DATE
    assert settings.vocabularies["status"].normalise("in Arbeit") == "laufend"
    assert settings.vocabularies["status"].normalise(" Beendet ") == "abgeschlossen"
    assert "ansprechpartner" not in settings.output.annex_columns


def test_syntax_error_names_file_and_line(tmp_path: Path, runner: CliRunner) -> None:
    write_config(tmp_path, MINIMAL_CONFIG + '\n[ausgabe]\nvorlage_datei = "Bericht.docx\n')
    code, output = run(runner, "info", "-C", str(tmp_path))
    assert code == 2, output
    assert "koopbericht.toml, Zeile 13" in output
    assert "kein gültiges TOML" in output
    assert "Traceback" not in output


def test_unknown_key_names_line_key_and_suggestion(tmp_path: Path, runner: CliRunner) -> None:
    text = MINIMAL_CONFIG.replace('name = "Stadt Musterhausen"', 'nmae = "Stadt Musterhausen"')
    write_config(tmp_path, text)
    code, output = run(runner, "info", "-C", str(tmp_path))
    assert code == 2, output
    assert "Zeile 2, Schlüssel „koerperschaft.nmae“: Unbekannter Schlüssel. Meinten Sie „name“?" in output
    assert "Schlüssel „koerperschaft“: Der Pflichtschlüssel „name“ fehlt." in output


def test_wrong_type_in_array_of_tables(tmp_path: Path) -> None:
    write_config(tmp_path, MINIMAL_CONFIG.replace('kuerzel = "GB2"', "kuerzel = 2"))
    assert problems_of(tmp_path) == [
        (9, "geschaeftsbereich[2].kuerzel", "Erwartet wird Text, angegeben ist ganze Zahl.")
    ]


def test_synonym_pointing_nowhere(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        MINIMAL_CONFIG + '\n[vokabulare.status.synonyme]\n"in Umsetzung" = "laufend"\n"im Gange" = "läuft"\n',
    )
    [(line, key, message)] = problems_of(tmp_path)
    assert line == 14
    assert key == 'vokabulare.status.synonyme."im Gange"'
    assert "verweist auf „läuft“, das nicht in werte steht" in message


def test_synonym_in_inline_table_is_located(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        MINIMAL_CONFIG + '\n[vokabulare.status]\nsynonyme = { "fertig" = "erledigt" }\n',
    )
    [(line, key, _)] = problems_of(tmp_path)
    assert (line, key) == (13, "vokabulare.status.synonyme.fertig")


def test_internal_column_refused_in_annex(tmp_path: Path) -> None:
    write_config(tmp_path, MINIMAL_CONFIG + '\n[ausgabe]\nanlage_spalten = ["Vorhaben", "Ansprechpartner"]\n')
    [(line, key, message)] = problems_of(tmp_path)
    assert (line, key) == (13, "ausgabe.anlage_spalten")
    assert "interne Spalte" in message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        '[koerperschaft]\nname = "X"\n\n[[geschaeftsbereich]]\nkuerzel = "A"\nname = "Eins"\n\n'
        '[[geschaeftsbereich]]\nkuerzel = "a"\nname = "Zwei"\n\n'
        '[spalten.status]\ntyp = "auswahl"\n\n[[partner]]\nname = "Landkreis X"\nart = "Kreis"\n'
        "\n[extra]\nwert = 1\n"
    )
    write_config(tmp_path, text)
    found = problems_of(tmp_path)
    assert [(line, key) for line, key, _ in found] == [
        (9, "geschaeftsbereich[2].kuerzel"),
        (13, "spalten.status.typ"),
        (17, "partner[1].art"),
        (19, "extra"),
    ]
    assert "doppelt vergeben" in found[0][2]
    assert "Erlaubt: text, liste, datum, vokabular, zahl" in found[1][2]


def test_new_column_needs_title_and_vocabulary(tmp_path: Path) -> None:
    write_config(tmp_path, MINIMAL_CONFIG + '\n[spalten.foerderprogramm]\ntyp = "vokabular"\n')
    messages = [m for _, _, m in problems_of(tmp_path)]
    assert any("Pflichtschlüssel „titel“" in m for m in messages)
    assert any("Vokabular „foerderprogramm“ ist nicht definiert" in m for m in messages)


def test_custom_column_and_vocabulary_are_added(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        MINIMAL_CONFIG
        + '\n[spalten.programm]\ntitel = "Förderprogramm"\ntyp = "vokabular"\n'
        + '\n[vokabulare.programm]\nwerte = ["EFRE", "GRW"]\nsynonyme = { "Regionalfonds" = "EFRE" }\n',
    )
    settings = load_settings(tmp_path)
    assert settings.columns[-1].title == "Förderprogramm"
    assert settings.vocabularies["programm"].normalise("regionalfonds") == "EFRE"


def test_duplicate_header_alias_is_refused(tmp_path: Path) -> None:
    write_config(tmp_path, MINIMAL_CONFIG + '\n[spalten.status]\naliase = ["Vorhaben"]\n')
    [(line, key, message)] = problems_of(tmp_path)
    assert key == "spalten.status" and line == 12
    assert "gehört schon zur Spalte „vorhaben“" in message


def test_missing_departments(tmp_path: Path) -> None:
    write_config(tmp_path, '[koerperschaft]\nname = "X"\n')
    [(_, key, message)] = problems_of(tmp_path)
    assert key == "geschaeftsbereich"
    assert "kein Geschäftsbereich" in message


def test_not_utf8(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "koopbericht.toml").write_bytes(MINIMAL_CONFIG.replace("Musterhausen", "Müll").encode("latin-1"))
    code, output = run(runner, "info", "-C", str(tmp_path))
    assert code == 2
    assert "nicht UTF-8" in output


def test_example_configuration_loads() -> None:
    from ..conftest import EXAMPLE

    settings = load_settings(EXAMPLE)
    assert len(settings.departments) == 6
    assert len(settings.partners) >= 40
    assert "Beteiligte Partner" in settings.column("partner").aliases


def test_contacts_and_several_files_per_geschaeftsbereich(minimal_project: Path) -> None:
    config = minimal_project / "koopbericht.toml"
    text = config.read_text(encoding="utf-8").replace(
        'name = "Zentrale Verwaltung"\n',
        'name = "Zentrale Verwaltung"\nmehrere_dateien = true\n'
        'kontakt = [{ name = "Jana Beispiel", email = "j.beispiel@example.org" }, { email = "gb1@example.org" }]\n',
    )
    config.write_text(text, encoding="utf-8")
    first, second = load_settings(minimal_project).departments
    assert [c.address() for c in first.contacts] == ["Jana Beispiel <j.beispiel@example.org>", "gb1@example.org"]
    assert first.several_files and not second.several_files and second.contacts == ()


def test_a_contact_needs_a_real_e_mail_address(minimal_project: Path) -> None:
    config = minimal_project / "koopbericht.toml"
    text = config.read_text(encoding="utf-8").replace(
        'name = "Bauen und Umwelt"\n',
        'name = "Bauen und Umwelt"\n\n[[geschaeftsbereich.kontakt]]\nname = "Max"\nemail = "max at example"\n',
    )
    config.write_text(text, encoding="utf-8")
    assert problems_of(minimal_project) == [
        (
            14,  # the line of the address, inside the second Geschäftsbereich's [[geschaeftsbereich.kontakt]]
            "geschaeftsbereich[2].kontakt[1].email",
            "„max at example“ ist keine E-Mail-Adresse (erwartet z. B. name@stadt.example).",
        )
    ]
