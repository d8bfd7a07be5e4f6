"""Findings: what `validate` reports, as data.

Each kind of finding is a `FindingType` in `CATALOGUE`, with a stable kebab-case code,
a severity, a German title and an example; the README's list of codes is checked
against this catalogue by a test, so the code is the single source of truth. Checks
create `Finding`s through `FindingType.at(...)` and never print.

A finding's `message` is for the clerk. What the Geschäftsbereich reads instead (in an
annotated copy, in a reminder) is `advice.department_text`: one text per code of this
catalogue, without codes or settings; a test holds every code to having one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Scope(StrEnum):
    """What a finding is about, and so what an error leaves out of a publication (`build --trotz-fehlern`)."""

    FILE = "file"  # the whole file: an error leaves out all of its rows
    COLUMN = "column"  # one column of a file: an error leaves out the file's rows, never the column alone
    ROW = "row"  # one activity: an error leaves out that row
    CELL = "cell"  # one value: an error leaves out its row
    YEAR = "year"  # the year's set of files (a department missing): leaves nothing out


class Severity(StrEnum):
    """How much a finding matters; errors stop a build."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One problem (or silent normalisation) at a place in a Meldebogen."""

    code: str
    severity: Severity
    file: str
    message: str
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    value: Any = None
    suggestion: str | None = None
    scope: Scope = Scope.CELL
    # The activity of the finding's row, as the department reported it (filled by `pipeline`): Nr. and Vorhaben.
    activity_nr: str | None = None
    activity_title: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The finding in the shape of `validate --format json`."""
        data = asdict(self)
        data["severity"] = self.severity.value
        value = data["value"]
        if value is not None and not isinstance(value, str | int | float | bool):
            data["value"] = str(value)
        return {key: data[key] for key in JSON_KEYS}


# SPEC's keys first; the activity's Nr. and title after them, so programs reading the others keep working.
JSON_KEYS = (
    *("code", "severity", "file", "sheet", "cell", "row", "column", "value", "message", "suggestion"),
    *("activity_nr", "activity_title"),
)


@dataclass(frozen=True, slots=True)
class Location:
    """Where in a file a finding is: sheet, row, column title and A1 cell, each as far as known."""

    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """A finding not yet placed: what a cell reader says about a value, before it knows the cell's place."""

    type: FindingType
    message: str
    value: Any = None
    suggestion: str | None = None

    def at(self, file: str, where: Location) -> Finding:
        """The finding this note makes at `where` in `file`."""
        return self.type.at(file, self.message, where=where, value=self.value, suggestion=self.suggestion)


@dataclass(frozen=True)
class FindingType:
    """A kind of finding: code, severity, title and an example for the README."""

    code: str
    severity: Severity
    title: str
    example: str
    scope: Scope = Scope.CELL

    def at(
        self,
        file: str,
        message: str,
        *,
        where: Location | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        row: int | None = None,
        column: str | None = None,
        value: Any = None,
        suggestion: str | None = None,
    ) -> Finding:
        """A finding of this type at the given place: `where`, with single parts given directly taking precedence."""
        if where is not None:
            sheet = where.sheet if sheet is None else sheet
            cell = where.cell if cell is None else cell
            row = where.row if row is None else row
            column = where.column if column is None else column
        return Finding(self.code, self.severity, file, message, sheet, cell, row, column, value, suggestion, self.scope)

    def note(self, message: str, value: Any = None, suggestion: str | None = None) -> Note:
        """A finding of this type about a value whose place is added later (see `Note.at`)."""
        return Note(self, message, value, suggestion)


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: note (info)
FILE, COLUMN, ROW, YEAR = Scope.FILE, Scope.COLUMN, Scope.ROW, Scope.YEAR

# File level
FILE_DAMAGED = FindingType(
    "datei-beschaedigt", E, "Datei beschädigt oder leer", "ZIP-Struktur kaputt, 0 Byte", scope=FILE
)
FILE_ENCRYPTED = FindingType(
    "datei-verschluesselt", E, "Datei mit Kennwort geschützt", "Öffnen-Kennwort gesetzt", scope=FILE
)
FILE_FORMAT = FindingType(
    "datei-format", E, "Kein lesbarer Meldebogen", ".xls, .fods oder CSV unter dem Namen .xlsx", scope=FILE
)
FILE_TOO_LARGE = FindingType("datei-zu-gross", E, "Datei zu groß", "entpackt mehrere hundert MB", scope=FILE)
FILE_LINK = FindingType(
    "datei-verknuepfung",
    E,
    "Verknüpfung aus dem Arbeitsordner hinaus",
    "meldungen/GB1.xlsx → /tmp/fremd.xlsx",
    scope=FILE,
)
HEADER_MISSING = FindingType(
    "kopfzeile-fehlt", E, "Keine Kopfzeile gefunden", "kein Blatt nennt „Vorhaben“", scope=FILE
)
COLUMN_MISSING = FindingType(
    "spalte-fehlt", E, "Pflichtspalte fehlt", "Spalte „Beschreibung/Sachstand“ fehlt", scope=FILE
)
COLUMN_UNKNOWN = FindingType(
    "spalte-unbekannt", W, "Unbekannte Spalte", "„Bemerkungen GB“ wird nicht gelesen", scope=COLUMN
)
COLUMN_DUPLICATE = FindingType("spalte-doppelt", E, "Spalte doppelt", "zweimal „Status“ in Zeile 1", scope=COLUMN)
FILE_NO_DEPARTMENT = FindingType(
    "datei-ohne-geschaeftsbereich", E, "Datei keinem Geschäftsbereich zuzuordnen", "„Meldung_neu.xlsx“", scope=FILE
)
FILE_MANY_DEPARTMENTS = FindingType(
    "datei-mehrdeutig",
    E,
    "Datei passt zu mehreren Geschäftsbereichen",
    "„GB1_GB2.xlsx“ passt zu GB1* und *GB2*",
    scope=FILE,
)
DEPARTMENT_TWICE = FindingType(
    "geschaeftsbereich-doppelt",
    E,
    "Zwei Meldebögen für einen Geschäftsbereich",
    "GB4_alt.xlsx und GB4_neu.xlsx",
    scope=FILE,
)
DEPARTMENT_MISSING = FindingType(
    "meldebogen-fehlt", W, "Meldebogen eines Geschäftsbereichs fehlt", "für GB3 liegt keine Datei vor", scope=YEAR
)
VALUE_OUTSIDE = FindingType(
    "wert-ausserhalb-tabelle",
    W,
    "Wert außerhalb der Tabelle",
    "„x“ in Z1048576, rechts der letzten Spalte",
    scope=COLUMN,
)
SHEET_HIDDEN = FindingType(
    "blatt-ausgeblendet", W, "Ausgeblendetes Blatt mit Daten", "Blatt „Alt“ ist ausgeblendet", scope=FILE
)
SHEET_NOT_READ = FindingType("blatt-nicht-gelesen", W, "Blatt mit Kopfzeile nicht gelesen",
                             "Blatt „Übersicht“ nennt nicht alle Pflichtspalten", scope=FILE)  # fmt: skip
SHEET_EXTRA = FindingType("blatt-zusaetzlich", W, "Weiteres Blatt mit Kopfzeile gelesen",
                          "Blatt „Nachtrag“ zusätzlich zu „Meldebogen“: 3 Vorhaben", scope=FILE)  # fmt: skip
SHEET_REPEATED = FindingType("blatt-wiederholt", N, "Blatt wiederholt Zeilen eines anderen",
                             "Blatt „Abschnitt 2“ steht ganz im Blatt „Alle“", scope=FILE)  # fmt: skip
# Cell level
REQUIRED_MISSING = FindingType("pflichtwert-fehlt", E, "Pflichtangabe fehlt", "Vorhaben leer in B7")
NOT_IN_VOCABULARY = FindingType(
    "wert-nicht-erlaubt", E, "Wert nicht in der Auswahlliste", "Status „in Planng“ → „geplant“"
)
PARTNER_UNKNOWN = FindingType(
    "partner-unbekannt", W, "Partner nicht im Partnerverzeichnis", "„Schwielow-See“ → „Gemeinde Schwielowsee“"
)
ERROR_VALUE = FindingType("fehlerwert", E, "Fehlerwert statt eines Werts", "#NV (=NV()) in Kooperationspartner")
DATE_UNREADABLE = FindingType("datum-unlesbar", E, "Datum nicht lesbar", "„Frühjahr 2023“")
NUMBER_UNREADABLE = FindingType("zahl-unlesbar", E, "Zahl nicht lesbar", "„ca. 12.000 €“ in einer Zahlenspalte")
END_BEFORE_START = FindingType("ende-vor-beginn", E, "Ende vor Beginn", "Beginn 2023, Ende 03/2022", scope=ROW)
STATUS_VS_DATES = FindingType(
    "status-widerspricht-datum", W, "Status passt nicht zu den Daten", "„abgeschlossen“ ohne Ende", scope=ROW
)
OUTSIDE_YEAR = FindingType(
    "ausserhalb-berichtsjahr",
    W,
    "Vorhaben liegt ganz außerhalb des Berichtsjahres",
    "Ende 2021 im Bericht 2023",
    scope=ROW,
)
ID_DUPLICATE = FindingType("nr-doppelt", E, "Nr. mehrfach vergeben", "GB4-007 in Zeile 5 und 9", scope=ROW)
ACTIVITY_DUPLICATE = FindingType(
    "vorhaben-doppelt", W, "Vorhaben doppelt gemeldet", "gleicher Titel und gleiche Partner in GB2 und GB4", scope=ROW
)
FORMULA_NO_VALUE = FindingType(
    "formel-ohne-wert", E, "Formel ohne berechneten Wert", "=A2&B2, von einem Programm geschrieben"
)
MERGED_CELLS = FindingType("zellen-verbunden", E, "Verbundene Zellen über mehrere Zeilen", "C5:C6 verbunden")
MERGED_ACROSS = FindingType("zellen-verbunden-spalten", W, "Verbundene Zellen über mehrere Spalten einer Zeile",
                            "I5:J5 verbindet „Beschreibung/Sachstand“ und „Ergebnis/Ausblick“")  # fmt: skip
ROW_HIDDEN = FindingType("zeile-ausgeblendet", W, "Ausgeblendete Zeile mit Daten", "Zeile 12 ausgeblendet", scope=ROW)
TEXT_TOO_LONG = FindingType("text-zu-lang", W, "Text zu lang für die Tabelle", "Beschreibung mit 3.500 Zeichen")
BAD_CHARACTERS = FindingType(
    "zeichen-entfernt", W, "Unzulässige Steuerzeichen entfernt", "unsichtbares Zeichen U+0007 im Titel"
)
DESCRIPTION_UNCHANGED = FindingType(
    "sachstand-unveraendert",
    W,
    "Sachstand unverändert aus dem Vorjahr",
    "Beschreibung und Status von GB1-003 wörtlich wie 2023",
    scope=ROW,
)
# Silent normalisations, shown with --verbose
NORMALISED_TEXT = FindingType("normalisiert-text", N, "Leerraum oder Unicode vereinheitlicht", "„Titel  “ → „Titel“")
NORMALISED_SYNONYM = FindingType("normalisiert-synonym", N, "Synonym ersetzt", "„in Arbeit“ → „laufend“")
NORMALISED_PARTNER = FindingType("normalisiert-partner", N, "Partnername vereinheitlicht", "„LK PM“ → „Landkreis …“")
NORMALISED_DATE = FindingType("normalisiert-datum", N, "Datum aus Text gelesen", "„1.3.2022“ → 01.03.2022")
HEADER_ROWS = FindingType("kopfzeile-mehrzeilig", N, "Kopfzeile über mehrere Zeilen",
                          "Zeile 4 (englische Überschriften) gehört zur Kopfzeile", scope=FILE)  # fmt: skip
TABLE_FOOT = FindingType("tabellenfuss", N, "Fußnoten, Quellen oder Legende unter der Tabelle",
                         "Zeilen 30 bis 33: „¹ Angaben ohne Gewähr“, „Quelle: …“", scope=FILE)  # fmt: skip
ID_ASSIGNED = FindingType("nr-vergeben", N, "Vorläufige Nr. vergeben", "neues Vorhaben ohne Nr. → GB4-neu-1", scope=ROW)

CATALOGUE: tuple[FindingType, ...] = tuple(v for v in dict(globals()).values() if isinstance(v, FindingType))
TYPES = {kind.code: kind for kind in CATALOGUE}


@dataclass
class Report:
    """All findings of a validation run, with what was read."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    activities: int = 0
    unreadable_files: int = 0

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add findings."""
        self.findings.extend(findings)

    def count(self, severity: Severity) -> int:
        """How many findings have `severity`."""
        return sum(1 for f in self.findings if f.severity is severity)

    def shown(self, include_infos: bool) -> list[Finding]:
        """The findings to show: infos (silent normalisations) only when asked for."""
        return [f for f in self.findings if include_infos or f.severity is not Severity.INFO]

    def summary(self, include_infos: bool = True) -> dict[str, int]:
        """The `summary` object of the JSON output, counting what is shown."""
        return {
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "infos": self.count(Severity.INFO) if include_infos else 0,
            "files": self.files,
            "activities": self.activities,
        }

    def as_json(self, include_infos: bool = True) -> dict[str, Any]:
        """`{"findings": [...], "summary": {...}}` as SPEC describes; each finding also names its activity."""
        findings = [f.as_json() for f in self.shown(include_infos)]
        return {"findings": findings, "summary": self.summary(include_infos)}

    def fails(self, strict: bool = False) -> bool:
        """Whether the run should exit with code 1."""
        return self.count(Severity.ERROR) > 0 or (strict and self.count(Severity.WARNING) > 0)
