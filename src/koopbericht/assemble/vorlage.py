"""Assembling the Mitteilungsvorlage from the year's settings, texts and activities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..config import Settings, YearSettings
from ..document import (
    Block,
    Heading,
    LandscapeSection,
    ListBlock,
    ListItem,
    Paragraph,
    Run,
    Table,
    TableRow,
    VorlageDocument,
)
from ..document.widths import PORTRAIT_LINE, content_widths
from ..formatting import file_size, german_date, spelled_count, spelled_number
from ..model import NO_REPORT
from ..read.texts.sections import NarrativeText
from .annex import Annex
from .annexdoc import annex_blocks
from .annexlayout import name_words
from .chart import bar_chart
from .chartstyle import shown_statuses
from .development import PLACEHOLDER, KeyFigures, UnreadableYear, development_blocks
from .narrative import narrative_blocks
from .stamps import draft_mark, timestamp_for
from .stats import Completeness, YearFigures, placeholders


@dataclass(frozen=True)
class Attachment:
    """An entry of the list of Anlagen."""

    name: str
    file_name: str
    size: int | None


def assemble(
    settings: Settings,
    year: YearSettings,
    annex: Annex,
    figures: YearFigures,
    texts: list[NarrativeText],
    attachments: list[Attachment],
    completeness: Completeness | None = None,
    development: Sequence[KeyFigures | UnreadableYear] = (),
) -> VorlageDocument:
    """The complete Vorlage as a document model; an Entwurf says so near the top and on every page.

    `development` (every year's key figures, this one last) fills the placeholder `{{ entwicklung }}`.
    """
    master = year.master
    completeness = completeness or Completeness()
    blocks: list[Block] = [Heading(0, f"Mitteilungsvorlage {master.number}".strip())]
    blocks += _reporting_state(completeness)
    blocks += _master_data(year)
    blocks += _consultations(year)
    blocks += _explanation(year)
    values = placeholders(figures, settings, master.number)
    table_number = 3  # Tabelle 1 and 2 are the Grunddaten and the Beratungsfolge
    inserts = {PLACEHOLDER: lambda number: development_blocks(development, number)}
    narrative = narrative_blocks(texts, values, table_number, inserts)
    table_number += sum(1 for b in narrative if isinstance(b, Table))
    blocks += narrative
    blocks += _overview(figures, table_number)
    blocks += _attachment_list(attachments, table_number + 1)
    if settings.output.annex_in_vorlage:
        blocks += [LandscapeSection(), *annex_blocks(settings, annex, year.year)]
    return VorlageDocument(
        number=master.number,
        title=master.subject,
        subject=f"{master.paper_type} {master.number}".strip(),
        author=settings.authority.name,
        keywords=f"Kooperationsbericht; interkommunale Zusammenarbeit; {year.year}",
        timestamp=timestamp_for(year),
        blocks=tuple(blocks),
        status=completeness.status,
        draft_mark=draft_mark(completeness),
        names=name_words(settings),
    )


def _reporting_state(completeness: Completeness) -> list[Block]:
    """The section "Stand der Meldungen": why this is an Entwurf, per Geschäftsbereich and overall."""
    if not completeness.draft:
        return []
    blocks: list[Block] = [
        Heading(1, "Stand der Meldungen"),
        Paragraph(
            (
                Run("Entwurf: ", True),
                Run("Diese Vorlage ist noch nicht vollständig und keine Endfassung."),
            )
        ),
    ]
    if completeness.departments:
        items: list[ListItem] = []
        for label, state, lines in completeness.departments:
            items.append(ListItem((Run(f"{label}: ", True), Run(state))))
            items += [ListItem((Run(line),), 1) for line in lines]
        blocks.append(Paragraph((Run("Nicht oder nicht vollständig berücksichtigt sind:"),)))
        blocks.append(ListBlock(False, tuple(items)))
    others = completeness.other_reasons
    if others:
        blocks.append(Paragraph((Run("Außerdem fehlt noch:" if completeness.departments else "Es fehlt noch:"),)))
        blocks.append(ListBlock(False, tuple(ListItem((Run(r),)) for r in others)))
    return blocks


def _master_data(year: YearSettings) -> list[Block]:
    master = year.master
    rows = [
        ("Betreff", master.subject),
        ("Status", master.status),
        ("Vorlageart", master.paper_type),
        ("Federführend", master.lead),
        ("Einreicher", master.submitter),
    ]
    if master.date:
        rows.append(("Datum", german_date(master.date)))
    return [
        Heading(1, "Grunddaten"),
        Table(
            "Tabelle 1: Grunddaten der Vorlage",
            "Betreff, Status, Vorlageart, federführende Stelle und Einreicher der Vorlage.",
            ("Angabe", "Inhalt"),
            tuple(TableRow(row) for row in rows),
            (1, 3),
        ),
    ]


def _consultations(year: YearSettings) -> list[Block]:
    rows = tuple(
        TableRow((c.status, german_date(c.date) if c.date else "", c.body, c.decision)) for c in year.consultations
    )
    if not rows:
        return [Heading(1, "Beratungsfolge"), Paragraph((Run("Keine Beratungsfolge angegeben."),))]
    return [
        Heading(1, "Beratungsfolge"),
        Table(
            "Tabelle 2: Beratungsfolge",
            "Gremien, die die Vorlage beraten, mit Datum und Art des Beschlusses.",
            ("Status", "Datum", "Gremium", "Beschluss"),
            rows,
            (1, 1, 2, 1.5),
        ),
    ]


def _explanation(year: YearSettings) -> list[Block]:
    body = year.consultations[0].body if year.consultations else "Hauptausschuss"
    article = "Die" if body.endswith(("versammlung", "vertretung", "kommission")) else "Der"
    blocks: list[Block] = [Heading(1, "Erläuterung"), Paragraph((Run(f"{article} {body} nimmt zur Kenntnis:", True),))]
    for paragraph in (p.strip() for p in year.explanation.split("\n\n")):
        if paragraph:
            blocks.append(Paragraph((Run(" ".join(paragraph.split())),)))
    return blocks


def _overview(figures: YearFigures, table_number: int) -> list[Block]:
    statuses = shown_statuses(figures)  # the legend of the chart below shows the same
    rows = []
    for code, name, counts in figures.by_department:
        if code in figures.not_reported:  # nothing reported is not the same as nothing done
            rows.append(TableRow((f"{code} {name}", *([figures.not_reported[code]] * (len(statuses) + 1)))))
            continue
        label = f"{code} {name}" + (" (unvollständig)" if code in figures.incomplete else "")
        rows.append(TableRow((label, *(str(counts.get(s, 0)) for s in statuses), str(sum(counts.values())))))
    total = ("Gesamt", *(str(figures.by_status.get(s, 0)) for s in statuses), str(figures.activities))
    rows.append(TableRow(total, bold=True))
    summary = _summary(figures)
    missing = [code for code, _, _ in figures.by_department if figures.not_reported.get(code) == NO_REPORT]
    if missing:
        summary += f" Keine Meldung liegt vor von: {', '.join(missing)}."
    refused = [code for code, _, _ in figures.by_department if figures.not_reported.get(code, NO_REPORT) != NO_REPORT]
    if refused:
        summary += f" Wegen Fehlern nicht übernommen: {', '.join(refused)}."
    if figures.incomplete:
        partial = [code for code, _, _ in figures.by_department if code in figures.incomplete]
        summary += f" Unvollständig, weil Zeilen oder Dateien weggelassen wurden: {', '.join(partial)}."
    header = ("Geschäftsbereich", *statuses, "gesamt")
    return [
        Heading(1, "Überblick in Zahlen"),
        Paragraph((Run(summary),)),
        Table(
            f"Tabelle {table_number}: Vorhaben je Geschäftsbereich und Status",
            "Anzahl der gemeldeten Vorhaben je Geschäftsbereich, aufgeteilt nach Status, mit Summen.",
            header,
            tuple(rows),
            content_widths(header, _measured(rows), PORTRAIT_LINE),
            figures_from=1,
        ),
        bar_chart(figures, "Vorhaben je Geschäftsbereich und Status", 16.0),
    ]


def _measured(rows: list[TableRow]) -> list[tuple[str, ...]]:
    """The Überblick's cells as widths are measured: „keine Meldung“ may wrap at its space.

    Measured whole, a row of five of them would squeeze the names of the Geschäftsbereiche into broken words.
    """
    return [(row.cells[0], *(cell.replace(" ", "\n") for cell in row.cells[1:])) for row in rows]


def _summary(figures: YearFigures) -> str:
    """The Überblick's first sentence, numbers up to twelve written out, as running text has them.

    "Für 2023 haben sechs Geschäftsbereiche 47 Vorhaben mit 44 verschiedenen Kooperationspartnern gemeldet."
    """
    partners = {0: "keinem Kooperationspartner", 1: "einem Kooperationspartner"}.get(
        figures.partners, f"{spelled_number(figures.partners)} verschiedenen Kooperationspartnern"
    )
    return (
        f"Für {figures.year} {'hat' if figures.departments == 1 else 'haben'} "
        f"{spelled_count(figures.departments, 'Geschäftsbereich', 'Geschäftsbereiche')} "
        f"{spelled_count(figures.activities, 'Vorhaben', 'Vorhaben')} mit {partners} gemeldet."
    )


def _attachment_list(attachments: list[Attachment], table_number: int) -> list[Block]:
    rows = tuple(
        TableRow((str(i), f"{a.name}\n({a.file_name})", file_size(a.size))) for i, a in enumerate(attachments, start=1)
    )
    return [
        Heading(1, "Anlagen"),
        Table(
            f"Tabelle {table_number}: Anlagen",
            "Nummer, Name und Dateigröße der Anlagen zu dieser Vorlage.",
            ("Nr.", "Name", "Größe"),
            rows,
            content_widths(("Nr.", "Name", "Größe"), [row.cells for row in rows], PORTRAIT_LINE),
            figures_from=2,
        ),
    ]
