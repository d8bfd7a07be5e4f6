"""Narrative sections handed in as Word files (`text/*.docx`): read into the same blocks as Markdown.

Every Word file here is made by the test (python-docx, raw WordprocessingML where python-docx
has no API, LibreOffice for its way of saving); the CLI builds the Vorlage and the tests read
it back. A .docx and its Markdown twin must give the same blocks and the same Vorlage.
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from koopbericht.assemble.narrative import narrative_blocks
from koopbericht.document import Block, Heading, Image, ListBlock, ListItem, Paragraph, Run, Table
from koopbericht.read.texts.sections import MarkdownText, read_texts
from koopbericht.read.texts.wordtext import read_word_text

from ..conftest import EXAMPLE, REPO, built_copy_of_example, run
from ..libreoffice import convert
from ..wordtexts import (
    TWIN_MARKDOWN,
    add_numbering,
    add_picture,
    add_xml,
    numbered,
    save,
    twin_document,
)
from ..workbooks import make_project, row, write_workbook

VALUES = {"anzahl_aktivitaeten": "12", "anzahl_partner": "7", "berichtsjahr": "2023"}
VALIDATOR = REPO.parent / "shared" / "ooxml" / "validate_ooxml.py"


def blocks_of(path: Path) -> list[Block]:
    """The blocks a Word text gives in the Vorlage, with placeholders filled (tables numbered from 3)."""
    return narrative_blocks([read_word_text(path, Path(path.name))], VALUES, 3)


def markdown_blocks(text: str) -> list[Block]:
    return narrative_blocks([MarkdownText(Path("twin.md"), text)], VALUES, 3)


def warnings_of(path: Path) -> list[str]:
    return list(read_word_text(path, Path("2023/text") / path.name).warnings)


def project_with_text(tmp_path: Path) -> tuple[Path, Path]:
    """A working folder with one correct Meldebogen; returns it and its `2023/text/` folder."""
    project = make_project(tmp_path / "p")
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1)])
    text = project / "2023" / "text"
    text.mkdir()
    return project, text


def vorlage(project: Path) -> Path:
    return project / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"


def body_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml")


def all_text(path: Path) -> str:
    """Every XML part of a built package, as text: what must not be there is nowhere."""
    with zipfile.ZipFile(path) as package:
        return "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.endswith((".xml", ".rels")))


def assert_valid(path: Path) -> None:
    """The package validates against the ISO 29500 schemas (with ../shared beside the checkout)."""
    if not VALIDATOR.is_file():
        pytest.skip(f"OOXML-Validator fehlt: {VALIDATOR} (../shared liegt nicht neben dem Checkout)")
    result = subprocess.run(
        [sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 distinct problem(s)" in result.stdout, result.stdout


def test_word_text_gives_the_same_blocks_as_its_markdown_twin(tmp_path: Path) -> None:
    word = blocks_of(save(twin_document(), tmp_path / "03-radverkehr.docx"))
    assert word == markdown_blocks(TWIN_MARKDOWN)
    assert word[0] == Heading(1, "Radverkehr in der Region")
    assert Run("12 Vorhaben", bold=True) in word[1].runs  # type: ignore[union-attr]
    assert Run("Verkehrsverbund", link="https://www.vbb.de/") in word[1].runs  # type: ignore[union-attr]
    assert ListBlock(False, (ListItem((Run("Landkreis Potsdam-Mittelmark"),)), ListItem((Run("Stadt Teltow"),)),
                             ListItem((Run("Ortsteil Seehof"),), 1))) in word  # fmt: skip
    table = next(b for b in word if isinstance(b, Table))
    assert table.caption == "Tabelle 3: Thema und Ergebnis"
    assert table.header == ("Thema", "Ergebnis") and table.rows[1].cells == ("Brücke", "2023")
    assert Heading(3, "Kleinere Punkte") in word  # Heading 4 as ####: both at the deepest level, 3


def test_word_text_builds_the_same_vorlage_as_its_markdown_twin(tmp_path: Path, runner: CliRunner) -> None:
    project, text = project_with_text(tmp_path)
    (text / "03-radverkehr.md").write_text(TWIN_MARKDOWN, encoding="utf-8")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    from_markdown = body_xml(vorlage(project))
    (text / "03-radverkehr.md").unlink()
    save(twin_document(), text / "03-radverkehr.docx")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    assert "03-radverkehr.docx" not in output  # nothing to warn about
    assert body_xml(vorlage(project)) == from_markdown
    document = Document(str(vorlage(project)))
    styles = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert ("Heading 1", "Radverkehr in der Region") in styles and ("List Bullet 2", "Ortsteil Seehof") in styles
    assert ("List Number", "Zweitens") in styles
    assert_valid(vorlage(project))


def test_word_texts_and_markdown_texts_come_in_file_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "text"
    folder.mkdir()
    (folder / "01-einleitung.md").write_text("# Einleitung\n", encoding="utf-8")
    document = Document()
    document.add_heading("Mobilität", 1)
    save(document, folder / "02-mobilitaet.docx")
    (folder / "03-schluss.md").write_text("# Schluss\n", encoding="utf-8")
    shutil.copy(folder / "02-mobilitaet.docx", folder / "~$-mobilitaet.docx")  # Word's lock file while open
    (folder / "04-alt.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    texts, notes = read_texts(folder, lambda p: Path("2023/text") / p.name)
    assert [t.file.name for t in texts] == ["01-einleitung.md", "02-mobilitaet.docx", "03-schluss.md"]
    assert narrative_blocks(texts, VALUES, 3) == [Heading(1, "Einleitung"), Heading(1, "Mobilität"),
                                                  Heading(1, "Schluss")]  # fmt: skip
    assert notes == [
        "2023/text/04-alt.doc wird nicht übernommen: Texte bitte als Word-Dokument (.docx) oder Markdown (.md) ablegen."
    ]


def test_lists_come_from_numbering_definitions_not_style_names(tmp_path: Path) -> None:
    document = Document()
    bullets, decimals, letters = add_numbering(document, "bullet"), add_numbering(document, "decimal"), \
        add_numbering(document, "lowerLetter")  # fmt: skip
    numbered(document, "Punkt eins", bullets)
    numbered(document, "Unterpunkt", bullets, level=1)
    numbered(document, "Punkt zwei", bullets)
    document.add_paragraph("Dazwischen.")
    numbered(document, "Schritt eins", decimals)
    numbered(document, "Schritt zwei", decimals)
    numbered(document, "Neue Zählung", letters)  # another numbered list right after: numbering starts again
    not_a_list = document.add_paragraph("Kein Listenpunkt", style="List Bullet")
    numbering = not_a_list._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_numId().val = 0  # numId 0 switches the style's numbering off
    blocks = blocks_of(save(document, tmp_path / "listen.docx"))
    assert blocks == [
        ListBlock(False, (ListItem((Run("Punkt eins"),)), ListItem((Run("Unterpunkt"),), 1),
                          ListItem((Run("Punkt zwei"),)))),
        Paragraph((Run("Dazwischen."),)),
        ListBlock(True, (ListItem((Run("Schritt eins"),)), ListItem((Run("Schritt zwei"),)))),
        ListBlock(True, (ListItem((Run("Neue Zählung"),)),)),
        Paragraph((Run("Kein Listenpunkt"),)),
    ]  # fmt: skip


def test_german_word_style_names_are_headings_and_lists(tmp_path: Path) -> None:
    """German Word writes style ids such as "berschrift1" under the name "heading 1"; others use the German name."""
    document = twin_document()
    renamed = {"Heading 1": ("berschrift1", "heading 1"), "Heading 2": ("berschrift2", "Überschrift 2"),
               "Heading 3": ("berschrift3", "überschrift 3"), "Heading 4": ("berschrift4", "heading 4"),
               "List Bullet": ("Aufzhlungszeichen", "List Bullet"),
               "List Bullet 2": ("Aufzhlungszeichen2", "Aufzählungszeichen 2"),
               "List Number": ("Listennummer", "Listennummer")}  # fmt: skip
    old_ids = {document.styles[name].style_id: new for name, new in renamed.items()}
    for style in document.styles.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) in old_ids:
            new_id, new_name = old_ids[style.get(qn("w:styleId"))]
            style.set(qn("w:styleId"), new_id)
            style.find(qn("w:name")).set(qn("w:val"), new_name)
    for reference in document.element.body.iter(qn("w:pStyle")):
        if reference.get(qn("w:val")) in old_ids:
            reference.set(qn("w:val"), old_ids[reference.get(qn("w:val"))][0])
    assert blocks_of(save(document, tmp_path / "deutsch.docx")) == markdown_blocks(TWIN_MARKDOWN)


def test_a_word_text_saved_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    source = save(twin_document(), tmp_path / "quelle" / "03-radverkehr.docx")
    resaved = convert(source, "docx:MS Word 2007 XML", tmp_path / "lo", tmp_path / "profil")
    assert blocks_of(resaved) == markdown_blocks(TWIN_MARKDOWN)
    assert read_word_text(resaved, Path("x.docx")).warnings == ()


def test_placeholders_split_across_runs_are_filled(tmp_path: Path) -> None:
    document = Document()
    paragraph = document.add_paragraph("Es sind {{ anzahl_")
    paragraph.add_run("partner }} Partner und ")
    paragraph.add_run("{{ anzahl").bold = True
    paragraph.add_run("_aktivitaeten }}")
    paragraph.add_run(" Vorhaben.")
    heading = document.add_heading("Bericht {{ bericht", 1)
    heading.add_run("sjahr }}")
    assert blocks_of(save(document, tmp_path / "geteilt.docx")) == [
        Paragraph((Run("Es sind 7 Partner und "), Run("12", bold=True), Run(" Vorhaben."))),
        Heading(1, "Bericht 2023"),
    ]


def test_unknown_placeholder_in_a_word_text_names_file_and_paragraph(tmp_path: Path, runner: CliRunner) -> None:
    project, text = project_with_text(tmp_path)
    document = Document()
    document.add_heading("Bericht", 1)
    document.add_paragraph("")
    document.add_paragraph("Es gibt {{ anzahl_").add_run("partnr }} Partner.")
    save(document, text / "03-bericht.docx")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 2, output
    assert "2023/text/03-bericht.docx: Absatz 3: Unbekannter Platzhalter „{{ anzahl_partnr }}“" in output
    assert "Traceback" not in output and not (project / "ausgabe").exists()


def tracked_document() -> Document:  # type: ignore[valid-type]
    document = Document()
    document.add_paragraph("Vorher.")
    add_xml(document, (
        "<w:p <NS>><w:r><w:t xml:space='preserve'>Der Radweg ist </w:t></w:r>"
        "<w:del w:id='1' w:author='GB4' w:date='2024-01-05T10:00:00Z'><w:r><w:delText>GEHEIM-GELOESCHT "
        "</w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='GB4' w:date='2024-01-05T10:00:00Z'><w:r><w:t>fertig</w:t></w:r></w:ins>"
        "<w:moveFrom w:id='3' w:author='GB4' w:date='2024-01-05T10:00:00Z'><w:r><w:t>GEHEIM-VERSCHOBEN</w:t>"
        "</w:r></w:moveFrom><w:r><w:t>.</w:t></w:r></w:p>"
    ))  # fmt: skip
    add_xml(document, (
        "<w:tbl <NS>><w:tblPr><w:tblW w:w='0' w:type='auto'/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>Thema</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Stand</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:trPr><w:del w:id='4' w:author='GB4' w:date='2024-01-05T10:00:00Z'/></w:trPr>"
        "<w:tc><w:p><w:del w:id='5' w:author='GB4' w:date='2024-01-05T10:00:00Z'><w:r><w:delText>GEHEIM-ZEILE"
        "</w:delText></w:r></w:del></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>Brücke</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>offen</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl>"
    ))  # fmt: skip
    return document


def test_tracked_changes_never_publish_deleted_text(tmp_path: Path, runner: CliRunner) -> None:
    project, text = project_with_text(tmp_path)
    save(tracked_document(), text / "03-radweg.docx")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    assert "2023/text/03-radweg.docx, Absätze 2 und 5: Nachverfolgte Änderungen" in output
    built = all_text(vorlage(project))
    assert "GEHEIM" not in built
    assert "Der Radweg ist fertig." in [p.text for p in Document(str(vorlage(project))).paragraphs]
    table = Document(str(vorlage(project))).tables[2]  # after the Grunddaten and the Beratungsfolge
    assert [[c.text for c in r.cells] for r in table.rows] == [["Thema", "Stand"], ["Brücke", "offen"]]
    assert_valid(vorlage(project))


def unknown_things_document() -> Document:  # type: ignore[valid-type]
    document = Document()
    document.add_paragraph("Einleitung.")  # 1
    add_xml(document, (  # 2: a text box as Word 2010+ writes it, with its VML fallback
        "<w:p <NS>><w:r><w:t xml:space='preserve'>Siehe Kasten. </w:t></w:r><w:r><mc:AlternateContent>"
        "<mc:Choice Requires='wps'><w:drawing><wp:anchor distT='0' distB='0' distL='0' distR='0' simplePos='0' "
        "relativeHeight='1' behindDoc='0' locked='0' layoutInCell='1' allowOverlap='1'><wp:simplePos x='0' y='0'/>"
        "<wp:positionH relativeFrom='column'><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV "
        "relativeFrom='paragraph'><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx='1000000' cy='500000'/>"
        "<wp:wrapNone/><wp:docPr id='7' name='Textfeld 1'/><a:graphic><a:graphicData "
        "uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'><wps:wsp><wps:cNvSpPr "
        "txBox='1'/><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>Hinweis im Kasten</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Hinweis im Kasten"
        "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r></w:p>"
    ))  # fmt: skip
    add_xml(document, (  # 3: a comment
        "<w:p <NS>><w:commentRangeStart w:id='0'/><w:r><w:t>Kommentierter Satz.</w:t></w:r><w:commentRangeEnd "
        "w:id='0'/><w:r><w:commentReference w:id='0'/></w:r></w:p>"
    ))  # fmt: skip
    add_xml(document, (  # 4: a footnote
        "<w:p <NS>><w:r><w:t>Mit Fußnote.</w:t></w:r><w:r><w:footnoteReference w:id='1'/></w:r></w:p>"
    ))  # fmt: skip
    add_xml(document, (  # 5: a date field and a hyperlink field
        "<w:p <NS>><w:r><w:t xml:space='preserve'>Stand: </w:t></w:r><w:fldSimple w:instr=' DATE \\@ dd.MM.yyyy '>"
        "<w:r><w:t>05.01.2024</w:t></w:r></w:fldSimple><w:r><w:t xml:space='preserve'>, siehe </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText xml:space='preserve'> HYPERLINK "
        "\"https://www.potsdam.de\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType='separate'/></w:r>"
        "<w:r><w:t>potsdam.de</w:t></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r><w:r><w:t>.</w:t></w:r></w:p>"
    ))  # fmt: skip
    add_xml(document, (  # 6: a content control around text
        "<w:sdt <NS>><w:sdtPr><w:alias w:val='Zuständig'/></w:sdtPr><w:sdtContent><w:p><w:r>"
        "<w:t>Zuständig ist GB 4.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    ))  # fmt: skip
    return document


def test_what_the_reader_does_not_understand_is_named_with_file_and_paragraph(tmp_path: Path) -> None:
    path = save(unknown_things_document(), tmp_path / "03-mobilitaet.docx")
    where = "2023/text/03-mobilitaet.docx"
    assert warnings_of(path) == [
        f"{where}, Absatz 2: Textfeld („Hinweis im Kasten“) wird nicht übernommen; seinen Text bitte als normalen "
        "Absatz schreiben.",
        f"{where}, Absatz 3: Kommentar wird nicht übernommen.",
        f"{where}, Absatz 4: Fußnote wird nicht übernommen; ihren Text bitte in den Absatz schreiben.",
        f"{where}, Absatz 5: Feld „DATE“ wird nur als angezeigter Text übernommen und nicht mehr aktualisiert.",
        f"{where}, Absatz 6: Inhaltssteuerelement „Zuständig“: nur sein Text wird übernommen.",
    ]
    blocks = blocks_of(path)
    assert Paragraph((Run("Siehe Kasten."),)) in blocks
    assert Paragraph((Run("Stand: 05.01.2024, siehe "), Run("potsdam.de", link="https://www.potsdam.de"),
                      Run("."))) in blocks  # fmt: skip
    assert Paragraph((Run("Zuständig ist GB 4."),)) in blocks
    assert not any("Kasten" in str(b) and "Hinweis" in str(b) for b in blocks)


def test_warnings_of_a_word_text_are_shown_by_build(tmp_path: Path, runner: CliRunner) -> None:
    project, text = project_with_text(tmp_path)
    save(unknown_things_document(), text / "03-mobilitaet.docx")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    assert "2023/text/03-mobilitaet.docx, Absatz 2: Textfeld („Hinweis im Kasten“) wird nicht übernommen" in output
    assert "Hinweis im Kasten" not in all_text(vorlage(project))
    assert_valid(vorlage(project))


def test_pictures_keep_their_alt_text_and_a_picture_without_one_is_named(tmp_path: Path, runner: CliRunner) -> None:
    project, text = project_with_text(tmp_path)
    document = Document()
    document.add_paragraph("Das Radverkehrsnetz:")
    add_picture(document, "Grafik 1", "Karte der Radschnellverbindungen zwischen Potsdam, Teltow und Wannsee.")
    document.add_paragraph("Abbildung 1: Radschnellverbindungen Südwest", style="Caption")
    add_picture(document, "Grafik 2", None)
    add_picture(document, "Foto Brücke", "Die neue Brücke über den Zernsee.", title="Zernseebrücke")
    path = save(document, text / "03-bilder.docx")
    blocks = blocks_of(path)
    images = [b for b in blocks if isinstance(b, Image)]
    assert [(i.alt, i.title) for i in images] == [
        ("Karte der Radschnellverbindungen zwischen Potsdam, Teltow und Wannsee.", "Radschnellverbindungen Südwest"),
        ("Die neue Brücke über den Zernsee.", "Zernseebrücke"),
    ]
    assert round(images[0].width_cm, 1) == 6.0 and images[0].png.startswith(b"\x89PNG")
    assert not any(isinstance(b, Paragraph) and "Abbildung 1" in str(b) for b in blocks)
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    assert (
        "2023/text/03-bilder.docx, Absatz 4: Bild „Grafik 2“ hat keinen Alternativtext und wird nicht übernommen"
        in output
    )
    built = Document(str(vorlage(project)))
    described = [p.get("descr") for p in built.element.body.iter(qn("wp:docPr"))]
    assert "Die neue Brücke über den Zernsee." in described and "" not in described and None not in described
    assert len(described) == 3  # two pictures from the text and the Überblick's chart
    captions = [p.text for p in built.paragraphs if p.style is not None and p.style.name == "Caption"]
    assert "Abbildung 1: Radschnellverbindungen Südwest" in captions and "Abbildung 2: Zernseebrücke" in captions
    assert_valid(vorlage(project))


def encrypted(path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO()
    twin_document().save(plain)
    plain.seek(0)
    with path.open("wb") as target:
        OOXMLFile(plain).encrypt("Geheim123", target)


def without_document_part(path: Path) -> None:
    source = io.BytesIO()
    twin_document().save(source)
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(path, "w") as target:
        for item in archive.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item, archive.read(item.filename))


def xml_bomb(path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        "<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    source = io.BytesIO()
    twin_document().save(source)
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(path, "w") as target:
        for item in archive.infolist():
            data = bomb.encode() if item.filename == "word/document.xml" else archive.read(item.filename)
            target.writestr(item, data)


def truncated(path: Path) -> None:
    data = io.BytesIO()
    twin_document().save(data)
    path.write_bytes(data.getvalue()[: len(data.getvalue()) // 2])


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_text("Nur Text, kein Word.", encoding="utf-8"), "die Datei ist kein Word-Dokument"),
        (encrypted, "die Datei ist verschlüsselt (kennwortgeschützt) oder im alten Word-Format (.doc)"),
        (without_document_part, "der Textteil (word/document.xml) fehlt"),
        (xml_bomb, "unzulässige XML-Konstrukte (mögliche XML-Bombe)"),
        (truncated, "die Datei ist beschädigt"),
    ],
    ids=["kein-zip", "verschluesselt", "ohne-text", "xml-bombe", "abgeschnitten"],
)
def test_a_damaged_word_text_stops_the_build_with_a_german_message(
    tmp_path: Path, runner: CliRunner, make: object, reason: str
) -> None:
    project, text = project_with_text(tmp_path)
    path = text / "03-kaputt.docx"
    make(path)  # type: ignore[operator]
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 3, output
    assert "2023/text/03-kaputt.docx kann nicht gelesen werden" in output and reason in output
    assert "Traceback" not in output and not (project / "ausgabe").exists()


def load_example_script() -> object:
    script = REPO / "examples" / "make_word_text.py"
    spec = importlib.util.spec_from_file_location("make_word_text", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_examples_word_contribution_comes_out_as_if_written_in_markdown(tmp_path: Path) -> None:
    contribution = EXAMPLE / "2023" / "text" / "03-radverkehr.docx"
    assert contribution.is_file()
    twin = load_example_script().MARKDOWN_TWIN  # type: ignore[attr-defined]
    assert read_word_text(contribution, Path(contribution.name)).warnings == ()
    built = built_copy_of_example(tmp_path / "docx")
    from_word = body_xml(vorlage(built))
    headings = [p.text for p in Document(str(vorlage(built))).paragraphs if p.style and p.style.name == "Heading 2"]
    assert "Radschnellverbindungen Südwest" in headings
    markdown_copy = tmp_path / "md" / "potsdam"
    shutil.copytree(built, markdown_copy, ignore=shutil.ignore_patterns("ausgabe"))
    (markdown_copy / "2023" / "text" / "03-radverkehr.docx").unlink()
    (markdown_copy / "2023" / "text" / "03-radverkehr.md").write_text(twin, encoding="utf-8")
    code, output = run(CliRunner(), "build", "2023", "-C", str(markdown_copy))
    assert code == 0, output
    assert body_xml(vorlage(markdown_copy)) == from_word
    assert_valid(vorlage(built))


def test_a_note_about_many_paragraphs_names_the_first_ones(tmp_path: Path) -> None:
    document = Document()
    for number in range(1, 11):
        add_xml(document, (
            f"<w:p <NS>><w:r><w:t>Satz {number}.</w:t></w:r><w:r><w:commentReference w:id='{number}'/></w:r></w:p>"
        ))  # fmt: skip
    assert warnings_of(save(document, tmp_path / "viele.docx")) == [
        "2023/text/viele.docx, Absätze 1, 2, 3, 4, 5, 6, 7, 8 und 2 weiteren: Kommentar wird nicht übernommen."
    ]


def test_hidden_text_is_never_published_and_a_table_caption_is_no_paragraph(tmp_path: Path) -> None:
    document = Document()
    paragraph = document.add_paragraph("Sichtbar.")
    paragraph.add_run(" GEHEIM-AUSGEBLENDET").font.hidden = True
    document.add_paragraph("Tabelle 1: Termine der Sitzungen", style="Caption")
    table = document.add_table(rows=2, cols=2)
    for cell, value in zip([*table.rows[0].cells, *table.rows[1].cells], ["Datum", "Gremium", "17.10.2023", "HA"],
                           strict=True):  # fmt: skip
        cell.text = value
    path = save(document, tmp_path / "versteckt.docx")
    blocks = blocks_of(path)
    assert blocks[0] == Paragraph((Run("Sichtbar."),))
    assert "GEHEIM" not in str(blocks)
    assert warnings_of(path) == ["2023/text/versteckt.docx, Absatz 1: Ausgeblendeter Text wird nicht übernommen."]
    table_block = blocks[1]
    assert isinstance(table_block, Table) and len(blocks) == 2
    assert table_block.caption == "Tabelle 3: Datum und Gremium"
    assert table_block.description.startswith("Termine der Sitzungen. Tabelle mit den Spalten Datum, Gremium")


def test_other_bitmaps_become_png_and_unknown_formats_are_refused() -> None:
    from PIL import Image as PillowImage

    from koopbericht.read.texts.wordtext import usable_picture

    bitmap = io.BytesIO()
    PillowImage.new("RGB", (10, 10), "red").save(bitmap, "BMP")
    assert (usable_picture(bitmap.getvalue()) or b"").startswith(b"\x89PNG")
    assert usable_picture(b"\x01\x00\x00\x00 EMF-Daten") is None
