"""build: the Vorlage, the Anlage xlsx and the OParl export, read back and checked."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

from koopbericht.project.folder import Project
from koopbericht.year.pipeline import check_year

from ..conftest import built_copy_of_example, run
from ..libreoffice import convert
from ..workbooks import make_project, row, write_workbook

INTERNAL_MARKERS = ("@example.org", "Jana Beispiel", "Tom Muster", "Karl Probe", "Einladungsliste")


def style(paragraph: DocxParagraph) -> str:
    """The paragraph's style name ("" where python-docx finds none)."""
    return paragraph.style.name or "" if paragraph.style is not None else ""


def outputs(project: Path, year: int = 2023) -> dict[str, Path]:
    folder = project / "ausgabe" / str(year)
    return {
        "docx": folder / f"Kooperationsbericht-{year}.docx",
        "annex": folder / f"Anlage-1-Kooperationsvorhaben-{year}.docx",
        "xlsx": folder / f"Anlage-Uebersicht-{year}.xlsx",
        "json": folder / f"vorlage-{year}.oparl.json",
    }


@pytest.fixture(scope="module")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_copy_of_example(tmp_path_factory.mktemp("beispiel"))


def example_titles(project: Path) -> list[str]:
    return [a.title for a in check_year(Project.open(project), 2023).activities]


def test_build_writes_the_three_outputs(built_example: Path) -> None:
    for path in outputs(built_example).values():
        assert path.is_file() and path.stat().st_size > 0


def test_docx_structure(built_example: Path) -> None:
    document = Document(str(outputs(built_example)["docx"]))
    paragraphs = document.paragraphs
    assert style(paragraphs[0]) == "Title" and paragraphs[0].text == "Mitteilungsvorlage 24/SVV/1155"
    headings = [(style(p), p.text) for p in paragraphs if style(p).startswith("Heading")]
    for expected in [
        ("Heading 1", "Grunddaten"),
        ("Heading 1", "Beratungsfolge"),
        ("Heading 1", "Erläuterung"),
        ("Heading 1", "Bericht des Oberbürgermeisters zur interkommunalen Zusammenarbeit 2023"),
        ("Heading 2", "Sachstand"),
        ("Heading 3", "Smart City"),
        ("Heading 1", "Überblick in Zahlen"),
        ("Heading 1", "Anlagen"),
    ]:
        assert expected in headings
    # The Anlage is its own file (tests below), as councils upload it; not repeated in the Vorlage.
    assert not any(text.startswith("Anlage 1:") for _, text in headings)
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT]
    assert document.settings.element.find(qn("w:autoHyphenation")) is not None  # German compounds hyphenate
    attachments = [[c.text for c in r.cells] for r in document.tables[-1].rows]
    assert attachments[1][1].endswith("(Anlage-1-Kooperationsvorhaben-2023.docx)")
    assert attachments[2][1].endswith("(Anlage-Uebersicht-2023.xlsx)")
    sizes = (outputs(built_example)["annex"].stat().st_size, outputs(built_example)["xlsx"].stat().st_size)
    # kB = 1000 bytes (DIN 1301)
    assert [row[2] for row in attachments[1:]] == [f"{size / 1000:.1f} kB".replace(".", ",") for size in sizes]
    text = "\n".join(p.text for p in paragraphs)
    assert "Der Hauptausschuss nimmt zur Kenntnis:" in text
    assert "insgesamt 47 Vorhaben mit" in text
    assert "{{" not in text
    captions = [p.text.split(":")[0] for p in paragraphs if style(p) == "Caption" and p.text.startswith("Tabelle")]
    assert captions == [f"Tabelle {n}" for n in range(1, len(captions) + 1)]  # numbered without gaps
    grunddaten = document.tables[0]
    assert [c.text for c in grunddaten.rows[1].cells] == [
        "Betreff",
        "5. Kooperationsbericht der interkommunalen Zusammenarbeit",
    ]
    assert [c.text for c in document.tables[1].rows[1].cells] == [
        "Erledigt",
        "13.11.2024",
        "Hauptausschuss",
        "zur Kenntnis",
    ]


def test_lists_are_real_word_lists(built_example: Path) -> None:
    document = Document(str(outputs(built_example)["docx"]))
    numbered = [p for p in document.paragraphs if style(p) == "List Number"]
    bullets = [p for p in document.paragraphs if style(p) == "List Bullet"]
    assert len(numbered) == 7 and len(bullets) >= 6
    assert numbered[0].text.startswith("Verbandsarbeit")
    assert all(p._p.pPr is not None and p._p.pPr.numPr is not None for p in numbered)
    assert any(r.bold for p in document.paragraphs for r in p.runs if "47 Vorhaben" in r.text)
    links = document.element.body.findall(".//" + qn("w:hyperlink"))
    assert links and document.part.rels[links[0].get(qn("r:id"))].target_ref == "https://www.vbb.de"


def test_every_table_is_accessible(built_example: Path) -> None:
    document = Document(str(outputs(built_example)["docx"]))
    annex = Document(str(outputs(built_example)["annex"]))
    assert len(document.tables) == 6  # Grunddaten, Beratungsfolge, Entwicklung, text, Überblick, Anlagen
    assert len(annex.tables) == 6  # one per Geschäftsbereich
    for table in [*document.tables, *annex.tables]:
        properties = table._tbl.tblPr
        assert properties.find(qn("w:tblCaption")).get(qn("w:val"))
        assert properties.find(qn("w:tblDescription")).get(qn("w:val"))
        rows = table._tbl.findall(qn("w:tr"))
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)


def test_anlage_is_landscape_grouped_and_complete(built_example: Path) -> None:
    document = Document(str(outputs(built_example)["annex"]))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.LANDSCAPE]
    width, height = document.sections[0].page_width, document.sections[0].page_height
    assert width is not None and height is not None and width > height
    assert document.paragraphs[0].text == (
        "Anlage 1 zur Mitteilungsvorlage 24/SVV/1155: Tabellarische Übersicht der Kooperationsvorhaben 2023"
    )
    assert "24/SVV/1155" in "".join(p.text for p in document.sections[0].header.paragraphs)
    assert document.core_properties.language == "de-DE"
    # One table per Geschäftsbereich: a title row naming it and the column titles, both repeated on every page.
    assert [t.rows[0].cells[0].text for t in document.tables] == [
        "OB – Büro des Oberbürgermeisters (8 Vorhaben)",
        "GB1 – Zentrale Steuerung, Finanzen und Digitalisierung (8 Vorhaben)",
        "GB2 – Bildung, Kultur, Jugend und Sport (7 Vorhaben)",
        "GB3 – Ordnung, Sicherheit, Soziales und Gesundheit (8 Vorhaben)",
        "GB4 – Stadtentwicklung, Bauen, Wirtschaft und Mobilität (9 Vorhaben)",
        "GB5 – Klima, Umwelt und Grünflächen (7 Vorhaben)",
    ]
    for table in document.tables:
        rows = table._tbl.findall(qn("w:tr"))
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for r in rows[:2])
        assert rows[0].find(f".//{qn('w:gridSpan')}") is not None
        assert [c.text for c in table.rows[1].cells] == [
            "Nr.", "Vorhaben", "Kooperationspartner", "Kooperationsform", "Status", "Laufzeit",
            "Beschreibung/Sachstand",
        ]  # fmt: skip
    body = [r for table in document.tables for r in table.rows[2:]]
    # Beginn and Ende in one column; a no-break space keeps "seit 2018" together and breaks only after the dash.
    running = {r.cells[0].text: r.cells[5].text for r in body}
    assert running["OB-001"] == "seit\u00a02018" and running["GB4-007"] == "ab\u00a02024"
    assert running["GB4-003"] == "2019\u00a0– 2023" and running["GB4-004"] == "2021\u00a0– 09/2023"
    cell_texts = {c.text for r in body for c in r.cells}
    for title in example_titles(built_example):
        assert title in cell_texts
    schwielowsee = next(r for r in body if r.cells[0].text == "GB4-004")
    # „Schwielow-See“ is an alias now (as LIESMICH.md says to settle it): the Endfassung has the registered name.
    assert "Gemeinde Schwielowsee" in schwielowsee.cells[2].text and "Schwielow-See" not in schwielowsee.cells[2].text


def test_image_has_alt_text_and_metadata(built_example: Path) -> None:
    document = Document(str(outputs(built_example)["docx"]))
    development, picture = document.element.body.findall(".//" + qn("wp:docPr"))
    assert development.get("descr").startswith("Balkendiagramm der Zahl der Vorhaben je Berichtsjahr")
    assert picture.get("descr").startswith("Balkendiagramm der Vorhaben 2023")
    assert "GB4" in picture.get("descr")
    properties = document.core_properties
    assert properties.title == "5. Kooperationsbericht der interkommunalen Zusammenarbeit"
    assert properties.author == "Landeshauptstadt Potsdam"
    assert properties.language == "de-DE"
    language = document.styles.element.find(f".//{qn('w:docDefaults')}//{qn('w:lang')}")
    assert language.get(qn("w:val")) == "de-DE"
    header = document.sections[0].header.paragraphs[0].text
    assert "24/SVV/1155" in header
    footer = document.sections[0].footer._element
    assert footer.findall(".//" + qn("w:fldSimple"))


def test_no_empty_paragraphs_as_spacing(built_example: Path) -> None:
    document = Document(str(outputs(built_example)["docx"]))
    body = document.element.body
    for paragraph in body.findall(qn("w:p")):
        has_text = "".join(paragraph.itertext()).strip()
        has_drawing = paragraph.find(".//" + qn("w:drawing")) is not None
        assert has_text or has_drawing, "empty paragraph in the body"


def test_no_internal_data_in_any_output(built_example: Path) -> None:
    for path in outputs(built_example).values():
        if path.suffix == ".json":
            contents = path.read_text(encoding="utf-8")
        else:
            with zipfile.ZipFile(path) as archive:
                contents = "".join(archive.read(n).decode("utf-8", "ignore") for n in archive.namelist())
        for marker in INTERNAL_MARKERS:
            assert marker not in contents, (path.name, marker)


def test_annex_xlsx(built_example: Path) -> None:
    workbook = load_workbook(outputs(built_example)["xlsx"])
    sheet = workbook["Vorhaben"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Kürzel", "Nr.", "Vorhaben"]  # then the other columns of Anlage 1
    assert "Ansprechpartner" not in headers and "Bemerkung (intern)" not in headers
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(headers))}48"
    assert sheet.column_dimensions["D"].width > 10
    titles = {row[headers.index("Vorhaben")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert titles == set(example_titles(built_example))


def test_anlage_also_inside_the_vorlage_when_asked(example_copy: Path, runner: CliRunner) -> None:
    config = example_copy / "koopbericht.toml"
    text = config.read_text(encoding="utf-8").replace("[ausgabe]\n", "[ausgabe]\nanlage_in_vorlage = true\n")
    config.write_text(text, encoding="utf-8")
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    document = Document(str(outputs(example_copy)["docx"]))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    inside = [[c.text for c in r.cells] for table in document.tables[6:] for r in table.rows]
    alone = [[c.text for c in r.cells] for table in Document(str(outputs(example_copy)["annex"])).tables
             for r in table.rows]  # fmt: skip
    assert inside == alone and len(inside) == 6 * 2 + 47  # per Geschäftsbereich title and header; the activities


def test_annex_docx_and_xlsx_list_the_same_rows_in_the_same_order(built_example: Path) -> None:
    """One table model for both: same Geschäftsbereich order, same texts, no provisional Nr. published."""
    tables = Document(str(outputs(built_example)["annex"])).tables
    # Without title and header; the Word file keeps "e. V." together with a no-break space.
    docx_rows = [[c.text.replace("\u00a0", " ") for c in r.cells] for table in tables for r in table.rows[2:]]
    sheet = load_workbook(outputs(built_example)["xlsx"])["Vorhaben"]
    headers = [c.value for c in sheet[1]]
    shown = [headers.index(c) for c in ("Nr.", "Vorhaben", "Kooperationspartner", "Status")]
    xlsx_rows = [[v or "" for v in (row[i] for i in shown)] for row in sheet.iter_rows(min_row=2, values_only=True)]
    # A new activity's Nr.: „neu“ in Anlage 1, empty in the workbook
    assert [[r[0], r[1], r[2], r[4]] for r in docx_rows] == [[row[0] or "neu", *row[1:]] for row in xlsx_rows]
    order = ["OB", "GB1", "GB2", "GB3", "GB4", "GB5"]
    codes = [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert codes == sorted(codes, key=order.index)
    assert not any("-neu-" in str(nr) for nr, *_ in xlsx_rows)


def test_oparl_paper(built_example: Path) -> None:
    """The example's export in substance; tests/render/test_oparl.py validates it against the OParl schemas."""
    paths = outputs(built_example)
    paper = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert paper["type"] == "https://schema.oparl.org/1.1/Paper"
    assert (paper["name"], paper["reference"], paper["paperType"]) == (
        "5. Kooperationsbericht der interkommunalen Zusammenarbeit",
        "24/SVV/1155",
        "Mitteilungsvorlage",
    )
    assert paper["underDirectionOf"][0].startswith("https://ris.example.org/oparl/v1/organization/")
    by_name = {f["fileName"]: f for f in paper["auxiliaryFile"]}
    assert list(by_name) == [paths["annex"].name, paths["xlsx"].name]
    pairs = [(paper["mainFile"], paths["docx"]), *((by_name[p.name], p) for p in (paths["annex"], paths["xlsx"]))]
    for file, path in pairs:
        data = path.read_bytes()
        assert file["type"] == "https://schema.oparl.org/1.1/File"
        assert file["fileName"] == path.name and file["accessUrl"].endswith("/" + path.name)
        assert file["size"] == len(data)
        assert file["sha512Checksum"] == hashlib.sha512(data).hexdigest()
    [consultation] = paper["consultation"]
    assert consultation["type"] == "https://schema.oparl.org/1.1/Consultation"
    assert (consultation["role"], consultation["authoritative"]) == ("Kenntnisnahme", False)
    for item in (paper, paper["mainFile"], *paper["auxiliaryFile"], consultation):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", item["created"]) and item["modified"]


def test_two_builds_are_byte_identical(example_copy: Path, runner: CliRunner) -> None:
    assert run(runner, "build", "2023", "-C", str(example_copy))[0] == 0
    first = {k: p.read_bytes() for k, p in outputs(example_copy).items()}
    assert run(runner, "build", "2023", "-C", str(example_copy))[0] == 0
    second = {k: p.read_bytes() for k, p in outputs(example_copy).items()}
    assert first == second


def test_errors_refuse_the_build_and_keep_previous_outputs(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "p")
    reports = project / "2023" / "meldungen"
    write_workbook(reports / "GB1_Meldebogen.xlsx", [row(1), row(2, vorhaben="Radweg Süd")])
    write_workbook(reports / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001", vorhaben="Wasserstrategie")])
    assert run(runner, "build", "2023", "-C", str(project))[0] == 0
    before = {k: p.read_bytes() for k, p in outputs(project).items()}
    write_workbook(reports / "GB1_Meldebogen.xlsx", [row(1), row(2, vorhaben="Radweg Süd", status="in Planng")])
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 1
    assert "wert-nicht-erlaubt" in output and "--trotz-fehlern" in output
    assert {k: p.read_bytes() for k, p in outputs(project).items()} == before
    code, output = run(runner, "build", "2023", "-C", str(project), "--trotz-fehlern")
    assert code == 0, output
    assert "Wegen Fehlern weggelassen (1)" in output and "Radweg Süd" in output
    document = Document(str(outputs(project)["annex"]))
    annex_text = {c.text for table in document.tables for r in table.rows for c in r.cells}
    assert "Vorhaben Nummer 1" in annex_text and "Radweg Süd" not in annex_text


def test_unknown_placeholder_names_file_and_line(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "p")
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1)])
    text = project / "2023" / "text" / "01-text.md"
    text.parent.mkdir()
    text.write_text("# Bericht\n\nEs gibt {{ anzahl_aktivitaeten }} Vorhaben\nund {{ anzahl_partnr }}.\n", "utf-8")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 2
    assert "2023/text/01-text.md, Zeile 4" in output
    assert "Unbekannter Platzhalter „{{ anzahl_partnr }}“" in output
    assert not (project / "ausgabe").exists()


def make_template(path: Path) -> Path:
    template = Document()
    template.add_paragraph("Dieser Text der Vorlage darf nicht im Ergebnis stehen.")
    template.sections[0].header.paragraphs[0].text = "Landeshauptstadt Beispiel – Der Oberbürgermeister"
    template.styles["Normal"].font.name = "Liberation Serif"
    template.save(str(path))
    return path


def test_word_template_supplies_styles_header_and_page(tmp_path: Path, runner: CliRunner) -> None:
    project = make_project(tmp_path / "p")
    write_workbook(project / "2023" / "meldungen" / "GB1_Meldebogen.xlsx", [row(1)])
    template = make_template(tmp_path / "hausvorlage.docx")
    dotx = tmp_path / "hausvorlage.dotx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(dotx, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, data)
    for given in (template, dotx):
        code, output = run(runner, "build", "2023", "-C", str(project), "--template", str(given))
        assert code == 0, output
        document = Document(str(outputs(project)["docx"]))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "darf nicht im Ergebnis stehen" not in text
        header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
        # The template's header replaces koopbericht's: the number is not added beside it.
        assert "Landeshauptstadt Beispiel – Der Oberbürgermeister" in header and "24/SVV/0001" not in header
        assert document.styles["Normal"].font.name == "Liberation Serif"
        assert any(style(p) == "Heading 1" for p in document.paragraphs)


def test_pdf_without_libreoffice_gives_a_clear_message(
    example_copy: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from koopbericht.render.pdf import soffice

    monkeypatch.setenv("PATH", str(example_copy))  # a PATH on which no soffice exists
    monkeypatch.delenv(soffice.ENVIRONMENT, raising=False)
    monkeypatch.setattr(soffice, "ROOT", example_copy)  # nor in /usr/lib/libreoffice, /opt, /Applications
    code, output = run(runner, "build", "2023", "-C", str(example_copy), "--pdf")
    assert code == 2
    assert "LibreOffice benötigt" in output
    assert outputs(example_copy)["docx"].is_file()


def test_rendered_pdf_reads_like_the_vorlage(built_example: Path, tmp_path: Path) -> None:
    text = pdf_text(convert(outputs(built_example)["docx"], "pdf", tmp_path / "pdf", tmp_path / "profile"))
    squeezed = re.sub(r"\s+", "", text)
    for expected in ("Mitteilungsvorlage24/SVV/1155", "Grunddaten", "Beratungsfolge", "DerHauptausschussnimmtzur",
                     "ÜberblickinZahlen", "TabellarischeÜbersichtderKooperationsvorhaben(Anlage-1-"):  # fmt: skip
        assert expected in squeezed
    for marker in INTERNAL_MARKERS:
        assert marker not in text


def pdf_text(pdf: Path) -> str:
    # -raw keeps the content-stream order, in which LibreOffice writes each table cell as a whole.
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_rendered_anlage_has_every_activity_on_landscape_pages(built_example: Path, tmp_path: Path) -> None:
    pdf = convert(outputs(built_example)["annex"], "pdf", tmp_path / "pdf", tmp_path / "profile")
    text = pdf_text(pdf)
    squeezed = re.sub(r"\s+", "", text)
    # A line may end in a hyphen of the word ("Berlin-|Brandenburg") or of hyphenation ("Verkehrs-|verbund"):
    # compared without any hyphen.
    unhyphenated = squeezed.replace("-", "")
    assert "Anlage1zurMitteilungsvorlage24/SVV/1155:TabellarischeÜbersicht" in squeezed
    for title in example_titles(built_example):
        assert re.sub(r"[\s-]+", "", title) in unhyphenated, title
    for marker in INTERNAL_MARKERS:
        assert marker not in text
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True, check=True)
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info.stdout)
    landscape = [int(n) for n, w, h in sizes if float(w) > float(h)]
    assert landscape == list(range(1, len(sizes) + 1))  # every page
    pages = text.split("\f")
    for number in landscape:
        # Squeezed: a narrow header cell may break the word over two lines.
        page = re.sub(r"\s+", "", re.sub(r"-\n", "", pages[number - 1]))  # hyphenated at a line's end, joined
        assert "Kooperationspartner" in page, f"header row missing on page {number}"
        assert "24/SVV/1155" in pages[number - 1]
