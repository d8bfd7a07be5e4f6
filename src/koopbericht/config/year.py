"""`JAHR/vorlage.toml`: the Grunddaten, Beratungsfolge and deadline of one year's Vorlage."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from .model import EMAIL
from .oparl import url
from .toml.reader import TableReader, TomlDocument, shown_path

YEAR_FILE = "vorlage.toml"
DECIDING_ROLE_WORDS = frozenset({"entscheidung", "beschluss", "beschlussfassung", "entscheidet", "beschließt"})


@dataclass(frozen=True)
class MasterData:
    """The Grunddaten block at the top of the Vorlage."""

    number: str
    subject: str
    status: str
    paper_type: str
    lead: str
    submitter: str
    date: dt.date | None
    web: str | None = None  # the Vorlage's page in the council information system, if known


@dataclass(frozen=True)
class Consultation:
    """One line of the Beratungsfolge."""

    body: str
    date: dt.date | None
    decision: str
    status: str
    role: str
    lead: bool  # federführend: the body in charge of this Beratung
    meeting_url: str | None = None  # the Sitzung in the council information system (OParl Meeting), if known

    @property
    def authoritative(self) -> bool:
        """Whether a resolution is taken here, as OParl means it: the role names a decision as a whole word.

        "Entscheidung", "Beschlussfassung", "Beratung und Beschluss" decide; "Beschlussempfehlung",
        "Vorberatung" and "Kenntnisnahme" do not.
        """
        return bool(set(re.findall(r"\w+", self.role.casefold())) & DECIDING_ROLE_WORDS)


@dataclass(frozen=True)
class YearSettings:
    """Everything `vorlage.toml` says about one report year."""

    year: int
    master: MasterData
    consultations: tuple[Consultation, ...]
    explanation: str
    deadline: dt.date | None
    contact: str  # whom the Geschäftsbereiche ask, as written (office, name, address)
    # The clerk's address: sender of the reminders, and named in the annotated copies.
    contact_email: str = ""
    contact_phone: str = ""


def load_year(root: Path, year: int) -> YearSettings:
    """Read `root/JAHR/vorlage.toml`; raise ConfigError listing every mistake."""
    path = root / str(year) / YEAR_FILE
    if not path.is_file():
        display = shown_path(path)
        raise UsageError(
            f"{display} fehlt. Legen Sie den Jahresordner mit „koopbericht jahr {year}“ an; er übernimmt "
            "vorlage.toml und die Texte aus dem Vorjahr."
        )
    doc = TomlDocument(path)
    top = doc.root()
    master = _master(top)
    consultations = tuple(_consultation(t) for t in top.tables("beratungsfolge"))
    explanation_table = top.table("erlaeuterung")
    explanation = ""
    if explanation_table is not None:
        explanation = (explanation_table.text("text", "") or "").strip()
        explanation_table.finish()
    deadline, contact, email, phone = None, "", "", ""
    report = top.table("meldung")
    if report is not None:
        deadline = report.date("frist")
        contact = (report.text("ansprechpartner", "") or "").strip()
        email = (report.text("email", "") or "").strip()
        if email and not EMAIL.fullmatch(email):
            doc.problem(
                report.key_path("email"), f"„{email}“ ist keine E-Mail-Adresse (erwartet z. B. name@stadt.example)."
            )
        phone = (report.text("telefon", "") or "").strip()
        report.finish()
    top.finish()
    doc.raise_if_problems()
    return YearSettings(year, master, consultations, explanation, deadline, contact, email, phone)


def _master(top: TableReader) -> MasterData:
    table = top.table("grunddaten")
    if table is None:
        top.doc.problem(("grunddaten",), "Der Abschnitt [grunddaten] (nummer, betreff, …) fehlt.")
        return MasterData("", "", "", "", "", "", None)
    master = MasterData(
        number=(table.text("nummer", "", required=True) or "").strip(),
        subject=(table.text("betreff", "", required=True) or "").strip(),
        status=(table.text("status", "öffentlich") or "").strip(),
        paper_type=(table.text("vorlageart", "Mitteilungsvorlage") or "").strip(),
        lead=(table.text("federfuehrend", "", required=True) or "").strip(),
        submitter=(table.text("einreicher", "", required=True) or "").strip(),
        date=table.date("datum"),
        web=url(table, "web"),
    )
    table.finish()
    return master


def _consultation(table: TableReader) -> Consultation:
    consultation = Consultation(
        body=(table.text("gremium", "", required=True) or "").strip(),
        date=table.date("datum"),
        decision=(table.text("beschluss", "zur Kenntnis") or "").strip(),
        status=(table.text("status", "geplant") or "").strip(),
        role=(table.text("rolle", "Kenntnisnahme") or "").strip(),
        lead=table.flag("federfuehrend", False),
        meeting_url=url(table, "sitzung_url"),
    )
    table.finish()
    return consultation
