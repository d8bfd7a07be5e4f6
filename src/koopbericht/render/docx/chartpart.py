"""The Vorlage's bar chart as Word's own chart: a DrawingML chart part, drawn by Word and LibreOffice alike.

A chart part is vector graphics set in the document's font, and its text stays text in the PDF.
The data is written as literals (`c:strLit`, `c:numLit`) without an embedded workbook: Word and
LibreOffice both show such a chart; only editing its data in Word needs a workbook.

Bars are stacked horizontally, one series per status shown, each segment outlined in white so
neighbouring segments stand apart. The number at the end of each bar (or "keine Meldung" instead
of a bar) is the data label of one more series without fill and with a blank name: its legend
entry shows nothing. (Deleting the entry with `c:legendEntry` is not portable: LibreOffice 7.4
counts the entries of a horizontal bar chart from the last series and hid "geplant" instead.)
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ...document import BarChart

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
EMU_PER_CM = 360000
FONT = "Arial"
TEXT_SIZE = 950  # hundredths of a point: the size assemble/chart.py measures the labels at (34 px of 1600 at 16 cm)
BORDER = 12700  # EMU: 1 pt of white around each segment, the gap between neighbours
TEXT_COLOUR = "000000"
MISSING_COLOUR = "595959"  # "keine Meldung": grey as a note, still 7:1 against white
CATEGORY_AXIS, VALUE_AXIS = 1001, 1002


def _text_properties(size: int = TEXT_SIZE, colour: str = TEXT_COLOUR) -> str:
    return (
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{size}" b="0"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        f'<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:defRPr>'
        '</a:pPr><a:endParaRPr lang="de-DE"/></a:p></c:txPr>'
    )


def _strings(values: tuple[str, ...]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{escape(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return f'<c:strLit><c:ptCount val="{len(values)}"/>{points}</c:strLit>'


def _numbers(values: tuple[float, ...]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{v:g}</c:v></c:pt>' for i, v in enumerate(values))
    return f'<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="{len(values)}"/>{points}</c:numLit>'


def _no_labels() -> str:
    return (
        '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
    )


def _series(index: int, name: str, fill: str, categories: tuple[str, ...], values: tuple[float, ...]) -> str:
    colour = fill.lstrip("#").upper()
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f"<c:tx><c:v>{escape(name)}</c:v></c:tx>"
        f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        f'<a:ln w="{BORDER}"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr>'
        f'<c:invertIfNegative val="0"/>{_no_labels()}'
        f"<c:cat>{_strings(categories)}</c:cat><c:val>{_numbers(values)}</c:val></c:ser>"
    )


def _total_label(index: int, text: str) -> str:
    """The words at the end of bar `index`: the label of the unfilled series, as its own rich text."""
    colour = TEXT_COLOUR if text[:1].isdigit() else MISSING_COLOUR
    return (
        f'<c:dLbl><c:idx val="{index}"/><c:tx><c:rich><a:bodyPr wrap="none"/><a:lstStyle/><a:p><a:r>'
        f'<a:rPr lang="de-DE" sz="{TEXT_SIZE}" b="0"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        f'<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:rPr>'
        f"<a:t>{escape(text)}</a:t></a:r></a:p></c:rich></c:tx>"
        '<c:dLblPos val="inBase"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>'
    )


def _totals_series(chart: BarChart, room: float) -> str:
    """An unfilled segment after each bar, `room` long, that carries the bar's total as its label."""
    index = len(chart.series)
    labels = "".join(_total_label(i, text) for i, text in enumerate(chart.totals))
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/><c:tx><c:v>\u00a0</c:v></c:tx>'
        '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>'
        f"<c:dLbls>{labels}{_text_properties()}"
        '<c:dLblPos val="inBase"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
        f"<c:cat>{_strings(chart.categories)}</c:cat>"
        f"<c:val>{_numbers((room,) * len(chart.categories))}</c:val></c:ser>"
    )


def _axes(end: float) -> str:
    """Categories down the left, first at the top, without a line (the bars start alike); the value axis hidden."""
    line = "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>"
    return (
        f'<c:catAx><c:axId val="{CATEGORY_AXIS}"/><c:scaling><c:orientation val="maxMin"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'{line}{_text_properties()}<c:crossAx val="{VALUE_AXIS}"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="{VALUE_AXIS}"/>'
        f'<c:scaling><c:orientation val="minMax"/><c:max val="{end:g}"/><c:min val="0"/></c:scaling>'
        '<c:delete val="1"/><c:axPos val="t"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="{CATEGORY_AXIS}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>'
    )


def chart_xml(chart: BarChart) -> bytes:
    """The chart part (`c:chartSpace`) for `chart`."""
    largest = max((sum(values) for values in zip(*(s.values for s in chart.series), strict=True)), default=0)
    series = "".join(
        _series(i, s.name, s.colour, chart.categories, tuple(float(v) for v in s.values))
        for i, s in enumerate(chart.series)
    )
    text = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}">'
        '<c:date1904 val="0"/><c:lang val="de-DE"/><c:roundedCorners val="0"/>'
        '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
        '<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>'
        f"{series}{_totals_series(chart, chart.room)}"
        f'<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="{CATEGORY_AXIS}"/><c:axId val="{VALUE_AXIS}"/>'
        f"</c:barChart>{_axes(largest + chart.room)}"
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
        f'<c:legend><c:legendPos val="t"/><c:overlay val="0"/>{_text_properties()}</c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f"{_text_properties()}</c:chartSpace>"
    )
    return text.encode("utf-8")


def chart_inline(document: DocumentObject, chart: BarChart, number: int) -> etree._Element:
    """A `w:drawing` with the chart, its part `word/charts/chart{number}.xml` added to the package."""
    ids = [int(n) for n in document.element.xpath("//wp:docPr/@id") if str(n).isdigit()]
    shape_id = max(ids, default=0) + 1  # unique among the body's drawings (page.py numbers the header's after them)
    part = Part(PackURI(f"/word/charts/chart{number}.xml"), CONTENT_TYPE, chart_xml(chart), document.part.package)
    relation = document.part.relate_to(part, RT.CHART)
    width, height = round(chart.width_cm * EMU_PER_CM), round(chart.height_cm * EMU_PER_CM)
    drawing = (
        f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="{WP}" '
        f'xmlns:a="{A}" xmlns:c="{C}" xmlns:r="{R}">'
        '<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Diagramm {number}" descr={quoteattr(chart.alt)} '
        f"title={quoteattr(chart.title)}/>"
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{C}"><c:chart r:id="{relation}"/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing>"
    )
    return etree.fromstring(drawing)
