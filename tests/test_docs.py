"""The clerk's documentation stays true: generated pages current, shown commands runnable, links whole, CI in sync."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from koopbericht.findings import CATALOGUE
from koopbericht.reference import PAGES, REGENERATE, stale_pages

from .conftest import EXAMPLE, REPO

DOCS = REPO / "docs"
DOCUMENTS = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
KOOPBERICHT = str(Path(sys.executable).with_name("koopbericht"))
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
RUNNABLE_FENCES = {"", "sh", "shell", "bash", "console"}
LINK = re.compile(r"\]\(([^)#\s]*)(?:#([^)\s]*))?\)")


def test_generated_pages_are_current() -> None:
    stale = stale_pages(DOCS)
    assert not stale, f"docs/ ist veraltet: {', '.join(stale)}. Neu erzeugen mit „{REGENERATE}“."


def test_every_generated_page_is_in_the_index() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for name in PAGES:
        assert f"]({name})" in index, name


def test_every_finding_code_has_an_entry() -> None:
    catalogue = (DOCS / "befunde.md").read_text(encoding="utf-8")
    for kind in CATALOGUE:
        assert f"| `{kind.code}` |" in catalogue, kind.code
        assert f"### `{kind.code}`" in catalogue, kind.code
    assert len({k.code for k in CATALOGUE}) == len(CATALOGUE)


def test_readme_test_command_is_the_one_ci_runs() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    blocks = [body.strip() for _, body in FENCE.findall((REPO / "README.md").read_text(encoding="utf-8"))]
    assert ci in blocks, f"README.md shows no code block with exactly .ci/run's command: {ci}"


def test_readme_stays_short_and_links_resolve() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 260
    for document in DOCUMENTS:
        for target, anchor in LINK.findall(document.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            path = (document.parent / target).resolve() if target else document
            assert path.exists(), f"{document.name}: Verweis auf {target} fehlt"
            if anchor:
                assert anchor in anchors(path), f"{document.name}: {target}#{anchor} gibt es nicht"


def anchors(document: Path) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown file."""
    headings = re.findall(r"^#+ (.+)$", document.read_text(encoding="utf-8"), re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


def shown_commands(document: Path) -> list[list[str]]:
    """The runnable code blocks of `document`: their `koopbericht …` and `cd …` lines, block by block."""
    blocks = []
    for language, body in FENCE.findall(document.read_text(encoding="utf-8")):
        body = re.sub(r"\\\n\s*", " ", body)  # a shell line continued with a backslash is one command
        lines = [line.strip() for line in body.splitlines()] if language in RUNNABLE_FENCES else []
        commands = [line for line in lines if line.split(" ", 1)[0] in ("koopbericht", "cd")]
        if any(line.startswith("koopbericht") for line in commands):
            blocks.append(commands)
    return blocks


def test_the_readme_shows_commands_to_run() -> None:
    assert len(shown_commands(REPO / "README.md")) >= 2


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_shown_command_runs_on_a_copy_of_the_example(document: Path, tmp_path: Path) -> None:
    for number, block in enumerate(shown_commands(document)):
        folder = tmp_path / f"block{number}"
        shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("ausgabe"))
        for line in block:
            words = shlex.split(line)
            if words[0] == "cd":
                folder = folder / words[1]
                assert folder.is_dir(), f"{document.name}: {line}"
                continue
            completed = subprocess.run(
                [KOOPBERICHT, *words[1:]],
                cwd=folder,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=300,
                check=False,
                env={**os.environ, "COLUMNS": "100"},
            )
            assert completed.returncode == 0, f"{document.name}: {line}\n{completed.stdout}\n{completed.stderr}"
