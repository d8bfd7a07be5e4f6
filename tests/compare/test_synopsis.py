"""`compare --format docx`: the Synopse of the example's 2022 and 2023, re-opened with python-docx.

The marked words must be exactly the word-level diff of what `compare --format json` reports
as changed, the counts must agree with it, a Geschäftsbereich without Meldebogen must be named
(never as „nicht mehr gemeldet“), and the file must be valid, byte-identical on rebuild, and
carry the Anlage's table properties. The PDF is tested in tests/acceptance/test_synopsis_pdf.py.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import _Cell
from typer.testing import CliRunner

from koopbericht.compare.synopsis import marked_words, token_diff, word_diff

from ..conftest import EXAMPLE, run
from ..ooxml import problems

SYNOPSE = Path("ausgabe") / "2023" / "Synopse-2022-2023.docx"
Example = tuple[Path, dict[str, Any], DocumentObject]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _copy(folder: Path) -> Path:
    project = folder / "potsdam"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("ausgabe"))
    return project


def _compare(project: Path, *options: str) -> dict[str, Any]:
    code, output = run(CliRunner(), "compare", "2022", "2023", "-C", str(project), "--format", "json")
    assert code == 0, output
    comparison: dict[str, Any] = json.JSONDecoder().raw_decode(output[output.index("{") :])[0]
    code, output = run(CliRunner(), "compare", "2022", "2023", "-C", str(project), "--format", "docx", *options)
    assert code == 0, output
    assert f"Synopse geschrieben: {project / SYNOPSE}" in output
    return comparison


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Example:
    project = _copy(tmp_path_factory.mktemp("synopse"))
    comparison = _compare(project)
    return project, comparison, docx.Document(str(project / SYNOPSE))


def _rows(document: DocumentObject) -> list[list[_Cell]]:
    """Every body row of every table (below the title and column header rows), as its three cells."""
    return [list(row.cells) for table in document.tables for row in table.rows[2:]]


def _marks(cell: _Cell, attribute: str) -> list[str]:
    return [word for run in cell.paragraphs[0].runs if getattr(run.font, attribute) for word in run.text.split()]


def _expected(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """The deleted and the inserted tokens, by difflib itself; a line break (a token of its own) is no word."""
    deleted, inserted = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            deleted += [token for token in old[i1:i2] if token != "\n"]
            inserted += [token for token in new[j1:j2] if token != "\n"]
    return deleted, inserted


def _tokens(text: str) -> list[str]:
    """The words of `text` and its line breaks, in order."""
    return re.findall(r"\S+|\n", text)


def test_the_marked_words_are_exactly_the_word_diff(example: Example) -> None:
    _, comparison, document = example
    shown = {}
    for name, old, new in _rows(document):
        _, title, field = name.text.split("\n") if name.text.count("\n") == 2 else (None, None, None)
        if field:
            shown[(title, field)] = (_marks(old, "strike"), _marks(new, "underline"))
    expected = {}
    for change in comparison["geaendert"]:
        for field in change["felder"]:
            expected[(change["vorhaben"], field["spalte"])] = _expected(_tokens(field["alt"]), _tokens(field["neu"]))
        if change["partner_hinzu"] or change["partner_weg"]:
            expected[(change["vorhaben"], "Kooperationspartner")] = (
                [w for p in change["partner_weg"] for w in p.split()],
                [w for p in change["partner_hinzu"] for w in p.split()],
            )
    assert shown == expected
    assert sum(len(old) + len(new) for old, new in shown.values()) > 500  # the example really marks words


def test_the_counts_agree_with_compare_json(example: Example) -> None:
    _, comparison, document = example
    tallies: Counter[str] = Counter()
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("Vorhaben neu: "):
            for label, count in re.findall(r"([a-zäöü ]+): (\d+)", paragraph.text.removeprefix("Vorhaben ")):
                tallies[label.strip()] += int(count)
    assert tallies == {
        "neu": len(comparison["neu"]),
        "nicht mehr gemeldet": len(comparison["nicht_mehr_gemeldet"]),
        "geändert": len(comparison["geaendert"]),
        "unverändert": comparison["unveraendert"],
    }
    right = Counter(row[2].paragraphs[0].runs[0].text for row in _rows(document))
    left = Counter(row[1].paragraphs[0].runs[0].text for row in _rows(document))
    assert right["Neu im Bericht 2023"] == len(comparison["neu"]) == 9
    assert left["Im Bericht 2023 nicht mehr gemeldet"] == len(comparison["nicht_mehr_gemeldet"]) == 3
    changed = {row[0].text.split("\n")[1] for row in _rows(document) if row[0].text.count("\n") == 2}
    assert changed == {change["vorhaben"] for change in comparison["geaendert"]}
    summary = document.paragraphs[2].text
    assert summary.startswith("Für 2023 wurden 47 Vorhaben verwendet, für 2022 41. Neun Vorhaben sind neu, drei ")
    assert "bei 38 hat sich etwas geändert, keines ist unverändert." in summary


def test_the_liesmich_cases_are_in_the_synopse(example: Example) -> None:
    """The new, gone and changed cases examples/potsdam/LIESMICH.md lists under „Synopse 2022–2023“."""
    _, _, document = example
    text = (EXAMPLE / "LIESMICH.md").read_text(encoding="utf-8")
    start = text.index("## Synopse 2022–2023")
    section = text[start : text.index("\n## ", start)]  # up to the next section (2021 lists its own cases)
    cases = dict(re.findall(r"^- \*\*(.+?):\*\* (.+)$", section, flags=re.MULTILINE))
    rows = _rows(document)
    new = {row[0].text.split("\n")[0] for row in rows if row[2].paragraphs[0].runs[0].text == "Neu im Bericht 2023"}
    gone = {row[0].text.split("\n")[0] for row in rows if row[1].text.startswith("Im Bericht 2023 nicht mehr")}
    assert new == set(re.findall(r"[A-Z0-9]+-\d{3}|ohne Nr\.", cases["Neu"]))
    assert gone == set(re.findall(r"[A-Z0-9]+-\d{3}", cases["Nicht mehr gemeldet"]))
    marked = re.findall(r"([A-Z0-9]+-\d{3}) \((\w+)\) „(.+?)“ → „(.+?)“", cases["Markierte Wörter"])
    assert len(marked) >= 3
    for case, field, struck, underlined in marked:
        row = next(r for r in rows if r[0].text.startswith(case + "\n") and field in r[0].text.split("\n")[2])
        assert " ".join(_marks(row[1], "strike")).startswith(struck), (case, struck)
        assert " ".join(_marks(row[2], "underline")).startswith(underlined), (case, underlined)


def test_a_department_without_meldebogen_is_named_and_never_gone(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    (project / "2022" / "meldungen" / "GB5_Meldebogen_2022.xlsx").unlink()
    comparison = _compare(project)
    document = docx.Document(str(project / SYNOPSE))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("GB5 – Klima, Umwelt und Grünflächen")
    assert texts[start + 2].startswith("Keine verwendbare Meldung 2022: Meldebogen fehlt.")
    assert comparison["ohne_meldebogen"] == [{"geschaeftsbereich": "GB5", "jahr": 2022, "grund": "fehlt"}]
    gb5 = [row for row in _rows(document) if row[0].text.startswith("GB5-")]
    assert len(gb5) == 7 == sum(1 for u in comparison["nicht_vergleichbar"] if u["geschaeftsbereich"] == "GB5")
    assert all(row[1].text == "nicht vergleichbar: GB5: Meldebogen 2022 fehlt" for row in gb5)
    assert "nicht mehr gemeldet" not in " ".join(row[1].text + row[2].text for row in gb5)


def test_tracked_changes_give_either_year_and_validate(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    comparison = _compare(project, "--nachverfolgung")
    path = project / SYNOPSE
    assert problems(path) == ""
    body = docx.Document(str(path)).element.body
    changes = body.findall(f".//{W}del") + body.findall(f".//{W}ins")
    assert changes and {(c.get(f"{W}author"), c.get(f"{W}date")) for c in changes} == {
        ("koopbericht", "2024-01-01T09:00:00Z")
    }
    assert len({c.get(f"{W}id") for c in changes}) == len(changes)
    sachstand = {c["vorhaben"]: f for c in comparison["geaendert"] for f in c["felder"] if f["spalte"].startswith("B")}
    checked = 0
    for row in body.iter(f"{W}tr"):
        cells = row.findall(f"{W}tc")
        name = "".join(t.text or "" for t in cells[0].iter(f"{W}t"))
        if len(cells) == 3 and cells[2].find(f".//{W}del") is not None and name.endswith("Beschreibung/Sachstand"):
            field = sachstand[_title(cells[0])]
            accepted = "".join(t.text for t in cells[2].iter(f"{W}t"))
            kept = (t for t in cells[2].iter(f"{W}t", f"{W}delText") if t.getparent().getparent().tag != f"{W}ins")
            rejected = "".join(t.text for t in kept)
            assert accepted.split() == field["neu"].split() and rejected.split() == field["alt"].split()
            checked += 1
    assert checked == 38


def _title(cell: Any) -> str:
    runs = ["".join(t.text for t in r.iter(f"{W}t")) for r in cell.iter(f"{W}r")]
    return runs[1]


def test_the_synopse_is_valid_identical_on_rebuild_and_built_like_the_anlage(example: Example, tmp_path: Path) -> None:
    project, _, document = example
    first = (project / SYNOPSE).read_bytes()
    assert problems(project / SYNOPSE) == ""
    code, output = run(CliRunner(), "compare", "2022", "2023", "-C", str(project), "--format", "docx")
    assert code == 0, output
    assert (project / SYNOPSE).read_bytes() == first
    body = document.element.body
    assert [p.text for p in document.paragraphs if not p.text.strip()] == []
    tables = body.findall(f"{W}tbl")
    assert len(tables) == 6  # one per Geschäftsbereich, in configured order
    assert [t.find(f".//{W}tr").findtext(f".//{W}t") for t in tables] == [
        line for line in (p.text for p in document.paragraphs) if re.match(r"^(OB|GB\d) – ", line)
    ]
    for table in tables:
        caption = table.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val")
        assert "durchgestrichen: 2023 entfallene Wörter, unterstrichen: 2023 neue Wörter" in caption
        rows = table.findall(f"{W}tr")
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
        assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows[:3]] == [True, True, False]
    section = document.sections[0]
    assert (section.page_width or 0) > (section.page_height or 0)  # landscape
    assert document.styles.element.find(f".//{W}rPrDefault//{W}lang").get(qn("w:val")) == "de-DE"
    assert document.sections[0].header.paragraphs[0].text == "Synopse 2022–2023"


@pytest.mark.parametrize(
    ("old", "new", "deleted", "inserted"),
    [
        ("Bau der Brücke", "Die Brücke wurde fertiggestellt.", ["Bau", "der"], ["Die", "wurde", "fertiggestellt."]),
        ("", "neu hier", [], ["neu", "hier"]),
        ("gleich bleibt gleich", "gleich bleibt gleich", [], []),
        ("Ende\nZweite Zeile", "Ende\nDritte Zeile", ["Zweite"], ["Dritte"]),
        ("Eine Zeile", "Eine\nZeile", [], []),
    ],
)
def test_word_diff_marks_the_changed_words(old: str, new: str, deleted: list[str], inserted: list[str]) -> None:
    diff = word_diff(old, new)
    assert (marked_words(diff.old), marked_words(diff.new)) == (deleted, inserted)
    assert "".join(p.text for p in diff.old) == old and "".join(p.text for p in diff.new) == new


def test_partners_are_marked_whole() -> None:
    diff = token_diff(("Land Berlin", "Stadt Teltow"), ("Land Berlin", "Gemeinde Nuthetal"), "; ")
    assert [p.text for p in diff.new if p.marked] == ["Gemeinde Nuthetal"]
    assert [p.text for p in diff.old if p.marked] == ["Stadt Teltow"]


def test_pdf_and_tracked_changes_only_with_the_synopse(example_copy: Path) -> None:
    for option in ("--pdf", "--nachverfolgung"):
        code, output = run(CliRunner(), "compare", "2022", "2023", "-C", str(example_copy), "--format", "json", option)
        assert code != 0
        assert "--pdf und --nachverfolgung gelten nur für die Synopse („--format docx“)." in output
        assert not (example_copy / "ausgabe").exists()


def _sachstand_cells(document: DocumentObject, nr: str) -> list[Any]:
    """The three w:tc of the row with `nr`'s changed Beschreibung/Sachstand."""
    for row in document.element.body.iter(f"{W}tr"):
        cells = row.findall(f"{W}tc")
        name = "".join(t.text or "" for t in cells[0].iter(f"{W}t"))
        if len(cells) == 3 and name.startswith(nr) and name.endswith("Beschreibung/Sachstand"):
            return list(cells)
    raise AssertionError(f"Keine Zeile für {nr}")


def _text(cell: Any, leave_out: str = "", marked: str = "") -> str:
    """A cell's text in document order, a w:br as a line break; runs inside `leave_out` left out, or only
    runs whose properties have `marked` (the words then joined by one space each)."""
    pieces = []
    for element in cell.iter(f"{W}t", f"{W}delText", f"{W}br"):
        run = element.getparent()
        if leave_out and run.getparent().tag == f"{W}{leave_out}":
            continue
        if marked and run.find(f"{W}rPr/{W}{marked}") is None:
            continue
        pieces.append("\n" if element.tag == f"{W}br" else element.text or "")
    return (" " if marked else "").join(pieces)


def test_line_breaks_in_a_changed_text_stay_line_breaks(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    old = "Erste Abstimmungen über die Gebühren.\nZweite Zeile bleibt so."
    new = "Gemeinsame Haltung über die Gebühren.\nZweite Zeile bleibt so, wie sie ist."
    for year, value in ((2022, old), (2023, new)):
        path = project / str(year) / "meldungen" / f"GB3_Meldebogen_{year}.xlsx"
        book = openpyxl.load_workbook(path)
        sheet = book["Meldung"]
        assert sheet["A3"].value == "GB3-002"
        sheet["I3"] = value
        book.save(path)
    old_words, new_words = _expected(_tokens(old), _tokens(new))

    _compare(project)
    _, left, right = _sachstand_cells(docx.Document(str(project / SYNOPSE)), "GB3-002")
    assert _text(left) == old and _text(right) == new
    assert _text(left, marked="strike").split() == old_words == ["Erste", "Abstimmungen", "so."]
    assert _text(right, marked="u").split() == new_words == ["Gemeinsame", "Haltung", "so,", "wie", "sie", "ist."]

    _compare(project, "--nachverfolgung")
    assert problems(project / SYNOPSE) == ""
    _, left, right = _sachstand_cells(docx.Document(str(project / SYNOPSE)), "GB3-002")
    # (accepting every change leaves the space before the first inserted word: the text starts with a replacement)
    assert _text(right, leave_out="del").lstrip() == new and _text(right, leave_out="ins") == old
    assert len(right.findall(f".//{W}br")) == 1  # one line break, kept by both years
