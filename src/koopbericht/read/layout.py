"""A workbook's sheets and what their structure scan found, for every format koopbericht reads.

The format is decided by content, never by name (`formats`): an xlsx (also .xlsm, .xltx,
Strict Open XML), a binary .xlsb, or an OpenDocument .ods. Each is checked as a package
first (sizes before unpacking, checksums, no DTD), then every worksheet is scanned for
what calamine cannot see (`structure`, `xlsb`, `odsscan`). Only then does calamine read values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .package import SheetInfo
from .sheetfacts import SheetStructure

XLSX, XLSB, ODS = "xlsx", "xlsb", "ods"
XLSB_UNREADABLE = (
    "Die binäre Excel-Arbeitsmappe (.xlsb) lässt sich nicht vollständig lesen. Bitte in Excel öffnen und als "
    "„Excel-Arbeitsmappe (.xlsx)“ speichern."
)


@dataclass
class Layout:
    """The sheets of a workbook in tab order, and the structure of each worksheet (keyed by `SheetInfo.part`)."""

    format: str
    sheets: list[SheetInfo]
    structures: dict[str, SheetStructure] = field(default_factory=dict)
    strict: bool = False  # Strict Open XML, which openpyxl cannot read
    # The package's members as inflated by the check, uncompressed, for calamine (None: read the file).
    stored: bytes | None = field(default=None, repr=False)

    def worksheets(self) -> list[SheetInfo]:
        """The sheets that hold cells."""
        return [s for s in self.sheets if s.kind == "worksheet"]
