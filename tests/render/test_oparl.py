"""The OParl export validates against the official OParl 1.1 schemas, and keeps its times honestly."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from koopbericht.actions.build import build_year
from koopbericht.actions.oparl import BERLIN
from koopbericht.project.folder import Project

from ..conftest import built_copy_of_example, run
from ..libreoffice import soffice
from ..oparl_schema import need_schemas, problems

PAPER = "vorlage-2023.oparl.json"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def paper_of(project: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((project / "ausgabe" / "2023" / PAPER).read_text(encoding="utf-8"))
    return data


def test_the_spec_example_validates_and_a_broken_copy_does_not() -> None:
    """The validator is real: it accepts OParl's own example and finds what koopbericht once wrote wrong."""
    example = json.loads((need_schemas() / "examples" / "Paper-01.json").read_text(encoding="utf-8"))
    assert problems("Paper", example) == []
    broken = copy.deepcopy(example)
    broken["id"] = "urn:koopbericht:lhp:paper:24-svv-1155"
    broken["created"] = "2024-10-22T09:00:00Z"
    broken["mainFile"]["accessUrl"] = "Kooperationsbericht-2023.docx"
    broken["consultation"][0]["created"] = "2024-10-22"
    found = problems("Paper", broken)
    assert any(p.startswith("id:") for p in found)
    assert any(p.startswith("created:") for p in found)
    assert any(p.startswith("mainFile/accessUrl:") for p in found)
    assert any(p.startswith("consultation/0/created:") for p in found)


def test_both_example_years_validate(example_copy: Path, runner: CliRunner) -> None:
    for year in (2022, 2023):
        code, output = run(runner, "build", str(year), "-C", str(example_copy))
        assert code == 0, output
        paper = json.loads((example_copy / "ausgabe" / str(year) / f"vorlage-{year}.oparl.json").read_text("utf-8"))
        assert problems("Paper", paper) == []


def test_example_export_validates(example_copy: Path, runner: CliRunner) -> None:
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    assert "OParl" not in output  # complete: no notice about the export
    paper = paper_of(example_copy)
    assert problems("Paper", paper) == []
    base = "https://ris.example.org/oparl/v1/"
    assert paper["id"] == f"{base}paper/24-svv-1155" and paper["body"] == f"{base}body/1"
    assert paper["date"] == "2024-10-22" and paper["license"] == LICENSE
    assert paper["underDirectionOf"] == paper["originatorOrganization"] == [f"{base}organization/3"]
    assert paper["created"] == paper["modified"] == "2024-10-22T09:00:00+02:00"  # the Vorlage's own day, CEST
    [consultation] = paper["consultation"]
    assert consultation["organization"] == [f"{base}organization/12"]
    assert consultation["meeting"] == f"{base}meeting/417"
    assert consultation["id"] == f"{base}paper/24-svv-1155/consultation/hauptausschuss-2024-11-13"
    assert consultation["authoritative"] is False  # "zur Kenntnis": no resolution is taken
    assert "paper" not in consultation and "keyword" not in consultation
    folder = example_copy / "ausgabe" / "2023"
    files = [paper["mainFile"], *paper["auxiliaryFile"]]
    for file in files:
        data = (folder / file["fileName"]).read_bytes()
        assert file["size"] == len(data) and file["sha512Checksum"] == hashlib.sha512(data).hexdigest()
        assert "sha1Checksum" not in file
        assert file["accessUrl"].startswith(base) and file["accessUrl"].endswith(file["fileName"])
        assert file["license"] == file["fileLicense"] == LICENSE  # portals read only fileLicense


def test_both_example_years_are_complete_without_notice(example_copy: Path, runner: CliRunner) -> None:
    for year in (2022, 2023):
        code, output = run(runner, "build", str(year), "-C", str(example_copy))
        assert code == 0 and "OParl" not in output, output
        paper = json.loads((example_copy / "ausgabe" / str(year) / f"vorlage-{year}.oparl.json").read_text("utf-8"))
        assert paper["underDirectionOf"] and paper["originatorOrganization"]
        assert all(c["organization"] for c in paper["consultation"])


def without_lines(config: Path, *starts: str) -> None:
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    config.write_text("".join(line for line in lines if not line.startswith(starts)), encoding="utf-8")


def test_organisations_without_url_are_left_out_with_one_notice(example_copy: Path, runner: CliRunner) -> None:
    """No invented organisation URL (an importer gets a 404 for it): left out, named once with the key to add."""
    without_lines(example_copy / "koopbericht.toml", '"Büro des', '"Oberbürgermeister,', '"Hauptausschuss"')
    vorlage = example_copy / "2023" / "vorlage.toml"
    text = vorlage.read_text(encoding="utf-8")
    vorlage.write_text(text.replace('einreicher = "Oberbürgermeister, Büro des Oberbürgermeisters"',
                                    'einreicher = "Büro des Oberbürgermeisters"'), encoding="utf-8")  # fmt: skip
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    paper = paper_of(example_copy)
    assert problems("Paper", paper) == []
    assert "underDirectionOf" not in paper and "originatorOrganization" not in paper  # optional: no empty list
    [consultation] = paper["consultation"]
    assert "organization" not in consultation
    assert "/organization/" not in json.dumps(paper)  # nothing invented
    text = " ".join(output.split())
    assert text.count("[oparl.organisationen]") == 1 and text.count("Hinweis: Im OParl-Export fehlen") == 1
    assert text.count("„Büro des Oberbürgermeisters“") == 1  # Federführend and Einreicher: named once
    assert '"Büro des Oberbürgermeisters" = "https://…/organization/…"' in text
    assert '"Hauptausschuss" = "https://…/organization/…"' in text


def test_only_the_organisation_without_url_is_left_out(example_copy: Path, runner: CliRunner) -> None:
    without_lines(example_copy / "koopbericht.toml", '"Büro des')
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    paper = paper_of(example_copy)
    assert problems("Paper", paper) == []
    assert "underDirectionOf" not in paper
    assert paper["originatorOrganization"] == ["https://ris.example.org/oparl/v1/organization/3"]
    assert paper["consultation"][0]["organization"] == ["https://ris.example.org/oparl/v1/organization/12"]
    text = " ".join(output.split())
    assert "Im OParl-Export fehlt „Büro des Oberbürgermeisters“" in text and "Hauptausschuss" not in text
    assert '[oparl.organisationen] "Büro des Oberbürgermeisters" = "https://…/organization/…"' in text


def test_without_koerperschaft_url_no_export_and_one_notice(example_copy: Path, runner: CliRunner) -> None:
    """A Paper's `body` is required, and an invented one would not be the council's: no export, and why."""
    without_lines(example_copy / "koopbericht.toml", "koerperschaft_url")
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    folder = example_copy / "ausgabe" / "2023"
    assert not (folder / PAPER).exists() and not (folder / ".oparl-verlauf.json").exists()
    assert (folder / "Kooperationsbericht-2023.docx").is_file()
    text = " ".join(output.split())
    assert text.count("Kein OParl-Export") == 1
    assert '[oparl] koerperschaft_url = "https://…/body/…"' in text


@pytest.mark.parametrize("extra, expected", [
    ('datei_lizenz = "https://example.org/dateilizenz"\n', "https://example.org/dateilizenz"),
    ("", LICENSE),
])  # fmt: skip
def test_file_license_defaults_to_the_license(extra: str, expected: str, example_copy: Path) -> None:
    config = example_copy / "koopbericht.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("lizenz = ", extra + "lizenz = ", 1),
                      encoding="utf-8")  # fmt: skip
    build_year(Project.open(example_copy), 2023)
    paper = paper_of(example_copy)
    assert problems("Paper", paper) == []
    assert {f["fileLicense"] for f in [paper["mainFile"], *paper["auxiliaryFile"]]} == {expected}


def test_without_any_license_no_file_license(example_copy: Path) -> None:
    without_lines(example_copy / "koopbericht.toml", "lizenz")
    build_year(Project.open(example_copy), 2023)
    paper = paper_of(example_copy)
    assert problems("Paper", paper) == []
    assert not any("fileLicense" in f or "license" in f for f in [paper["mainFile"], *paper["auxiliaryFile"]])


def test_without_base_url_no_export_and_one_notice(example_copy: Path, runner: CliRunner) -> None:
    config = example_copy / "koopbericht.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("# OParl-Export")], encoding="utf-8")
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    assert not (example_copy / "ausgabe" / "2023" / PAPER).exists()
    assert output.count("Kein OParl-Export") == 1 and "basis_url" in output


def test_a_wrong_url_is_a_located_config_error(example_copy: Path, runner: CliRunner) -> None:
    config = example_copy / "koopbericht.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://ris.example.org/oparl/v1/\"", "ris/\""),
                      encoding="utf-8")  # fmt: skip
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 2 and "basis_url" in output and "keine Internetadresse" in output


def test_modified_moves_only_when_content_changes(example_copy: Path) -> None:
    project = Project.open(example_copy)
    later = dt.datetime(2024, 11, 2, 14, 30, tzinfo=BERLIN)
    build_year(project, 2023, now=later)
    first = (example_copy / "ausgabe" / "2023" / PAPER).read_bytes()
    build_year(project, 2023, now=later + dt.timedelta(days=1))
    assert (example_copy / "ausgabe" / "2023" / PAPER).read_bytes() == first  # nothing changed: same bytes
    vorlage = example_copy / "2023" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text(encoding="utf-8").replace("Kooperation (19/SVV/0058)", "Kooperation"),
                       encoding="utf-8")  # fmt: skip
    build_year(project, 2023, now=later + dt.timedelta(days=2))
    paper = paper_of(example_copy)
    assert problems("Paper", paper) == []
    assert paper["created"] == "2024-10-22T09:00:00+02:00"  # created stays
    assert paper["modified"] == "2024-11-04T14:30:00+01:00"  # CET after the change of time
    main = paper["mainFile"]
    assert main["modified"] == "2024-11-04T14:30:00+01:00"
    unchanged = {f["fileName"]: f["modified"] for f in paper["auxiliaryFile"]}
    assert unchanged["Anlage-1-Kooperationsvorhaben-2023.docx"] == "2024-10-22T09:00:00+02:00"  # not changed
    assert unchanged["Anlage-Uebersicht-2023.xlsx"] == "2024-10-22T09:00:00+02:00"


def test_without_a_vorlage_date_no_date_and_the_year_after(example_copy: Path) -> None:
    vorlage = example_copy / "2023" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text(encoding="utf-8").replace("datum = 2024-10-22\n", ""), encoding="utf-8")
    build_year(Project.open(example_copy), 2023)
    paper = paper_of(example_copy)
    assert problems("Paper", paper) == []
    assert "date" not in paper and "date" not in paper["mainFile"]  # no invented day
    assert paper["created"] == "2024-01-01T09:00:00+01:00"  # the fixed time of a Vorlage without date


@pytest.mark.parametrize("role, authoritative", [
    ("Entscheidung", True), ("Beschlussfassung", True), ("Beratung und Beschluss", True),
    ("abschließende Entscheidung", True), ("Vorberatung", False), ("Kenntnisnahme", False),
    ("Beschlussempfehlung", False), ("Beschlussvorschlag", False),
])  # fmt: skip
def test_authoritative_means_a_resolution_is_taken(role: str, authoritative: bool, example_copy: Path) -> None:
    vorlage = example_copy / "2023" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text(encoding="utf-8").replace('rolle = "Kenntnisnahme"', f'rolle = "{role}"'),
                       encoding="utf-8")  # fmt: skip
    build_year(Project.open(example_copy), 2023)
    [consultation] = paper_of(example_copy)["consultation"]
    assert consultation["role"] == role and consultation["authoritative"] is authoritative


def test_modified_never_goes_back(example_copy: Path) -> None:
    """A Vorlage dated ahead: a later change, on a clock that says earlier, still moves `modified` forward."""
    vorlage = example_copy / "2023" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text(encoding="utf-8").replace("datum = 2024-10-22", "datum = 2027-06-01"),
                       encoding="utf-8")  # fmt: skip
    project = Project.open(example_copy)
    build_year(project, 2023, now=dt.datetime(2026, 12, 3, 16, 0, tzinfo=BERLIN))
    vorlage.write_text(vorlage.read_text(encoding="utf-8").replace("Kooperation (19/SVV/0058)", "Kooperation"),
                       encoding="utf-8")  # fmt: skip
    build_year(project, 2023, now=dt.datetime(2026, 12, 4, 16, 0, tzinfo=BERLIN))
    paper = paper_of(example_copy)
    assert problems("Paper", paper) == []
    assert paper["created"] == "2027-06-01T09:00:00+02:00"
    assert paper["modified"] == "2027-06-01T09:00:01+02:00"


def test_a_hand_edited_history_is_ignored_not_published(example_copy: Path) -> None:
    project = Project.open(example_copy)
    build_year(project, 2023)
    history = example_copy / "ausgabe" / "2023" / ".oparl-verlauf.json"
    entries = json.loads(history.read_text(encoding="utf-8"))
    history.write_text(json.dumps({key: [value[0], "gestern", "2024-10-22"] for key, value in entries.items()}),
                       encoding="utf-8")  # fmt: skip
    build_year(project, 2023)
    paper = paper_of(example_copy)
    assert problems("Paper", paper) == []
    assert paper["modified"] == "2024-10-22T09:00:00+02:00"  # as a first export


def test_outputs_sharing_a_name_are_a_config_error(example_copy: Path, runner: CliRunner) -> None:
    config = example_copy / "koopbericht.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "[ausgabe]\n", '[ausgabe]\nanlage_dokument_datei = "Kooperationsbericht-{jahr}.docx"\n'), encoding="utf-8")
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 2 and "anlage_dokument_datei" in output and "derselbe wie bei" in output
    assert not (example_copy / "ausgabe").exists()


def test_a_pdf_of_an_earlier_build_is_named(example_copy: Path, runner: CliRunner) -> None:
    folder = example_copy / "ausgabe" / "2023"
    folder.mkdir(parents=True)
    (folder / "Kooperationsbericht-2023.pdf").write_bytes(b"%PDF-1.6 alt")
    code, output = run(runner, "build", "2023", "-C", str(example_copy))
    assert code == 0, output
    assert "Kooperationsbericht-2023.pdf stammt von einem früheren Bau" in " ".join(output.split())
    names = [f["fileName"] for f in [paper_of(example_copy)["mainFile"], *paper_of(example_copy)["auxiliaryFile"]]]
    assert "Kooperationsbericht-2023.pdf" not in names


@pytest.fixture(scope="module")
def pdf_paper(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The example's export of a build with --pdf (module-wide: LibreOffice takes seconds)."""
    soffice()
    return paper_of(built_copy_of_example(tmp_path_factory.mktemp("oparl-pdf"), "--pdf"))


def test_with_pdf_the_pdf_is_the_main_file_made_from_the_docx(pdf_paper: dict[str, Any]) -> None:
    """Portals extract text and make previews from PDFs only: the Vorlage's PDF is mainFile, the .docx its master."""
    assert problems("Paper", pdf_paper) == []
    main = pdf_paper["mainFile"]
    assert main["fileName"] == "Kooperationsbericht-2023.pdf" and main["mimeType"] == "application/pdf"
    files = {f["fileName"]: f for f in pdf_paper["auxiliaryFile"]}
    assert list(files) == [
        "Kooperationsbericht-2023.docx", "Anlage-1-Kooperationsvorhaben-2023.docx", "Anlage-Uebersicht-2023.xlsx",
        "Anlage-1-Kooperationsvorhaben-2023.pdf",
    ]  # fmt: skip
    docx = files["Kooperationsbericht-2023.docx"]
    assert main["masterFile"] == docx["id"] and docx["derivativeFile"] == [main["id"]]
    assert "masterFile" not in docx and "derivativeFile" not in main
    annex, annex_pdf = files["Anlage-1-Kooperationsvorhaben-2023.docx"], files["Anlage-1-Kooperationsvorhaben-2023.pdf"]
    assert annex_pdf["masterFile"] == annex["id"] and annex["derivativeFile"] == [annex_pdf["id"]]


def test_without_pdf_the_docx_stays_the_main_file(example_copy: Path) -> None:
    build_year(Project.open(example_copy), 2023)
    main = paper_of(example_copy)["mainFile"]
    assert main["fileName"] == "Kooperationsbericht-2023.docx" and "derivativeFile" not in main
