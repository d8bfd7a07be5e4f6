"""`akzeptieren`: record that the clerk checked a finding and the value is right (JAHR/akzeptiert.toml).

The finding is named as `validate` shows it: code, file and cell (with the value when one cell
has several findings of that code, as a partner list can). Only a finding that keeps an
Endfassung from being built can be accepted; an error has to be corrected instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..config.accepted import ACCEPTED_FILE, Acceptance, with_acceptance
from ..errors import UsageError
from ..files.atomic import write_text_atomic
from ..findings import TYPES, Finding
from ..project.folder import Project, valid_year
from ..year.accepted import doubts_content
from ..year.pipeline import check_year


@dataclass(frozen=True)
class Accepted:
    """What `akzeptieren` recorded, and where."""

    entry: Acceptance
    path: Path  # JAHR/akzeptiert.toml
    finding: Finding


def accept_finding(
    project: Project,
    year: int,
    code: str,
    file: str,
    cell: str,
    reason: str,
    *,
    value: str | None = None,
    today: dt.date | None = None,
) -> Accepted:
    """Accept the finding `code` at `file` (as validate shows it, or its name alone) and `cell` of `year`."""
    year = valid_year(year)
    if year not in project.years():
        raise UsageError(f"Im Arbeitsordner gibt es kein Berichtsjahr {year} (Ordner {year} mit vorlage.toml).")
    if not reason.strip():
        raise UsageError("Bitte mit --grund angeben, warum der Wert so richtig ist; der Grund wird festgehalten.")
    if code not in TYPES:
        raise UsageError(f"„{code}“ ist kein Code eines Befunds; „koopbericht validate {year}“ zeigt die Codes.")
    findings = check_year(project, year, today=today).report.findings
    finding = _the_finding(findings, code, file, cell.replace("$", "").strip().upper(), value)
    entry = Acceptance(
        finding.code,
        finding.file,
        (finding.cell or "").upper(),
        "" if finding.value is None else str(finding.value),
        " ".join(reason.split()),
        finding.sheet,
        finding.suggestion,
        today or dt.date.today(),
        nr=finding.activity_nr or "",
        vorhaben=finding.activity_title,
    )
    path = project.year_dir(year) / ACCEPTED_FILE
    existing = path.read_bytes().decode("utf-8") if path.is_file() else None  # its own line ends, CRLF or LF
    write_text_atomic(path, with_acceptance(existing, entry, year))
    return Accepted(entry, path, finding)


def _the_finding(findings: list[Finding], code: str, file: str, cell: str, value: str | None) -> Finding:
    """The one finding the arguments name, or a UsageError that says what is there instead."""
    in_file = [f for f in findings if _same_file(f.file, file)]
    if not in_file:
        files = sorted({f.file for f in findings})
        raise UsageError(
            f"Zur Datei „{file}“ gibt es keinen Befund. Befunde gibt es in: {', '.join(files) or 'keiner Datei'}."
        )
    at_cell = [f for f in in_file if (f.cell or "").upper() == cell]
    candidates = [f for f in at_cell if f.code == code and (value is None or str(f.value) == value)]
    if not candidates:
        there = sorted({f"„{f.code}“" for f in at_cell})
        shown = f" Dort gibt es: {', '.join(there)}." if there else ""
        raise UsageError(f"In {in_file[0].file}, Zelle {cell} gibt es keinen Befund „{code}“.{shown}")
    if len({str(f.value) for f in candidates}) > 1:
        values = ", ".join(f"„{f.value}“" for f in candidates)
        raise UsageError(f"In Zelle {cell} gibt es mehrere Befunde „{code}“ ({values}); bitte mit --wert einen wählen.")
    finding = candidates[0]
    if finding.accepted is not None:
        raise UsageError(f"Dieser Befund ist schon angenommen („{finding.accepted}“).")
    if not doubts_content(finding):
        raise UsageError(
            f"„{code}“ in {finding.file}, Zelle {cell} hält keine Endfassung auf und braucht keine Annahme. "
            "Annehmen lassen sich Warnungen, die veröffentlichte Angaben als wohl falsch bezeichnen (ein Status, "
            "der nicht zu den Daten passt, ein Vorhaben außerhalb des Berichtsjahres, ein Partner mit Vorschlag); "
            "Fehler sind zu korrigieren."
        )
    return finding


def _same_file(shown: str, given: str) -> bool:
    """`given` names the file `shown` (as validate shows it): the same path, or its name alone."""
    given = given.replace("\\", "/").removeprefix("./")
    return shown == given or PurePosixPath(shown).name == given
