"""`koopbericht validate [JAHR] [DATEI...]`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..actions.validate import Annotated as Annotated_
    from ..findings import Report
    from ..project.folder import Project

from .common import DebugOption, ProjectOption, handled, stdout_json


class OutputFormat(StrEnum):
    """Output formats of validate."""

    text = "text"
    json = "json"
    csv = "csv"


TargetsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Berichtsjahr (z. B. 2023) und/oder einzelne Meldebögen. Ohne Angabe: das neueste Jahr.",
        metavar="JAHR|DATEI",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        help="Ausgabe als Liste oder Tabelle (text), als JSON oder als CSV für Excel (UTF-8, Semikolon). "
        "Ohne Angabe: text, oder was die Endung der Datei von -o sagt (.json, .csv).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--ausgabe",
        help="JSON oder CSV in diese Datei schreiben statt auf den Bildschirm.",
        metavar="DATEI",
        show_default=False,
    ),
]
AnnotateOption = Annotated[
    Path | None,
    typer.Option(
        "--annotate",
        help="Kopien der Meldebögen mit markierten Zellen und Kommentaren in diesen Ordner schreiben "
        "(zum Zurücksenden). Die Originale bleiben unverändert.",
        metavar="ORDNER",
        show_default=False,
    ),
]


def validate(
    ziele: TargetsArgument = None,
    format: FormatOption = None,
    ausgabe: OutputOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Auch Warnungen führen zu Exit-Code 1.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Auch stille Vereinheitlichungen (Hinweise) zeigen.")
    ] = False,
    annotate: AnnotateOption = None,
    projekt: ProjectOption = None,
    debug: DebugOption = False,
) -> None:
    """Prüft Meldebögen und zeigt jeden Befund mit Datei, Blatt, Zelle, Vorhaben und Vorschlag."""
    from ..actions.status import expected_forms
    from ..actions.validate import annotate_copies
    from ..actions.validate import validate as run_validate
    from ..project.folder import Project
    from . import console

    with handled(debug):
        chosen = _chosen_format(format, ausgabe)
        project = Project.open(projekt)
        with console.FileProgress() as progress:
            result = run_validate(project, ziele or [], strict=strict, progress=progress)
        expected = expected_forms(project, result.data.year) if result.data.year is not None else {}
        _present(result.data.report, chosen, ausgabe, project, verbose=verbose, strict=strict, expected=expected)
        if chosen is OutputFormat.text:
            from ..actions.intake import mail_origins

            for line in mail_origins([(r.source.path, r.source.file) for r in result.data.files]):
                console.stderr.print(line, markup=False, soft_wrap=True)
        if annotate is not None:  # after the findings are shown: a copy that cannot be written ends with exit 5
            _show_annotated(annotate_copies(result.data, annotate, project))
        if result.exit_code:
            raise typer.Exit(result.exit_code)


def _chosen_format(format: OutputFormat | None, target: Path | None) -> OutputFormat:
    """The format asked for; without one, the one `target`'s name says, else text (for the screen only)."""
    from ..errors import UsageError

    if target is None:
        return format or OutputFormat.text
    chosen = format or {".json": OutputFormat.json, ".csv": OutputFormat.csv}.get(target.suffix.lower())
    if chosen is None or chosen is OutputFormat.text:
        raise UsageError(
            "-o/--ausgabe schreibt JSON oder CSV: bitte --format json oder --format csv angeben "
            "oder eine Datei mit der Endung .json oder .csv."
        )
    return chosen


def _present(
    report: Report,
    format: OutputFormat,
    target: Path | None,
    project: Project,
    *,
    verbose: bool,
    strict: bool,
    expected: dict[str, tuple[str, str]],
) -> None:
    """The findings in `format`: on the screen, or into `target`."""
    import json

    from ..files.atomic import write_bytes_atomic
    from ..formatting import counted
    from . import console
    from .findings_csv import findings_csv
    from .findings_view import print_findings
    from .terminal import write_stdout_bytes

    if format is OutputFormat.text:
        print_findings(_accepted_marked(report), verbose, strict, expected=expected)
        _show_accepted(report)
        return
    if target is None:
        if format is OutputFormat.json:
            typer.echo(stdout_json(report.as_json(include_infos=verbose)))
        else:
            write_stdout_bytes(findings_csv(report.shown(verbose)))  # UTF-8 with BOM, whatever the terminal's
        return
    if format is OutputFormat.json:
        data = (json.dumps(report.as_json(include_infos=verbose), ensure_ascii=False, indent=2) + "\n").encode()
    else:
        data = findings_csv(report.shown(verbose))
    project.refuse_as_output(target)
    write_bytes_atomic(target, data)
    console.success(f"Befunde geschrieben: {target} ({counted(len(report.shown(verbose)), 'Befund', 'Befunde')})")


def _show_annotated(copies: list[Annotated_]) -> None:
    from . import console

    for done in copies:
        if done.target is None:
            console.warning(f"Keine markierte Kopie von {done.source}: {done.problem}.")
        else:
            note = f" – {done.note}" if done.note else ""
            console.say(console.stderr, f"Markierte Kopie: {done.target} ({done.counts}){note}")


def _accepted_marked(report: Report) -> Report:
    """`report` for the screen: an accepted finding's text starts with „Angenommen“ and the clerk's reason."""
    from dataclasses import replace

    marked = [
        replace(f, message=f"Angenommen ({f.accepted}): {f.message}") if f.accepted else f for f in report.findings
    ]
    return replace(report, findings=marked)


def _show_accepted(report: Report) -> None:
    """How many findings the clerk accepted (not counted as warnings), and every acceptance that lapsed."""
    from ..formatting import spelled_count
    from . import console

    if report.accepted:
        shown = spelled_count(report.accepted, "angenommener Befund", "angenommene Befunde")
        console.stdout.print(
            f"Außerdem {shown} (akzeptiert.toml im Jahresordner), nicht als Warnung gezählt.", markup=False
        )
    for notice in report.notices:
        console.warning(notice)
