"""Alternative text put back on the figures LibreOffice exports without it, on small made-up PDFs and .docx files.

tests/acceptance/test_pdf.py checks it on the chart of a real `build --pdf`.
"""

from __future__ import annotations

import io
import zipfile

import pikepdf

from koopbericht.render.pdf.figures import describe_figures, drawing_descriptions

from ..pdfrules import accessibility_gaps

WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def tagged(*alts: str | None) -> pikepdf.Pdf:
    """A PDF whose structure tree holds a paragraph and one /Figure per entry of `alts` (None: without /Alt)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    document = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document))
    kids = [pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=document)]
    for alt in alts:
        figure = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Figure, P=document)
        if alt is not None:
            figure.Alt = pikepdf.String(alt)
        # LibreOffice tags a chart's own texts as paragraphs inside its figure
        figure.K = pikepdf.Array([pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P)])
        kids.append(figure)
    document.K = pikepdf.Array([pdf.make_indirect(kid) for kid in kids])
    pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=document))
    return pdf


def alts(pdf: pikepdf.Pdf) -> list[str | None]:
    kids = pdf.Root.StructTreeRoot.K.K
    return [str(kid.Alt) if "/Alt" in kid else None for kid in kids if pikepdf.Name.Figure == kid.S]


def docx_with(*descriptions: str | None) -> bytes:
    drawings = "".join(
        f'<w:p><w:r><w:drawing><wp:inline><wp:docPr id="{n}" name="Bild {n}"'
        + ("" if text is None else f' descr="{text}"')
        + "/></wp:inline></w:drawing></w:r></w:p>"
        for n, text in enumerate(descriptions, start=1)
    )
    body = f'<w:document xmlns:w="{WORD}" xmlns:wp="{WP}"><w:body>{drawings}</w:body></w:document>'
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as package:
        package.writestr("word/document.xml", body)
    return output.getvalue()


def test_the_drawings_descriptions_are_read_in_order() -> None:
    assert drawing_descriptions(docx_with("Foto &amp; Text", None, "Diagramm")) == ("Foto & Text", "", "Diagramm")


def saved(pdf: pikepdf.Pdf) -> bytes:
    output = io.BytesIO()
    pdf.save(output)
    return output.getvalue()


def test_a_figure_without_alt_gets_its_drawings_description_and_one_with_alt_keeps_it() -> None:
    pdf = tagged("Foto des Rathauses", None)
    gap = "a figure (/Figure) without alternative text (/Alt)"
    assert gap in accessibility_gaps(saved(pdf))
    assert describe_figures(pdf, ("anderer Text", "Balkendiagramm der Vorhaben")) == 1
    assert alts(pdf) == ["Foto des Rathauses", "Balkendiagramm der Vorhaben"]
    assert gap not in accessibility_gaps(saved(pdf))


def test_figures_and_drawings_that_do_not_pair_up_are_left_alone() -> None:
    pdf = tagged(None, None)
    assert describe_figures(pdf, ("nur eine Beschreibung",)) == 0
    assert alts(pdf) == [None, None]
    assert describe_figures(pdf, ("", "  ")) == 0  # no text is no alternative text
    assert describe_figures(pikepdf.new(), ("ohne Strukturbaum",)) == 0
