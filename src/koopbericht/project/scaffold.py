"""What a new working folder starts with: commented settings, a starter text, their placeholders.

`actions/init.py` writes these files; `build` recognises the placeholders left in them
(an untouched starter text, a placeholder Vorlage number) and marks the Vorlage as draft.
The TOML is produced with tomli-w, section by section, so every value is quoted and
escaped correctly; the comments that explain each section are put between them.
"""

from __future__ import annotations

import datetime as dt
import re

import tomli_w

_CONFIG_INTRO = """\
# koopbericht – Einstellungen, die über die Jahre gleich bleiben.
#
# Mindestens nötig sind die Körperschaft und ihre Geschäftsbereiche. Spalten des
# Meldebogens, Vokabulare (Status, Handlungsfeld, Kooperationsform) und Ausgabe-
# optionen sind vorbelegt und können unten ergänzt oder überschrieben werden.
# Alle Schlüssel beschreibt das Handbuch in docs/einstellungen.md.
"""

_DEPARTMENTS_INTRO = """\
# Geschäftsbereiche: Kürzel, Name und die Dateinamen ihrer Meldebögen im Ordner
# JAHR/meldungen/ (Muster mit * und ?, Groß-/Kleinschreibung egal).
"""

_OPTIONAL_INTRO = """\
# ---------------------------------------------------------------------------
# Optional. Entfernen Sie das # am Zeilenanfang, um einen Abschnitt zu nutzen.
#
# Partnerverzeichnis: einheitliche Namen der Kooperationspartner. Abweichende
# Schreibweisen (aliase) werden beim Prüfen stillschweigend vereinheitlicht.
"""

_OPTIONAL_COLUMNS_INTRO = """\
#
# Spalten: weitere Überschriften, die als dieselbe Spalte gelten, oder eigene Spalten.
# typ: text, liste, datum, vokabular oder zahl; oeffentlich = false für interne Spalten.
"""

_OPTIONAL_VOCABULARY_INTRO = """\
#
# Vokabulare: erlaubte Werte und Synonyme, die auf einen erlaubten Wert verweisen.
"""

_OPTIONAL_OUTPUT_INTRO = """\
#
# Ausgabe: Dateinamen ({jahr} = Berichtsjahr), Word-Vorlage, Spalten der Anlage.
"""

_YEAR_INTRO = """\
# Angaben zur Mitteilungsvorlage des Berichtsjahres {year}.
# Bitte Vorlagen-Nummer, Daten der Beratungsfolge und die Frist anpassen.
"""

# The sentence of the starter text that marks it as a placeholder (see `is_starter_text`).
STARTER_MARK = "Dieser Abschnitt ist ein Platzhalter."
# "26/SVV/0000": the year of the Vorlage, the series of the number given, and a serial of zeros.
_PLACEHOLDER_NUMBER = re.compile(r"\d{2}/[^/\s]+/0000")
_NUMBER_SERIES = re.compile(r"\d{2}/([^/\s]+)/\d+")

STARTER_TEXT = """\
# Bericht zur interkommunalen Zusammenarbeit {year}

Dieser Abschnitt ist ein Platzhalter. Ersetzen Sie ihn durch den Bericht.
Im Berichtsjahr wurden {{{{ anzahl_aktivitaeten }}}} Vorhaben mit
{{{{ anzahl_partner }}}} Kooperationspartnern gemeldet.
"""


def is_starter_text(text: str) -> bool:
    """Whether a text/*.md still holds the placeholder paragraph `init` writes."""
    return STARTER_MARK in " ".join(text.split())


def is_placeholder_number(number: str) -> bool:
    """Whether a Vorlage number is a placeholder `init` or `jahr` writes ("26/SVV/0000")."""
    return _PLACEHOLDER_NUMBER.fullmatch(number.strip()) is not None


def placeholder_number(year: int, like: str = "") -> str:
    """The placeholder Vorlage number for report year `year`: "25/SVV/0000" (the Vorlage goes out next year).

    The series ("SVV") is taken from `like`, a number of the same city, when it has that shape.
    """
    series = _NUMBER_SERIES.fullmatch(like.strip())
    return f"{(year + 1) % 100:02d}/{series.group(1) if series else 'SVV'}/0000"


def _commented(text: str) -> str:
    return "".join(f"# {line}\n" if line else "#\n" for line in text.splitlines())


def config_text(name: str, short_name: str) -> str:
    """The commented koopbericht.toml for a new working folder."""
    authority = tomli_w.dumps({"koerperschaft": {"name": name, "kurzname": short_name}})
    departments = tomli_w.dumps(
        {
            # The contacts are placeholders to replace: `erinnerung` writes its drafts to them.
            "geschaeftsbereich": [
                {
                    "kuerzel": code,
                    "name": name,
                    "dateien": [f"{code}*.xlsx"],
                    "kontakt": [{"name": "Vorname Name", "email": f"{code.lower()}@example.org"}],
                }
                for code, name in _EXAMPLE_DEPARTMENTS
            ]
        }
    )
    partners = tomli_w.dumps(
        {"partner": [{"name": "Landkreis Beispielkreis", "aliase": ["LK Beispielkreis"], "art": "Landkreis"}]}
    )
    columns = tomli_w.dumps({"spalten": {"status": {"aliase": ["Stand", "Umsetzungsstand"]}}})
    vocabulary = tomli_w.dumps({"vokabulare": {"status": {"synonyme": {"in Abstimmung": "geplant"}}}})
    output = tomli_w.dumps(
        {"ausgabe": {"word_vorlage": "vorlage.dotx", "anlage_spalten": ["Nr.", "Vorhaben", "Status"]}}
    )
    return "\n".join(
        [
            _CONFIG_INTRO + authority,
            _DEPARTMENTS_INTRO + departments,
            _OPTIONAL_INTRO
            + _commented(partners)
            + _OPTIONAL_COLUMNS_INTRO
            + _commented(columns)
            + _OPTIONAL_VOCABULARY_INTRO
            + _commented(vocabulary)
            + _OPTIONAL_OUTPUT_INTRO
            + _commented(output),
        ]
    )


_EXAMPLE_DEPARTMENTS = (
    ("GB1", "Zentrale Verwaltung"),
    ("GB2", "Bildung, Kultur, Jugend und Sport"),
    ("GB3", "Stadtentwicklung, Bauen und Umwelt"),
)


def year_text(year: int, name: str) -> str:
    """The commented vorlage.toml for report year `year` (its Vorlage goes out next year)."""
    next_year = year + 1
    data = {
        "grunddaten": {
            "nummer": placeholder_number(year),
            "betreff": f"Kooperationsbericht der interkommunalen Zusammenarbeit {year}",
            "status": "öffentlich",
            "vorlageart": "Mitteilungsvorlage",
            "federfuehrend": "Büro des Oberbürgermeisters",
            "einreicher": "Oberbürgermeister",
        },
        "erlaeuterung": {
            "text": f"Der Oberbürgermeister berichtet über die interkommunale Zusammenarbeit der {name} "
            f"im Jahr {year}. Die Vorhaben der Geschäftsbereiche sind in der Anlage tabellarisch aufgeführt.",
        },
        "meldung": {
            "frist": dt.date(next_year, 3, 31),
            "ansprechpartner": "Büro des Oberbürgermeisters, kooperation@example.org",
            "email": "kooperation@example.org",  # the sender of the reminders (`erinnerung`)
        },
        "beratungsfolge": [
            {
                "gremium": "Hauptausschuss",
                "datum": dt.date(next_year, 11, 13),
                "beschluss": "zur Kenntnis",
                "status": "geplant",
                "rolle": "Kenntnisnahme",
                "federfuehrend": True,
            }
        ],
    }
    return _YEAR_INTRO.format(year=year) + tomli_w.dumps(data)
