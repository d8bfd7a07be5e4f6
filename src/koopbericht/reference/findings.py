"""docs/befunde.md: the findings catalogue, one entry per code, generated from findings/catalogue.py.

Like frictionless's errors reference: each code with its severity, what it means, an example,
what an error leaves out of the Vorlage, and the text the Geschäftsbereich receives about it
(in a marked copy or a reminder), so the page can never disagree with what koopbericht does.
"""

from __future__ import annotations

from ..findings import CATALOGUE, Finding, FindingType, Scope, Severity
from ..findings.advice import department_text

SEVERITY = {Severity.ERROR: "Fehler", Severity.WARNING: "Warnung", Severity.INFO: "Hinweis"}
LEAVES_OUT = {
    Scope.FILE: "alle Zeilen der Datei",
    Scope.COLUMN: "alle Zeilen der Datei (nie wird eine Spalte still leer veröffentlicht)",
    Scope.ROW: "die Zeile des Vorhabens",
    Scope.CELL: "die Zeile des Vorhabens",
    Scope.YEAR: "keine Zeilen; der Geschäftsbereich gilt als „keine Meldung“",
}
SAMPLE_FILE = "2023/meldungen/GB1_Meldebogen_2023.xlsx"

INTRO = """\
# Befunde der Prüfung

Diese Seite wird aus koopbericht selbst erzeugt (`python -m koopbericht.reference`, aus
`findings/catalogue.py`) und nennt jeden Befund, den `koopbericht validate` melden kann.

Jeder Befund hat einen festen Code, eine Art (**Fehler**, **Warnung** oder **Hinweis**), die
Datei (relativ zum Arbeitsordner), Blatt, Zelle, Zeile, Spalte, den gefundenen Wert, eine
Meldung und – wo möglich – einen Vorschlag. **Fehler** verhindern den Bau der Vorlage; mit
`build --trotz-fehlern` entsteht sie ohne das, was der Fehler betrifft. **Warnungen** verhindern
ihn nicht (nur `validate --strict` endet bei ihnen mit Code 1). **Hinweise**, etwa stille
Vereinheitlichungen, zeigt erst `validate --verbose`. Was ein Fehler weglässt, folgt aus
seinem Geltungsbereich („Folge“ bei jedem Befund).

`koopbericht validate 2023 --format json` gibt jeden Befund in dieser Form aus:

```json
{"findings": [{"code": "partner-unbekannt", "severity": "warning",
               "file": "2023/meldungen/GB4_Meldebogen_2023.xlsx", "sheet": "Meldebogen",
               "cell": "D5", "row": 5, "column": "Kooperationspartner", "value": "Schwielow-See",
               "message": "„Schwielow-See“ steht nicht im Partnerverzeichnis. …",
               "suggestion": "Gemeinde Schwielowsee", "activity_nr": "GB4-004",
               "activity_title": "Radschnellverbindungen Südwest", "accepted": null}],
 "summary": {"errors": 0, "warnings": 1, "infos": 0, "files": 1, "activities": 9, "accepted": 0}}
```

Der „Hinweis an den Geschäftsbereich“ ist der Text, den der Geschäftsbereich in der markierten
Kopie (`validate --annotate`) und in der Erinnerung (`erinnerung`) liest – ohne Codes und
Einstellungen. Dort steht er mit der betroffenen Spalte, dem Wert und dem Vorschlag; hier in
seiner allgemeinen Form.
"""


def findings_page() -> str:
    """The Markdown of docs/befunde.md."""
    overview = ["## Übersicht\n", "| Code | Art | Bedeutung |", "| --- | --- | --- |"]
    overview += [f"| `{kind.code}` | {SEVERITY[kind.severity]} | {kind.title} |" for kind in CATALOGUE]
    entries = [_entry(kind) for kind in CATALOGUE]
    return "\n".join([INTRO, "\n".join(overview) + "\n", "## Die Befunde im Einzelnen\n", *entries])


def _entry(kind: FindingType) -> str:
    sample = Finding(kind.code, kind.severity, SAMPLE_FILE, kind.title, scope=kind.scope)
    if kind.severity is Severity.ERROR:
        effect = f"verhindert den Bau; mit `build --trotz-fehlern` fehlen {LEAVES_OUT[kind.scope]}"
    elif kind.severity is Severity.WARNING:
        effect = "verhindert den Bau nicht; `validate --strict` endet mit Code 1"
    else:
        effect = "keine; zu sehen mit `validate --verbose`"
    return (
        f"### `{kind.code}`\n\n"
        f"**{SEVERITY[kind.severity]}:** {kind.title}.\n\n"
        f"- Beispiel: {kind.example}\n"
        f"- Folge: {effect}\n"
        f"- Hinweis an den Geschäftsbereich: „{department_text(sample, with_suggestion=False)}“\n"
    )
