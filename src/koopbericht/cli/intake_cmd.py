"""`koopbericht eingang JAHR PFAD…`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import DebugOption, ProjectOption, handled

if TYPE_CHECKING:
    from ..actions.intake import IntakeResult, MailResult
    from ..project.folder import Project


def eingang(
    jahr: Annotated[int, typer.Argument(help="Berichtsjahr, z. B. 2024.", metavar="JAHR", show_default=False)],
    pfade: Annotated[
        list[Path],
        typer.Argument(
            help="Gespeicherte E-Mails (.msg aus Outlook, .eml aus Thunderbird und anderen) oder Ordner mit ihnen.",
            metavar="PFAD…",
            show_default=False,
        ),
    ],
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Übernimmt die Meldebögen aus den Antwort-E-Mails der Geschäftsbereiche nach JAHR/meldungen/."""
    from ..actions.intake import take_in
    from ..errors import EXIT_FINDINGS
    from ..project.folder import Project

    with handled(debug):
        project = Project.open(projekt)
        result = take_in(project, jahr, pfade)
        _present(project, result)
        if result.findings:
            raise typer.Exit(EXIT_FINDINGS)


def _present(project: Project, result: IntakeResult) -> None:
    """Per mail: file and what happened, sender and subject, the Meldebögen and findings; then a count."""
    from ..actions.intake import Outcome
    from ..formatting import counted
    from . import console

    for mail in result.mails:
        style = "red" if mail.findings else "green" if mail.outcome in (Outcome.NEW, Outcome.REPLACED) else ""
        outcome = f"[{style}]{mail.outcome.value}[/]" if style else mail.outcome.value
        console.stdout.print(f"{_escape(mail.mail.file)} – {outcome}", soft_wrap=True)
        for line in _lines(mail):
            console.stdout.print(line, markup=False, soft_wrap=True)
    taken = sum(1 for m in result.mails if m.outcome in (Outcome.NEW, Outcome.REPLACED))
    read, used = counted(len(result.mails), "E-Mail", "E-Mails"), counted(taken, "E-Mail", "E-Mails")
    summary = f"{read} gelesen; aus {used} wurden Meldebögen nach {project.relative(result.folder)} übernommen."
    refused = sum(1 for m in result.mails if m.findings)
    if refused:
        console.warning(f"{summary} {counted(refused, 'E-Mail hat', 'E-Mails haben')} einen Befund (oben).")
    else:
        console.success(summary)


def _escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _lines(result: MailResult) -> list[str]:
    from ..formatting import german_date

    mail = result.mail
    lines = []
    if mail.sender or mail.subject or mail.date:
        date = german_date(mail.date.date()) if mail.date else "ohne Datum"
        lines.append(f"  von {mail.sender or 'unbekannt'}, {date}: „{mail.subject}“")
    for placed in result.placed:
        note = f" ({placed.note})" if placed.note else ""
        lines.append(f"  {placed.department}: {placed.attachment} → {placed.target} – {placed.outcome.value}{note}")
        lines += [f"    frühere Fassung aufbewahrt: {kept}" for kept in placed.kept]
    lines += [f"  „{name}“ ist der versandte Meldebogen, unverändert – nicht übernommen." for name in result.returned]
    lines += [f"  {note[:1].upper()}{note[1:]}." for note in mail.notes]
    if result.left:
        lines.append(f"  Weitere Anhänge (bleiben in der E-Mail): {', '.join(result.left)}")
    for finding in result.findings:
        lines.append(f"  Befund ({finding.code}): {finding.message}")
        if finding.suggestion:
            lines.append(f"  Vorschlag: {finding.suggestion}")
    return lines
