"""What a Word text's styles and numbering say about a paragraph: heading, list, caption; and a run's emphasis.

Styles are found by style id and by name, in any case and in English or German, as Word
(English names, localised ids such as "berschrift1"), LibreOffice ("Heading 1") and
other programs write them, and through the outline level Word's heading styles carry.
Lists come from the numbering definitions (`w:numPr` → `w:num` → `w:abstractNum` →
`w:numFmt` of the level), wherever the numbering is given: directly or in the style.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .wordpackage import W

_HEADING = re.compile(r"(?:heading|überschrift|ueberschrift|berschrift)([1-9])")
_TITLE = {"title", "titel"}
_CAPTION = {"caption", "beschriftung", "figure", "abbildung", "table", "tabelle", "illustration", "drawing"}
# Word's (and LibreOffice's) list styles for deeper levels: "List Bullet 2", "Aufzählungszeichen 3", …
_LIST_LEVEL = re.compile(r"(?:listbullet|listnumber|aufzählungszeichen|aufzhlungszeichen|listennummer)([2-9])")
_BULLET_NAMES = ("bullet", "aufzählung", "aufzhlung")
_NUMBER_NAMES = ("number", "nummer")
_OFF = {"0", "false", "off"}


@dataclass(frozen=True)
class ListMark:
    """A paragraph's place in a list: bullet or numbered, its level, and which list (numId) it is in."""

    ordered: bool
    level: int
    list_id: str


def is_on(element: Element | None) -> bool:
    """Whether a toggle property such as `w:b` is present and not switched off."""
    return element is not None and element.get(f"{W}val", "true").lower() not in _OFF


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


class StyleBook:
    """The styles and list definitions of one Word text."""

    def __init__(self, styles: Element | None, numbering: Element | None) -> None:
        self._styles: dict[str, Element] = {}
        self._default = ""
        for style in styles.iter(f"{W}style") if styles is not None else ():
            style_id = style.get(f"{W}styleId", "")
            self._styles[style_id] = style
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                self._default = style_id
        self._abstract: dict[str, Element] = {}
        self._num: dict[str, Element] = {}
        for element in numbering if numbering is not None else ():
            if element.tag == f"{W}abstractNum":
                self._abstract[element.get(f"{W}abstractNumId", "")] = element
            elif element.tag == f"{W}num":
                self._num[element.get(f"{W}numId", "")] = element

    def heading_level(self, ppr: Element | None) -> int | None:
        """1–3 for a heading (deeper levels count as 3, like Markdown's `####`), else None."""
        level = None
        for style in self._chain(_style_id(ppr, "pStyle") or self._default):
            for text in (style.get(f"{W}styleId", ""), _name(style)):
                found = _HEADING.fullmatch(_key(text))
                if found:
                    level = int(found.group(1))
                elif _key(text) in _TITLE:
                    level = 1
            if level is None:
                level = _outline(style.find(f"{W}pPr"))
            if level is not None:
                break
        direct = _outline(ppr)
        level = direct if direct is not None else level
        return min(level, 3) if level is not None else None

    def is_caption(self, ppr: Element | None) -> bool:
        """Whether the paragraph is a caption ("Abbildung 1: …"), by its style or one it is based on."""
        for style in self._chain(_style_id(ppr, "pStyle") or self._default):
            if {_key(style.get(f"{W}styleId", "")), _key(_name(style))} & _CAPTION:
                return True
        return False

    def list_mark(self, ppr: Element | None) -> ListMark | None:
        """The paragraph's list membership from its numbering (direct, else from its style), or None."""
        style_id = _style_id(ppr, "pStyle") or self._default
        numbering = ppr.find(f"{W}numPr") if ppr is not None else None
        num_id = _val(numbering, "numId")
        level = _val(numbering, "ilvl")
        for style in self._chain(style_id):
            style_numbering = style.find(f"{W}pPr/{W}numPr")
            num_id = num_id if num_id is not None else _val(style_numbering, "numId")
            level = level if level is not None else _val(style_numbering, "ilvl")
        if num_id is None or num_id == "0":
            return None
        ilvl = int(level) if level is not None and level.isdigit() else 0
        ordered = self._ordered(num_id, ilvl, style_id)
        if ordered is None:
            return None
        return ListMark(ordered, min(max(ilvl, self._style_level(style_id)), 2), num_id)

    def emphasis(self, rpr: Element | None) -> tuple[bool, bool]:
        """(bold, italic) of a run: its own properties first, then its character style's."""
        bold = italic = None
        chain = list(self._chain(_style_id(rpr, "rStyle") or ""))
        for properties in [rpr, *(s.find(f"{W}rPr") for s in chain)]:
            if properties is None:
                continue
            if bold is None and properties.find(f"{W}b") is not None:
                bold = is_on(properties.find(f"{W}b"))
            if italic is None and properties.find(f"{W}i") is not None:
                italic = is_on(properties.find(f"{W}i"))
        return bool(bold), bool(italic)

    def _ordered(self, num_id: str, ilvl: int, style_id: str) -> bool | None:
        """True for a numbered level, False for bullets, None for "no numbering"; from the style name if unknown."""
        number_format = self._number_format(num_id, ilvl)
        if number_format is None:
            names = " ".join(_key(_name(s)) + " " + _key(s.get(f"{W}styleId", "")) for s in self._chain(style_id))
            if any(word in names for word in _BULLET_NAMES):
                return False
            return True if any(word in names for word in _NUMBER_NAMES) else None
        if number_format == "none":
            return None
        return number_format != "bullet"

    def _number_format(self, num_id: str, ilvl: int, depth: int = 0) -> str | None:
        num = self._num.get(num_id)
        if num is None or depth > 2:
            return None
        for override in num.findall(f"{W}lvlOverride"):
            if override.get(f"{W}ilvl") == str(ilvl):
                found = _val(override.find(f"{W}lvl"), "numFmt")
                if found is not None:
                    return found
        abstract = self._abstract.get(_val(num, "abstractNumId") or "")
        if abstract is None:
            return None
        for lvl in abstract.findall(f"{W}lvl"):
            if lvl.get(f"{W}ilvl") == str(ilvl):
                return _val(lvl, "numFmt") or "decimal"
        link = _val(abstract, "numStyleLink")  # the list is defined by a list style's numbering
        style = self._styles.get(link or "")
        linked = _val(style.find(f"{W}pPr/{W}numPr") if style is not None else None, "numId")
        return self._number_format(linked, ilvl, depth + 1) if linked else None

    def _style_level(self, style_id: str) -> int:
        for style in self._chain(style_id):
            for text in (style.get(f"{W}styleId", ""), _name(style)):
                found = _LIST_LEVEL.fullmatch(_key(text))
                if found:
                    return int(found.group(1)) - 1
        return 0

    def _chain(self, style_id: str) -> Iterator[Element]:
        """The style and the ones it is based on, nearest first (a loop ends the chain)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            style_id = _val(style, "basedOn") or ""


def _style_id(properties: Element | None, tag: str) -> str | None:
    return _val(properties, tag)


def _val(parent: Element | None, tag: str) -> str | None:
    child = parent.find(f"{W}{tag}") if parent is not None else None
    return child.get(f"{W}val") if child is not None else None


def _name(style: Element) -> str:
    return _val(style, "name") or ""


def _outline(ppr: Element | None) -> int | None:
    level = _val(ppr, "outlineLvl")
    if level is None or not level.isdigit() or int(level) >= 9:
        return None
    return int(level) + 1
