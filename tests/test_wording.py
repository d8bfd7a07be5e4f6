"""Generated German reads right: number agreement in sentences, and a chart that survives greyscale."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PIL import ImageColor
from typer.testing import CliRunner

from koopbericht.assemble.chart import COLOURS
from koopbericht.formatting import counted

from .conftest import run
from .workbooks import make_project, row, write_workbook


def test_counted_agrees_in_number() -> None:
    assert [counted(n, "Warnung", "Warnungen") for n in (0, 1, 2, 1234)] == [
        "0 Warnungen", "1 Warnung", "2 Warnungen", "1.234 Warnungen",
    ]  # fmt: skip


def test_one_of_everything_is_singular_in_the_vorlage(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "p")
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1, partner="Gemeinde Schwielowsee")])
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    text = " ".join(p.text for p in Document(str(project / "ausgabe/2023/Kooperationsbericht-2023.docx")).paragraphs)
    assert "Für 2023 hat 1 Geschäftsbereich 1 Vorhaben mit 1 Kooperationspartner gemeldet." in text
    assert "Geschäftsbereiche 1" not in text and "1 verschiedenen" not in text


def test_status_colours_stay_apart_in_greyscale() -> None:
    """Printed in black and white, the first four statuses (geplant … ruhend) are four clearly different greys."""
    greys = []
    for colour in COLOURS[:4]:
        red, green, blue = ImageColor.getrgb(colour)[:3]
        greys.append(0.299 * red + 0.587 * green + 0.114 * blue)
    assert all(abs(a - b) >= 50 for index, a in enumerate(greys) for b in greys[index + 1 :]), greys
