"""How the Anlage is set: widths from the content, the combined Laufzeit, abbreviations kept together."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from koopbericht.config import load_settings
from koopbericht.document.widths import ANNEX_LINE, content_widths, text_width
from koopbericht.errors import ConfigError
from koopbericht.formatting import keep_together, running_time
from koopbericht.normalise.values import PartialDate

from ..conftest import built_copy_of_example, run
from ..workbooks import annex_docx

NBSP = "\u00a0"
HEADER = ("Nr.", "Vorhaben", "Status", "Laufzeit", "Beschreibung/Sachstand")
LONG = "Abstimmung über Schulentwicklungsplanung, Einzugsbereiche und neue Schulstandorte im Umland. " * 2


def _rows(count: int) -> list[tuple[str, ...]]:
    return [
        (f"GB2-{n:03d}", "Gemeinsame Schulentwicklungsplanung", "abgeschlossen", f"2019{NBSP}– 2023", LONG)
        for n in range(count)
    ]


def test_short_columns_keep_their_values_on_one_line_and_the_long_text_gets_the_rest() -> None:
    widths = content_widths(HEADER, _rows(30), ANNEX_LINE)
    scale = ANNEX_LINE / sum(widths)  # proportions → em of the line
    nr, title, status, running, description = (w * scale for w in widths)
    assert status >= text_width("abgeschlossen") and nr >= text_width("GB2-001")
    assert running >= text_width("2019")  # the dash may break, the years never
    assert description > max(nr, status, running, title)  # the column with the most text is the widest
    assert sum(widths) * scale == pytest.approx(ANNEX_LINE)


def test_a_column_header_is_never_split_by_the_widths() -> None:
    widths = content_widths(("Nr.", "Kooperationsform", "Text"), [("1", "Mitgliedschaft", LONG)], ANNEX_LINE)
    form = widths[1] * ANNEX_LINE / sum(widths)
    assert form >= text_width("Kooperationsform")


def test_widths_are_quick_and_stable_for_twenty_thousand_rows() -> None:
    assert content_widths(HEADER, _rows(20_000), ANNEX_LINE) == content_widths(HEADER, _rows(20_000), ANNEX_LINE)


@pytest.mark.parametrize(
    ("begin", "end", "expected"),
    [
        (PartialDate(2022, 3), PartialDate(2024, 12), f"03/2022{NBSP}– 12/2024"),
        (PartialDate(2018), None, f"seit{NBSP}2018"),
        (PartialDate(2025), None, f"ab{NBSP}2025"),  # still ahead in the report year
        (None, PartialDate(2023, 6), f"bis{NBSP}06/2023"),
        (PartialDate(2020, 5, 1), PartialDate(2023, 12, 31), f"01.05.2020{NBSP}– 31.12.2023"),
        (None, None, ""),
    ],
)
def test_laufzeit_reads_as_german_prose(begin: PartialDate | None, end: PartialDate | None, expected: str) -> None:
    assert running_time(begin, end, 2023) == expected


def test_a_finished_activity_without_ende_is_not_seit() -> None:
    assert running_time(PartialDate(2023, 4, 1), None, 2023, finished=True) == f"Beginn{NBSP}01.04.2023"


def test_vocabulary_words_stay_whole_but_long_free_text_may_hyphenate() -> None:
    forms = ["Erfahrungsaustausch", "Mitgliedschaft", "Gremium / Arbeitskreis"] * 10
    rows = [("1", form, LONG) for form in forms]
    widths = content_widths(("Nr.", "Form", "Text"), rows, ANNEX_LINE)
    assert widths[1] * ANNEX_LINE / sum(widths) >= text_width("Erfahrungsaustausch")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forum Berlin-Brandenburg e. V.; Land Berlin", f"Forum Berlin-Brandenburg e.{NBSP}V.; Land Berlin"),
        ("z. B. Kita", f"z.{NBSP}B. Kita"),
        ("i. d. R. jährlich", f"i.{NBSP}d.{NBSP}R. jährlich"),
        ("nach § 5 Abs. 2", f"nach §{NBSP}5 Abs.{NBSP}2"),
        ("Die Stadt Werder. Ab 2024 neu.", "Die Stadt Werder. Ab 2024 neu."),  # a sentence end stays breakable
    ],
)
def test_abbreviations_are_kept_together(text: str, expected: str) -> None:
    assert keep_together(text) == expected


def test_the_default_anlage_shows_laufzeit_and_separate_dates_stay_available(
    example_copy: Path, runner: CliRunner
) -> None:
    config = example_copy / "koopbericht.toml"
    text = config.read_text(encoding="utf-8")
    assert '"Laufzeit"' in text
    config.write_text(text.replace('"Laufzeit"', '"Beginn", "Ende"'), encoding="utf-8")
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    tables = Document(str(annex_docx(example_copy))).tables
    assert [c.text for c in tables[0].rows[1].cells][5:7] == ["Beginn", "Ende"]
    assert tables[0].rows[2].cells[5].text == "2018"


def test_laufzeit_is_the_default_unless_a_date_is_internal(minimal_project: Path) -> None:
    config = minimal_project / "koopbericht.toml"
    base = config.read_text(encoding="utf-8")
    assert "laufzeit" in load_settings(minimal_project).output.annex_columns
    config.write_text(base + "\n[spalten.ende]\noeffentlich = false\n", encoding="utf-8")
    columns = load_settings(minimal_project).output.annex_columns
    assert "laufzeit" not in columns and "ende" not in columns and "beginn" in columns  # nothing internal leaks
    columns_given = '\n[ausgabe]\nanlage_spalten = ["Vorhaben", "Laufzeit"]\n'
    config.write_text(base + "\n[spalten.ende]\noeffentlich = false\n" + columns_given, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(minimal_project)
    assert [p.message for p in caught.value.problems] == [
        "„Laufzeit“ zeigt Beginn und Ende; eine davon ist intern und wird nie veröffentlicht. "
        "Entfernen Sie „Laufzeit“ aus anlage_spalten."
    ]


def test_captions_do_not_repeat_the_sentence_above_and_stay_with_their_table(example_copy: Path) -> None:
    """The text's own tables ("… fand statt:", the development) and the Überblick: caption and lead stay with it."""
    document = Document(str(built_copy_of_example(example_copy) / "ausgabe" / "2023" / "Kooperationsbericht-2023.docx"))
    body = list(document.element.body.iterchildren())
    paragraphs = {p._p: p for p in document.paragraphs}
    for caption in (p for p in document.paragraphs if p.style is not None and p.style.name == "Caption"):
        position = body.index(caption._p)
        before = paragraphs.get(body[position - 1])
        if not caption.text.startswith("Tabelle") or before is None or before.style is None:
            continue
        if before.style.name != "Normal":
            continue  # a heading above a table is no lead sentence
        lead = before.text.rstrip(":")
        assert lead[:40] not in caption.text, caption.text  # says what the table holds, not the sentence again
        assert before.paragraph_format.keep_with_next, before.text  # never the last line of a page alone
    captions = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"]
    assert captions[2:5] == [
        "Tabelle 3: Entwicklung der Kooperationsvorhaben 2021 bis 2023",
        "Abbildung 1: Vorhaben je Berichtsjahr 2021 bis 2023",  # the development's chart, below its table
        "Tabelle 4: Thema und Ergebnis",
    ]
    # Its widths follow the content: the longer Ergebnis texts get the wider column.
    [table] = [t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Thema", "Ergebnis"]]
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[1] > grid[0]


def test_headings_are_not_hyphenated_and_the_anlage_pages_say_what_they_are(example_copy: Path) -> None:
    folder = built_copy_of_example(example_copy) / "ausgabe" / "2023"
    vorlage = Document(str(folder / "Kooperationsbericht-2023.docx"))
    for name in ("Title", "Heading 1", "Heading 2", "Caption"):
        assert vorlage.styles[name].element.find(f"{qn('w:pPr')}/{qn('w:suppressAutoHyphens')}") is not None, name
    settings = vorlage.settings.element
    assert settings.find(qn("w:autoHyphenation")) is not None
    assert settings.find(qn("w:consecutiveHyphenLimit")).get(qn("w:val")) == "2"
    assert [p.text for p in vorlage.sections[0].header.paragraphs] == ["Mitteilungsvorlage 24/SVV/1155"]
    annex = Document(str(folder / "Anlage-1-Kooperationsvorhaben-2023.docx"))
    assert [p.text for p in annex.sections[0].header.paragraphs] == ["Anlage 1 zur Mitteilungsvorlage 24/SVV/1155"]
