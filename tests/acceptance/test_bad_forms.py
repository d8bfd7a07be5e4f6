"""Every text koopbericht writes for a Geschäftsbereich or the council is free of the known bad forms.

A copy of the example is built for 2023, then 2024 is opened, the forms go out, and two come
back: GB1 with a Status typo, an Ende before its Beginn and most Sachstände unchanged, GB2
fully updated. Then every text the round writes is read back — the e-mail drafts, the sheets
and comments of the marked copies, the Vorlage and its Anlage, the Markdown of compare — and
searched for the forms a reader stumbled over: „Folgendes …, das“, „nach Beginn und Ende“,
„0 sind“, a digit up to twelve before a noun in running text, a hyphen for a minus sign,
„Damen und Herren“ for named colleagues, warnings summed up behind a number.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from ..conftest import EXAMPLE, run

BAD_FORMS = {
    "„, das“ nach „Folgendes“ (richtig: „was“)": re.compile(r"Folgendes\b[^.!?\n]*?, das\b"),
    "„nach Beginn und Ende“ (richtig: „Laut Beginn und Ende“)": re.compile(r"nach Beginn und Ende"),
    "„0 sind“": re.compile(r"(?<![\d.,])\b0 sind\b"),
    "Zahl bis zwölf als Ziffer vor einem Substantiv": re.compile(
        r"(?<![\w.,:/§(–-])(?:[1-9]|1[0-2]) (?=[A-ZÄÖÜ][a-zäöüß])"  # "(8 Vorhaben)": a heading's label
    ),
    "Bindestrich statt Minuszeichen": re.compile(r"(?<![\w)\]])-\d"),
    "Hinweise hinter einer Zahl zusammengefasst": re.compile(r"\b\d+ weitere (?:Hinweise?|Punkte?|Warnungen?)\b"),
    "„kann bleiben“ bei einer Warnung": re.compile(r"kann sie bleiben"),
}
# A digit after these words is a reference, not a count: "Zeile 3", "Anlage 1", "Nr. 4".
REFERENCES = re.compile(r"(?:Zeile|Zeilen|Anlage|Spalte|Nr\.|Tabelle|Abs\.|Kapitel|Seite|§) $")


def bad_forms(text: str) -> list[str]:
    """The known bad forms in `text`, each with what it is and the words around it."""
    found = []
    for name, pattern in BAD_FORMS.items():
        for match in pattern.finditer(text):
            if "Ziffer" in name and REFERENCES.search(text[max(0, match.start() - 12) : match.start()]):
                continue
            found.append(f"{name}: …{text[max(0, match.start() - 40) : match.end() + 30]}…")
    return found


def send_back(root: Path, code: str, changes: dict[int, dict[str, str]], updated: range) -> None:
    """The department's form back in 2024/meldungen: `changes` by row and column title, Sachstände of `updated` new."""
    form = root / "ausgabe" / "2024" / "meldeboegen" / f"{code}_Meldebogen_2024.xlsx"
    workbook = load_workbook(form)
    sheet = workbook["Meldebogen"]
    columns = {str(cell.value): cell.column for cell in sheet[1] if cell.value}
    for number in updated:
        sheet.cell(number, columns["Beschreibung/Sachstand"], f"Stand 2024: neue Schritte in Zeile {number}.")
    for number, values in changes.items():
        for title, value in values.items():
            sheet.cell(number, columns[title], value)
    workbook.save(root / "2024" / "meldungen" / form.name)


@pytest.fixture(scope="module")
def round_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every text the round writes for a department or the council, by where it stands."""
    root = tmp_path_factory.mktemp("runde") / "potsdam"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("ausgabe"))
    runner = CliRunner()
    project = ("-C", str(root))
    for command in (("build", "2023"), ("jahr", "2024")):
        code, output = run(runner, *command, *project)
        assert code == 0, output
    vorlage = root / "2024" / "vorlage.toml"
    ahead = dt.date.today() + dt.timedelta(days=60)  # the deadline still ahead whenever the test runs
    vorlage.write_text(re.sub(r"frist = \d{4}-\d\d-\d\d", f"frist = {ahead}", vorlage.read_text("utf-8")), "utf-8")
    code, output = run(runner, "template", "2024", *project)
    assert code == 0, output
    send_back(root, "GB1", {2: {"Status": "in Planng"}, 3: {"Ende": "06/2019"}}, range(2, 3))
    send_back(root, "GB2", {}, range(2, 20))
    texts: dict[str, str] = {}
    code, output = run(runner, "erinnerung", "2024", "--auch-warnungen", *project)
    assert code == 0, output
    texts |= dict(_mails(root / "ausgabe" / "2024" / "erinnerungen"))
    code, output = run(runner, "validate", "2024", *project, "--annotate", str(root / "markiert"))
    assert code == 1, output
    for copy in sorted((root / "markiert").glob("*.xlsx")):
        texts[f"markierte Kopie {copy.name}"] = _marked_texts(copy)
    for name in ("Kooperationsbericht-2023.docx", "Anlage-1-Kooperationsvorhaben-2023.docx"):
        texts[name] = _docx_text(root / "ausgabe" / "2023" / name)
    for years in (("2022", "2023"), ("2023", "2024", "--trotz-fehlern")):
        code, output = run(runner, "compare", *years, "--format", "markdown", *project)
        assert code == 0, output
        texts[f"compare {years[0]} {years[1]} (Markdown)"] = output
    return texts


def _mails(folder: Path) -> Iterator[tuple[str, str]]:
    parser = BytesParser(policy=policy.default)
    for path in sorted(folder.glob("*.eml")):
        mail = parser.parsebytes(path.read_bytes())
        body = mail.get_body(preferencelist=("plain",))
        assert body is not None
        text = f"{mail['Subject']}\n{body.get_content()}"
        named = [a.display_name for a in mail["To"].addresses if a.display_name] if mail["To"] else []
        if named and "Damen und Herren" in text:
            text += "\n„Damen und Herren“ für namentlich bekannte Empfänger"  # found by the check below
        sent = mail["Date"].datetime.date()
        if sent > dt.date.today():
            text += f"\nDatum in der Zukunft: {sent}"
        yield f"Entwurf {path.name}", text


def _marked_texts(path: Path) -> str:
    """The copy's own texts: its two sheets (without the department's values and the clerk's codes) and comments."""
    workbook = load_workbook(path)
    texts = []
    for sheet in workbook.worksheets:
        own = sheet.title in ("Was ist zu tun", "Prüfergebnis")
        header = [cell.value for cell in sheet[1]]
        skipped = {i for i, title in enumerate(header) if title in ("Eingetragen", "Vorschlag", "Code (für das Büro)")}
        for line in sheet.iter_rows():
            for index, cell in enumerate(line):
                if own and isinstance(cell.value, str) and index not in skipped:
                    texts.append(cell.value)
                if cell.comment is not None:
                    texts.append(cell.comment.text)
    return "\n".join(texts)


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    texts = [paragraph.text for paragraph in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def test_the_round_writes_every_kind_of_text(round_texts: dict[str, str]) -> None:
    kinds = ("Entwurf Erinnerung-2024-GB1.eml", "markierte Kopie GB1_Meldebogen_2024.xlsx",
             "Kooperationsbericht-2023.docx", "compare 2023 2024 (Markdown)")  # fmt: skip
    assert all(kind in round_texts for kind in kinds), sorted(round_texts)
    gb1 = round_texts["Entwurf Erinnerung-2024-GB1.eml"]
    assert "bitte aktualisieren" in gb1 and "(Zelle H3)" in gb1  # the faults came back as meant


def test_the_checks_find_every_bad_form() -> None:
    bad = (
        "Bei der Prüfung ist uns Folgendes aufgefallen, das korrigiert werden muss. "
        "Das Vorhaben liegt nach Beginn und Ende ganz außerhalb. 0 sind unverändert. "
        "Außerdem sind 6 weitere Hinweise markiert. Es gibt 3 Fehler und -2 Vorhaben. "
        "Ist die Angabe richtig, kann sie bleiben."
    )
    assert len(bad_forms(bad)) == 7, bad_forms(bad)
    good = "Folgendes ist aufgefallen, was zu tun ist. Zeile 3, Spalte „Ende“ (Zelle H3), Anlage 1, 0331 289-0000."
    assert bad_forms(good) == []


# Texts written by modules outside this change that still carry a bad form; each names where it is made.
# strict: once the text is fixed, the marker fails and is to be removed.
NOT_YET: dict[str, str] = {}
KINDS = [
    "Entwurf Erinnerung-2024-GB1.eml",
    "Entwurf Erinnerung-2024-GB3.eml",
    "markierte Kopie GB1_Meldebogen_2024.xlsx",
    "Kooperationsbericht-2023.docx",
    "Anlage-1-Kooperationsvorhaben-2023.docx",
    "compare 2022 2023 (Markdown)",
    "compare 2023 2024 (Markdown)",
]


@pytest.mark.parametrize(
    "where",
    [
        pytest.param(kind, marks=pytest.mark.xfail(reason=NOT_YET[kind], strict=True)) if kind in NOT_YET else kind
        for kind in KINDS
    ],
)
def test_no_known_bad_form(round_texts: dict[str, str], where: str) -> None:
    assert bad_forms(round_texts[where]) == []


def test_no_bad_form_in_any_other_text(round_texts: dict[str, str]) -> None:
    """Every other draft and marked copy of the round (GB2, GB4, …), whichever the round wrote."""
    found = {
        where: problems for where, text in round_texts.items() if where not in NOT_YET and (problems := bad_forms(text))
    }
    assert found == {}
