"""`validate --format csv`: the findings as a table Excel opens as it is, by double-click.

Excel in a German locale reads a CSV by its BOM as UTF-8 and splits it at `;`, so the file is
UTF-8 with BOM, `;`-separated, with Windows line ends and a German header. A text that Excel
would run as a formula (it starts with `=`, `+`, `-` or `@`, as a department's "=Radweg Süd"
may) is written with a leading apostrophe, which Excel shows as text; programs read the JSON.
"""

from __future__ import annotations

import csv
import io

from ..findings import Finding
from ..formatting import format_value
from .findings_view import LABELS

HEADER = ("Art", "Code", "Datei", "Blatt", "Zelle", "Zeile", "Spalte", "Nr.", "Vorhaben", "Wert", "Befund", "Vorschlag")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def findings_csv(findings: list[Finding]) -> bytes:
    """The findings as CSV bytes: BOM, header, one row per finding."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for finding in findings:
        writer.writerow([_cell(value) for value in _row(finding)])
    return text.getvalue().encode("utf-8-sig")


def _row(finding: Finding) -> tuple[object, ...]:
    return (
        LABELS[finding.severity],
        finding.code,
        finding.file,
        finding.sheet,
        finding.cell,
        finding.row,
        finding.column,
        finding.activity_nr,
        finding.activity_title,
        finding.value,
        finding.message,
        finding.suggestion,
    )


def _cell(value: object) -> str:
    """A value as Excel should show it: empty for none, text that cannot turn into a formula."""
    text = format_value(value)  # None → "", a list of partners → "a; b", 1234.5 → "1.234,50"
    return "'" + text if text.startswith(_FORMULA_START) else text
