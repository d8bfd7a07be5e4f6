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
    """Per mail: file, sender, subject, what happened; then the findings and a count."""
    from ..actions.intake import Outcome
    from ..formatting import counted
    from . import console

    for mail in result.mails:
        for line in _lines(mail):
            console.stdout.print(line, markup=False, soft_wrap=True)
    taken = sum(1 for m in result.mails if m.outcome in (Outcome.NEW, Outcome.REPLACED))
    shown = project.relative(result.folder)
    read, used = counted(len(result.mails), "E-Mail", "E-Mails"), counted(taken, "E-Mail", "E-Mails")
    console.success(f"{read} gelesen; aus {used} wurden Meldebögen nach {shown} übernommen.")
    for finding in result.findings:
        console.warning(f"{finding.file}: {finding.message}")


def _lines(result: MailResult) -> list[str]:
    from ..formatting import german_date

    mail = result.mail
    date = german_date(mail.date.date()) if mail.date else "ohne Datum"
    lines = [f"{mail.file} – {result.outcome.value}", f"  von {mail.sender or 'unbekannt'}, {date}: „{mail.subject}“"]
    for placed in result.placed:
        note = f" ({placed.note})" if placed.note else ""
        lines.append(f"  {placed.department}: {placed.attachment} → {placed.target} – {placed.outcome.value}{note}")
        lines += [f"    frühere Fassung aufbewahrt: {kept}" for kept in placed.kept]
    lines += [f"  {note}" for note in mail.notes]
    if result.left:
        lines.append(f"  Nicht übernommen (keine Tabelle): {', '.join(result.left)}")
    return lines
