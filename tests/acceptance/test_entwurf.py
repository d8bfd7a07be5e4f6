"""Entwurf and Endfassung: an incomplete year says so in the document, the terminal and the properties."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from openpyxl import load_workbook
from typer.testing import CliRunner

from ..conftest import EXAMPLE, REPO, run, settle_example
from ..workbooks import HEADER, annex_docx, make_project, row, write_workbook

VALIDATOR = REPO.parent / "shared" / "ooxml" / "validate_ooxml.py"
MARK = "ENTWURF – Stand der Meldungen unvollständig"


def vorlage(project: Path, year: int = 2023) -> Path:
    return project / "ausgabe" / str(year) / f"Kooperationsbericht-{year}.docx"


def header_texts(document: DocumentObject) -> list[str]:
    """The text of each section's (effective) header."""
    return ["\n".join(p.text for p in section.header.paragraphs) for section in document.sections]


def body_text(document: DocumentObject) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def overview_rows(document: DocumentObject) -> dict[str, list[str]]:
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Geschäftsbereich")
    return {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}


def chart_alt(document: DocumentObject) -> str:
    return next(str(e.get("descr")) for e in document.element.body.iter(qn("wp:docPr")))


def complete_project(root: Path) -> Path:
    make_project(root)
    meldungen = root / "2023" / "meldungen"
    write_workbook(meldungen / "GB1_2023.xlsx", [row(1), row(2)])
    write_workbook(meldungen / "GB2_2023.xlsx", [row(1, nr="GB2-001", vorhaben="Radweg an der Havel")])
    return root


@pytest.fixture
def incomplete(tmp_path: Path) -> Path:
    """GB1 reported with one faulty row; GB2 did not report at all."""
    root = make_project(tmp_path / "projekt")
    write_workbook(root / "2023" / "meldungen" / "GB1_2023.xlsx", [row(1), row(2, vorhaben=None), row(3)])
    return root


def test_keine_meldung_wraps_and_leaves_the_names_their_width(runner: CliRunner, tmp_path: Path) -> None:
    root = tmp_path / "potsdam"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("ausgabe"))
    next((root / "2023" / "meldungen").glob("GB2*")).unlink()
    code, output = run(runner, "build", "2023", "-C", str(root))
    assert code == 0, output
    table = next(t for t in Document(str(vorlage(root))).tables if t.rows[0].cells[0].text == "Geschäftsbereich")
    widths = [int(str(c.get(qn("w:w")))) for c in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    # The names keep their room; measured whole, five „keine Meldung“ squeezed them to a fifth of the line
    # and broke „Geschäftsbereic-h“.
    assert widths[0] >= 0.3 * sum(widths), widths


def test_incomplete_year_is_an_entwurf_everywhere(runner: CliRunner, incomplete: Path) -> None:
    code, output = run(runner, "build", "2023", "--trotz-fehlern", "-C", str(incomplete))
    assert code == 0, output
    assert "Entwurf:" in output and "Endfassung:" not in output
    assert "Kein Meldebogen von GB2 Bauen und Umwelt." in output
    assert "Von GB1 Zentrale Verwaltung wegen Fehlern weggelassen: 1 Zeile" in output

    document = Document(str(vorlage(incomplete)))
    assert document.core_properties.content_status == "Entwurf"
    annex = Document(str(annex_docx(incomplete)))
    assert annex.core_properties.content_status == "Entwurf"
    headers = header_texts(document) + header_texts(annex)
    assert len(headers) == 2  # the Vorlage and the Anlage as its own file
    for text in headers:
        assert MARK in text and "Mitteilungsvorlage 24/SVV/0001" in text  # mark beside the existing content

    paragraphs = [(str(getattr(p.style, "name", "")), p.text) for p in document.paragraphs]
    assert paragraphs[1] == ("Heading 1", "Stand der Meldungen")  # right after the title
    assert paragraphs.index(("Heading 1", "Stand der Meldungen")) < paragraphs.index(("Heading 1", "Grunddaten"))
    items = [text for style, text in paragraphs if style.startswith("List Bullet")]
    assert "GB2 Bauen und Umwelt: kein Meldebogen eingegangen." in items
    assert "GB1 Zentrale Verwaltung: wegen Fehlern weggelassen (1 Zeile)." in items
    assert any(t.startswith("2023/meldungen/GB1_2023.xlsx, Zeile 3:") and "Pflichtangabe fehlt" in t for t in items)

    rows = overview_rows(document)
    assert rows["GB2 Bauen und Umwelt"] == ["keine Meldung"] * len(rows["Gesamt"])
    assert "GB1 Zentrale Verwaltung (unvollständig)" in rows
    assert rows["Gesamt"][-1] == "2"
    assert "Keine Meldung liegt vor von: GB2." in body_text(document)
    alt = chart_alt(document)
    assert "GB2 (Bauen und Umwelt): keine Meldung" in alt
    assert "GB1 (Zentrale Verwaltung): 2 (unvollständig" in alt


def test_endfassung_is_refused_for_an_incomplete_year(runner: CliRunner, incomplete: Path) -> None:
    code, output = run(runner, "build", "2023", "--trotz-fehlern", "--endfassung", "-C", str(incomplete))
    assert code == 1
    assert "nicht vollständig" in output and "Kein Meldebogen von GB2 Bauen und Umwelt." in output
    assert not (incomplete / "ausgabe").exists()


def test_endfassung_refusal_leaves_a_previous_build_alone(runner: CliRunner, incomplete: Path) -> None:
    assert run(runner, "build", "2023", "--trotz-fehlern", "-C", str(incomplete))[0] == 0
    before = {p: p.read_bytes() for p in (incomplete / "ausgabe" / "2023").iterdir()}
    code, _ = run(runner, "build", "2023", "--trotz-fehlern", "--endfassung", "-C", str(incomplete))
    assert code == 1
    assert {p: p.read_bytes() for p in (incomplete / "ausgabe" / "2023").iterdir()} == before


def test_complete_year_is_an_endfassung(runner: CliRunner, tmp_path: Path) -> None:
    project = complete_project(tmp_path / "projekt")
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    assert "Endfassung:" in output and "Entwurf" not in output
    document = Document(str(vorlage(project)))
    assert document.core_properties.content_status == "Endfassung"
    assert all("ENTWURF" not in text for text in header_texts(document))
    assert "Stand der Meldungen" not in body_text(document)
    assert "keine Meldung" not in str(overview_rows(document))

    first = vorlage(project).read_bytes()
    code, output = run(runner, "build", "2023", "--endfassung", "-C", str(project))
    assert code == 0, output
    assert "Endfassung:" in output
    assert vorlage(project).read_bytes() == first


def test_init_placeholders_make_an_entwurf(runner: CliRunner, tmp_path: Path) -> None:
    project = tmp_path / "neu"
    assert run(runner, "init", str(project), "--jahr", "2025")[0] == 0
    code, output = run(runner, "build", "2025", "-C", str(project))
    assert code == 0, output
    assert "Vorlagen-Nummer „26/SVV/0000“ ist ein Platzhalter" in output
    assert "2025/text/01-bericht.md enthält noch den Platzhaltertext" in output
    assert "Keine Vorhaben" in output
    document = Document(str(vorlage(project, 2025)))
    assert document.core_properties.content_status == "Entwurf"
    text = body_text(document)
    assert "Vorlagen-Nummer „26/SVV/0000“ ist ein Platzhalter" in text
    assert all(v == ["keine Meldung"] * 5 for k, v in overview_rows(document).items() if k != "Gesamt")
    code, output = run(runner, "build", "2025", "--endfassung", "-C", str(project))
    assert code == 1 and "Platzhaltertext" in output


def test_placeholder_text_alone_makes_an_entwurf_without_the_reporting_mark(runner: CliRunner, tmp_path: Path) -> None:
    project = complete_project(tmp_path / "projekt")
    text = project / "2023" / "text"
    text.mkdir()
    (text / "01-bericht.md").write_text(
        "# Bericht\n\nDieser Abschnitt ist ein\nPlatzhalter. Ersetzen Sie ihn durch den Bericht.\n", encoding="utf-8"
    )
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0 and "Entwurf:" in output
    document = Document(str(vorlage(project)))
    headers = header_texts(document)
    assert all("ENTWURF – noch nicht fertiggestellt" in h and MARK not in h for h in headers)
    assert "Es fehlt noch:" in body_text(document)


def test_unreadable_meldebogen_is_keine_meldung(runner: CliRunner, tmp_path: Path) -> None:
    project = complete_project(tmp_path / "projekt")
    (project / "2023" / "meldungen" / "GB2_2023.xlsx").write_bytes(b"kein Excel")
    code, output = run(runner, "build", "2023", "--trotz-fehlern", "-C", str(project))
    assert code == 0, output
    assert "Meldebogen von GB2 Bauen und Umwelt nicht lesbar." in output
    document = Document(str(vorlage(project)))
    assert overview_rows(document)["GB2 Bauen und Umwelt"][0] == "keine Meldung"
    items = [p.text for p in document.paragraphs if str(getattr(p.style, "name", "")).startswith("List Bullet")]
    assert "GB2 Bauen und Umwelt: Meldebogen nicht lesbar." in items
    assert any(t.startswith("2023/meldungen/GB2_2023.xlsx: nicht lesbar") for t in items)


def test_entwurf_is_deterministic_and_valid_ooxml(runner: CliRunner, incomplete: Path) -> None:
    assert run(runner, "build", "2023", "--trotz-fehlern", "-C", str(incomplete))[0] == 0
    first = vorlage(incomplete).read_bytes()
    assert run(runner, "build", "2023", "--trotz-fehlern", "-C", str(incomplete))[0] == 0
    assert vorlage(incomplete).read_bytes() == first
    if not VALIDATOR.is_file():
        pytest.skip(f"OOXML-Validator fehlt: {VALIDATOR} (../shared liegt nicht neben dem Checkout)")
    result = subprocess.run(
        [sys.executable, str(VALIDATOR), str(vorlage(incomplete))], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "0 distinct problem(s)" in result.stdout, result.stdout + result.stderr


def test_example_2023_is_an_endfassung_once_its_findings_are_settled(runner: CliRunner, example_copy: Path) -> None:
    # As shipped, two warnings call published content probably wrong: the build names them and is an Entwurf.
    code, output = run(runner, "build", "2023", "--endfassung", "-C", str(example_copy))
    flat = " ".join(output.split())
    assert code == 1, output
    assert "GB4_Meldebogen_2023.xlsx, Zelle D5 (GB4-004): Partner nicht im Partnerverzeichnis: „Schwielow-See“" in flat
    assert "GB3_Meldebogen_2023.xlsx, Zelle F7 (GB3-006): Status passt nicht zu den Daten" in flat
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0 and "Entwurf:" in output
    body = body_text(Document(str(vorlage(example_copy))))
    assert "43 verschiedenen Kooperationspartnern" in body  # „Schwielow-See“ is Gemeinde Schwielowsee: 43, not 44
    figures = json.loads((example_copy / "ausgabe" / "2023" / "kennzahlen.json").read_text(encoding="utf-8"))
    assert figures["kooperationspartner"] == 43  # the development table counts as the Überblick does

    settle_example(example_copy)  # the alias and the acceptance LIESMICH.md describes
    code, output = run(runner, "build", "2023", "--endfassung", "-C", str(example_copy))
    assert code == 0, output
    assert "Endfassung:" in output
    document = Document(str(vorlage(example_copy)))
    assert document.core_properties.content_status == "Endfassung"
    assert "43 verschiedenen Kooperationspartnern" in body_text(document)


def test_values_in_an_unknown_column_make_an_entwurf_and_are_named(runner: CliRunner, tmp_path: Path) -> None:
    project = complete_project(tmp_path / "projekt")
    path = project / "2023" / "meldungen" / "GB1_2023.xlsx"
    header = [*HEADER, "Bemerkungen GB"]
    write_workbook(path, [[*row(1), "intern klären"], [*row(2), "Vorlage abwarten"]], header=header)
    code, output = run(runner, "build", "2023", "-C", str(project))
    assert code == 0, output
    named = "Spalte „Bemerkungen GB“ (K1, 2 Werte) nicht übernommen"
    assert "Entwurf" in output and named in output
    assert "(1 offener Punkt)" in output
    document = Document(str(vorlage(project)))
    assert document.core_properties.content_status == "Entwurf"
    assert "Spalte „Bemerkungen GB“ (K1, 2 Werte) nicht übernommen" in body_text(document)
    code, output = run(runner, "build", "2023", "--endfassung", "-C", str(project))
    assert code == 1 and named in output


def test_a_meldebogen_returned_unchanged_or_empty_is_no_endfassung(runner: CliRunner, tmp_path: Path) -> None:
    project = complete_project(tmp_path / "projekt")
    (project / "2022" / "meldungen").mkdir(parents=True)
    (project / "2022" / "vorlage.toml").write_text((project / "2023" / "vorlage.toml").read_text("utf-8"), "utf-8")
    write_workbook(project / "2022" / "meldungen" / "GB1_2022.xlsx", [row(1), row(2)])  # GB1 sent it back unchanged
    write_workbook(project / "2023" / "meldungen" / "GB2_2023.xlsx", [])  # GB2 sent an empty form
    code, output = run(runner, "build", "2023", "--endfassung", "-C", str(project))
    assert code == 1, output
    assert "GB1 Zentrale Verwaltung unverändert aus dem Vorjahr" in output
    assert "GB2 Bauen und Umwelt enthält keine Vorhaben" in output


def test_the_anlage_xlsx_says_entwurf_too(runner: CliRunner, incomplete: Path, tmp_path: Path) -> None:
    assert run(runner, "build", "2023", "--trotz-fehlern", "-C", str(incomplete))[0] == 0
    annex = incomplete / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx"
    workbook = load_workbook(annex)
    assert workbook.properties.contentStatus == "Entwurf" and "(Entwurf)" in (workbook.properties.title or "")
    assert "ENTWURF" in (workbook.active.oddHeader.center.text or "")  # type: ignore[union-attr]
    assert str(workbook.active["A1"].value).startswith("ENTWURF")  # type: ignore[index]  # on screen too
    if VALIDATOR.is_file():
        done = subprocess.run([sys.executable, str(VALIDATOR), str(annex)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    complete = complete_project(tmp_path / "fertig")
    assert run(runner, "build", "2023", "-C", str(complete))[0] == 0
    final = load_workbook(complete / "ausgabe" / "2023" / "Anlage-Uebersicht-2023.xlsx")
    assert final.properties.contentStatus == "Endfassung"
    assert "ENTWURF" not in (final.active.oddHeader.center.text or "")  # type: ignore[union-attr]


def test_a_department_left_out_by_errors_is_not_called_unreported(runner: CliRunner, tmp_path: Path) -> None:
    project = complete_project(tmp_path / "projekt")
    renamed = [("Erläuterung" if title == "Beschreibung/Sachstand" else title) for title in HEADER]
    write_workbook(project / "2023" / "meldungen" / "GB2_2023.xlsx", [row(1, nr="GB2-001")], header=renamed)
    assert run(runner, "build", "2023", "--trotz-fehlern", "-C", str(project))[0] == 0
    document = Document(str(vorlage(project)))
    assert overview_rows(document)["GB2 Bauen und Umwelt"][0] == "nicht übernommen"
    text = body_text(document)
    assert "Wegen Fehlern nicht übernommen: GB2." in text
    assert "Keine Meldung liegt vor" not in text and "Unvollständig, weil" not in text
    assert "GB2 (Bauen und Umwelt): nicht übernommen" in chart_alt(document)
