"""Showing a validation report in the terminal: a table per file, or a plain list, then a summary line.

A table only on a terminal wide enough for every word of it (`listing.fits`); piped into a file,
a mail or `less`, and in a narrow window, every finding is a block of labelled lines instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import groupby

from rich.console import Console
from rich.text import Text

from ..findings import Finding, Report, Severity
from ..findings.catalogue import DEPARTMENT_MISSING
from ..formatting import counted
from . import console
from .listing import INDENT, Column, Listing, fits, print_hanging, print_list, print_table, print_wrapped

MISSING = DEPARTMENT_MISSING.code  # one block for all of them, not one table each
LABELS = {Severity.ERROR: "Fehler", Severity.WARNING: "Warnung", Severity.INFO: "Hinweis"}
STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "dim"}
TABLE_COLUMNS = (
    Column("Zelle", wrap=False),
    Column("Art", wrap=False),
    Column("Vorhaben"),
    Column("Spalte"),
    Column("Befund"),
    Column("Vorschlag"),
)
LIST_COLUMNS = tuple(
    Column(title) for title in ("Art", "Datei", "Blatt", "Zelle", "Spalte", "Nr.", "Vorhaben", "Befund", "Vorschlag")
)


def print_findings(
    report: Report, verbose: bool, strict: bool, *, expected: Mapping[str, tuple[str, str]] | None = None
) -> None:
    """Print the findings, as tables per file or as a list, and what they mean for the exit code.

    The missing Meldebögen come last, in one block: by Kürzel, the Geschäftsbereich and where its
    file is expected, with the year's folder (`expected`; without it the finding's file).
    """
    out = console.stdout
    missing = [f for f in report.shown(verbose) if f.code == MISSING]
    shown = [f for f in report.shown(verbose) if f.code != MISSING]
    tables = [_file_table(file, list(group)) for file, group in groupby(shown, key=lambda f: f.file)]
    if fits(tables, out):
        for table in tables:
            print_table(table, out)
    elif shown:
        print_list(_finding_list(shown), out)
    if missing:
        _print_missing(missing, expected or {}, out)
    summary = report.summary(verbose)
    line = (
        f"{counted(summary['errors'], 'Fehler', 'Fehler')}, {counted(summary['warnings'], 'Warnung', 'Warnungen')}"
        + (f", {counted(summary['infos'], 'Hinweis', 'Hinweise')}" if verbose else "")
        + f" in {counted(summary['files'], 'Datei', 'Dateien')}"
        + f" mit {counted(summary['activities'], 'Vorhaben', 'Vorhaben')}."
    )
    mark = ("✗", "red") if report.fails(strict) else ("✓", "green")
    print_wrapped(Text.assemble(mark, " ", line), out)


def _print_missing(findings: list[Finding], expected: Mapping[str, tuple[str, str]], out: Console) -> None:
    """One block for every Geschäftsbereich without a Meldebogen: Kürzel and name, and the file expected."""
    heading = f"Meldebogen fehlt: {counted(len(findings), 'Geschäftsbereich', 'Geschäftsbereiche')}"
    print_wrapped(Text.assemble((LABELS[Severity.WARNING], f"bold {STYLES[Severity.WARNING]}"), f" ({MISSING})"), out)
    print_wrapped(heading, out, INDENT)
    for finding in findings:
        code = str(finding.value or "")
        name, where = expected.get(code, (finding.message.rstrip("."), finding.file))
        print_hanging(f"– {name}: {where}", out, INDENT, INDENT * 2)
    out.print()


def activity_label(finding: Finding) -> str:
    """The activity a finding is about, as a clerk names it: "GB4-007 – Radschnellweg", either part alone, or ""."""
    return " – ".join(part for part in (finding.activity_nr, finding.activity_title) if part)


def _file_table(file: str, findings: list[Finding]) -> Listing:
    """The findings of one file as a table; the sheet in the title, or with the cell if they are on several."""
    sheets = {f.sheet for f in findings if f.sheet}
    title = f"{file} – Blatt „{next(iter(sheets))}“" if len(sheets) == 1 else file
    table = Listing(TABLE_COLUMNS, title=title, lines=True)
    for finding in findings:
        cell = finding.cell or "–"
        if finding.cell and len(sheets) > 1:
            cell = f"{finding.sheet}!{finding.cell}"
        table.add(
            cell,
            Text(LABELS[finding.severity], style=STYLES[finding.severity]),
            activity_label(finding),
            finding.column or "",
            Text(finding.message) + Text(f" ({finding.code})", style="dim"),
            finding.suggestion or "",
        )
    return table


def _finding_list(findings: list[Finding]) -> Listing:
    """Every finding as a block: kind and code, then file, sheet, cell, activity, message and suggestion."""
    listing = Listing(LIST_COLUMNS)
    for finding in findings:
        listing.add(
            Text.assemble((LABELS[finding.severity], f"bold {STYLES[finding.severity]}"), f" ({finding.code})"),
            finding.file,
            finding.sheet or "",
            finding.cell or "",
            finding.column or "",
            finding.activity_nr or "",
            finding.activity_title or "",
            finding.message,
            finding.suggestion or "",
        )
    return listing
