"""A damaged Word template is a usage error with a German message, never an internal error."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from .conftest import run


def package(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def good_docx() -> dict[str, bytes]:
    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def damaged(kind: str) -> bytes:
    members = good_docx()
    if kind == "kein-zip":
        return b"Dies ist kein Word-Dokument."
    if kind == "abgeschnitten":
        return package(members)[:2000]
    if kind == "ohne-dokument":
        return package({k: v for k, v in members.items() if k != "word/document.xml"})
    if kind == "kaputtes-xml":
        return package({**members, "word/document.xml": b"<w:document"})
    if kind == "leeres-zip":
        return package({})
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["kein-zip", "abgeschnitten", "ohne-dokument", "kaputtes-xml", "leeres-zip"])
def test_damaged_template_is_a_usage_error(kind: str, example_copy: Path, runner: CliRunner) -> None:
    template = example_copy / "hausvorlage.docx"
    template.write_bytes(damaged(kind))
    code, output = run(runner, "build", "2023", "-C", str(example_copy), "--template", str(template))
    assert code == 2, output
    assert "Die Word-Vorlage" in output and "kein lesbares Word-Dokument" in output
    assert not (example_copy / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx").exists()
