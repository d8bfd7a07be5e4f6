"""The example's two open findings settled as LIESMICH.md describes: what an Endfassung of it needs."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from .conftest import run

GB3_CLOSED = ("status-widerspricht-datum", "GB3_Meldebogen_2023.xlsx", "F7")  # GB3-006 „abgeschlossen“ without Ende


def settle_example(root: Path) -> None:
    """Add „Schwielow-See“ as an alias and accept GB3-006's Status, with the commands a clerk runs."""
    runner = CliRunner()
    code, output = run(runner, "alias", "Schwielow-See", "Gemeinde Schwielowsee", "-C", str(root))
    assert code == 0, output
    reason = "Die Übung fand statt; das genaue Ende ist nicht überliefert."
    code, output = run(runner, "akzeptieren", "2023", *GB3_CLOSED, "--grund", reason, "-C", str(root))
    assert code == 0, output
