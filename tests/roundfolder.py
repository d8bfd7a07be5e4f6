"""A working folder in the middle of a yearly round, for `status` and `erinnerung`.

Four Geschäftsbereiche with contacts (GB3 without any), a deadline and the clerk's address in
vorlage.toml; GB1 returned a Meldebogen with an error and a warning, GB4 one with a warning only,
GB2 and GB3 are late. GB2 reported last year, so its prefilled form carries an activity.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .workbooks import CONFIG, row, write_workbook

DEPARTMENTS = """\
[koerperschaft]
name = "Stadt Musterhausen"

[[geschaeftsbereich]]
kuerzel = "GB1"
name = "Zentrale Verwaltung"
dateien = ["GB1*.xlsx"]
kontakt = [{ name = "Jürgen Müller", email = "j.mueller@example.org" }]

[[geschaeftsbereich]]
kuerzel = "GB2"
name = "Bauen und Umwelt"
dateien = ["GB2*.xlsx"]
kontakt = [{ name = "Eva Probe", email = "e.probe@example.org" }, { email = "bauen@example.org" }]

[[geschaeftsbereich]]
kuerzel = "GB3"
name = "Soziales und Gesundheit"
dateien = ["GB3*.xlsx"]

[[geschaeftsbereich]]
kuerzel = "GB4"
name = "Kultur und Sport"
dateien = ["GB4*.xlsx"]
kontakt = [{ name = "Lena Vorlage", email = "l.vorlage@example.org" }]

"""

MELDUNG = """\
[meldung]
frist = 2024-03-29
ansprechpartner = "Büro des Oberbürgermeisters, Regionale Kooperation"
email = "kooperation@example.org"
telefon = "0331 289-0000"
"""

YEAR = """\
[grunddaten]
nummer = "24/SVV/0001"
betreff = "Kooperationsbericht 2023"
federfuehrend = "Büro des Oberbürgermeisters"
einreicher = "Oberbürgermeister"

{meldung}
[[beratungsfolge]]
gremium = "Hauptausschuss"
datum = 2024-11-13
"""

RECEIVED = dt.datetime(2024, 3, 20, 10, 30)  # when the returned Meldebögen were saved
GB1_FILE = "GB1_Meldebogen_Bürgerdienste.xlsx"
GB1_ERROR_CELL = "F2"  # "irgendwie" is no Status


def make_round(root: Path, meldung: str = MELDUNG) -> Path:
    """The working folder described above, below `root`."""
    reports = root / "2023" / "meldungen"
    reports.mkdir(parents=True)
    partners = CONFIG[CONFIG.index("[[partner]]") :]
    (root / "koopbericht.toml").write_text(DEPARTMENTS + partners, encoding="utf-8")
    (root / "2023" / "vorlage.toml").write_text(YEAR.format(meldung=meldung), encoding="utf-8")
    faulty = [row(1, status="irgendwie"), row(2, partner="Landkreis Potsdam-Mittelmark; Gemeinde Nirgendwo")]
    write_workbook(reports / GB1_FILE, faulty)
    write_workbook(reports / "GB4_Meldebogen.xlsx", [row(1, nr="GB4-001", partner="Gemeinde Unbekanntdorf")])
    for path in reports.iterdir():
        os.utime(path, (RECEIVED.timestamp(), RECEIVED.timestamp()))
    last_year = [row(1, nr="GB2-001", vorhaben="Radweg zum Nachbarort")]
    write_workbook(root / "2022" / "meldungen" / "GB2_Meldebogen_2022.xlsx", last_year)
    return root
