"""Word opens what koopbericht writes from its own template without compatibility mode and without
python-docx's picture of an empty page as preview; a house template keeps its own settings."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from typer.testing import CliRunner

from .. import ooxml
from ..conftest import built_copy_of_example, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD = "http://schemas.microsoft.com/office/word"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
DOCX = ("Kooperationsbericht-2023.docx", "Anlage-1-Kooperationsvorhaben-2023.docx")
# What Word 2013 and later write into a new document's w:compat.
WORD_2013 = {
    "compatibilityMode": "15",
    "overrideTableStyleFontSizeAndJustification": "1",
    "enableOpenTypeFeatures": "1",
    "doNotFlipMirrorIndents": "1",
    "differentiateMultirowTableHeaders": "1",
}


def compat_settings(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        settings = etree.fromstring(archive.read("word/settings.xml"))
    compat = settings.find(f"{W}compat")
    assert compat is not None
    settings_of_word = [s for s in compat.findall(f"{W}compatSetting") if s.get(f"{W}uri") == WORD]
    return {s.get(f"{W}name"): s.get(f"{W}val") for s in settings_of_word}


def thumbnail_traces(path: Path) -> list[str]:
    """Every trace of a thumbnail in the package: the part, its relationship, a content type for it."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        rels = archive.read("_rels/.rels").decode()
        types = archive.read("[Content_Types].xml").decode()
    traces = [name for name in names if "thumbnail" in name]
    traces += ["_rels/.rels"] if THUMBNAIL in rels else []
    traces += ["[Content_Types].xml"] if "thumbnail" in types or 'Extension="jpeg"' in types else []
    return traces


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_copy_of_example(tmp_path_factory.mktemp("compat")) / "ausgabe" / "2023"


@pytest.mark.parametrize("name", DOCX)
def test_own_template_writes_word_2013_compatibility(built: Path, name: str) -> None:
    assert compat_settings(built / name) == WORD_2013
    with zipfile.ZipFile(built / name) as archive:
        compat = etree.fromstring(archive.read("word/settings.xml")).find(f"{W}compat")
    assert [child.tag for child in compat] == [f"{W}compatSetting"] * len(WORD_2013)  # no East Asian layout


@pytest.mark.parametrize("name", DOCX)
def test_own_template_has_no_thumbnail_and_stays_valid(built: Path, name: str) -> None:
    assert thumbnail_traces(built / name) == []
    assert ooxml.problems(built / name) == ""


def test_a_house_template_keeps_its_compatibility_mode_and_thumbnail(example_copy: Path, runner: CliRunner) -> None:
    template = example_copy / "hausvorlage.docx"
    Document().save(str(template))  # python-docx's template as it is: Word 2010 mode, with a thumbnail
    assert compat_settings(template)["compatibilityMode"] == "14" and thumbnail_traces(template)
    code, output = run(runner, "build", "2023", "-C", str(example_copy), "--template", str(template))
    assert code == 0, output
    written = example_copy / "ausgabe" / "2023" / DOCX[0]
    assert compat_settings(written)["compatibilityMode"] == "14"
    assert "docProps/thumbnail.jpeg" in thumbnail_traces(written)
    assert ooxml.problems(written) == ""
