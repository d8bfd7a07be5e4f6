"""`koopbericht init [ORDNER]`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import DebugOption, handled

if TYPE_CHECKING:
    from ..actions.init import InitResult


def init(
    ordner: Annotated[
        Path,
        typer.Argument(
            help="Ordner, der angelegt wird (Standard: der aktuelle).", metavar="ORDNER", show_default=False
        ),
    ] = Path("."),
    jahr: Annotated[
        int | None,
        typer.Option(
            "--jahr", help="Berichtsjahr des ersten Jahresordners (Standard: das Vorjahr).", show_default=False
        ),
    ] = None,
    name: Annotated[str, typer.Option("--name", help="Name der Körperschaft.")] = "Musterstadt",
    kurzname: Annotated[
        str | None,
        typer.Option("--kurzname", help="Kurzname der Körperschaft (Standard: wie --name).", show_default=False),
    ] = None,
    beispiel: Annotated[
        Path | None,
        typer.Option(
            "--beispiel",
            help="Statt eines leeren Arbeitsordners das eingebaute Beispiel (Potsdam, 2021 bis 2023) in diesen "
            "neuen oder leeren Ordner schreiben.",
            metavar="ORDNER",
            show_default=False,
        ),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Legt einen neuen Arbeitsordner an: koopbericht.toml, JAHR/vorlage.toml, text/ und meldungen/.

    In einem bestehenden Arbeitsordner legt „init --jahr JAHR“ wie „koopbericht jahr JAHR“ ein neues Berichtsjahr an.
    „init --beispiel ORDNER“ schreibt stattdessen das eingebaute Beispiel zum Ausprobieren.
    """
    from ..actions.init import init_project
    from ..config import CONFIG_FILE

    with handled(debug):
        if beispiel is not None:
            _example(beispiel, ordner != Path(".") or jahr is not None or kurzname is not None or name != "Musterstadt")
            return
        if jahr is not None and (ordner / CONFIG_FILE).is_file():
            _new_year(ordner, jahr)
            return
        _show_created(init_project(ordner, jahr, name, kurzname))


def _show_created(result: InitResult) -> None:
    """The new working folder's files, and what to do next."""
    from ..files.paths import shown_relative
    from . import console

    console.success(f"Arbeitsordner angelegt: {result.root}")
    for path in result.created:
        shown = shown_relative(path, result.root)
        console.stdout.print(f"  {shown}{'/' if path.is_dir() else ''}", markup=False)
    year = result.year
    console.stdout.print(
        f"Nächste Schritte: Geschäftsbereiche in koopbericht.toml und die Angaben in {year}/vorlage.toml "
        f"anpassen; mit „koopbericht template {year}“ die Meldebögen für die Geschäftsbereiche schreiben und "
        f"versenden (nach jeder Änderung der Frist erneut); eingegangene Meldebögen in {year}/meldungen/ "
        f"ablegen und mit „koopbericht validate {year}“ prüfen; „koopbericht build {year}“ erstellt die Vorlage.",
        markup=False,
    )


def _example(folder: Path, with_other_options: bool) -> None:
    """`init --beispiel`: the built-in example's working folder, and how to try it."""
    from ..actions.init import init_example
    from ..errors import UsageError
    from . import console

    if with_other_options:
        raise UsageError(
            "„koopbericht init --beispiel ORDNER“ schreibt das Beispiel so, wie es ist: ohne ORDNER davor und ohne "
            "--jahr, --name oder --kurzname."
        )
    result = init_example(folder)
    console.success(f"Beispiel angelegt: {result.root}")
    console.stdout.print(
        f"Zum Ausprobieren: in den Ordner wechseln (cd {folder}) und „koopbericht build {result.year}“ aufrufen; "
        f"die Vorlage steht danach in ausgabe/{result.year}/. Was im Beispiel steht, erklärt LIESMICH.md.",
        markup=False,
    )


def _new_year(folder: Path, year: int) -> None:
    """`init --jahr` in a working folder: a new year, as `koopbericht jahr` makes it."""
    from ..actions.year import start_year
    from ..project.folder import Project
    from .year_cmd import show

    show(start_year(Project.open(folder), year))
