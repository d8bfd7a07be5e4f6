"""A Word paragraph's content: runs with emphasis and links, its pictures, and what is not taken over.

Tracked changes count as accepted: inserted and moved-to text is read; deleted and
moved-from text (`w:del`, `w:delText`, `w:moveFrom`) and hidden text never are, so
nothing a department struck out can be published. Hyperlinks come from `w:hyperlink`
(its relationship's URL) and from HYPERLINK fields; other fields give the text they
show. Everything else the reader does not take over — text boxes, comments, footnotes,
formulas, objects — becomes a German note for the paragraph, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ...document import Run
from .wordpackage import R, W, WordPackage
from .wordstyles import StyleBook, is_on

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
EMU_PER_CM = 360_000

TRACKED = (
    "Nachverfolgte Änderungen: sie werden als angenommen übernommen, gelöschter Text erscheint nicht. Bitte die "
    "Änderungen in Word annehmen oder ablehnen."
)
COMMENT = "Kommentar wird nicht übernommen."
FOOTNOTE = "Fußnote wird nicht übernommen; ihren Text bitte in den Absatz schreiben."
ENDNOTE = "Endnote wird nicht übernommen; ihren Text bitte in den Absatz schreiben."
HIDDEN = "Ausgeblendeter Text wird nicht übernommen."
OBJECT = "Objekt (Diagramm, SmartArt, Form oder eingebettete Datei) wird nicht übernommen."
FORMULA = "Formel wird nicht übernommen."
SYMBOL = "Sonderzeichen aus einer Symbolschrift wird nicht übernommen."
_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
# Inside a paragraph: no content of its own, or layout only.
_SILENT = {
    "pPr", "rPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeEnd",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "lastRenderedPageBreak",
    "annotationRef", "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "softHyphen", "smartTagPr",
    "customXmlPr", "rPrChange", "dayShort", "monthShort", "yearShort", "dayLong", "monthLong", "yearLong",
}  # fmt: skip


@dataclass(frozen=True)
class Picture:
    """A picture in a paragraph; `data` is None when it is only linked, not embedded."""

    data: bytes | None
    name: str
    alt: str
    title: str
    width_cm: float


@dataclass
class Inline:
    """What one paragraph holds: its runs (not yet tidied), pictures and notes (German)."""

    runs: list[Run] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        """Record `message` once for this paragraph."""
        if message not in self.notes:
            self.notes.append(message)


@dataclass
class _Field:
    instruction: str = ""
    showing: bool = False  # past `separate`: the field's result, the text Word shows
    link: str | None = None


def content_control(sdt: Element) -> tuple[str, Element | None]:
    """The note for a content control (w:sdt), and its content to read (None: only placeholder text)."""
    properties = sdt.find(f"{W}sdtPr")
    alias = properties.find(f"{W}alias") if properties is not None else None
    name = f" „{alias.get(f'{W}val')}“" if alias is not None and alias.get(f"{W}val") else ""
    if properties is not None and is_on(properties.find(f"{W}showingPlcHdr")):
        return f"Inhaltssteuerelement{name} zeigt nur seinen Platzhaltertext und wird nicht übernommen.", None
    return f"Inhaltssteuerelement{name}: nur sein Text wird übernommen.", sdt.find(f"{W}sdtContent")


def text_box_note(box: Element) -> str:
    """The note for a text box, quoting the beginning of its text so the clerk finds it."""
    text = " ".join("".join(t.text or "" for t in box.iter(f"{W}t")).split())
    quoted = f" („{text[:40]}{'…' if len(text) > 40 else ''}“)" if text else ""
    return f"Textfeld{quoted} wird nicht übernommen; seinen Text bitte als normalen Absatz schreiben."


class InlineReader:
    """Reads paragraphs in document order; a complex field may span several of them."""

    def __init__(self, package: WordPackage, styles: StyleBook) -> None:
        self.package, self.styles = package, styles
        self.fields: list[_Field] = []
        self.out = Inline()
        self.caption = False

    def read(self, paragraph: Element, *, caption: bool = False) -> Inline:
        """The content of `paragraph`; a caption's own number field (SEQ) is no note."""
        self.out, self.caption = Inline(), caption
        properties = paragraph.find(f"{W}pPr")
        if properties is not None and any(
            properties.find(path) is not None for path in (f"{W}rPr/{W}ins", f"{W}rPr/{W}del", f"{W}pPrChange")
        ):
            self.out.note(TRACKED)
        self._children(paragraph, None)
        return self.out

    def _children(self, parent: Element, link: str | None) -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{W}r":
                self._run(child, link)
            elif tag == f"{W}hyperlink":
                self._children(child, self.package.links.get(child.get(f"{R}id", ""), link))
            elif tag in (f"{W}ins", f"{W}moveTo"):
                self.out.note(TRACKED)
                self._children(child, link)
            elif tag in (f"{W}del", f"{W}moveFrom"):
                self.out.note(TRACKED)  # and its text is never read
            elif tag == f"{W}fldSimple":
                self._children(child, self._simple_field(child.get(f"{W}instr", "")) or link)
            elif tag in (f"{W}smartTag", f"{W}customXml"):
                self._children(child, link)
            elif tag == f"{W}sdt":
                message, content = content_control(child)
                self.out.note(message)
                if content is not None:
                    self._children(content, link)
            else:
                self._other(child)

    def _other(self, child: Element) -> None:
        tag = child.tag
        if tag in (f"{W}commentRangeStart", f"{W}commentReference"):
            self.out.note(COMMENT)
        elif tag in (f"{M}oMath", f"{M}oMathPara"):
            self.out.note(FORMULA)
        elif tag == f"{MC}AlternateContent":
            self._alternate(child)
        elif tag.startswith(W) and tag[len(W) :] not in _SILENT:
            self.out.note(f"Inhalt „{tag[len(W) :]}“ wird nicht übernommen.")

    def _run(self, run: Element, link: str | None) -> None:
        properties = run.find(f"{W}rPr")
        if properties is not None and properties.find(f"{W}rPrChange") is not None:
            self.out.note(TRACKED)
        if properties is not None and is_on(properties.find(f"{W}vanish")):
            self.out.note(HIDDEN)
            return
        bold, italic = self.styles.emphasis(properties)
        for child in run:
            local = child.tag[len(W) :] if child.tag.startswith(W) else ""
            if local == "t":
                self._text(child.text or "", bold, italic, link)
            elif local in ("tab", "ptab"):
                self._text(" ", bold, italic, link)
            elif (local == "br" and child.get(f"{W}type") not in ("page", "column")) or local == "cr":
                self._text("\n", bold, italic, link)
            elif local == "noBreakHyphen":
                self._text("\u2011", bold, italic, link)
            elif local in ("fldChar", "instrText"):
                self._complex_field(child)
            else:
                self._run_object(child)

    def _run_object(self, child: Element) -> None:
        notes = {
            f"{W}footnoteReference": FOOTNOTE, f"{W}endnoteReference": ENDNOTE, f"{W}commentReference": COMMENT,
            f"{W}object": OBJECT, f"{W}sym": SYMBOL,
        }  # fmt: skip
        if child.tag == f"{W}drawing":
            self._drawing(child)
        elif child.tag == f"{W}pict":
            box = child.find(f".//{W}txbxContent")
            self.out.note(text_box_note(box) if box is not None else OBJECT)
        elif child.tag in notes:
            self.out.note(notes[child.tag])
        else:
            self._other(child)

    def _text(self, text: str, bold: bool, italic: bool, link: str | None) -> None:
        if any(not f.showing for f in self.fields):
            return  # inside a field's instruction: code, not text
        shown_link = next((f.link for f in reversed(self.fields) if f.link), None) or link
        self.out.runs.append(Run(text, bold, italic, shown_link))

    def _complex_field(self, child: Element) -> None:
        if child.tag == f"{W}instrText":
            if self.fields and not self.fields[-1].showing:
                self.fields[-1].instruction += child.text or ""
            return
        kind = child.get(f"{W}fldCharType")
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            current = self.fields[-1]
            current.showing = True
            current.link = self._simple_field(current.instruction)
        elif kind == "end" and self.fields:
            current = self.fields.pop()
            if not current.showing:
                self._simple_field(current.instruction)  # a field without a result still gets its note

    def _simple_field(self, instruction: str) -> str | None:
        """The URL of a HYPERLINK field; any other field gets a note (a caption's SEQ number excepted)."""
        found = _HYPERLINK.match(instruction)
        if found:
            return found.group(1)
        kind = (instruction.split() or ["?"])[0].upper()
        if not (kind == "SEQ" and self.caption):
            self.out.note(f"Feld „{kind}“ wird nur als angezeigter Text übernommen und nicht mehr aktualisiert.")
        return None

    def _alternate(self, element: Element) -> None:
        """mc:AlternateContent: a text box or object is named; a plain picture inside is read as one."""
        choice = element.find(f"{MC}Choice")
        box = element.find(f".//{W}txbxContent")
        drawing = choice.find(f".//{W}drawing") if choice is not None else None
        if box is not None:
            self.out.note(text_box_note(box))
        elif drawing is not None:
            self._drawing(drawing)
        else:
            self.out.note(OBJECT)

    def _drawing(self, drawing: Element) -> None:
        frame = next(iter(drawing), None)  # wp:inline or wp:anchor
        box = drawing.find(f".//{W}txbxContent")
        if box is not None:
            self.out.note(text_box_note(box))
            return
        blip = frame.find(f".//{A}blip") if frame is not None else None
        if frame is None or blip is None or frame.find(f".//{PIC}pic") is None:
            self.out.note(OBJECT)
            return
        properties = frame.find(f"{WP}docPr")
        extent = frame.find(f"{WP}extent")
        width = int(extent.get("cx", "0")) / EMU_PER_CM if extent is not None and extent.get("cx", "").isdigit() else 0
        attributes = properties.attrib if properties is not None else {}
        self.out.pictures.append(
            Picture(
                self.package.pictures.get(blip.get(f"{R}embed", "")),
                attributes.get("name", "").strip() or "ohne Namen",
                " ".join(attributes.get("descr", "").split()),
                " ".join(attributes.get("title", "").split()),
                width,
            )
        )
