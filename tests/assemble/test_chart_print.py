"""The chart printed in black and white and read on screen: segments apart, legend as the table, the document's font.

Contrast is WCAG 2.x's: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, measured on the
pixels of the PNG the Vorlage holds.
"""

from __future__ import annotations

import io
from itertools import combinations
from pathlib import Path

import pytest
from PIL import Image as PILImage
from PIL import ImageFont

from koopbericht.assemble.chart import TEXT_SIZE, bar_chart, chart_layout
from koopbericht.assemble.chartstyle import FONT_PATHS, chart_font
from koopbericht.assemble.stats import YearFigures
from koopbericht.assemble.vorlage import _overview
from koopbericht.document import Table

STATUSES = ("geplant", "laufend", "abgeschlossen", "ruhend")
WHITE = (255, 255, 255)


def luminance(rgb: tuple[int, ...]) -> float:
    """WCAG's relative luminance of an sRGB colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb[:3])]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def pixel(image: PILImage.Image, x: int, y: int) -> tuple[int, ...]:
    value = image.getpixel((x, y))
    assert isinstance(value, tuple)
    return value


def figures(counts: dict[str, int]) -> YearFigures:
    rows = (("GB1", "Finanzen", counts), ("GB2", "Bildung", {s: 1 for s in counts}))
    by_status = {s: sum(row[2].get(s, 0) for row in rows) for s in STATUSES}
    return YearFigures(2024, sum(by_status.values()), 5, 2, STATUSES, rows, by_status, {}, frozenset())


def test_every_segment_stands_3_to_1_against_white_and_its_neighbours_and_greys_differ() -> None:
    chart = figures({"geplant": 2, "laufend": 3, "abgeschlossen": 2, "ruhend": 2})
    image = PILImage.open(io.BytesIO(bar_chart(chart))).convert("RGB")
    grey = image.convert("L").load()
    assert grey is not None
    [bar, _] = chart_layout(chart).rows
    assert len(bar.segments) == 4
    fills = []
    for _, (left, top, right, bottom) in bar.segments:
        fill = pixel(image, (left + right) // 2, (top + bottom) // 2)
        assert contrast(fill, WHITE) >= 3, fill
        fills.append(fill)
    for (_, before), (_, after) in zip(bar.segments, bar.segments[1:], strict=False):
        gap = pixel(image, (before[2] + after[0]) // 2, (before[1] + before[3]) // 2)
        assert gap == WHITE  # each segment's neighbour is white: 3:1 against it, as just measured
    levels = [int(str(grey[(b[0] + b[2]) // 2, (b[1] + b[3]) // 2])) for _, b in bar.segments]  # "L": one int
    assert all(abs(a - b) >= 45 for a, b in combinations(levels, 2)), levels  # four clearly different greys
    assert all(contrast(a, b) >= 1.5 for a, b in combinations(fills, 2)), fills


def test_the_legend_shows_exactly_the_statuses_of_the_table() -> None:
    chart = figures({"geplant": 1, "laufend": 4, "abgeschlossen": 0, "ruhend": 0})
    chart = YearFigures(2024, 7, 5, 2, STATUSES, chart.by_department[:1], {"geplant": 1, "laufend": 4}, {}, frozenset())
    legend = [entry.status for entry in chart_layout(chart).legend]
    [table] = [block for block in _overview(chart, 4) if isinstance(block, Table)]
    assert legend == ["geplant", "laufend"]
    assert table.header == ("Geschäftsbereich", *legend, "gesamt")
    full = chart_layout(figures({"geplant": 1, "laufend": 1, "abgeschlossen": 1, "ruhend": 1})).legend
    colours = {entry.status: entry.colour for entry in full}
    # a status keeps its colour when another one is not shown
    assert all(entry.colour == colours[entry.status] for entry in chart_layout(chart).legend)


def test_the_chart_is_set_in_the_documents_font() -> None:
    if not any(Path(path).is_file() for path in FONT_PATHS if "DejaVu" not in path):
        pytest.skip("neither Arial nor Liberation Sans is installed where the chart looks for it")
    font = chart_font(TEXT_SIZE)
    assert isinstance(font, ImageFont.FreeTypeFont)
    assert font.getname()[0] in {"Liberation Sans", "Arial"}, font.getname()
