"""docs/einstellungen.md: koopbericht.toml and JAHR/vorlage.toml, with the defaults read from config/defaults.py.

The keys and their meaning are written here; the default columns, vocabularies, partner kinds,
file names and Anlage columns are generated, so the page shows what koopbericht really assumes.
"""

from __future__ import annotations

from ..config.defaults import DEFAULT_COLUMNS, DEFAULT_OUTPUT, DEFAULT_VOCABULARIES, PARTNER_KINDS
from ..config.model import Column

INTRO = """\
# Einstellungen

Ein Arbeitsordner hat zwei Arten von Einstellungen: `koopbericht.toml` gilt über die Jahre,
`JAHR/vorlage.toml` für die Vorlage eines Berichtsjahres. Beide sind TOML-Dateien: Text in
Anführungszeichen, Zahlen und Wahrheitswerte (`true`, `false`) ohne, Daten als `2024-03-29`
ohne Anführungszeichen. Jeder Fehler in einer Datei (Syntax, unbekannter Schlüssel, falscher
Typ, Synonym ohne Ziel, ein Datum als `29.03.2024`) wird mit Datei, Zeile und Schlüssel
gemeldet; der Befehl bricht dann mit Code 2 ab, bevor er irgendetwas schreibt.
`koopbericht info` zeigt die wirksamen Einstellungen mit allen Vorgaben.

Diese Seite wird erzeugt (`python -m koopbericht.reference`); die Tabellen der Vorgaben kommen
aus koopbericht selbst.

## `koopbericht.toml`

Mindestens nötig sind die Körperschaft und ihre Geschäftsbereiche:

```toml
[koerperschaft]
name = "Landeshauptstadt Potsdam"
kurzname = "LHP"

[[geschaeftsbereich]]
kuerzel = "GB1"
name = "Zentrale Steuerung, Finanzen und Digitalisierung"
dateien = ["GB1_*.xlsx"]     # Dateinamen in JAHR/meldungen/; Vorgabe: "KÜRZEL*.xlsx"
kontakt = [{{ name = "Jana Beispiel", email = "j.beispiel@example.org" }}]
```

Alles andere ist vorbelegt und kann ergänzt oder überschrieben werden.

| Abschnitt / Schlüssel | Bedeutung | Vorgabe |
| --- | --- | --- |
| `[koerperschaft]` `name`, `kurzname` | Name der Körperschaft (Pflicht) und Kurzform | `kurzname` = `name` |
| `[[geschaeftsbereich]]` `kuerzel`, `name`, `dateien` | je Geschäftsbereich: Kürzel, Name, Dateimuster (`*`, `?`) seiner Meldebögen; ein Muster gilt für den Namen ohne Endung, auch für .ods und .xlsb | `dateien = ["KÜRZEL*.xlsx"]` |
| `[[geschaeftsbereich]]` `kontakt` | Ansprechpersonen, je mit `email` (Pflicht) und `name`; Empfänger der Erinnerungen | keine |
| `[[geschaeftsbereich]]` `mehrere_dateien` | `true`: der Geschäftsbereich darf mehrere Meldebögen abgeben (etwa einen je Fachbereich); die Nr. muss über alle eindeutig sein | `false` |
| `[spalten.SCHLÜSSEL]` `titel`, `aliase`, `typ`, `pflicht`, `oeffentlich`, `vokabular`, `max_laenge`, `breite`, `hilfe` | Spalten des Meldebogens: Überschrift, weitere Überschriften mit gleicher Bedeutung (ergänzen die vorgegebenen), Typ (`text`, `liste`, `datum`, `vokabular`, `zahl`), Pflichtspalte, veröffentlicht oder intern, Vokabular, Höchstlänge in Zeichen, Spaltenbreite, Ausfüllhinweis | siehe „Vorgegebene Spalten“ |
| `[vokabulare.NAME]` `werte`, `synonyme` | erlaubte Werte und Synonyme (`"in Arbeit" = "laufend"`); eigene Synonyme ergänzen die vorgegebenen | siehe „Vorgegebene Vokabulare“ |
| `[[partner]]` `name`, `aliase`, `art` | Partnerverzeichnis: einheitlicher Name, abweichende Schreibweisen, Art | leer |
| `[ausgabe]` `ordner` | Ordner für alle Ausgaben, im Arbeitsordner | `"{folder}"` |
| `[ausgabe]` `vorlage_datei`, `anlage_dokument_datei`, `anlage_datei`, `oparl_datei` | Dateinamen, `{{jahr}}` = Berichtsjahr | {files} |
| `[ausgabe]` `anlage_in_vorlage` | die Anlage 1 zusätzlich im Querformat am Ende der Vorlage | `false` |
| `[ausgabe]` `word_vorlage` | Hausvorlage (`.docx`/`.dotx`) für Formatvorlagen, Seite, Kopf- und Fußzeile, relativ zum Arbeitsordner (siehe [Vorlagen und Hausstil](vorlagen.md)) | keine |
| `[ausgabe]` `anlage_spalten` | Spalten der Anlage (Schlüssel oder Überschrift, dazu `Laufzeit` für Beginn und Ende in einer Spalte); interne Spalten sind nicht erlaubt | {annex} |
| `[oparl]` `basis_url`, `koerperschaft_url`, `lizenz`, `datei_lizenz`; `[oparl.organisationen]` | Adressen für den OParl-Export; ohne `basis_url` oder `koerperschaft_url` kein Export (siehe [PDF und OParl](pdf-und-oparl.md)) | keine |

Arten im Partnerverzeichnis: {kinds}.
"""

YEAR = """\
## `JAHR/vorlage.toml`

```toml
[grunddaten]
nummer = "24/SVV/1155"
betreff = "5. Kooperationsbericht der interkommunalen Zusammenarbeit"
status = "öffentlich"                # Vorgabe
vorlageart = "Mitteilungsvorlage"    # Vorgabe
federfuehrend = "Büro des Oberbürgermeisters"
einreicher = "Oberbürgermeister, Büro des Oberbürgermeisters"
datum = 2024-10-22                   # optional: Datum der Vorlage
web = "https://ris.example.org/vo0050?vonr=1155"   # optional: die Vorlage im Ratsinformationssystem

[erlaeuterung]
text = "Der Oberbürgermeister legt den Bericht … vor."   # Absätze durch Leerzeilen trennen

[meldung]
frist = 2024-03-29                   # Rücklauffrist der Meldebögen
ansprechpartner = "Büro des Oberbürgermeisters, kooperation@example.org"
email = "kooperation@example.org"    # optional: Absender der Erinnerungen
telefon = "0331 000000"              # optional: für Rückfragen

[[beratungsfolge]]                   # je Gremium ein Abschnitt
gremium = "Hauptausschuss"
datum = 2024-11-13
beschluss = "zur Kenntnis"           # Vorgabe
status = "Erledigt"                  # Vorgabe: "geplant"
rolle = "Kenntnisnahme"              # Vorgabe; "Entscheidung"/"Beschlussfassung": hier wird beschlossen
federfuehrend = true                 # Vorgabe: false
sitzung_url = "https://ris.example.org/oparl/v1/meeting/417"   # optional, nur wenn schon veröffentlicht
```

**Die Vorlagen-Nummer.** `koopbericht init` und `koopbericht jahr` tragen eine
Platzhalter-Nummer ein, deren laufende Nummer aus Nullen besteht (für das Berichtsjahr 2024:
`25/SVV/0000`). Solange sie dort steht, gilt die Vorlage als Entwurf; tragen Sie die Nummer
ein, sobald das Ratsinformationssystem sie vergeben hat.

**Frist und Ansprechpartner** unter `[meldung]` stehen in der Anleitung jedes Meldebogens,
den `koopbericht template` schreibt. Wer sie ändert, ruft `koopbericht template JAHR` erneut
auf, sonst nennen die Meldebögen noch die alte Frist.
"""


def settings_page() -> str:
    """The Markdown of docs/einstellungen.md."""
    output = DEFAULT_OUTPUT
    files = ", ".join(
        f"`{name}`" for name in (output.vorlage_file, output.annex_document_file, output.annex_file, output.oparl_file)
    )
    intro = INTRO.format(
        folder=output.folder,
        files=files,
        annex=", ".join(_titles().get(key, key.capitalize()) for key in output.annex_columns),
        kinds=", ".join(f"`{kind}`" for kind in PARTNER_KINDS),
    )
    return "\n".join([intro, _columns(), _vocabularies(), YEAR])


def _titles() -> dict[str, str]:
    return {column.key: column.title for column in DEFAULT_COLUMNS}


def _columns() -> str:
    rows = [
        "## Vorgegebene Spalten des Meldebogens\n",
        "| Schlüssel | Überschrift | Typ | Pflicht | veröffentlicht | auch erkannt als | Ausfüllhinweis |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows += [_column_row(column) for column in DEFAULT_COLUMNS]
    rows.append(
        "\n**Interne Spalten** (veröffentlicht: nein) erscheinen in keiner veröffentlichten Datei – weder in "
        "der Vorlage noch in der Anlage noch im OParl-Export oder im Jahresvergleich. Überschriften werden "
        "ohne Rücksicht auf Groß-/Kleinschreibung, Leerzeichen, `*` und `:` erkannt."
    )
    return "\n".join(rows) + "\n"


def _column_row(column: Column) -> str:
    kind = column.type.value + (f" (`{column.vocabulary}`)" if column.vocabulary else "")
    aliases = ", ".join(column.aliases)
    cells = (
        f"`{column.key}`",
        column.title,
        kind,
        "ja" if column.required else "",
        "ja" if column.public else "**nein**",
    )
    return "| " + " | ".join((*cells, aliases, column.help)) + " |"


def _vocabularies() -> str:
    parts = ["## Vorgegebene Vokabulare\n"]
    for name, vocabulary in DEFAULT_VOCABULARIES.items():
        parts.append(f"**`{name}`**: " + "; ".join(vocabulary.values) + ".")
        if vocabulary.synonyms:
            synonyms = "; ".join(f"„{synonym}“ → „{value}“" for synonym, value in vocabulary.synonyms.items())
            parts.append(f"Synonyme: {synonyms}.")
        parts.append("")
    return "\n".join(parts)
