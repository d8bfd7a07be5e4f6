"""Synthetic but realistic working folders for the benchmark.

`python benchmarks/generate.py ORDNER ANZAHL` writes a working folder with ANZAHL
activities in year 2023, spread over Geschäftsbereiche (one Meldebogen each, about
100 activities per file, at least 6 files), with German texts of realistic length,
partner lists with aliases, and dates in every accepted form.

It also writes the year 2022 for `compare 2022 2023`: in 2023, 10 % of the activities
have no Nr. Half of those are new; the other half continue an activity of 2022 (which
had a Nr. and a slightly different title), as when a department copies a row without
its Nr. Of the rest, most are carried over from 2022 (some with another Status or
Sachstand), and 2022 has 5 % activities that 2023 no longer reports. Deterministic:
the same size always gives the same data, and 2023 is the same as before 2022 was
added except for the blank Nr. cells.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from openpyxl import Workbook

PARTNERS = [
    ("Landkreis Potsdam-Mittelmark", "LK PM"), ("Landkreis Havelland", "LK HVL"),
    ("Landkreis Teltow-Fläming", "LK TF"), ("Stadt Werder (Havel)", "Werder"), ("Stadt Teltow", "Teltow"),
    ("Gemeinde Kleinmachnow", "Kleinmachnow"), ("Gemeinde Michendorf", "Michendorf"),
    ("Gemeinde Nuthetal", "Nuthetal"), ("Gemeinde Stahnsdorf", "Stahnsdorf"),
    ("Gemeinde Schwielowsee", "Schwielowsee"), ("Bezirk Steglitz-Zehlendorf", "Steglitz-Zehlendorf"),
    ("Land Brandenburg", "Landesregierung Brandenburg"), ("Deutscher Städtetag", "DST"),
    ("Städte- und Gemeindebund Brandenburg", "StGB"), ("Verkehrsverbund Berlin-Brandenburg", "VBB"),
    ("Kommunales Nachbarschaftsforum Berlin-Brandenburg e. V.", "KNF"),
]  # fmt: skip
FIELDS = ["Gremien und Verbandsarbeit", "Mobilität und Verkehr", "Digitalisierung und Smart City",
          "Klima, Umwelt und Wasser", "Bildung, Kultur und Sport", "Migration und Integration"]  # fmt: skip
FORMS = ["Gremium / Arbeitskreis", "Gemeinsames Projekt", "Vereinbarung / Vertrag", "Erfahrungsaustausch",
         "Arbeitskreis", "Studie"]  # fmt: skip
STATUSES = ["laufend", "laufend", "laufend", "geplant", "ruhend", "in Arbeit"]
SUBJECTS = ["Radverkehr", "Schulentwicklung", "Wasserversorgung", "Rettungsdienst", "Digitalisierung",
            "Wärmeplanung", "Regionalbusverkehr", "Katastrophenschutz", "Integration", "Tourismus"]  # fmt: skip
SENTENCES = [
    "Die Partner stimmen sich regelmäßig über Ziele, Zuständigkeiten und den Stand der Umsetzung ab.",
    "Im Berichtsjahr fanden mehrere Arbeitstreffen statt, deren Ergebnisse in die weitere Planung einfließen.",
    "Die Finanzierung erfolgt anteilig aus Eigenmitteln der Beteiligten und aus Fördermitteln des Landes.",
    "Ein gemeinsamer Zwischenbericht wurde den zuständigen Ausschüssen vorgelegt und dort beraten.",
    "Für das kommende Jahr ist vorgesehen, weitere Umlandgemeinden in die Zusammenarbeit einzubeziehen.",
    "Die Erfahrungen aus dem Pilotbetrieb werden ausgewertet und den übrigen Kommunen zur Verfügung gestellt.",
]
HEADER = ["Nr.", "Handlungsfeld", "Vorhaben", "Kooperationspartner", "Kooperationsform", "Status", "Beginn",
          "Ende", "Beschreibung/Sachstand", "Ergebnis/Ausblick", "Finanzierung", "Ansprechpartner",
          "Bemerkung (intern)"]  # fmt: skip


def _date(rng: random.Random) -> object:
    year, month, day = rng.randint(2015, 2023), rng.randint(1, 12), rng.randint(1, 28)
    form = rng.randrange(5)
    return [dt.datetime(year, month, day), f"{day}.{month}.{year}", f"{month:02d}/{year}", str(year),
            ["Januar", "März", "Mai", "Juli", "Oktober"][month % 5] + f" {year}"][form]  # fmt: skip


def _row(rng: random.Random, code: str, number: int) -> list[object]:
    partners = rng.sample(PARTNERS, rng.randint(1, 5))
    names = "; ".join(alias if rng.random() < 0.2 else name for name, alias in partners)
    subject = rng.choice(SUBJECTS)
    return [
        f"{code}-{number:04d}", rng.choice(FIELDS), f"Kooperation {subject} {code}-{number}", names,
        rng.choice(FORMS), rng.choice(STATUSES), _date(rng), None,
        " ".join(rng.sample(SENTENCES, rng.randint(2, 5))), rng.choice(SENTENCES), "Eigenmittel",
        f"Person {number}, person{number}@example.org", "",
    ]  # fmt: skip


def _save(path: Path, rows: list[list[object]]) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Meldebogen")
    sheet.append(HEADER)
    for values in rows:
        sheet.append(values)
    workbook.save(path)


def _previous_year(rng: random.Random, code: str, rows: list[list[object]]) -> list[list[object]]:
    """Blank the Nr. of 10 % of `rows` (2023, in place) and return the rows of 2022."""
    blank = set(rng.sample(range(len(rows)), round(len(rows) / 10)))
    new = {index for number, index in enumerate(sorted(blank)) if number % 2 == 0}
    old: list[list[object]] = []
    for index, values in enumerate(rows):
        if index in new:
            values[0] = None  # new activity, correctly without Nr.
            continue
        before = list(values)
        if index in blank:
            values[0] = None  # continued, but the Nr. was not carried over
            before[2] = f"{values[2]} (Phase 1)"
        if rng.random() < 0.3:
            before[5] = rng.choice(STATUSES)
        before[8] = " ".join(rng.sample(SENTENCES, rng.randint(2, 5)))
        old.append(before)
    gone = round(len(rows) / 20)
    old += [_row(rng, code, len(rows) + number) for number in range(1, gone + 1)]
    return old


def generate(folder: Path, activities: int, seed: int = 2023) -> Path:
    """Write the working folder (years 2022 and 2023) and return it."""
    rng = random.Random(seed + activities)
    rng_previous = random.Random(seed + activities + 1)
    files = min(max(activities // 100, 6), 500)
    codes = [f"GB{index:03d}" for index in range(1, files + 1)]
    reports = folder / "2023" / "meldungen"
    reports.mkdir(parents=True, exist_ok=True)
    (folder / "2022" / "meldungen").mkdir(parents=True, exist_ok=True)
    config = ['[koerperschaft]\nname = "Landkreis Benchmark"\nkurzname = "LKB"\n']
    config += [
        f'[[geschaeftsbereich]]\nkuerzel = "{c}"\nname = "Bereich {c}"\ndateien = ["{c}_*.xlsx"]\n' for c in codes
    ]
    config += [f'[[partner]]\nname = "{n}"\naliase = ["{a}"]\n' for n, a in PARTNERS]
    (folder / "koopbericht.toml").write_text("\n".join(config), encoding="utf-8")
    for year in (2022, 2023):
        (folder / str(year) / "vorlage.toml").write_text(
            f'[grunddaten]\nnummer = "{year + 1 - 2000}/KT/0001"\nbetreff = "Kooperationsbericht {year}"\n'
            f'federfuehrend = "Büro des Landrats"\neinreicher = "Landrat"\ndatum = {year + 1}-10-01\n\n'
            f'[[beratungsfolge]]\ngremium = "Kreisausschuss"\ndatum = {year + 1}-11-13\n',
            encoding="utf-8",
        )
    for index, code in enumerate(codes):
        count = activities // files + (1 if index < activities % files else 0)
        rows = [_row(rng, code, number) for number in range(1, count + 1)]
        old = _previous_year(rng_previous, code, rows)
        _save(reports / f"{code}_Meldebogen_2023.xlsx", rows)
        _save(folder / "2022" / "meldungen" / f"{code}_Meldebogen_2022.xlsx", old)
    return folder


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
