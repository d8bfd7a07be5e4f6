"""Shared fixtures: a CLI runner, stable rich output, and small working folders."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht.cli import app, console

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "potsdam"

MINIMAL_CONFIG = """\
[koerperschaft]
name = "Stadt Musterhausen"

[[geschaeftsbereich]]
kuerzel = "GB1"
name = "Zentrale Verwaltung"

[[geschaeftsbereich]]
kuerzel = "GB2"
name = "Bauen und Umwelt"
"""


@pytest.fixture(autouse=True)
def stable_console(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Wide, colourless, non-terminal output so assertions do not depend on the machine."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("KOOPBERICHT_DEBUG", raising=False)
    for target in (console.stdout, console.stderr):
        monkeypatch.setattr(target, "_width", 200)
        monkeypatch.setattr(target, "_force_terminal", False)
    yield


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> tuple[int, str]:
    """Invoke the CLI; return exit code and everything printed (stdout and stderr)."""
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    root = tmp_path / "projekt"
    root.mkdir()
    (root / "koopbericht.toml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    return root


# GB3-006 „abgeschlossen“ without Ende, in the example's 2023: a finding LIESMICH.md accepts.
GB3_CLOSED = ("status-widerspricht-datum", "GB3_Meldebogen_2023.xlsx", "F7")


def settle_example(root: Path) -> None:
    """The example's two open findings settled with the commands LIESMICH.md gives: an alias, an acceptance."""
    runner = CliRunner()
    code, output = run(runner, "alias", "Schwielow-See", "Gemeinde Schwielowsee", "-C", str(root))
    assert code == 0, output
    reason = "Die Übung fand statt; das genaue Ende ist nicht überliefert."
    code, output = run(runner, "akzeptieren", "2023", *GB3_CLOSED, "--grund", reason, "-C", str(root))
    assert code == 0, output


def built_copy_of_example(folder: Path, *options: str) -> Path:
    """A private copy of the example in `folder`, its findings settled (an Endfassung), built for 2023."""
    target = folder / "potsdam"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("ausgabe"))
    settle_example(target)
    code, output = run(CliRunner(), "build", "2023", "-C", str(target), *options)
    assert code == 0, output
    return target


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A private copy of the example working folder, safe to write into."""
    target = tmp_path / "potsdam"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("ausgabe"))
    return target


@pytest.fixture(scope="session", autouse=True)
def every_oparl_export_validates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """After the run: every OParl export any test wrote below pytest's temporary folder is valid OParl 1.1."""
    yield
    from .oparl_schema import SCHEMAS, problems

    if not (SCHEMAS / "Paper.json").is_file():
        return  # a user's clone without ../shared: tests/render/test_oparl.py says so where it skips
    invalid = {}
    for path in sorted(tmp_path_factory.getbasetemp().rglob("*.oparl.json")):
        found = problems("Paper", json.loads(path.read_text(encoding="utf-8")))
        if found:
            invalid[str(path)] = found
    assert invalid == {}


@pytest.fixture(scope="session", autouse=True)
def every_office_output_validates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """After the run: every .docx and .xlsx koopbericht wrote passes ../shared/ooxml/validate_ooxml.py, 0 problems.

    What Word or Excel would reject fails the run, whichever test wrote it; see tests/ooxml.py for which
    files count (koopbericht's outputs, as written; not the damaged or foreign inputs the tests make).
    """
    from . import ooxml

    outputs = ooxml.watch(tmp_path_factory.mktemp("ooxml-ausgaben"))
    yield
    outputs.active = False
    assert outputs.failures == []
    if not ooxml.available():
        if os.environ.get("CI"):
            pytest.fail(f"Der OOXML-Prüfer fehlt: {ooxml.CHECKER}")
        return  # a user's clone without ../shared: tests/acceptance/test_template_kinds.py says so where it skips
    invalid = outputs.invalid()
    ooxml.clean_up()
    if invalid:
        pytest.fail("\n\n".join(f"{places}:\n{report}" for places, report in invalid.items()), pytrace=False)
