"""Showing a validation report in the terminal: one table per file, then a summary line."""

from __future__ import annotations

from itertools import groupby

from rich.markup import escape as _escape
from rich.table import Table

from ..findings import Report, Severity
from ..formatting import counted
from . import console

LABELS = {Severity.ERROR: "[red]Fehler[/]", Severity.WARNING: "[yellow]Warnung[/]", Severity.INFO: "[dim]Hinweis[/]"}


def print_findings(report: Report, verbose: bool, strict: bool) -> None:
    """Print the findings grouped by file, and what they mean for the exit code."""
    out = console.stdout
    shown = report.shown(verbose)
    for file, group in groupby(shown, key=lambda f: f.file):
        findings = list(group)
        sheets = {f.sheet for f in findings if f.sheet}
        title = f"{file} – Blatt „{next(iter(sheets))}“" if len(sheets) == 1 else file
        table = Table(title=_escape(title), title_justify="left", title_style="bold", expand=True, show_lines=True)
        table.add_column("Zelle", no_wrap=True)
        table.add_column("Art", no_wrap=True)
        table.add_column("Spalte", overflow="fold", ratio=2)
        table.add_column("Befund", overflow="fold", ratio=7)
        table.add_column("Vorschlag", overflow="fold", ratio=3)
        for finding in findings:
            cell = finding.cell or "–"
            if finding.cell and len(sheets) > 1:
                cell = f"{finding.sheet}!{finding.cell}"
            table.add_row(
                _escape(cell),
                LABELS[finding.severity],
                _escape(finding.column or ""),
                f"{_escape(finding.message)} [dim]({finding.code})[/]",
                _escape(finding.suggestion or ""),
            )
        out.print(table)
    summary = report.summary(verbose)
    line = (
        f"{counted(summary['errors'], 'Fehler', 'Fehler')}, {counted(summary['warnings'], 'Warnung', 'Warnungen')}"
        + (f", {counted(summary['infos'], 'Hinweis', 'Hinweise')}" if verbose else "")
        + f" in {counted(summary['files'], 'Datei', 'Dateien')}"
        + f" mit {counted(summary['activities'], 'Vorhaben', 'Vorhaben')}."
    )
    if report.fails(strict):
        out.print(f"[red]✗[/] {line}")
    else:
        out.print(f"[green]✓[/] {line}")
