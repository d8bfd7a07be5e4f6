"""The one bar chart of the Vorlage: activities per Geschäftsbereich, stacked by status.

Written as Word's own chart (render/docx/chartpart.py): vector graphics in the document's
font, its text still text in the PDF. The layout here is measured with the font's metrics
(about 9.6 pt at the 16 cm the Vorlage gives the chart): it decides which bars fit one page,
where the labels wrap, how tall the chart is and how much room the totals take. Each bar is
labelled with code and name of its Geschäftsbereich, on at most three lines. The alt text states
every number. A Geschäftsbereich without a readable Meldebogen gets no bar but the words
"keine Meldung", so that a missing report never looks like "no cooperation". Too many
Geschäftsbereiche for one page: those with the most Vorhaben get a bar, the rest one line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import BarChart, ChartSeries
from ..formatting import counted
from .chartstyle import SEGMENT_GAP, Font, chart_font, colour, shown_statuses
from .stats import YearFigures

# Pixels; the Vorlage places the chart 16 cm wide, so 100 pixels are 1 cm and TEXT_SIZE is about 9.6 pt.
WIDTH, TEXT_SIZE, LINE, MARGIN = 1600, 34, 41, 20
LABEL_MAX, LABEL_GAP, VALUE_GAP, BAR, GAP = 600, 24, 12, 46, 24
MAX_LINES, MAX_HEIGHT = 3, 1800  # at most 18 cm high: the chart and its caption fit one page
INCOMPLETE = "unvollständig"

Box = tuple[int, int, int, int]  # left, top, right, bottom


@dataclass(frozen=True)
class LegendEntry:
    """One status of the legend: its colour swatch and its name."""

    status: str
    colour: str
    swatch: Box
    text_box: Box


@dataclass(frozen=True)
class ChartRow:
    """One bar with its label, stacked segments and the number (or "keine Meldung") beside it."""

    lines: tuple[str, ...]
    label_box: Box
    segments: tuple[tuple[str, Box], ...]  # colour and box of each non-empty status
    bar: Box | None  # None: no bar, only the value (not reported, or nothing to show)
    value: str
    value_box: Box
    counts: dict[str, int]  # the bar's Vorhaben by status (none where there is no bar)


@dataclass(frozen=True)
class ChartLayout:
    """Where everything in the chart goes; drawn by bar_chart, checked by the tests."""

    width: int
    height: int
    bar_left: int
    legend: tuple[LegendEntry, ...]
    rows: tuple[ChartRow, ...]
    folded: int  # Geschäftsbereiche summed up in the last row, without bars (0: all have a bar)
    folded_total: int  # their Vorhaben


@dataclass(frozen=True)
class _Row:
    """A bar before placement: its label, counts, and the words shown instead of a bar."""

    label: str
    counts: dict[str, int]
    missing: str | None
    incomplete: bool


def _length(font: Font, text: str) -> int:
    return math.ceil(font.getlength(text))


def _shorten(line: str, font: Font, width: int) -> str:
    """The line, or as many of its words as fit followed by " …" (a single overlong word: its letters)."""
    if font.getlength(line) <= width:
        return line
    words = line.split()
    while len(words) > 1 and font.getlength(" ".join(words) + " …") > width:
        words.pop()
    text = " ".join(words).rstrip(",;:-–")
    if font.getlength(text + " …") <= width:
        return text + " …"
    while len(text) > 1 and font.getlength(text + "…") > width:
        text = text[:-1]
    return text + "…"


def wrap(text: str, font: Font, width: int, max_lines: int = MAX_LINES) -> tuple[str, ...]:
    """Words on lines no wider than `width`; what is beyond `max_lines` is cut off with "…"."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    lines[max_lines - 1 :] = [" ".join(lines[max_lines - 1 :])] if len(lines) >= max_lines else []
    return tuple(_shorten(line, font, width) for line in lines) or ("",)


def _height(lines: Sequence[str]) -> int:
    return max(BAR, len(lines) * LINE) + GAP


def _departments(figures: YearFigures) -> list[_Row]:
    """The bars' labels as in the table above: "GB3 Ordnung, Sicherheit, Soziales und Gesundheit"."""
    return [
        _Row(f"{code} {name}" if name else code, counts, figures.not_reported.get(code), code in figures.incomplete)
        for code, name, counts in figures.by_department
    ]


def _fold(rest: list[_Row], statuses: Sequence[str]) -> _Row:
    """One row for the Geschäftsbereiche without a bar of their own: their sum, as words, not as a bar."""
    silent = sum(1 for row in rest if row.missing)
    label = f"{len(rest)} weitere Geschäftsbereiche" + (f", davon {silent} ohne verwertbare Meldung" if silent else "")
    counts = {s: sum(row.counts.get(s, 0) for row in rest if not row.missing) for s in statuses}
    incomplete = any(row.incomplete for row in rest)
    words = f"zusammen {counted(sum(counts.values()), 'Vorhaben', 'Vorhaben')}" + (
        f" ({INCOMPLETE})" if incomplete else ""
    )
    return _Row(label, counts, "keine verwertbare Meldung" if silent == len(rest) else words, incomplete)


def _select(rows: list[_Row], statuses: Sequence[str], font: Font, budget: int) -> tuple[list[_Row], int, int]:
    """The rows to draw within `budget` pixels, how many Geschäftsbereiche share the last one, the label width."""
    width = min(LABEL_MAX, max((_length(font, row.label) for row in rows), default=0))
    heights = [_height(wrap(row.label, font, width)) for row in rows]
    if sum(heights) <= budget:
        return rows, 0, width
    worst = _fold(rows, statuses).label  # the longest label the last row can have
    width = min(LABEL_MAX, max(width, _length(font, worst)))
    heights = [_height(wrap(row.label, font, width)) for row in rows]
    room = budget - _height(wrap(worst, font, width))
    largest = sorted(range(len(rows)), key=lambda i: _total(rows[i]) if not rows[i].missing else -1, reverse=True)
    chosen: list[int] = []
    for index in largest:  # sorted() is stable: equal totals keep their order from koopbericht.toml
        if heights[index] > room:
            break
        chosen.append(index)
        room -= heights[index]
    if len(rows) - len(chosen) == 1 and chosen:  # "1 weitere Geschäftsbereiche" helps nobody
        chosen.pop()
    rest = [row for i, row in enumerate(rows) if i not in chosen]
    return [rows[i] for i in sorted(chosen)] + [_fold(rest, statuses)], len(rest), width


def _total(row: _Row) -> int:
    return sum(row.counts.values())


def _legend(statuses: Sequence[str], shown: Sequence[str], font: Font) -> tuple[tuple[LegendEntry, ...], int]:
    """The legend entries of the `shown` statuses, flowing onto further lines if needed, and the y below them."""
    entries: list[LegendEntry] = []
    x, y = MARGIN, MARGIN
    for status in shown:
        text = _length(font, status)
        if x > MARGIN and x + LINE + text > WIDTH - MARGIN:
            x, y = MARGIN, y + LINE + 12
        swatch = (x, y + 4, x + LINE - 8, y + LINE - 4)
        entries.append(LegendEntry(status, colour(statuses, status), swatch, (x + LINE, y, x + LINE + text, y + LINE)))
        x += LINE + text + 40
    return tuple(entries), y + LINE + 30


def _value(row: _Row) -> str:
    if row.missing:
        return row.missing
    return str(_total(row)) + (f" ({INCOMPLETE})" if row.incomplete else "")


def _segments(row: _Row, statuses: Sequence[str], x: int, top: int, scale: float) -> tuple[tuple[str, Box], ...]:
    """The stacked boxes of one bar; cumulative rounding keeps the white gaps between them equal."""
    segments: list[tuple[str, Box]] = []
    done = 0
    for status in statuses:
        count = row.counts.get(status, 0)
        if count:
            left, right = x + round(done * scale), x + round((done + count) * scale)
            gap = SEGMENT_GAP if segments else 0
            segments.append((colour(statuses, status), (left + gap, top, right, top + BAR)))
            done += count
    return tuple(segments)


def _place(
    row: _Row, lines: tuple[str, ...], y: int, geometry: tuple[int, float, Font], statuses: Sequence[str]
) -> ChartRow:
    """A row's label, bar and value, from its top y."""
    bar_left, scale, font = geometry
    block = max(BAR, len(lines) * LINE)
    label_top, bar_top = y + (block - len(lines) * LINE) // 2, y + (block - BAR) // 2
    label_width = max(_length(font, line) for line in lines)
    label_box = (MARGIN, label_top, MARGIN + label_width, label_top + len(lines) * LINE)
    segments = () if row.missing else _segments(row, statuses, bar_left, bar_top, scale)
    bar = (bar_left, bar_top, segments[-1][1][2], bar_top + BAR) if segments else None
    value = _value(row)
    start = (bar[2] if bar else bar_left) + VALUE_GAP
    value_top = bar_top + (BAR - LINE) // 2
    value_box = (start, value_top, start + _length(font, value), value_top + LINE)
    return ChartRow(lines, label_box, segments, bar, value, value_box, row.counts if bar else {})


def chart_layout(figures: YearFigures) -> ChartLayout:
    """Where the legend, the labels, the bars and the numbers go."""
    font = chart_font(TEXT_SIZE)
    legend, top = _legend(figures.statuses, shown_statuses(figures), font)
    rows, folded, label_width = _select(_departments(figures), figures.statuses, font, MAX_HEIGHT - top - MARGIN)
    bar_left = MARGIN + label_width + LABEL_GAP
    room = max((_length(font, _value(row)) for row in rows if not row.missing), default=0)
    largest = max((_total(row) for row in rows if not row.missing), default=0) or 1
    geometry = (bar_left, (WIDTH - MARGIN - bar_left - VALUE_GAP - room) / largest, font)
    placed, y = [], top
    for row in rows:
        lines = wrap(row.label, font, label_width)
        placed.append(_place(row, lines, y, geometry, figures.statuses))
        y += _height(lines)
    rest = _total(rows[-1]) if folded else 0
    return ChartLayout(WIDTH, y - GAP + MARGIN + 10, bar_left, legend, tuple(placed), folded, rest)


def bar_chart(figures: YearFigures, title: str, width_cm: float) -> BarChart:
    """The chart as the word processor's own: a bar per row of the layout, a series per status shown.

    The layout decides which Geschäftsbereiche get a bar and how tall the chart is (100 pixels are
    1 cm); the word processor sets the text itself, in the document's font.
    """
    layout = chart_layout(figures)
    statuses = shown_statuses(figures)
    series = tuple(
        ChartSeries(status, colour(figures.statuses, status), tuple(row.counts.get(status, 0) for row in layout.rows))
        for status in statuses
    )
    categories = tuple("\n".join(row.lines) for row in layout.rows)  # wrapped as measured: as wide as laid out
    totals = tuple(row.value for row in layout.rows)
    largest = max((sum(row.counts.values()) for row in layout.rows), default=0)
    longest = max((row.bar[2] for row in layout.rows if row.bar), default=layout.bar_left)
    scale = (longest - layout.bar_left) / largest if largest else 1.0  # pixels per Vorhaben
    beyond = max(row.value_box[2] - (row.bar[2] if row.bar else layout.bar_left) for row in layout.rows)
    height = layout.height / (layout.width / width_cm)
    room = round(max(beyond, 1) / scale, 3)
    return BarChart(categories, series, totals, room, chart_alt_text(figures), title, width_cm, round(height, 2))


def chart_alt_text(figures: YearFigures) -> str:
    """Alternative text: what the chart shows, with all its numbers."""
    parts = []
    for code, name, counts in figures.by_department:
        if code in figures.not_reported:
            parts.append(f"{code} ({name}): {figures.not_reported[code]}")
            continue
        detail = ", ".join(f"{status} {count}" for status, count in counts.items() if count)
        note = f" ({INCOMPLETE}, Zeilen oder Dateien weggelassen)" if code in figures.incomplete else ""
        parts.append(f"{code} ({name}): {sum(counts.values())}{note}" + (f" – {detail}" if detail else ""))
    text = f"Balkendiagramm der Vorhaben {figures.year} je Geschäftsbereich, nach Status gestapelt."
    if (layout := chart_layout(figures)).folded:
        text += (
            f" Einzeln gezeigt sind die {len(figures.by_department) - layout.folded} Geschäftsbereiche mit den meisten"
            f" Vorhaben; die übrigen {layout.folded} Geschäftsbereiche teilen sich die letzte Zeile: "
            f"{layout.rows[-1].value}."
        )
    return f"{text} {'; '.join(parts)}."
