"""The development across the years: `kennzahlen.json` per build and the `{{ entwicklung }}` table.

The example has three years (2021 to 2023) and the placeholder in its 2023 text. These tests build
copies of it – as it is, with GB5's 2021 Meldebogen taken out, or with a 2020 whose Meldebögen
cannot be used – and re-open the built Vorlage.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

from koopbericht.assemble.development import KeyFigures

from ..conftest import EXAMPLE, run

TEXT = "2023/text/01-auftrag.md"
INTRODUCTION = (
    "Wie sich die gemeldete Zusammenarbeit über die Berichtsjahre entwickelt hat, zeigen die folgende Tabelle und das "
    "Diagramm darunter:"
)
PLACEHOLDER_SECTION = (  # as in the example's 2023 text
    "\nWie sich die gemeldete Zusammenarbeit über die Berichtsjahre entwickelt hat, zeigen die\n"
    "folgende Tabelle und das Diagramm darunter:\n"
    "\n{{ entwicklung }}\n"
)
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = ["Jahr", "Geschäftsbereiche", "Vorhaben", "im Jahr begonnen", "abgeschlossen", "Partner"]


def _project(folder: Path, *, placeholder: bool = True) -> Path:
    """A copy of the example, without the placeholder in the 2023 text if so asked."""
    project = folder / "potsdam"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("ausgabe"))
    if not placeholder:
        text = (project / TEXT).read_text(encoding="utf-8")
        assert text.count(PLACEHOLDER_SECTION) == 1
        (project / TEXT).write_text(text.replace(PLACEHOLDER_SECTION, ""), encoding="utf-8")
    return project


def _earlier_year(project: Path, year: int) -> None:
    """A year folder with the 2022 Vorlage data and no Meldebogen at all."""
    (project / str(year) / "meldungen").mkdir(parents=True)
    settings = (project / "2022" / "vorlage.toml").read_text(encoding="utf-8").replace("2022", str(year))
    (project / str(year) / "vorlage.toml").write_text(settings, encoding="utf-8")


def _build(project: Path, year: int) -> str:
    code, output = run(CliRunner(), "build", str(year), "-C", str(project))
    assert code == 0, output
    return output


def _development(project: Path) -> list[list[str]]:
    document = docx.Document(str(project / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Jahr")
    return [[cell.text for cell in row.cells] for row in table.rows]


def _charts(project: Path) -> list[dict[str, object]]:
    """Every chart of the built Vorlage in reading order: its alt text, categories, bar values and end labels."""
    with zipfile.ZipFile(project / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx") as package:
        body = etree.fromstring(package.read("word/document.xml"))
        relations = etree.fromstring(package.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in relations}
        charts = []
        for drawing in body.iter(f"{{{WP}}}inline"):
            (properties,) = drawing.iter(f"{{{WP}}}docPr")
            (reference,) = drawing.iter(f"{{{C}}}chart")
            part = etree.fromstring(package.read("word/" + targets[reference.get(f"{{{R}}}id")]))
            series = list(part.iter(f"{{{C}}}ser"))
            bars, totals = series[0], series[-1]  # the first status, and the unfilled one carrying the labels
            charts.append({
                "alt": properties.get("descr"),
                "years": [v.text for v in bars.find(f"{{{C}}}cat").iter(f"{{{C}}}v")],
                "values": [float(v.text) for v in bars.find(f"{{{C}}}val").iter(f"{{{C}}}v")],
                "labels": [t.text for t in totals.iter(f"{{{A}}}t")],
            })  # fmt: skip
    return charts


def _figures(project: Path, year: int) -> dict[str, object]:
    data: dict[str, object] = json.loads((project / "ausgabe" / str(year) / "kennzahlen.json").read_text("utf-8"))
    return data


def test_every_build_writes_its_key_figures_the_same_on_rebuild(tmp_path: Path) -> None:
    project = _project(tmp_path, placeholder=False)
    output = _build(project, 2023)
    assert "ausgabe/2023/kennzahlen.json" in output
    first = (project / "ausgabe" / "2023" / "kennzahlen.json").read_bytes()
    _build(project, 2023)
    assert (project / "ausgabe" / "2023" / "kennzahlen.json").read_bytes() == first
    code, compared = run(CliRunner(), "compare", "2022", "2023", "-C", str(project), "--format", "json")
    assert code == 0, compared
    totals = json.loads(compared)["anzahl"]
    assert _figures(project, 2023) == {
        "format": 1, "jahr": 2023, "vorhaben": totals["2023"], "neu_begonnen": 6, "abgeschlossen": 4,
        "kooperationspartner": 43, "geschaeftsbereiche_gemeldet": ["OB", "GB1", "GB2", "GB3", "GB4", "GB5"],
        "geschaeftsbereiche_ohne_meldung": [],
    }  # fmt: skip
    assert KeyFigures.from_json(first, 2023).activities == 47


def test_the_example_shows_its_development_from_2021_to_2023(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _build(project, 2023)  # no earlier build: 2021 and 2022 are read from their Meldebögen
    assert _development(project) == [
        HEADER,
        ["2021", "alle 6", "34", "7", "2", "35"],  # GB2-009 and GB3-009 ended in 2021
        ["2022", "alle 6", "41", "9", "3", "36"],
        ["2023", "alle 6", "47", "6", "4", "43"],  # „Schwielow-See“ counted as Gemeinde Schwielowsee
    ]
    liesmich = (EXAMPLE / "LIESMICH.md").read_text(encoding="utf-8")
    described = [line.strip("| ").split(" | ") for line in liesmich.splitlines() if line.startswith("| 20")]
    assert [HEADER, *described] == _development(project)  # the table LIESMICH.md shows
    code, compared = run(CliRunner(), "compare", "2021", "2022", "-C", str(project), "--format", "json")
    assert code == 0, compared
    assert json.loads(compared)["anzahl"] == {"2021": 34, "2022": 41}
    document = docx.Document(str(project / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    body = [child for child in document.element.body.iterchildren() if child.tag.endswith(("}p", "}tbl"))]
    texts = ["".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")) for child in body]
    table = next(i for i, text in enumerate(texts) if text.startswith("JahrGeschäftsbereiche"))
    assert texts[table - 2 : table] == [INTRODUCTION, "Tabelle 3: Entwicklung der Kooperationsvorhaben 2021 bis 2023"]
    # The chart follows the table, its bars the table's Vorhaben; the Überblick's chart is numbered after it.
    assert any(element.tag == f"{{{C}}}chart" for element in body[table + 1].iter())
    assert texts[table + 2] == "Abbildung 1: Vorhaben je Berichtsjahr 2021 bis 2023"
    assert [text for text in texts if text.startswith("Abbildung")] == [
        "Abbildung 1: Vorhaben je Berichtsjahr 2021 bis 2023",
        "Abbildung 2: Vorhaben je Geschäftsbereich und Status",
    ]
    development, overview = _charts(project)
    rows = _development(project)[1:]
    assert development["years"] == [row[0] for row in rows]
    assert development["values"] == [float(row[2]) for row in rows] == [34, 41, 47]
    assert development["labels"] == [row[2] for row in rows]
    assert development["alt"] == (
        "Balkendiagramm der Zahl der Vorhaben je Berichtsjahr, ein Balken je Jahr. "
        "2021: 34 Vorhaben; 2022: 41 Vorhaben; 2023: 47 Vorhaben."
    )
    assert str(overview["alt"]).startswith("Balkendiagramm der Vorhaben 2023 je Geschäftsbereich")


def test_the_table_shows_every_year_from_the_files_or_the_meldeboegen(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "2021" / "meldungen" / "GB5_Meldebogen_2021.xlsx").unlink()
    _build(project, 2022)
    stored = _figures(project, 2022)
    # The build of 2022 wrote its figures; the development table takes them from there, not from the Meldebögen.
    stored["vorhaben"] = 40
    (project / "ausgabe" / "2022" / "kennzahlen.json").write_text(json.dumps(stored), encoding="utf-8")
    _build(project, 2023)
    assert _development(project) == [
        HEADER,
        ["2021", "5 von 6, ohne Meldung: GB5", "29", "7", "2", "34"],  # only GB5 named the WBV Nuthe-Nieplitz
        ["2022", "alle 6", "40", "9", "3", "36"],
        ["2023", "alle 6", "47", "6", "4", "43"],
    ]
    document = docx.Document(str(project / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    captions = [p.text for p in document.paragraphs if p.text.startswith("Tabelle ")]
    assert captions[2] == "Tabelle 3: Entwicklung der Kooperationsvorhaben 2021 bis 2023"
    assert [int(c.split(":")[0].split()[1]) for c in captions] == list(range(1, len(captions) + 1))


def test_a_year_that_cannot_be_read_is_named_never_zero(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _earlier_year(project, 2020)  # a year folder whose Meldebögen are all missing
    (project / "ausgabe" / "2022").mkdir(parents=True)
    (project / "ausgabe" / "2022" / "kennzahlen.json").write_text("{kaputt", encoding="utf-8")
    _build(project, 2023)
    rows = _development(project)
    assert rows[1] == ["2020", "kein Meldebogen lesbar", "nicht lesbar", "–", "–", "–"]
    assert rows[3] == ["2022", "alle 6", "41", "9", "3", "36"]  # a broken file: read from the Meldebögen
    chart = _charts(project)[0]
    assert chart["years"] == ["2020", "2021", "2022", "2023"]
    assert chart["values"] == [0, 34, 41, 47]  # no bar for 2020 ...
    assert chart["labels"] == ["nicht lesbar", "34", "41", "47"]  # ... but the words at its place
    assert "2020: nicht lesbar, kein Meldebogen lesbar; 2021: 34 Vorhaben;" in str(chart["alt"])


def test_with_fewer_than_two_earlier_years_a_sentence_says_when_the_table_comes(tmp_path: Path) -> None:
    project = _project(tmp_path)
    shutil.rmtree(project / "2021")
    _build(project, 2023)
    document = docx.Document(str(project / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "Die Entwicklung über die Jahre wird gezeigt, sobald mindestens zwei frühere Berichtsjahre im " \
           "Arbeitsordner liegen." in texts  # fmt: skip
    assert not any(t.rows[0].cells[0].text == "Jahr" for t in document.tables)


@pytest.mark.parametrize("line", ["Siehe {{ entwicklung }} unten.", "Die Tabelle: {{entwicklung}} folgt."])
def test_the_placeholder_must_stand_alone(tmp_path: Path, line: str) -> None:
    project = _project(tmp_path, placeholder=False)
    with (project / TEXT).open("a", encoding="utf-8") as text:
        text.write(f"\n{line}\n")
    code, output = run(CliRunner(), "build", "2023", "-C", str(project))
    assert code != 0
    assert (
        "Der Platzhalter „{{ entwicklung }}“ steht für eine Tabelle und muss allein in einem Absatz stehen." in output
    )
    assert "Traceback" not in output


def test_a_word_text_takes_the_placeholder_split_over_runs(tmp_path: Path) -> None:
    from koopbericht.assemble.development import development_blocks
    from koopbericht.assemble.narrative import narrative_blocks
    from koopbericht.document import BarChart, Paragraph, Run, Table
    from koopbericht.read.texts.wordtext import WordText

    years = [KeyFigures(year, 10 + year % 10, 1, 2, 3, ("GB1",)) for year in (2021, 2022, 2023)]
    text = WordText(
        tmp_path / "beitrag.docx",
        (Paragraph((Run("Vorher.", bold=True),)), Paragraph((Run("{{ entw"), Run("icklung }}", italic=True)))),
        ((1,), (2,)),
        (),
    )
    blocks = narrative_blocks([text], {}, 5, {"entwicklung": lambda number: development_blocks(years, number)})
    assert isinstance(blocks[1], Table) and isinstance(blocks[2], BarChart) and len(blocks) == 3
    assert blocks[1].caption == "Tabelle 5: Entwicklung der Kooperationsvorhaben 2021 bis 2023"
    assert [row.cells[:3] for row in blocks[1].rows] == [
        (str(y), "alle 1", str(10 + y % 10)) for y in (2021, 2022, 2023)
    ]
    assert blocks[2].series[0].values == (11, 12, 13) and blocks[2].totals == ("11", "12", "13")
