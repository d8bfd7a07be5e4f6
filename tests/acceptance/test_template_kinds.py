"""House templates made three ways give a Vorlage Word opens: python-docx's default, LibreOffice's, Word's.

LibreOffice writes built-in style names in display case ("Heading 1"); a German Word
template here carries German names and ids ("Überschrift 1", "berschrift1"), ends its
numbering with `w:numIdMacAtCleanup` and has no run defaults. Each build must succeed,
validate with ../shared/ooxml/validate_ooxml.py with 0 problems, use real heading styles
(with outline levels) and real numbered lists, and keep the template's header and footer.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree
from typer.testing import CliRunner

from .. import ooxml
from ..conftest import EXAMPLE, run
from ..libreoffice import convert

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOUSE = "Stadtverwaltung Musterstadt"
HEADINGS = {  # text of a heading in the example → its outline level (0 = Heading 1)
    "Bericht des Oberbürgermeisters zur interkommunalen Zusammenarbeit 2023": 0,
    "Sachstand": 1,
    "Verbandsarbeit": 2,
}
NUMBERED = "Verbandsarbeit im Städte- und Gemeindebund Brandenburg und im Deutschen Städtetag"
BULLETED = "das städtische Verkehrsmanagement zu einem netzweiten regionalen System auszubauen,"
# German Word's ids and names of the built-in styles, by python-docx's ids.
GERMAN = {
    "Normal": ("Standard", "Standard"), "Title": ("Titel", "Titel"), "Caption": ("Beschriftung", "Beschriftung"),
    "Heading1": ("berschrift1", "Überschrift 1"), "Heading2": ("berschrift2", "Überschrift 2"),
    "Heading3": ("berschrift3", "Überschrift 3"), "ListBullet": ("Aufzhlungszeichen", "Aufzählungszeichen"),
    "ListNumber": ("Listennummer", "Listennummer"), "TableGrid": ("Tabellenraster", "Tabellenraster"),
    "TableNormal": ("NormaleTabelle", "Normale Tabelle"),
}  # fmt: skip
# Deeper list styles a Word template often lacks (Word stores only used styles): koopbericht must add them.
UNUSED = ("ListBullet2", "ListBullet3", "ListNumber2", "ListNumber3")


def house_document(header: str) -> DocumentObject:
    """A template with its own header and footer (with a page number) and body text that must not be carried over."""
    document = Document()
    document.add_heading("Vorlagentext, der nicht im Ergebnis stehen darf", level=1)
    document.add_paragraph("Ein Punkt", style="List Bullet")
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    footer = section.footer.paragraphs[0]
    footer.text = f"{HOUSE} · Seite "
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    footer._p.append(field)
    return document


def default_template(folder: Path) -> Path:
    path = folder / "python-docx.docx"
    Document().save(str(path))
    return path


def libreoffice_template(folder: Path) -> Path:
    """Made in python-docx, opened and saved by LibreOffice twice: as .odt, then back as .docx."""
    source = folder / "hausvorlage.docx"
    house_document(f"{HOUSE} (LibreOffice)").save(str(source))
    profile = folder / "profil"
    odt = convert(source, "odt", folder / "odt", profile)
    return convert(odt, "docx:MS Word 2007 XML", folder / "libreoffice", profile)


def word_template(folder: Path) -> Path:
    """Like a template saved by a German Word: German style ids and names, numIdMacAtCleanup, no run defaults."""
    buffer = io.BytesIO()
    house_document(f"{HOUSE} (Word)").save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for name in members:
        if re.fullmatch(r"word/(document|header\d*|footer\d*|styles|stylesWithEffects|numbering)\.xml", name):
            members[name] = _germanised(members[name])
    path = folder / "word.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _germanised(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for style in [s for s in root.iter(f"{W}style") if s.get(f"{W}styleId") in UNUSED]:
        root.remove(style)
    for element in root.iter():
        for attribute in (f"{W}val", f"{W}styleId"):
            value = element.get(attribute)
            if value in GERMAN and (attribute == f"{W}styleId" or element.tag != f"{W}name"):
                element.set(attribute, GERMAN[value][0])
    for style in root.iter(f"{W}style"):
        german = next((names for names in GERMAN.values() if names[0] == style.get(f"{W}styleId")), None)
        if german is not None:
            style.find(f"{W}name").set(f"{W}val", german[1])
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault")
    if defaults is not None:
        defaults.getparent().remove(defaults)
    if root.tag == f"{W}numbering":
        etree.SubElement(root, f"{W}numIdMacAtCleanup").set(f"{W}val", "7")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


MAKERS = {"python-docx": default_template, "libreoffice": libreoffice_template, "word": word_template}


@pytest.fixture(scope="module", params=sorted(MAKERS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    """(kind, template, output folder) of the example built with a template of that kind."""
    kind = str(request.param)
    folder = tmp_path_factory.mktemp(kind)
    template = MAKERS[kind](folder)
    project = folder / "potsdam"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("ausgabe"))
    code, output = run(CliRunner(), "build", "2023", "-C", str(project), "--template", str(template))
    assert code == 0, output
    return kind, template, project / "ausgabe" / "2023"


def outputs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.docx")) + sorted(folder.glob("*.xlsx"))


def parts(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist() if name.endswith(".xml")}


def effective(styles: etree._Element, paragraph: etree._Element, path: str) -> etree._Element | None:
    """The element at `path` below w:pPr, from the paragraph itself or else its style and the styles it is based on."""
    found = paragraph.find(f"{W}pPr/{path}")
    style_id = paragraph.find(f"{W}pPr/{W}pStyle")
    chain = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    current = chain.get(style_id.get(f"{W}val")) if style_id is not None else None
    while found is None and current is not None:
        found = current.find(f"{W}pPr/{path}")
        based = current.find(f"{W}basedOn")
        current = chain.get(based.get(f"{W}val")) if based is not None else None
    return found


def list_format(xml: dict[str, etree._Element], paragraph: etree._Element) -> str | None:
    """The number format ("decimal", "bullet") of the paragraph's list level, None if it is no list."""
    num_id = effective(xml["word/styles.xml"], paragraph, f"{W}numPr/{W}numId")
    if num_id is None or num_id.get(f"{W}val") == "0":
        return None
    level = effective(xml["word/styles.xml"], paragraph, f"{W}numPr/{W}ilvl")
    numbering = xml["word/numbering.xml"]
    num = numbering.find(f"{W}num[@{W}numId='{num_id.get(f'{W}val')}']")
    abstract = numbering.find(f"{W}abstractNum[@{W}abstractNumId='{num.find(f'{W}abstractNumId').get(f'{W}val')}']")
    ilvl = "0" if level is None else level.get(f"{W}val")
    return str(abstract.find(f"{W}lvl[@{W}ilvl='{ilvl}']/{W}numFmt").get(f"{W}val"))


def test_every_output_validates(built: tuple[str, Path, Path]) -> None:
    kind, _, folder = built
    assert len(outputs(folder)) >= 3
    for path in outputs(folder):
        assert ooxml.problems(path) == "", (kind, path.name)


def test_headings_use_the_heading_styles(built: tuple[str, Path, Path]) -> None:
    kind, _, folder = built
    xml = parts(folder / "Kooperationsbericht-2023.docx")
    levels = {}
    for paragraph in xml["word/document.xml"].iter(f"{W}p"):
        text = "".join(paragraph.itertext())
        if text in HEADINGS:
            level = effective(xml["word/styles.xml"], paragraph, f"{W}outlineLvl")
            levels[text] = None if level is None else int(level.get(f"{W}val"))
    assert levels == HEADINGS, kind


def test_lists_are_numbered_lists(built: tuple[str, Path, Path]) -> None:
    kind, _, folder = built
    xml = parts(folder / "Kooperationsbericht-2023.docx")
    formats = {}
    for paragraph in xml["word/document.xml"].iter(f"{W}p"):
        text = "".join(paragraph.itertext())
        if text in (NUMBERED, BULLETED):
            formats[text] = list_format(xml, paragraph)
    assert formats == {NUMBERED: "decimal", BULLETED: "bullet"}, kind


def test_the_template_s_header_and_footer_stay(built: tuple[str, Path, Path]) -> None:
    kind, _, folder = built
    xml = parts(folder / "Kooperationsbericht-2023.docx")
    headers = " ".join("".join(root.itertext()) for name, root in xml.items() if name.startswith("word/header"))
    footers = " ".join("".join(root.itertext()) for name, root in xml.items() if name.startswith("word/footer"))
    body = "".join(xml["word/document.xml"].itertext())
    assert "Vorlagentext" not in body
    if kind == "python-docx":  # no header of its own: koopbericht's
        assert "Mitteilungsvorlage 24/SVV/1155" in headers and "Seite" in footers
    else:
        assert f"{HOUSE} ({'Word' if kind == 'word' else 'LibreOffice'})" in headers, headers
        assert "Mitteilungsvorlage" not in headers and f"{HOUSE} · Seite" in footers


@pytest.mark.parametrize("built", ["word"], indirect=True)
def test_the_word_template_is_like_word_s_and_is_kept_so(built: tuple[str, Path, Path]) -> None:
    _, template, folder = built
    assert ooxml.problems(template) == ""  # a valid Word file, as Word would write it
    source = parts(template)
    assert source["word/numbering.xml"][-1].tag == f"{W}numIdMacAtCleanup"
    assert source["word/styles.xml"].find(f"{W}docDefaults/{W}rPrDefault") is None
    assert "Überschrift 1" in source["word/styles.xml"].xpath("//w:name/@w:val", namespaces={"w": W[1:-1]})
    xml = parts(folder / "Kooperationsbericht-2023.docx")
    numbering = [etree.QName(child).localname for child in xml["word/numbering.xml"]]
    assert numbering[-1] == "numIdMacAtCleanup"  # the numbering koopbericht added went before it
    assert numbering.count("num") > len(source["word/numbering.xml"].findall(f"{W}num"))
    defaults = xml["word/styles.xml"].find(f"{W}docDefaults")
    assert [etree.QName(child).localname for child in defaults] == ["rPrDefault", "pPrDefault"]
    assert defaults.find(f"{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "de-DE"
    used = {p.get(f"{W}val") for p in xml["word/document.xml"].iter(f"{W}pStyle")}
    assert {"berschrift1", "berschrift2", "berschrift3", "Listennummer", "Aufzhlungszeichen"} <= used


@pytest.mark.parametrize("built", ["word"], indirect=True)
def test_the_checker_sees_what_word_rejects(built: tuple[str, Path, Path], tmp_path: Path) -> None:
    """The old fault, a w:num after w:numIdMacAtCleanup, is a problem for the checker: the tests above are not idle."""
    _, template, _ = built
    with zipfile.ZipFile(template) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    numbering = etree.fromstring(members["word/numbering.xml"])
    numbering.append(etree.fromstring(etree.tostring(numbering.findall(f"{W}num")[0])))
    numbering[-1].set(f"{W}numId", "99")
    members["word/numbering.xml"] = etree.tostring(numbering)
    broken = tmp_path / "kaputt.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert "w:num" in ooxml.problems(broken)


LINKS = """\
## Verweise

Mehr im ***[Kooperationsportal](https://example.org/kooperation)***, im **[Bericht](https://example.org/bericht)**
und im *[Archiv](https://example.org/archiv)*.
"""


def test_a_bold_and_italic_link_keeps_both_in_word_s_order(example_copy: Path) -> None:
    """Word expects a run's properties in one order (b, i, …, color, …, u); the link keeps its emphasis."""
    (example_copy / "2023" / "text" / "09-verweise.md").write_text(LINKS, encoding="utf-8")
    code, output = run(CliRunner(), "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    vorlage = example_copy / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"
    links = {
        "".join(link.itertext()): [etree.QName(child).localname for child in link.find(f"{W}r/{W}rPr")]
        for link in parts(vorlage)["word/document.xml"].iter(f"{W}hyperlink")
    }
    assert {text: links[text] for text in ("Kooperationsportal", "Bericht", "Archiv")} == {
        "Kooperationsportal": ["b", "i", "color", "u"],
        "Bericht": ["b", "color", "u"],
        "Archiv": ["i", "color", "u"],
    }
    assert ooxml.problems(vorlage) == ""


def test_a_list_style_without_numbering_gets_numbering(example_copy: Path) -> None:
    """A hand-made template's "List Number" that only indents: the Vorlage's lists must still be real lists."""
    template = Document()
    for name in ("List Number", "List Bullet"):
        properties = template.styles[name].element.pPr
        properties.remove(properties.find(qn("w:numPr")))
    path = example_copy / "hausvorlage.docx"
    template.save(str(path))
    code, output = run(CliRunner(), "build", "2023", "-C", str(example_copy), "--template", str(path))
    assert code == 0, output
    vorlage = example_copy / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"
    xml = parts(vorlage)
    formats = {
        text: list_format(xml, paragraph)
        for paragraph in xml["word/document.xml"].iter(f"{W}p")
        if (text := "".join(paragraph.itertext())) in (NUMBERED, BULLETED)
    }
    assert formats == {NUMBERED: "decimal", BULLETED: "bullet"}
    assert ooxml.problems(vorlage) == ""
