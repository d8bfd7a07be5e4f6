"""docs/befehle.md: every command with every argument and option, as the command line's own help states them.

Read from the typer application itself, so a new command or option appears on regeneration and a
changed help text changes the page; the texts are the German ones `--help` shows.
"""

from __future__ import annotations

from typing import Any

import typer

from ..cli.app import app

INTRO = """\
# Alle Befehle und Optionen

Diese Seite wird aus koopbericht selbst erzeugt (`python -m koopbericht.reference`) und zeigt
dieselben Texte wie `koopbericht --help` und `koopbericht BEFEHL --help`. Jeder Befehl nimmt
`-C/--projekt PFAD`, wo er einen Arbeitsordner braucht; ohne diese Angabe sucht koopbericht vom
aktuellen Ordner aufwärts den nächsten Ordner mit einer `koopbericht.toml`. Was die Exit-Codes
bedeuten, steht in der [Fehlerbehebung](fehlerbehebung.md#exit-codes).
"""


def commands_page() -> str:
    """The Markdown of docs/befehle.md."""
    root = typer.main.get_command(app)
    context = typer.Context(root, info_name="koopbericht", **getattr(root, "context_settings", {}))
    commands: dict[str, Any] = getattr(root, "commands", {})  # typer's group (its own, vendored click)
    parts = [INTRO, "## Aufruf\n", "`koopbericht [OPTIONEN] BEFEHL …`\n", _table(root, context)]
    parts.append("## Übersicht\n")
    parts.append(
        "\n".join(
            f"- [`koopbericht {name}`](#koopbericht-{name}) – {_first_line(command)}"
            for name, command in commands.items()
        )
        + "\n"
    )
    for name, command in commands.items():
        parts.append(_command(command, typer.Context(command, info_name=name, parent=context)))
    return "\n".join(parts)


def _command(command: Any, context: typer.Context) -> str:
    pieces = [piece.replace("[OPTIONS]", "[OPTIONEN]").strip("{}") for piece in command.collect_usage_pieces(context)]
    usage = " ".join(["koopbericht", context.info_name or "", *pieces])
    text = (command.help or "").strip()
    return f"## koopbericht {context.info_name}\n\n`{usage}`\n\n{text}\n\n{_table(command, context)}"


def _table(command: Any, context: typer.Context) -> str:
    rows = ["| Argument oder Option | Bedeutung |", "| --- | --- |"]
    for parameter in command.get_params(context):
        record = parameter.get_help_record(context)
        if record is None:
            continue
        name, meaning = record
        rows.append(f"| `{_cell(name)}` | {_cell(meaning)} |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _first_line(command: Any) -> str:
    return (command.help or "").strip().split("\n\n")[0].replace("\n", " ")
