"""The validation of every Office file the tests write (tests/ooxml.py, conftest.py) sees what it should.

It collects koopbericht's outputs wherever they are written, and only those: a file a test
writes itself (a damaged input, a template) is not an output, and neither are bytes that
are no zip archive at all. What it collects validates, and what Word rejects is reported.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from typer.testing import CliRunner

from koopbericht.files.atomic import write_bytes_atomic

from . import ooxml
from .conftest import run


def test_every_output_is_collected_and_nothing_else(example_copy: Path, tmp_path: Path) -> None:
    ooxml.need_checker()
    (tmp_path / "kopien").mkdir()
    outputs = ooxml.watch(tmp_path / "kopien")
    try:
        damaged = example_copy / "kaputt.docx"
        damaged.write_bytes(b"PK\x03\x04 kein Word-Dokument")  # written by the test, not by koopbericht
        write_bytes_atomic(tmp_path / "kein-zip.xlsx", b"neu")
        code, output = run(CliRunner(), "build", "2023", "-C", str(example_copy))
        assert code == 0, output
        code, output = run(CliRunner(), "validate", "2023", "-C", str(example_copy), "--annotate", str(tmp_path / "z"))
    finally:
        outputs.active = False
    written = {Path(place.split(" (")[0]).name for places in outputs.written.values() for place in places}
    assert {"Kooperationsbericht-2023.docx", "Anlage-1-Kooperationsvorhaben-2023.docx"} <= written
    assert "Anlage-Uebersicht-2023.xlsx" in written
    assert {path.name for path in (tmp_path / "z").glob("*.xlsx")} <= written  # annotated copies, if any
    assert not written & {"kaputt.docx", "kein-zip.xlsx"}
    assert all("test_every_output_is_collected" in place for places in outputs.written.values() for place in places)
    assert outputs.invalid() == {}


def test_what_word_rejects_is_a_problem(tmp_path: Path) -> None:
    """A run's properties out of Word's order (the bold link's old `color, u, b`): the checker reports it."""
    ooxml.need_checker()
    source = tmp_path / "gut.docx"
    Document().save(str(source))
    assert ooxml.problems(source) == ""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"<w:body>", b'<w:body><w:p><w:r><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/><w:b/></w:rPr>'
        b"<w:t>Verweis</w:t></w:r></w:p>", 1,
    )  # fmt: skip
    broken = tmp_path / "falsche-reihenfolge.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert "w:b" in ooxml.problems(broken)
