"""Building Meldebögen and small working folders for tests, with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

HEADER = [
    "Nr.", "Handlungsfeld", "Vorhaben", "Kooperationspartner", "Kooperationsform", "Status",
    "Beginn", "Ende", "Beschreibung/Sachstand", "Ansprechpartner",
]  # fmt: skip

CONFIG = """\
[koerperschaft]
name = "Stadt Musterhausen"

[[geschaeftsbereich]]
kuerzel = "GB1"
name = "Zentrale Verwaltung"
dateien = ["GB1*.xlsx"]

[[geschaeftsbereich]]
kuerzel = "GB2"
name = "Bauen und Umwelt"
dateien = ["GB2*.xlsx"]

[[partner]]
name = "Landkreis Potsdam-Mittelmark"
aliase = ["LK PM"]
art = "Landkreis"

[[partner]]
name = "Gemeinde Schwielowsee"
art = "Gemeinde"

[[partner]]
name = "Stadt Werder (Havel)"
aliase = ["Werder"]
art = "Stadt"

[oparl]
basis_url = "https://ris.example.org/oparl/"
koerperschaft_url = "https://ris.example.org/oparl/body/1"

[oparl.organisationen]
"Büro des Oberbürgermeisters" = "https://ris.example.org/oparl/organization/3"
"Oberbürgermeister" = "https://ris.example.org/oparl/organization/2"
"Hauptausschuss" = "https://ris.example.org/oparl/organization/12"
"""

YEAR = """\
[grunddaten]
nummer = "24/SVV/0001"
betreff = "Kooperationsbericht 2023"
federfuehrend = "Büro des Oberbürgermeisters"
einreicher = "Oberbürgermeister"

[meldung]
frist = 2024-03-29

[[beratungsfolge]]
gremium = "Hauptausschuss"
datum = 2024-11-13
"""


class Text(str):
    """A string that is written as text even when it starts with `=` (openpyxl would make a formula)."""


def row(number: int, **changes: Any) -> list[Any]:
    """A correct activity row; keyword arguments replace single values by header key."""
    values = {
        "nr": f"GB1-{number:03d}",
        "handlungsfeld": "Mobilität und Verkehr",
        "vorhaben": f"Vorhaben Nummer {number}",
        "partner": "Landkreis Potsdam-Mittelmark; Gemeinde Schwielowsee",
        "form": "Gemeinsames Projekt",
        "status": "laufend",
        "beginn": dt.datetime(2022, 3, 1),
        "ende": None,
        "beschreibung": f"Beschreibung des Vorhabens {number}.",
        "ansprechpartner": "Erika Muster, e.muster@example.org",
    }
    values.update(changes)
    return list(values.values())


def write_workbook(
    path: Path,
    rows: list[list[Any]],
    *,
    header: list[str] | None = None,
    title_rows: int = 0,
    sheet: str = "Meldebogen",
    first_sheet: str | None = None,
) -> Path:
    """Save a Meldebogen: optional title rows above the header, optional sheet before it."""
    workbook = Workbook()
    data = workbook.active
    assert data is not None
    if first_sheet:
        data.title = first_sheet
        data["A1"] = "Hinweise zum Ausfüllen"
        data = workbook.create_sheet(sheet)
    else:
        data.title = sheet
    for index in range(title_rows):
        data.cell(index + 1, 1, f"Titelzeile {index + 1}")
    start = title_rows + 1
    for column, title in enumerate(header or HEADER, start=1):
        data.cell(start, column, title)
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            if value is not None:
                cell = data.cell(start + offset, column, value)
                if isinstance(value, Text):
                    cell.data_type = "s"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def make_project(root: Path, year: int = 2023) -> Path:
    """A working folder with two departments, a small partner register and a year."""
    (root / str(year) / "meldungen").mkdir(parents=True, exist_ok=True)
    (root / "koopbericht.toml").write_text(CONFIG, encoding="utf-8")
    (root / str(year) / "vorlage.toml").write_text(YEAR, encoding="utf-8")
    return root


def annex_docx(project: Path, year: int = 2023) -> Path:
    """The Anlage as its own Word file, as `build` writes it."""
    return project / "ausgabe" / str(year) / f"Anlage-1-Kooperationsvorhaben-{year}.docx"


def overview_rows(path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column titles and the rows of an Anlage-Uebersicht xlsx, below an Entwurf's mark if it has one."""
    sheet = load_workbook(path).worksheets[0]
    top = 2 if str(sheet["A1"].value or "").startswith("ENTWURF") else 1
    titles = [str(c.value) for c in sheet[top]]
    return titles, list(sheet.iter_rows(min_row=top + 1, values_only=True))
