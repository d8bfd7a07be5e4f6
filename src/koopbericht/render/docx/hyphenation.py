"""Hyphenation: on for the body, off for headings, captions, links and every table cell but free text.

German compounds in narrow table columns break mid-word without hyphenation; Word's
`w:autoHyphenation` switches it on, LibreOffice needs the German patterns (hyphen-de).

What LibreOffice (7.4) honours of Word's settings, measured on the example's PDFs: it ignores
`w:consecutiveHyphenLimit` (three and four hyphenated lines followed one another) and
`w:noProof` on a run, but honours `w:suppressAutoHyphens` on a paragraph or its style and the
hyphenation zone `w:hyphenationZone`. A zone of 1.5 cm (Word's default: 0.63 cm) lets a line
that ends within 1.5 cm of the margin stay short instead of hyphenating its next word: in the
ragged-right Vorlage one line in 28 instead of one in 12 ends in a hyphen, in the Anlage's
narrow cells runs of hyphenated lines stay at two at most.
"""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from lxml import etree

# CT_Settings children that follow w:autoHyphenation (ISO 29500-1 §17.15.1.78); it goes before the first.
_AFTER_HYPHENATION = frozenset(
    [
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "showEnvelope",
        "summaryLength",
        "clickAndTypeStyle",
        "defaultTableStyle",
        "evenAndOddHeaders",
        "bookFoldRevPrinting",
        "bookFoldPrinting",
        "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery",
        "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin",
        "doNotShadeFormData",
        "noPunctuationKerning",
        "characterSpacingControl",
        "printTwoOnOne",
        "strictFirstAndLastChars",
        "noLineBreaksAfter",
        "noLineBreaksBefore",
        "savePreviewPicture",
        "doNotValidateAgainstSchema",
        "saveInvalidXml",
        "ignoreMixedContent",
        "alwaysShowPlaceholderText",
        "doNotDemarcateInvalidXml",
        "saveXmlDataOnly",
        "useXSLTWhenSaving",
        "saveThroughXslt",
        "showXMLTags",
        "alwaysMergeEmptyNamespace",
        "updateFields",
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
)


HYPHENATION_ZONE = 851  # twips: 1.5 cm


def automatic_hyphenation(document: DocumentObject) -> None:
    """Switch on automatic hyphenation: German compounds otherwise break mid-word in narrow columns.

    At most two hyphenated lines in a row, as typesetters do (Word honours the limit, LibreOffice
    the zone); a template's own settings stay.
    """
    settings = document.settings.element
    if settings.find(qn("w:autoHyphenation")) is not None:
        return
    switch = etree.Element(qn("w:autoHyphenation"))
    for child in settings:
        if isinstance(child.tag, str) and etree.QName(child).localname in _AFTER_HYPHENATION:
            child.addprevious(switch)
            break
    else:
        settings.append(switch)
    limit = settings.find(qn("w:consecutiveHyphenLimit"))
    if limit is None:  # it directly follows autoHyphenation
        limit = etree.Element(qn("w:consecutiveHyphenLimit"))
        limit.set(qn("w:val"), "2")
        switch.addnext(limit)
    if settings.find(qn("w:hyphenationZone")) is None:  # it directly follows consecutiveHyphenLimit
        zone = etree.Element(qn("w:hyphenationZone"))
        zone.set(qn("w:val"), str(HYPHENATION_ZONE))
        limit.addnext(zone)


# CT_PPrBase children after w:suppressAutoHyphens (ISO 29500-1 §17.3.1.26), for inserting it in order.
_AFTER_SUPPRESS = (
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)  # fmt: skip


def never_hyphenated(style: BaseStyle) -> None:
    """Headings and captions are not hyphenated: "Zusammenar-|beit" in a heading reads as a mistake."""
    _suppress(style.element.get_or_add_pPr())


def never_hyphenated_paragraph(paragraph: Paragraph) -> None:
    """One paragraph not hyphenated: one that holds a link, which a hyphen would change."""
    _suppress(paragraph._p.get_or_add_pPr())


def _suppress(properties: Any) -> None:
    if properties.find(qn("w:suppressAutoHyphens")) is None:
        properties.insert_element_before(
            etree.Element(qn("w:suppressAutoHyphens")), *(f"w:{name}" for name in _AFTER_SUPPRESS)
        )


# A run that hyphenation never splits, inside hyphenated free text: Word does not hyphenate text
# marked "no proofing"; LibreOffice ignores that but hyphenates no text of language "x-none", and
# writes no language of its own for it into the PDF, so a screen reader keeps reading it as German.
NAME_RUN_PROPERTIES = '<w:noProof/><w:lang w:val="x-none"/>'
_WORDS = re.compile(r"\S+")
_PUNCTUATION = "„“”\"'()[],;:.!?"


def name_pieces(text: str, names: frozenset[str]) -> list[tuple[str, bool]]:
    """`text` cut into pieces, each marked whether it holds words of `names` (with their punctuation).

    Names that follow one another ("Landkreis Potsdam-Mittelmark") share one piece.
    """
    spans: list[list[int]] = []
    if names:
        for match in _WORDS.finditer(text):
            if match.group().strip(_PUNCTUATION) not in names:
                continue
            if spans and not text[spans[-1][1] : match.start()].strip():
                spans[-1][1] = match.end()
            else:
                spans.append([match.start(), match.end()])
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in spans:
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text) or not pieces:
        pieces.append((text[position:], False))
    return pieces
