"""The chart of the "Überblick in Zahlen": bars named so a council member can read them, at the printed size."""

from __future__ import annotations

import time
import tomllib
from itertools import combinations

from koopbericht.assemble.chart import MAX_HEIGHT, Box, bar_chart, chart_alt_text, chart_layout
from koopbericht.assemble.stats import YearFigures
from koopbericht.assemble.vorlage import _overview
from koopbericht.document import BarChart
from koopbericht.formatting import german_number
from koopbericht.render.docx.chartpart import chart_xml

from ..conftest import EXAMPLE

STATUSES = ("geplant", "laufend", "abgeschlossen", "ruhend")


def departments() -> list[tuple[str, str]]:
    """The Geschäftsbereiche of the example, with their real names."""
    config = tomllib.loads((EXAMPLE / "koopbericht.toml").read_text(encoding="utf-8"))
    return [(d["kuerzel"], d["name"]) for d in config["geschaeftsbereich"]]


def year_figures(
    named: list[tuple[str, str]],
    not_reported: dict[str, str] | None = None,
    incomplete: frozenset[str] = frozenset(),
    small: frozenset[str] = frozenset(),
) -> YearFigures:
    """Figures with varying counts; the `small` Geschäftsbereiche have one Vorhaben, the unreported none."""

    def counts(index: int, code: str) -> dict[str, int]:
        if code in (not_reported or {}):
            return dict.fromkeys(STATUSES, 0)
        if code in small:
            return {s: int(j == 0) for j, s in enumerate(STATUSES)}
        return {s: (index * 5 + j * 3) % 7 for j, s in enumerate(STATUSES)}

    rows = tuple((code, name, counts(i, code)) for i, (code, name) in enumerate(named))
    by_status = {s: sum(r[2][s] for r in rows) for s in STATUSES}
    total = sum(by_status.values())
    return YearFigures(2023, total, 10, len(rows), STATUSES, rows, by_status, not_reported or {}, incomplete)


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_bars_are_labelled_with_code_and_readable_name() -> None:
    layout = chart_layout(year_figures(departments()))
    assert [" ".join(row.lines) for row in layout.rows] == [f"{code} {name}" for code, name in departments()]
    assert all(1 <= len(row.lines) <= 3 for row in layout.rows)
    # "GB3 Ordnung, Sicherheit, Soziales und Gesundheit" does not fit one line: it is wrapped, not cut
    assert max(len(row.lines) for row in layout.rows) == 2


def test_labels_values_and_legend_never_overlap_and_stay_inside() -> None:
    figures = year_figures(departments(), not_reported={"GB2": "keine Meldung"}, incomplete=frozenset({"GB4"}))
    layout = chart_layout(figures)
    texts = [
        *(e.text_box for e in layout.legend),
        *(r.label_box for r in layout.rows),
        *(r.value_box for r in layout.rows),
    ]
    boxes = [*texts, *(e.swatch for e in layout.legend), *(r.bar for r in layout.rows if r.bar)]
    for a, b in combinations(boxes, 2):
        assert not overlap(a, b), (a, b)
    for box in boxes:
        assert 0 <= box[0] <= box[2] <= layout.width and 0 <= box[1] <= box[3] <= layout.height, box
    assert all(r.label_box[2] <= layout.bar_left for r in layout.rows)
    gb2 = next(r for r in layout.rows if r.lines[0].startswith("GB2"))
    assert gb2.value == "keine Meldung" and gb2.bar is None
    assert next(r for r in layout.rows if r.lines[0].startswith("GB4")).value.endswith("(unvollständig)")


def test_the_chart_is_placed_16_cm_wide_with_its_bars_and_totals_and_fits_a_page() -> None:
    figures = year_figures(departments(), not_reported={"GB2": "keine Meldung"})
    [chart] = [b for b in _overview(figures, 4) if isinstance(b, BarChart)]
    layout = chart_layout(figures)
    assert chart.width_cm == 16 and chart.height_cm == round(layout.height / layout.width * 16, 2)
    assert chart.height_cm <= 20  # fits a page with its caption
    assert chart.categories == tuple("\n".join(row.lines) for row in layout.rows)  # wrapped as laid out
    assert chart.categories[3] == "GB3 Ordnung, Sicherheit, Soziales und\nGesundheit"
    assert chart.totals == tuple(row.value for row in layout.rows) and chart.totals[2] == "keine Meldung"
    bars = [sum(s.values[i] for s in chart.series) for i in range(len(chart.categories))]
    assert [str(bar) for bar in bars if bar] == [t for t in chart.totals if t != "keine Meldung"]
    assert bars[2] == 0 and chart.alt == chart_alt_text(figures)


def test_overlong_name_is_wrapped_to_three_lines_and_shortened() -> None:
    name = "Amt für " + " und ".join(f"Angelegenheit Nummer {n}" for n in range(12))
    layout = chart_layout(year_figures([("GB1", name), ("GB2", "Bauen")]))
    long, short = layout.rows
    assert len(long.lines) == 3 and long.lines[-1].endswith("…") and long.lines[0].startswith("GB1 Amt für")
    assert short.lines == ("GB2 Bauen",)
    assert long.label_box[2] <= layout.bar_left


def test_short_labels_stay_whole_on_one_line() -> None:
    layout = chart_layout(year_figures([("GB1", ""), ("GB2", "X"), ("GB3", "Y")]))
    assert [row.lines for row in layout.rows] == [("GB1",), ("GB2 X",), ("GB3 Y",)]
    assert layout.bar_left < layout.width / 3  # short labels leave the room to the bars


def test_many_departments_fold_into_one_row_and_the_height_is_capped() -> None:
    named = [(f"B{n:03d}", f"Bereich {n} für Angelegenheiten der Stadt") for n in range(200)]
    few = frozenset({"B001"})
    figures = year_figures(named, not_reported={"B007": "keine Meldung"}, incomplete=few, small=few)
    start = time.perf_counter()
    chart, layout = bar_chart(figures, "Titel", 16.0), chart_layout(figures)
    assert time.perf_counter() - start < 3
    assert layout.height <= MAX_HEIGHT and 5 <= len(layout.rows) <= 20
    shown = len(layout.rows) - 1
    assert layout.folded == 200 - shown
    rest = layout.rows[-1]
    assert " ".join(rest.lines) == f"{200 - shown} weitere Geschäftsbereiche, davon 1 ohne verwertbare Meldung"
    assert rest.bar is None  # a bar for the sum would dwarf every other bar
    shown_total = sum(int(r.value) for r in layout.rows[:-1])
    assert shown_total + layout.folded_total == figures.activities
    assert rest.value == f"zusammen {german_number(layout.folded_total)} Vorhaben (unvollständig)"  # B001 is in it
    assert max(r.bar[2] for r in layout.rows if r.bar) > layout.width * 0.8  # scaled to the bars shown
    alt = chart_alt_text(figures)
    assert f"die übrigen {200 - shown} Geschäftsbereiche teilen sich die letzte Zeile: {rest.value}." in alt
    assert "B007 (Bereich 7 für Angelegenheiten der Stadt): keine Meldung" in alt
    assert chart.categories[-1] == "\n".join(rest.lines) and chart.totals[-1] == rest.value
    assert all(s.values[-1] == 0 for s in chart.series)


def test_the_same_figures_give_the_same_bytes() -> None:
    figures = year_figures(departments(), not_reported={"GB5": "nicht übernommen"})
    assert chart_xml(bar_chart(figures, "Titel", 16.0)) == chart_xml(bar_chart(figures, "Titel", 16.0))
    alt = chart_alt_text(figures)
    assert "GB5 (Klima, Umwelt und Grünflächen): nicht übernommen" in alt
    assert "die übrigen" not in alt
