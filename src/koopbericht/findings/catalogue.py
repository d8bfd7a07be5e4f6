"""The finding catalogue: one record per code, from the clerk's title to the department's advice.

Each kind of finding is a `FindingType` in `CATALOGUE`, with a stable kebab-case code, a
severity, a German title, an example, what an error leaves out (`scope`) and the text a
Geschäftsbereich reads about it (`advice`, in an annotated copy or a reminder: without codes
or settings; `offer`: how its suggestion is offered). docs/befunde.md is generated from it.
"""

from __future__ import annotations

from .catalogue_mail import MAIL_CATALOGUE
from .facts import NOTHING_TO_DO, choose, ends_before_start, required, status_vs_dates, too_long
from .finding import Doubt, FindingType, Scope, Severity

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: note (info)
FILE, COLUMN, ROW, YEAR = Scope.FILE, Scope.COLUMN, Scope.ROW, Scope.YEAR

# One record per code, kept compact: code, severity, title, example, scope; then the advice.
# fmt: off
# File level
FILE_DAMAGED = FindingType(
    "datei-beschaedigt", E, "Datei beschädigt oder leer", "ZIP-Struktur kaputt, 0 Byte", scope=FILE,
    advice="Die Datei lässt sich nicht öffnen: sie ist beschädigt oder leer. Bitte den Meldebogen in "
    "Excel oder LibreOffice öffnen, als Excel-Arbeitsmappe (.xlsx) speichern und erneut senden.",
)
FILE_ENCRYPTED = FindingType(
    "datei-verschluesselt", E, "Datei mit Kennwort geschützt", "Öffnen-Kennwort gesetzt", scope=FILE,
    advice="Die Datei ist mit einem Kennwort geschützt und lässt sich daher nicht lesen. Bitte den "
    "Kennwortschutz entfernen und die Datei erneut senden.",
)
FILE_FORMAT = FindingType(
    "datei-format", E, "Kein lesbarer Meldebogen", ".xls, .fods oder CSV unter dem Namen .xlsx", scope=FILE,
    advice="Die Datei ist kein lesbarer Meldebogen. Bitte den versandten Meldebogen ausfüllen, als "
    "Excel-Arbeitsmappe (.xlsx) speichern und erneut senden.",
)
FILE_TOO_LARGE = FindingType(
    "datei-zu-gross", E, "Datei zu groß", "entpackt mehrere hundert MB", scope=FILE,
    advice="Die Datei ist zu groß, um gelesen zu werden. Bitte Bilder und nicht benötigte Blätter "
    "entfernen und die Datei erneut senden.",
)
FILE_LINK = FindingType(
    "datei-verknuepfung", E, "Verknüpfung aus dem Arbeitsordner hinaus",
    "meldungen/GB1.xlsx → /tmp/fremd.xlsx", scope=FILE,
    advice="Die Datei ließ sich nicht lesen. Bitte den Meldebogen als Datei (nicht als Verknüpfung) "
    "erneut senden.",
)
HEADER_MISSING = FindingType(
    "kopfzeile-fehlt", E, "Keine Kopfzeile gefunden", "kein Blatt nennt „Vorhaben“", scope=FILE,
    advice="Die Zeile mit den Spaltenüberschriften (etwa „Vorhaben“ und „Status“) wurde nicht gefunden. "
    "Bitte die Überschriften des versandten Meldebogens unverändert lassen.",
)
COLUMN_MISSING = FindingType(
    "spalte-fehlt", E, "Pflichtspalte fehlt", "Spalte „Beschreibung/Sachstand“ fehlt", scope=FILE,
    advice=lambda f: (
        f"Die Spalte {f.column or 'einer Pflichtangabe'} fehlt. Bitte die Spalte mit dieser "
        "Überschrift wieder einfügen und ausfüllen."
    ),
    offer="Ist die Spalte „{}“ gemeint, bitte ihre Überschrift ändern.",
)
COLUMN_UNKNOWN = FindingType(
    "spalte-unbekannt", W, "Unbekannte Spalte", "„Bemerkungen GB“ wird nicht gelesen", scope=COLUMN,
    advice=lambda f: (
        f"Die Spalte {f.value or 'ohne bekannte Überschrift'} gehört nicht zum Meldebogen; "
        "ihr Inhalt wird nicht übernommen. Gehören die Angaben in den Bericht, bitte in die passende Spalte übertragen."
    ),
    offer="Ist „{}“ gemeint, bitte die Überschrift so schreiben.",
)
COLUMN_DUPLICATE = FindingType(
    "spalte-doppelt", E, "Spalte doppelt", "zweimal „Status“ in Zeile 1", scope=COLUMN,
    advice=lambda f: (
        f"Die Spalte {f.column or 'mit dieser Überschrift'} kommt mehrfach vor. Bitte nur eine dieser Spalten "
        "behalten und die übrigen entfernen."
    ),
)
FILE_NO_DEPARTMENT = FindingType(
    "datei-ohne-geschaeftsbereich", E, "Datei keinem Geschäftsbereich zuzuordnen", "„Meldung_neu.xlsx“", scope=FILE,
    advice="Am Dateinamen ist nicht zu erkennen, von welchem Geschäftsbereich die Meldung "
    "kommt. Bitte den Dateinamen des versandten Meldebogens beibehalten.",
)
FILE_MANY_DEPARTMENTS = FindingType(
    "datei-mehrdeutig", E, "Datei passt zu mehreren Geschäftsbereichen",
    "„GB1_GB2.xlsx“ passt zu GB1* und *GB2*", scope=FILE,
    advice="Der Dateiname passt zu mehreren Geschäftsbereichen. Bitte den Dateinamen des versandten "
    "Meldebogens beibehalten.",
)
DEPARTMENT_TWICE = FindingType(
    "geschaeftsbereich-doppelt", E, "Zwei Meldebögen für einen Geschäftsbereich",
    "GB4_alt.xlsx und GB4_neu.xlsx", scope=FILE,
    advice="Für Ihren Geschäftsbereich liegen zwei Meldebögen vor. Bitte mitteilen, welcher "
    "gilt, oder beide Meldungen in einem Meldebogen zusammenführen.",
)
DEPARTMENT_MISSING = FindingType(
    "meldebogen-fehlt", W, "Meldebogen eines Geschäftsbereichs fehlt", "für GB3 liegt keine Datei vor", scope=YEAR,
    advice="Ihr Meldebogen liegt noch nicht vor. Bitte den ausgefüllten Meldebogen senden.",
)
VALUE_OUTSIDE = FindingType(
    "wert-ausserhalb-tabelle", W, "Wert außerhalb der Tabelle",
    "„x“ in Z1048576, rechts der letzten Spalte", scope=COLUMN,
    advice=lambda f: (
        f"Hier steht {f.value or 'ein Wert'} außerhalb der Tabelle, in einer Spalte "
        "ohne Überschrift; er wird nicht übernommen. Gehört er zur Meldung, bitte in die passende Spalte übertragen, "
        "sonst löschen."
    ),
)
SHEET_HIDDEN = FindingType(
    "blatt-ausgeblendet", W, "Ausgeblendetes Blatt mit Daten", "Blatt „Alt“ ist ausgeblendet", scope=FILE,
    advice=lambda f: (
        "Das ausgeblendete Blatt"
        + (f" „{f.finding.sheet}“" if f.finding.sheet else "")
        + " enthält Daten, die nicht übernommen werden. Gehören sie zur Meldung, bitte in die Tabelle des Meldebogens "
        "übertragen, sonst das Blatt löschen."
    ),
)
SHEET_NOT_READ = FindingType(
    "blatt-nicht-gelesen", W, "Blatt mit Kopfzeile nicht gelesen",
    "Blatt „Übersicht“ nennt nicht alle Pflichtspalten", scope=FILE,
    advice=lambda f: (
        "Das Blatt"
        + (f" „{f.finding.sheet}“" if f.finding.sheet else "")
        + " hat Spaltenüberschriften, wird aber nicht übernommen (warum, steht in der Meldung: etwa fehlen "
        "Pflichtspalten, oder sein Name weist es als Beispiel oder Blatt eines früheren Jahres aus). Gehören seine "
        "Angaben zur Meldung, bitte in die Tabelle des Meldebogens übertragen."
    ),
)
SHEET_EXTRA = FindingType(
    "blatt-zusaetzlich", W, "Weiteres Blatt mit Kopfzeile gelesen",
    "Blatt „Nachtrag“ zusätzlich zu „Meldebogen“: 3 Vorhaben", scope=FILE,
    advice=lambda f: (
        "Das Blatt"
        + (f" „{f.finding.sheet}“" if f.finding.sheet else "")
        + " hat dieselben Spaltenüberschriften wie der Meldebogen; seine Zeilen werden als weitere Vorhaben "
        "übernommen. Ist es ein Beispiel, eine Kopie des Vorjahrs oder ein Entwurf, bitte das Blatt löschen; sonst "
        "ist nichts zu tun."
    ),
)
SHEET_REPEATED = FindingType(
    "blatt-wiederholt", N, "Blatt wiederholt Zeilen eines anderen",
    "Blatt „Abschnitt 2“ steht ganz im Blatt „Alle“", scope=FILE,
    advice=lambda f: (
        "Das Blatt"
        + (f" „{f.finding.sheet}“" if f.finding.sheet else "")
        + f" wiederholt nur Zeilen eines anderen Blatts; sie werden einmal übernommen. {NOTHING_TO_DO}"
    ),
)
# Cell level
REQUIRED_MISSING = FindingType(
    "pflichtwert-fehlt", E, "Pflichtangabe fehlt", "Vorhaben leer in B7",
    advice=required,
    offer="Im Vorjahr stand hier „{}“.",
)
NOT_IN_VOCABULARY = FindingType(
    "wert-nicht-erlaubt", E, "Wert nicht in der Auswahlliste", "Status „in Planng“ → „geplant“",
    advice=choose,
    offer="Gemeint ist wohl „{}“.",
)
PARTNER_UNKNOWN = FindingType(
    "partner-unbekannt", W, "Partner nicht im Partnerverzeichnis", "„Schwielow-See“ → „Gemeinde Schwielowsee“",
    advice=lambda f: (
        f"{f.value or 'Dieser Partner'} ist uns als Kooperationspartner nicht bekannt. "
        "Bitte den Namen prüfen und vollständig schreiben, mehrere Partner durch Semikolon getrennt. Ist es ein neuer "
        "Partner, kann der Name so bleiben."
    ),
    offer="Gemeint ist wohl „{}“.",
    doubt=Doubt.WITH_SUGGESTION,
)
ERROR_VALUE = FindingType(
    "fehlerwert", E, "Fehlerwert statt eines Werts", "#NV (=NV()) in Kooperationspartner",
    advice=lambda f: (
        f"Die Zelle zeigt {('den Fehlerwert ' + f.value) if f.value else 'einen Fehlerwert'} "
        "statt eines Werts. Bitte die Formel korrigieren oder den Wert direkt eintragen."
    ),
)
DATE_UNREADABLE = FindingType(
    "datum-unlesbar", E, "Datum nicht lesbar", "„Frühjahr 2023“",
    advice=lambda f: (
        f"{f.value or 'Der Eintrag'} ist kein lesbares Datum. Bitte ein Datum (01.03.2022), "
        "einen Monat (03/2022) oder ein Jahr (2022) eintragen."
    ),
)
NUMBER_UNREADABLE = FindingType(
    "zahl-unlesbar", E, "Zahl nicht lesbar", "„ca. 12.000 €“ in einer Zahlenspalte",
    advice=lambda f: (
        f"{f.value or 'Der Eintrag'} ist keine Zahl. Bitte nur die Zahl eintragen, ohne "
        "Einheit und Zusätze, z. B. 12500,50."
    ),
)
END_BEFORE_START = FindingType(
    "ende-vor-beginn", E, "Ende vor Beginn", "Beginn 2023, Ende 03/2022", scope=ROW,
    advice=ends_before_start,
)
STATUS_VS_DATES = FindingType(
    "status-widerspricht-datum", W, "Status passt nicht zu den Daten", "„abgeschlossen“ ohne Ende", scope=ROW,
    advice=status_vs_dates,
    offer="Vorschlag: Status „{}“.",
    doubt=Doubt.ALWAYS,
)
OUTSIDE_YEAR = FindingType(
    "ausserhalb-berichtsjahr", W, "Vorhaben liegt ganz außerhalb des Berichtsjahres",
    "Ende 2021 im Bericht 2023", scope=ROW,
    advice="Laut Beginn und Ende liegt das Vorhaben ganz außerhalb des Berichtsjahres. Bitte "
    "prüfen, ob es in diesen Bericht gehört, und die Zeile sonst löschen.",
    doubt=Doubt.ALWAYS,
)
ID_DUPLICATE = FindingType(
    "nr-doppelt", E, "Nr. mehrfach vergeben", "GB4-007 in Zeile 5 und 9", scope=ROW,
    advice=lambda f: (
        f"Die Nr.{f.then_value} ist mehrfach vergeben. Jede Nr. darf nur einmal vorkommen; ein "
        "neues Vorhaben bleibt ohne Nr."
    ),
)
ACTIVITY_DUPLICATE = FindingType(
    "vorhaben-doppelt", W, "Vorhaben doppelt gemeldet", "gleicher Titel und gleiche Partner in GB2 und GB4", scope=ROW,
    advice="Ein Vorhaben mit gleichem Titel und gleichen Partnern ist schon gemeldet, in diesem oder "
    "einem anderen Meldebogen. Bitte jedes Vorhaben nur einmal melden, beim federführenden Geschäftsbereich.",
)
FORMULA_NO_VALUE = FindingType(
    "formel-ohne-wert", E, "Formel ohne berechneten Wert", "=A2&B2, von einem Programm geschrieben",
    advice="Die Zelle enthält eine Formel ohne berechneten Wert. Bitte die Datei in Excel oder "
    "LibreOffice öffnen und speichern oder den Wert direkt eintragen.",
)
MERGED_CELLS = FindingType(
    "zellen-verbunden", E, "Verbundene Zellen über mehrere Zeilen", "C5:C6 verbunden",
    advice="Die Zellen sind verbunden, über mehrere Zeilen; gelesen wird nur die erste Zeile. Bitte die "
    "Verbindung aufheben und den Wert in jede Zeile eintragen.",
)
MERGED_ACROSS = FindingType(
    "zellen-verbunden-spalten", W, "Verbundene Zellen über mehrere Spalten einer Zeile",
    "I5:J5 verbindet „Beschreibung/Sachstand“ und „Ergebnis/Ausblick“",
    advice=lambda f: (
        "Die Zellen sind über mehrere Spalten verbunden; der Wert wird nur in die erste Spalte"
        + (f" ({f.column})" if f.column else "")
        + " übernommen, die übrigen bleiben leer. Bitte die Verbindung aufheben und jeden Wert in seine Spalte "
        "eintragen."
    ),
)
ROW_HIDDEN = FindingType(
    "zeile-ausgeblendet", W, "Ausgeblendete Zeile mit Daten", "Zeile 12 ausgeblendet", scope=ROW,
    advice="Die Zeile ist ausgeblendet, enthält aber Daten, die in den Bericht übernommen werden. "
    "Bitte einblenden und prüfen, ob sie in den Bericht gehört; sonst löschen.",
)
TEXT_TOO_LONG = FindingType(
    "text-zu-lang", W, "Text zu lang für die Tabelle", "Beschreibung mit 3.500 Zeichen",
    advice=too_long,
)
BAD_CHARACTERS = FindingType(
    "zeichen-entfernt", W, "Unzulässige Steuerzeichen entfernt", "unsichtbares Zeichen U+0007 im Titel",
    advice="Der Text enthielt unsichtbare Steuerzeichen, etwa aus einer kopierten Vorlage; sie wurden "
    "entfernt. Bitte den Text prüfen.",
    offer="Übernommen wird: „{}“.",
)
DESCRIPTION_UNCHANGED = FindingType(
    "sachstand-unveraendert", W, "Sachstand unverändert aus dem Vorjahr",
    "Beschreibung und Status von GB1-003 wörtlich wie 2023", scope=ROW,
    advice="Der Sachstand ist wörtlich derselbe wie im Vorjahr. Bitte aktualisieren: Was ist im "
    "Berichtsjahr geschehen?",
)
# Silent normalisations, shown with --verbose
NORMALISED_TEXT = FindingType(
    "normalisiert-text", N, "Leerraum oder Unicode vereinheitlicht", "„Titel  “ → „Titel“",
    advice=f"Leerzeichen oder Zeichenkodierung wurden vereinheitlicht. {NOTHING_TO_DO}",
)
NORMALISED_SYNONYM = FindingType(
    "normalisiert-synonym", N, "Synonym ersetzt", "„in Arbeit“ → „laufend“",
    advice=f"Der Wert wurde als Wert der Auswahlliste übernommen. {NOTHING_TO_DO}",
    offer="Übernommen als „{}“.",
)
NORMALISED_PARTNER = FindingType(
    "normalisiert-partner", N, "Partnername vereinheitlicht", "„LK PM“ → „Landkreis …“",
    advice=f"Der Partnername wurde in der üblichen Schreibweise übernommen. {NOTHING_TO_DO}",
    offer="Übernommen als „{}“.",
)
NORMALISED_DATE = FindingType(
    "normalisiert-datum", N, "Datum aus Text gelesen", "„1.3.2022“ → 01.03.2022",
    advice=f"Das Datum wurde aus dem Text gelesen. {NOTHING_TO_DO}",
    offer="Gelesen als {}.",
)
HEADER_ROWS = FindingType(
    "kopfzeile-mehrzeilig", N, "Kopfzeile über mehrere Zeilen",
    "Zeile 4 (englische Überschriften) gehört zur Kopfzeile", scope=FILE,
    advice="Die Spaltenüberschriften stehen in mehreren Zeilen; alle diese Zeilen werden als "
    f"Kopfzeile gelesen, nicht als Vorhaben. {NOTHING_TO_DO}",
)
TABLE_FOOT = FindingType(
    "tabellenfuss", N, "Fußnoten, Quellen oder Legende unter der Tabelle",
    "Zeilen 30 bis 33: „¹ Angaben ohne Gewähr“, „Quelle: …“", scope=FILE,
    advice="Unter der Tabelle stehen Fußnoten, Quellenangaben oder eine Legende; sie werden nicht als "
    "Vorhaben gelesen. Gehört eine dieser Zeilen als Vorhaben in den Bericht, bitte ihre Angaben in die Spalten der "
    "Tabelle eintragen, mindestens das Vorhaben.",
)
ID_ASSIGNED = FindingType(
    "nr-vergeben", N, "Vorläufige Nr. vergeben", "neues Vorhaben ohne Nr. → GB4-neu-1", scope=ROW,
    advice="Das Vorhaben hat keine Nr. Ist es neu, ist das richtig; setzt es ein Vorhaben des Vorjahres fort, "
    "bitte dessen Nr. eintragen.",
    offer="Vorläufig geführt als {}.",
)
# fmt: on

_OWN = tuple(v for v in dict(globals()).values() if isinstance(v, FindingType))
CATALOGUE: tuple[FindingType, ...] = (*_OWN, *MAIL_CATALOGUE)
TYPES = {kind.code: kind for kind in CATALOGUE}
