"""The chart printed in black and white and read on screen: segments apart, legend as the table, the document's font.

Contrast is WCAG 2.x's: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, measured on the
fills and outlines of the chart part (word/charts/chart1.xml) the Vorlage holds.
"""

from __future__ import annotations

from itertools import combinations

from lxml import etree

from koopbericht.assemble.stats import YearFigures
from koopbericht.assemble.vorlage import _overview
from koopbericht.document import BarChart, Table
from koopbericht.render.docx.chartpart import chart_xml

STATUSES = ("geplant", "laufend", "abgeschlossen", "ruhend")
WHITE = (255, 255, 255)
NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def luminance(rgb: tuple[int, ...]) -> float:
    """WCAG's relative luminance of an sRGB colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb[:3])]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rgb(value: str) -> tuple[int, int, int]:
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def figures(counts: dict[str, int]) -> YearFigures:
    rows = (("GB1", "Finanzen", counts), ("GB2", "Bildung", {s: 1 for s in counts}))
    by_status = {s: sum(row[2].get(s, 0) for row in rows) for s in STATUSES}
    return YearFigures(2024, sum(by_status.values()), 5, 2, STATUSES, rows, by_status, {}, frozenset())


def chart_part(chart: YearFigures) -> etree._Element:
    [block] = [b for b in _overview(chart, 4) if isinstance(b, BarChart)]
    return etree.fromstring(chart_xml(block))


def filled_series(part: etree._Element) -> list[etree._Element]:
    return [s for s in part.iterfind(".//c:barChart/c:ser", NS) if s.find("c:spPr/a:solidFill", NS) is not None]


def legend(part: etree._Element) -> list[str]:
    """The names the legend shows: every series with a name that is not blank."""
    names = [s.findtext("c:tx/c:v", "", NS) for s in part.iterfind(".//c:barChart/c:ser", NS)]
    return [name for name in names if name.strip()]


def test_every_segment_stands_3_to_1_against_white_and_its_neighbours_and_greys_differ() -> None:
    part = chart_part(figures({"geplant": 2, "laufend": 3, "abgeschlossen": 2, "ruhend": 2}))
    assert part.find(".//c:barChart/c:grouping", NS).get("val") == "stacked"
    series = filled_series(part)
    assert len(series) == 4
    fills = [rgb(s.find("c:spPr/a:solidFill/a:srgbClr", NS).get("val")) for s in series]
    assert all(contrast(fill, WHITE) >= 3 for fill in fills), fills
    for each in series:  # a white outline at least 0.75 pt wide: each segment's neighbour is white
        outline = each.find("c:spPr/a:ln", NS)
        assert int(outline.get("w")) >= 9525 and outline.find("a:solidFill/a:srgbClr", NS).get("val") == "FFFFFF"
    levels = [round(0.299 * r + 0.587 * g + 0.114 * b) for r, g, b in fills]  # greys as printed (ITU-R 601 luma)
    assert all(abs(a - b) >= 45 for a, b in combinations(levels, 2)), levels  # four clearly different greys
    assert all(contrast(a, b) >= 1.5 for a, b in combinations(fills, 2)), fills


def test_the_legend_shows_exactly_the_statuses_of_the_table() -> None:
    chart = figures({"geplant": 1, "laufend": 4, "abgeschlossen": 0, "ruhend": 0})
    chart = YearFigures(2024, 7, 5, 2, STATUSES, chart.by_department[:1], {"geplant": 1, "laufend": 4}, {}, frozenset())
    [table] = [block for block in _overview(chart, 4) if isinstance(block, Table)]
    part = chart_part(chart)
    assert legend(part) == ["geplant", "laufend"]
    assert table.header == ("Geschäftsbereich", *legend(part), "gesamt")
    full = chart_part(figures({"geplant": 1, "laufend": 1, "abgeschlossen": 1, "ruhend": 1}))
    colours = {s.findtext("c:tx/c:v", "", NS): s.find(".//a:srgbClr", NS).get("val") for s in filled_series(full)}
    # a status keeps its colour when another one is not shown
    assert all(
        colours[s.findtext("c:tx/c:v", "", NS)] == s.find(".//a:srgbClr", NS).get("val") for s in filled_series(part)
    )
    # the totals' series has neither fill nor name: nothing of it appears in the legend
    [totals] = [s for s in part.iterfind(".//c:barChart/c:ser", NS) if s not in filled_series(part)]
    assert totals.find("c:spPr/a:noFill", NS) is not None and not totals.findtext("c:tx/c:v", "", NS).strip()


def test_the_chart_is_set_in_the_documents_font() -> None:
    part = chart_part(figures({"geplant": 1, "laufend": 1, "abgeschlossen": 1, "ruhend": 1}))
    faces = {latin.get("typeface") for latin in part.iterfind(".//a:latin", NS)}
    sizes = {int(size) for size in part.xpath(".//a:defRPr/@sz | .//a:rPr/@sz", namespaces=NS)}
    assert faces == {"Arial"} and sizes == {950}  # the size the layout measures the labels at
    assert part.find("c:txPr//a:latin", NS) is not None  # the chart's default: no text falls back to the theme
