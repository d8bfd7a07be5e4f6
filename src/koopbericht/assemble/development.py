"""The development across the years: each year's key figures, and the Vorlage's table of them.

Every build writes its year's key figures beside its outputs (`ausgabe/JAHR/kennzahlen.json`),
so that a later year's Vorlage reads one small file per earlier year instead of every
Meldebogen again. The placeholder `{{ entwicklung }}` in a text becomes a table of all years
once at least two earlier years are there. A year that cannot be read is named in the
table, never counted as zero; a Geschäftsbereich without usable Meldebogen is named too.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..config import Settings
from ..document import BarChart, Block, ChartSeries, Paragraph, Run, Table, TableRow
from ..document.widths import PORTRAIT_LINE, content_widths
from ..formatting import german_number
from ..model import Activity
from .chart import BAR, GAP, LINE, MARGIN, TEXT_SIZE, VALUE_GAP, WIDTH
from .chartstyle import COLOURS, chart_font

PLACEHOLDER = "entwicklung"
KEY_FIGURES_FILE = "kennzahlen.json"
FORMAT = 1  # the file's layout; a file of another layout is read from the Meldebögen instead
FINISHED = "abgeschlossen"
MINIMUM_EARLIER_YEARS = 2
UNREADABLE = "nicht lesbar"
CHART_WIDTH_CM = 16.0
YEAR_LABEL = 90  # pixels of the chart's 1600: a year, "2023", at its text size


@dataclass(frozen=True)
class KeyFigures:
    """One year's figures as the development table shows them."""

    year: int
    activities: int
    begun: int  # activities whose Beginn lies in the year
    finished: int  # activities with the Status "abgeschlossen"
    partners: int  # distinct Kooperationspartner
    reported: tuple[str, ...]  # the Geschäftsbereiche with a usable Meldebogen, in configured order
    not_reported: tuple[str, ...] = ()  # those without

    def to_json(self) -> bytes:
        """The file's content: German keys, sorted, no time of writing (the same year gives the same bytes)."""
        data = {
            "format": FORMAT,
            "jahr": self.year,
            "vorhaben": self.activities,
            "neu_begonnen": self.begun,
            "abgeschlossen": self.finished,
            "kooperationspartner": self.partners,
            "geschaeftsbereiche_gemeldet": list(self.reported),
            "geschaeftsbereiche_ohne_meldung": list(self.not_reported),
        }
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes, year: int) -> KeyFigures:
        """The figures of a kennzahlen.json; ValueError if it is not one of `year` in this layout."""
        try:
            found: Any = json.loads(data.decode("utf-8"))
            if found["format"] != FORMAT or found["jahr"] != year:
                raise ValueError("another layout or year")
            activities, begun, finished, partners = (
                found[key] for key in ("vorhaben", "neu_begonnen", "abgeschlossen", "kooperationspartner")
            )
            reported = tuple(found["geschaeftsbereiche_gemeldet"])
            missing = tuple(found["geschaeftsbereiche_ohne_meldung"])
        except (UnicodeDecodeError, KeyError, TypeError) as error:
            raise ValueError(str(error)) from error
        if not all(type(n) is int and n >= 0 for n in (activities, begun, finished, partners)) or not all(
            isinstance(code, str) for code in reported + missing
        ):
            raise ValueError("not counts and codes")
        return cls(year, activities, begun, finished, partners, reported, missing)


@dataclass(frozen=True)
class UnreadableYear:
    """An earlier year whose figures could not be had, and why (German, as shown)."""

    year: int
    reason: str


def key_figures(
    settings: Settings,
    year: int,
    activities: Sequence[Activity],
    not_reported: Mapping[str, str],
    partner_names: Mapping[str, str] | None = None,
) -> KeyFigures:
    """The figures of the published `activities`; `not_reported` are the Geschäftsbereiche without usable data.

    `partner_names` maps a misspelt partner to the registered one (as in the Überblick's count).
    """
    begun = sum(1 for a in activities if (begin := a.date("beginn")) is not None and begin.year == year)
    finished = sum(1 for a in activities if a.status == FINISHED)
    names = partner_names or {}
    partners = len({names.get(p, p) for a in activities for p in a.partners})
    codes = [d.code for d in settings.departments]
    reported = tuple(code for code in codes if code not in not_reported)
    missing = tuple(code for code in codes if code in not_reported)
    return KeyFigures(year, len(activities), begun, finished, partners, reported, missing)


def development_blocks(years: Sequence[KeyFigures | UnreadableYear], table_number: int) -> list[Block]:
    """The table of all years, oldest first (the last is this year's), or why there is none yet."""
    earlier = len(years) - 1
    if earlier < MINIMUM_EARLIER_YEARS:
        return [
            Paragraph((Run(
                "Die Entwicklung über die Jahre wird gezeigt, sobald mindestens zwei frühere Berichtsjahre im "
                "Arbeitsordner liegen."
            ),))
        ]  # fmt: skip
    header = ("Jahr", "Geschäftsbereiche", "Vorhaben", "im Jahr begonnen", "abgeschlossen", "Partner")
    rows = tuple(TableRow(_cells(item)) for item in years)
    first, last = years[0].year, years[-1].year
    return [
        Table(
            f"Tabelle {table_number}: Entwicklung der Kooperationsvorhaben {first} bis {last}",
            "Je Berichtsjahr die Zahl der Vorhaben, der im Jahr begonnenen und der abgeschlossenen Vorhaben, der "
            "verschiedenen Kooperationspartner und die Geschäftsbereiche, die gemeldet haben.",
            header,
            rows,
            content_widths(header, [row.cells for row in rows], PORTRAIT_LINE),
            figures_from=2,
        ),
        development_chart(years),
    ]


def _cells(item: KeyFigures | UnreadableYear) -> tuple[str, ...]:
    if isinstance(item, UnreadableYear):  # named, never counted as zero
        return (str(item.year), item.reason, UNREADABLE, "–", "–", "–")
    total = len(item.reported) + len(item.not_reported)
    departments = f"alle {total}" if not item.not_reported else f"{len(item.reported)} von {total}"
    if item.not_reported:
        departments += f", ohne Meldung: {', '.join(item.not_reported)}"
    return (
        str(item.year),
        departments,
        german_number(item.activities),
        german_number(item.begun),
        german_number(item.finished),
        german_number(item.partners),
    )


def development_chart(years: Sequence[KeyFigures | UnreadableYear]) -> BarChart:
    """One bar per year, oldest first, the number of its Vorhaben; an unreadable year only „nicht lesbar“."""
    values = tuple(0 if isinstance(item, UnreadableYear) else item.activities for item in years)
    totals = tuple(UNREADABLE if isinstance(item, UnreadableYear) else german_number(item.activities) for item in years)
    font = chart_font(TEXT_SIZE)
    widest = max(math.ceil(font.getlength(text)) for text in totals)
    bar_left = MARGIN + YEAR_LABEL
    scale = (WIDTH - MARGIN - bar_left - VALUE_GAP - widest) / (max(values) or 1)  # pixels per Vorhaben
    legend = MARGIN + LINE + 30
    height = legend + len(years) * (BAR + GAP) - GAP + MARGIN + 10  # pixels, as the Überblick's chart counts
    return BarChart(
        categories=tuple(str(item.year) for item in years),
        series=(ChartSeries("Vorhaben", COLOURS[1], values),),
        totals=totals,
        room=round((widest + VALUE_GAP) / scale, 3),
        alt=_chart_alt_text(years),
        title=f"Vorhaben je Berichtsjahr {years[0].year} bis {years[-1].year}",
        width_cm=CHART_WIDTH_CM,
        height_cm=round(height / (WIDTH / CHART_WIDTH_CM), 2),
    )


def _chart_alt_text(years: Sequence[KeyFigures | UnreadableYear]) -> str:
    """What the chart shows, with every number, and which year could not be read and why."""
    parts = []
    for item in years:
        if isinstance(item, KeyFigures):
            parts.append(f"{item.year}: {german_number(item.activities)} Vorhaben")
        elif item.reason.startswith(UNREADABLE):  # "nicht lesbar: …" says it already
            parts.append(f"{item.year}: {item.reason}")
        else:
            parts.append(f"{item.year}: {UNREADABLE}, {item.reason}")
    return f"Balkendiagramm der Zahl der Vorhaben je Berichtsjahr, ein Balken je Jahr. {'; '.join(parts)}."
