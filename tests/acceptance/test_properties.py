"""Property-based tests: what goes into a Meldebogen comes out, unchanged but for normalisation."""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from koopbericht.actions.build import build_year
from koopbericht.actions.compare import compare_years
from koopbericht.actions.template import write_templates
from koopbericht.actions.validate import annotate_copies
from koopbericht.normalise.values import clean_text
from koopbericht.project.folder import Project
from koopbericht.render.comparison import to_xlsx
from koopbericht.year.pipeline import check_year

from ..workbooks import HEADER, YEAR, Text, make_project, row, write_workbook

PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip
TODAY = dt.date(2024, 2, 1)

LETTERS = st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters=";\u2028\u2029\x85")
PLAIN = st.text(LETTERS, min_size=1, max_size=60).filter(lambda t: clean_text(t).text != "")
FORMULA_LIKE = st.builds(lambda start, rest: start + rest, st.sampled_from("=+-@"), PLAIN)
TITLE = st.one_of(PLAIN, FORMULA_LIKE)
REGISTERED = st.sampled_from(["Landkreis Potsdam-Mittelmark", "LK PM", "Gemeinde Schwielowsee", "Werder"])
CANONICAL = {"LK PM": "Landkreis Potsdam-Mittelmark", "Werder": "Stadt Werder (Havel)"}


@st.composite
def activities(draw: st.DrawFn) -> list[dict[str, str]]:
    count = draw(st.integers(min_value=1, max_value=4))
    titles = draw(st.lists(TITLE, min_size=count, max_size=count, unique_by=lambda t: clean_text(t).text.casefold()))
    result = []
    for number, title in enumerate(titles, start=1):
        partners = draw(st.lists(REGISTERED, min_size=1, max_size=3))
        result.append({
            "nr": f"GB1-{number:03d}", "vorhaben": title, "partner": "; ".join(partners),
            "beschreibung": draw(TITLE), "ansprechpartner": "Zq7INTERN" + draw(PLAIN),
            "bemerkung": "Zq7INTERN" + draw(PLAIN),
        })  # fmt: skip
    return result


def write(project: Path, year: int, items: list[dict[str, str]]) -> None:
    # row() appends keys it does not know (bemerkung) at the end, matching the extra header.
    rows = [row(0, **{key: Text(value) for key, value in item.items()}) for item in items]
    header = [*HEADER, "Bemerkung (intern)"]
    write_workbook(project / str(year) / "meldungen" / "GB1_Meldebogen.xlsx", rows, header=header)
    write_workbook(project / str(year) / "meldungen" / "GB2_Meldebogen.xlsx", [row(1, nr="GB2-001", vorhaben="Fest")])


def expected_partners(text: str) -> str:
    names = {CANONICAL.get(p, p) for p in text.split("; ")}
    return "; ".join(sorted(names, key=str.casefold))


def package_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8", "ignore") for n in archive.namelist())


@PROPERTY_SETTINGS
@given(activities())
def test_every_activity_is_published_unchanged_and_nothing_internal(items: list[dict[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder) / "p")
        write(project, 2023, items)
        result = build_year(Project.open(project), 2023, today=TODAY)
        assert result.activities == len(items) + 1
        out = project / "ausgabe" / "2023"
        document = Document(str(out / "Anlage-1-Kooperationsvorhaben-2023.docx"))
        annex_rows = {tuple(c.text for c in r.cells) for table in document.tables for r in table.rows}
        sheet = load_workbook(out / "Anlage-Uebersicht-2023.xlsx")["Vorhaben"]
        headers = [c.value for c in sheet[1]]
        xlsx_rows = {r[headers.index("Vorhaben")]: r for r in sheet.iter_rows(min_row=2)}
        for item in items:
            title = clean_text(item["vorhaben"]).text
            partners = expected_partners(item["partner"])
            assert any(r[1] == title and r[2] == partners for r in annex_rows), (title, partners)
            cells = next(cells for value, cells in ((k.value, v) for k, v in xlsx_rows.items()) if value == title)
            assert cells[headers.index("Kooperationspartner")].value == partners
            dates = {headers.index(h) for h in ("Beginn", "Ende") if h in headers}  # real dates, written as numbers
            assert all(c.data_type == "s" for i, c in enumerate(cells) if c.value is not None and i not in dates)
        for path in out.iterdir():
            contents = path.read_text("utf-8") if path.suffix == ".json" else package_text(path)
            assert "Zq7INTERN" not in contents, path.name


@PROPERTY_SETTINGS
@given(activities(), FORMULA_LIKE)
def test_formula_like_text_stays_text_in_every_xlsx(items: list[dict[str, str]], extra: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder) / "p", 2022)
        (project / "2023" / "meldungen").mkdir(parents=True)
        (project / "2023" / "vorlage.toml").write_text(YEAR, encoding="utf-8")
        write(project, 2022, items)
        new = [*items, {**items[0], "nr": "GB1-900", "vorhaben": extra, "partner": "Unbekannter Partner"}]
        write(project, 2023, new)
        opened = Project.open(project)
        expected = {clean_text(i["vorhaben"]).text for i in new}
        texts: list[tuple[object, str | None]] = []
        comparison = load_workbook(io.BytesIO(to_xlsx(compare_years(opened, 2022, 2023))))
        texts += [(c.value, c.data_type) for s in comparison for r in s.iter_rows() for c in r if c.value in expected]
        for template in write_templates(opened, 2024, "GB1"):
            sheet = load_workbook(template.path).worksheets[0]
            texts += [(c.value, c.data_type) for r in sheet.iter_rows() for c in r if c.value in expected]
        copies = annotate_copies(check_year(opened, 2023, today=TODAY), Path(folder) / "zurueck")
        assert copies, "the unknown partner should give a warning to annotate"
        for copy in copies:
            assert copy.target is not None
            for sheet in load_workbook(copy.target):
                texts += [(c.value, c.data_type) for r in sheet.iter_rows() for c in r if c.value in expected]
        assert {value for value, _ in texts} >= {clean_text(extra).text}
        assert all(kind == "s" for _, kind in texts), texts
        json.dumps(texts)  # plain values only
