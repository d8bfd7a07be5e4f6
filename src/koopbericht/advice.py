"""What a Geschäftsbereich is asked to do about a finding: the texts of annotated copies and reminders.

A finding's `message` speaks to the clerk (it may name koopbericht.toml or the partner
register the clerk keeps); the department that filled in the form gets the text here
instead: what is wrong in its form and what to do, in plain German, without codes or
settings. `ADVICE` holds one text per finding code of `findings.CATALOGUE` (a test
checks that every code has one); `department_text` fills in the finding's column and
value, and, given the settings, the allowed values of a list and the limits of a column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .config import Settings
from .findings import Finding, Severity
from .formatting import counted, german_number

SHOWN = 120  # characters of a value or suggestion quoted in a text; the rest is cut off with "…"
MAX_LISTED = 10  # allowed values named in a text; a longer list is left to the form's dropdown


@dataclass(frozen=True)
class Facts:
    """A finding's details as a department text uses them, each ready to be put into a sentence."""

    finding: Finding
    column: str  # „Status“, or "" when the finding names no column
    value: str  # „in Planng“, or ""
    allowed: tuple[str, ...] = ()  # the values of the column's list, when known
    max_length: int | None = None
    help: str = ""  # the column's input hint, as the template shows it

    @property
    def in_column(self) -> str:
        """The column after "in der Spalte" (" in der Spalte „Status“"), or ""."""
        return f" in der Spalte {self.column}" if self.column else ""

    @property
    def then_value(self) -> str:
        """The value after a noun (" „GB4-007“"), or ""."""
        return f" {self.value}" if self.value else ""


Advice = str | Callable[[Facts], str]
NOTHING_TO_DO = "Keine Änderung nötig."


def _choose(f: Facts) -> str:
    allowed = f.allowed
    if allowed and len(allowed) <= MAX_LISTED:
        quote = any(" " in a or "," in a for a in allowed)
        words = [f"„{a}“" if quote else a for a in allowed]
        listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} oder {words[-1]}"
        choice = f"Bitte einen Wert aus der Auswahlliste wählen: {listed}."
    elif f.column:
        choice = f"Bitte einen Wert aus der Auswahlliste der Spalte {f.column} wählen."
    else:
        choice = "Bitte einen Wert aus der Auswahlliste wählen."
    return f"{f.value or 'Der Wert'} ist{f.in_column} nicht vorgesehen. {choice}"


def _required(f: Facts) -> str:
    hint = re.sub(r"\s*\(Pflichtfeld\)", "", f.help).strip()  # the text says so already
    return f"{f.column or 'Diese Angabe'} ist eine Pflichtangabe. Bitte ausfüllen." + (
        f" Hinweis: {hint}" if hint else ""
    )


def _status(f: Facts) -> str:
    if f.finding.suggestion is None and f.value == "„abgeschlossen“":
        return "Das Vorhaben ist als „abgeschlossen“ gemeldet, aber ohne Ende. Bitte das Ende eintragen."
    return f"Der Status{f.then_value} passt nicht zu Beginn und Ende. Bitte Status und Daten prüfen."


def _too_long(f: Facts) -> str:
    limit = f" auf höchstens {german_number(f.max_length)} Zeichen" if f.max_length else ""
    return f"Der Text ist zu lang für die Tabelle des Berichts. Bitte{limit} kürzen."


ADVICE: dict[str, Advice] = {
    "datei-beschaedigt": "Die Datei lässt sich nicht öffnen: sie ist beschädigt oder leer. Bitte den Meldebogen in "
    "Excel oder LibreOffice öffnen, als Excel-Arbeitsmappe (.xlsx) speichern und erneut senden.",
    "datei-verschluesselt": "Die Datei ist mit einem Kennwort geschützt und lässt sich daher nicht lesen. Bitte den "
    "Kennwortschutz entfernen und die Datei erneut senden.",
    "datei-format": "Die Datei ist kein lesbarer Meldebogen. Bitte den versandten Meldebogen ausfüllen, als "
    "Excel-Arbeitsmappe (.xlsx) speichern und erneut senden.",
    "datei-zu-gross": "Die Datei ist zu groß, um gelesen zu werden. Bitte Bilder und nicht benötigte Blätter "
    "entfernen und die Datei erneut senden.",
    "datei-verknuepfung": "Die Datei ließ sich nicht lesen. Bitte den Meldebogen als Datei (nicht als Verknüpfung) "
    "erneut senden.",
    "kopfzeile-fehlt": "Die Zeile mit den Spaltenüberschriften (etwa „Vorhaben“ und „Status“) wurde nicht gefunden. "
    "Bitte die Überschriften des versandten Meldebogens unverändert lassen.",
    "spalte-fehlt": lambda f: (
        f"Die Spalte {f.column or 'einer Pflichtangabe'} fehlt. Bitte die Spalte mit dieser "
        "Überschrift wieder einfügen und ausfüllen."
    ),
    "spalte-unbekannt": lambda f: (
        f"Die Spalte {f.value or 'ohne bekannte Überschrift'} gehört nicht zum Meldebogen; "
        "ihr Inhalt wird nicht übernommen. Gehören die Angaben in den Bericht, bitte in die passende Spalte übertragen."
    ),
    "spalte-doppelt": lambda f: (
        f"Die Spalte {f.column or 'mit dieser Überschrift'} kommt mehrfach vor. Bitte nur eine dieser Spalten "
        "behalten und die übrigen entfernen."
    ),
    "datei-ohne-geschaeftsbereich": "Am Dateinamen ist nicht zu erkennen, von welchem Geschäftsbereich die Meldung "
    "kommt. Bitte den Dateinamen des versandten Meldebogens beibehalten.",
    "datei-mehrdeutig": "Der Dateiname passt zu mehreren Geschäftsbereichen. Bitte den Dateinamen des versandten "
    "Meldebogens beibehalten.",
    "geschaeftsbereich-doppelt": "Für Ihren Geschäftsbereich liegen zwei Meldebögen vor. Bitte mitteilen, welcher "
    "gilt, oder beide Meldungen in einem Meldebogen zusammenführen.",
    "meldebogen-fehlt": "Ihr Meldebogen liegt noch nicht vor. Bitte den ausgefüllten Meldebogen senden.",
    "wert-ausserhalb-tabelle": lambda f: (
        f"Hier steht {f.value or 'ein Wert'} außerhalb der Tabelle, in einer Spalte "
        "ohne Überschrift; er wird nicht übernommen. Gehört er zur Meldung, bitte in die passende Spalte übertragen, "
        "sonst löschen."
    ),
    "blatt-ausgeblendet": lambda f: (
        "Das ausgeblendete Blatt"
        + (f" „{f.finding.sheet}“" if f.finding.sheet else "")
        + " enthält Daten, die nicht übernommen werden. Gehören sie zur Meldung, bitte in die Tabelle des Meldebogens "
        "übertragen, sonst das Blatt löschen."
    ),
    "blatt-nicht-gelesen": lambda f: (
        "Das Blatt"
        + (f" „{f.finding.sheet}“" if f.finding.sheet else "")
        + " hat Spaltenüberschriften, wird aber nicht übernommen (warum, steht in der Meldung: etwa fehlen "
        "Pflichtspalten, oder sein Name weist es als Beispiel oder Blatt eines früheren Jahres aus). Gehören seine "
        "Angaben zur Meldung, bitte in die Tabelle des Meldebogens übertragen."
    ),
    "blatt-zusaetzlich": lambda f: (
        "Das Blatt"
        + (f" „{f.finding.sheet}“" if f.finding.sheet else "")
        + " hat dieselben Spaltenüberschriften wie der Meldebogen; seine Zeilen werden als weitere Vorhaben "
        "übernommen. Ist es ein Beispiel, eine Kopie des Vorjahrs oder ein Entwurf, bitte das Blatt löschen; sonst "
        "ist nichts zu tun."
    ),
    "blatt-wiederholt": lambda f: (
        "Das Blatt"
        + (f" „{f.finding.sheet}“" if f.finding.sheet else "")
        + f" wiederholt nur Zeilen eines anderen Blatts; sie werden einmal übernommen. {NOTHING_TO_DO}"
    ),
    "pflichtwert-fehlt": _required,
    "wert-nicht-erlaubt": _choose,
    "partner-unbekannt": lambda f: (
        f"{f.value or 'Dieser Partner'} ist uns als Kooperationspartner nicht bekannt. "
        "Bitte den Namen prüfen und vollständig schreiben, mehrere Partner durch Semikolon getrennt. Ist es ein neuer "
        "Partner, kann der Name so bleiben."
    ),
    "fehlerwert": lambda f: (
        f"Die Zelle zeigt {('den Fehlerwert ' + f.value) if f.value else 'einen Fehlerwert'} "
        "statt eines Werts. Bitte die Formel korrigieren oder den Wert direkt eintragen."
    ),
    "datum-unlesbar": lambda f: (
        f"{f.value or 'Der Eintrag'} ist kein lesbares Datum. Bitte ein Datum (01.03.2022), "
        "einen Monat (03/2022) oder ein Jahr (2022) eintragen."
    ),
    "zahl-unlesbar": lambda f: (
        f"{f.value or 'Der Eintrag'} ist keine Zahl. Bitte nur die Zahl eintragen, ohne "
        "Einheit und Zusätze, z. B. 12500,50."
    ),
    "ende-vor-beginn": "Das Ende liegt vor dem Beginn. Bitte beide Daten prüfen.",
    "status-widerspricht-datum": _status,
    "ausserhalb-berichtsjahr": "Das Vorhaben liegt nach Beginn und Ende ganz außerhalb des Berichtsjahres. Bitte "
    "prüfen, ob es in diesen Bericht gehört, und die Zeile sonst löschen.",
    "nr-doppelt": lambda f: (
        f"Die Nr.{f.then_value} ist mehrfach vergeben. Jede Nr. darf nur einmal vorkommen; ein "
        "neues Vorhaben bleibt ohne Nr."
    ),
    "vorhaben-doppelt": "Ein Vorhaben mit gleichem Titel und gleichen Partnern ist schon gemeldet, in diesem oder "
    "einem anderen Meldebogen. Bitte jedes Vorhaben nur einmal melden, beim federführenden Geschäftsbereich.",
    "formel-ohne-wert": "Die Zelle enthält eine Formel ohne berechneten Wert. Bitte die Datei in Excel oder "
    "LibreOffice öffnen und speichern oder den Wert direkt eintragen.",
    "zellen-verbunden": "Die Zellen sind verbunden, über mehrere Zeilen; gelesen wird nur die erste Zeile. Bitte die "
    "Verbindung aufheben und den Wert in jede Zeile eintragen.",
    "zellen-verbunden-spalten": lambda f: (
        "Die Zellen sind über mehrere Spalten verbunden; der Wert wird nur in die erste Spalte"
        + (f" ({f.column})" if f.column else "")
        + " übernommen, die übrigen bleiben leer. Bitte die Verbindung aufheben und jeden Wert in seine Spalte "
        "eintragen."
    ),
    "zeile-ausgeblendet": "Die Zeile ist ausgeblendet, enthält aber Daten, die in den Bericht übernommen werden. "
    "Bitte einblenden und prüfen, ob sie in den Bericht gehört; sonst löschen.",
    "text-zu-lang": _too_long,
    "zeichen-entfernt": "Der Text enthielt unsichtbare Steuerzeichen, etwa aus einer kopierten Vorlage; sie wurden "
    "entfernt. Bitte den Text prüfen.",
    "sachstand-unveraendert": "Der Sachstand ist wörtlich derselbe wie im Vorjahr. Bitte den aktuellen Stand "
    "eintragen: Was ist im Berichtsjahr geschehen?",
    "normalisiert-text": f"Leerzeichen oder Zeichenkodierung wurden vereinheitlicht. {NOTHING_TO_DO}",
    "normalisiert-synonym": f"Der Wert wurde als Wert der Auswahlliste übernommen. {NOTHING_TO_DO}",
    "normalisiert-partner": f"Der Partnername wurde in der üblichen Schreibweise übernommen. {NOTHING_TO_DO}",
    "normalisiert-datum": f"Das Datum wurde aus dem Text gelesen. {NOTHING_TO_DO}",
    "kopfzeile-mehrzeilig": "Die Spaltenüberschriften stehen in mehreren Zeilen; alle diese Zeilen werden als "
    f"Kopfzeile gelesen, nicht als Vorhaben. {NOTHING_TO_DO}",
    "tabellenfuss": "Unter der Tabelle stehen Fußnoten, Quellenangaben oder eine Legende; sie werden nicht als "
    "Vorhaben gelesen. Gehört eine dieser Zeilen als Vorhaben in den Bericht, bitte ihre Angaben in die Spalten der "
    "Tabelle eintragen, mindestens das Vorhaben.",
    "nr-vergeben": "Das Vorhaben hat keine Nr. Ist es neu, ist das richtig; setzt es ein Vorhaben des Vorjahres fort, "
    "bitte dessen Nr. eintragen.",
}

# How a finding's suggestion is offered, where "Vorschlag: „…“." would not read well.
SUGGESTIONS: dict[str, str] = {
    "wert-nicht-erlaubt": "Gemeint ist wohl „{}“.",
    "partner-unbekannt": "Gemeint ist wohl „{}“.",
    "spalte-fehlt": "Ist die Spalte „{}“ gemeint, bitte ihre Überschrift ändern.",
    "spalte-unbekannt": "Ist „{}“ gemeint, bitte die Überschrift so schreiben.",
    "status-widerspricht-datum": "Vorschlag: Status „{}“.",
    "zeichen-entfernt": "Übernommen wird: „{}“.",
    "normalisiert-synonym": "Übernommen als „{}“.",
    "normalisiert-partner": "Übernommen als „{}“.",
    "normalisiert-datum": "Gelesen als {}.",
    "nr-vergeben": "Vorläufig geführt als {}.",
}


def department_text(finding: Finding, settings: Settings | None = None, *, with_suggestion: bool = True) -> str:
    """What the department is asked to do about `finding`, in plain German, with its suggestion if any.

    `settings` add the allowed values of a list and the limits of a column; without them the
    text refers to the form's dropdown instead. Never names a code, a setting or a file of the clerk.
    """
    advice = ADVICE[finding.code]
    text = advice if isinstance(advice, str) else advice(_facts(finding, settings))
    if with_suggestion and finding.suggestion:
        text += " " + suggestion_text(finding)
    return text


def suggestion_text(finding: Finding) -> str:
    """The finding's suggestion as a sentence ("Gemeint ist wohl „geplant“."); "" without one."""
    if not finding.suggestion:
        return ""
    return SUGGESTIONS.get(finding.code, "Vorschlag: „{}“.").format(_cut(finding.suggestion))


def severity_counts(findings: Iterable[Finding]) -> str:
    """What `findings` count, in the right number: "1 Fehler und 2 Warnungen", "1 Warnung", "3 Fehler"."""
    severities = [f.severity for f in findings]
    return counts_text(severities.count(Severity.ERROR), severities.count(Severity.WARNING))


def counts_text(errors: int, warnings: int) -> str:
    """The counts in the right number: "1 Fehler und 2 Warnungen", "3 Fehler", "1 Warnung", "0 Warnungen"."""
    parts = [counted(errors, "Fehler", "Fehler")] if errors else []
    parts += [counted(warnings, "Warnung", "Warnungen")] if warnings or not errors else []
    return " und ".join(parts)


def _facts(finding: Finding, settings: Settings | None) -> Facts:
    value = "" if finding.value in (None, "") else f"„{_cut(str(finding.value))}“"
    column = f"„{finding.column}“" if finding.column else ""
    facts = Facts(finding, column, value)
    if settings is None or not finding.column:
        return facts
    for candidate in settings.columns:
        if candidate.title.casefold() == finding.column.casefold():
            vocabulary = settings.vocabularies.get(candidate.vocabulary or "")
            allowed = vocabulary.values if vocabulary else ()
            return Facts(finding, column, value, allowed, candidate.max_length, candidate.help)
    return facts


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1].rstrip() + "…"
