"""Hyphenation: on for the body, off for headings and captions.

German compounds in narrow table columns break mid-word without hyphenation; Word's
`w:autoHyphenation` switches it on, LibreOffice needs the German patterns (hyphen-de).
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
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


def automatic_hyphenation(document: DocumentObject) -> None:
    """Switch on automatic hyphenation: German compounds otherwise break mid-word in narrow columns.

    At most two hyphenated lines in a row, as typesetters do; a template's own settings stay.
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
    if settings.find(qn("w:consecutiveHyphenLimit")) is None:  # it directly follows autoHyphenation
        limit = etree.Element(qn("w:consecutiveHyphenLimit"))
        limit.set(qn("w:val"), "2")
        switch.addnext(limit)


# CT_PPrBase children after w:suppressAutoHyphens (ISO 29500-1 §17.3.1.26), for inserting it in order.
_AFTER_SUPPRESS = (
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)  # fmt: skip


def never_hyphenated(style: BaseStyle) -> None:
    """Headings and captions are not hyphenated: "Zusammenar-|beit" in a heading reads as a mistake."""
    properties = style.element.get_or_add_pPr()
    if properties.find(qn("w:suppressAutoHyphens")) is None:
        properties.insert_element_before(
            etree.Element(qn("w:suppressAutoHyphens")), *(f"w:{name}" for name in _AFTER_SUPPRESS)
        )
