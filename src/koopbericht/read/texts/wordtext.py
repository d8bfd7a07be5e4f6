"""A narrative section handed in as a Word file (`text/*.docx`), read into the Vorlage's document model.

The result is the same kind of blocks Markdown gives (headings 1–3, paragraphs with bold,
italic and links, bullet and numbered lists, simple tables with the first row as header,
pictures with their alternative text), so the Vorlage's own styles apply and nothing of
the department's formatting is carried over. Placeholders `{{ … }}` stay in the text:
`assemble` fills them, as for Markdown. Paragraphs are counted as Word users see them
(every paragraph, empty ones and those in table cells too), and every note names the
paragraph it is about. A picture without alternative text is not taken over (BITV
demands one; a missing picture is noticed, a missing description is not) and is named.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from PIL import Image as PillowImage
from PIL import UnidentifiedImageError

from ...document import Block, Heading, Image, ListBlock, ListItem, Paragraph, Run, Table, TableRow
from .wordinline import Inline, InlineReader, Picture, content_control
from .wordpackage import W, open_word_package
from .wordstyles import StyleBook
from .wordtable import read_table

MAX_IMAGE_CM = 16.0  # the text width of a portrait page
_CAPTION_PREFIX = re.compile(r"^\s*(?:Abbildung|Abb\.|Bild|Grafik|Figure|Fig\.|Tabelle|Tab\.|Table)\s*\d*\s*[:.–-]?\s*")
_WEB_FORMATS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8")  # what Word (and python-docx) embed as they are


@dataclass(frozen=True)
class WordText:
    """A Word text's blocks, placeholders unfilled; `places` gives each block's paragraph numbers, per list item."""

    file: Path
    blocks: tuple[Block, ...]
    places: tuple[tuple[int, ...], ...]
    warnings: tuple[str, ...]


def read_word_text(path: Path, shown: Path) -> WordText:
    """Read the Word text at `path`; `shown` is how messages name it (relative to the working folder)."""
    package = open_word_package(path, shown.as_posix())
    body = package.document.find(f"{W}body")
    reader = _Reader(InlineReader(package, StyleBook(package.styles, package.numbering)))
    if body is not None:
        reader.body(body)
    return WordText(shown, tuple(reader.blocks), tuple(reader.places), tuple(reader.notes.lines(shown)))


class Notes:
    """German notes collected per message, with the paragraphs each one is about."""

    def __init__(self) -> None:
        self.where: dict[str, list[int]] = {}

    def add(self, number: int, message: str) -> None:
        """Note `message` for paragraph `number`."""
        numbers = self.where.setdefault(message, [])
        if number not in numbers:
            numbers.append(number)

    def lines(self, file: Path) -> list[str]:
        """One line per message: "FILE, Absatz 7: …" or "FILE, Absätze 3, 5 und 7: …"."""
        lines = []
        for message, numbers in self.where.items():
            shown = [str(n) for n in numbers[:8]] + ([f"{len(numbers) - 8} weiteren"] if len(numbers) > 8 else [])
            where = f"Absatz {shown[0]}" if len(shown) == 1 else f"Absätze {', '.join(shown[:-1])} und {shown[-1]}"
            lines.append(f"{file.as_posix()}, {where}: {message}")
        return lines


class _Reader:
    def __init__(self, inline: InlineReader) -> None:
        self.inline = inline
        self.styles = inline.styles
        self.blocks: list[Block] = []
        self.places: list[tuple[int, ...]] = []
        self.notes = Notes()
        self.number = 0  # the paragraph last read
        self.caption: tuple[int, str, tuple[Run, ...]] | None = None  # a caption waiting for a table below it
        self.list_id = ""  # the Word list (numId) the last list block's outermost items belong to
        self.table_end = -1  # the last paragraph of the last table read

    def body(self, parent: Element) -> None:
        for child in parent:
            if child.tag == f"{W}p":
                self.paragraph(child)
            elif child.tag == f"{W}tbl":
                self.table(child)
            elif child.tag == f"{W}sdt":
                message, content = content_control(child)
                self.notes.add(self.number + 1, message)
                if content is not None:
                    self.body(content)
            elif child.tag == f"{W}customXml":
                self.body(child)
            elif child.tag == f"{W}altChunk":
                self.notes.add(self.number + 1, "Eingebetteter fremder Inhalt (altChunk) wird nicht übernommen.")
        self._flush_caption()

    def read(self, paragraph: Element, *, caption: bool = False) -> Inline:
        """The next paragraph's content; its notes are recorded under its number."""
        self.number += 1
        content = self.inline.read(paragraph, caption=caption)
        for message in content.notes:
            self.notes.add(self.number, message)
        return content

    def cell_paragraph(self, element: Element) -> str:
        """A paragraph in a table cell, as text; a picture there is named, not taken over."""
        content = self.read(element)
        for picture in content.pictures:
            self.note(self.number, f"Bild „{picture.name}“ in einer Tabelle wird nicht übernommen.")
        return "".join(run.text for run in tidy(content.runs))

    def note(self, number: int, message: str) -> None:
        """Note `message` for paragraph `number`."""
        self.notes.add(number, message)

    def paragraph(self, element: Element) -> None:
        properties = element.find(f"{W}pPr")
        is_caption = self.styles.is_caption(properties)
        content = self.read(element, caption=is_caption)
        runs = tidy(content.runs)
        text = "".join(r.text for r in runs)
        level = self.styles.heading_level(properties)
        mark = self.styles.list_mark(properties) if level is None else None
        if is_caption and text:
            self._caption(text, runs)
        elif not text:
            pass  # no empty paragraphs as spacing
        elif level is not None:
            self._add(Heading(level, " ".join(text.split())))
        elif mark is not None:
            self._list_item(ListItem(runs, mark.level), mark.ordered, mark.list_id)
        else:
            self._add(Paragraph(runs))
        for picture in content.pictures:
            self._picture(picture)

    def table(self, element: Element) -> None:
        start = self.number + 1
        table = read_table(element, self)
        self.table_end = self.number
        if not table.header:
            return
        topic = table.caption
        if self.caption is not None:
            topic = topic or self.caption[1]
            self.caption = None
        rows = tuple(TableRow(cells) for cells in table.rows)
        self._add(Table(topic, "", table.header, rows), (start,))

    def _caption(self, text: str, runs: tuple[Run, ...]) -> None:
        """A caption names the picture above it, or the table next to it: it is not a paragraph of its own."""
        title = _CAPTION_PREFIX.sub("", " ".join(text.split()), count=1)
        last = self.blocks[-1] if self.blocks else None
        if isinstance(last, Image) and self.places[-1][0] == self.number - 1:
            self.blocks[-1] = Image(last.png, last.alt, title or last.title, last.width_cm)
        elif isinstance(last, Table) and not last.caption and self.table_end == self.number - 1:
            self.blocks[-1] = Table(title, "", last.header, last.rows)
        else:
            self._flush_caption()
            self.caption = (self.number, title, runs)  # for the table below; else a paragraph after all

    def _flush_caption(self) -> None:
        """A caption that no table followed stays what it is: a paragraph."""
        if self.caption is not None:
            number, _, runs = self.caption
            self.caption = None
            self.blocks.append(Paragraph(runs))
            self.places.append((number,))

    def _add(self, block: Block, places: tuple[int, ...] | None = None) -> None:
        self._flush_caption()
        self.blocks.append(block)
        self.places.append(places or (self.number,))

    def _list_item(self, item: ListItem, ordered: bool, list_id: str) -> None:
        """A list paragraph continues the list above unless an outermost item starts another list."""
        last = self.blocks[-1] if self.blocks and self.caption is None else None
        if isinstance(last, ListBlock) and (
            item.level > 0 or (last.ordered == ordered and (not ordered or self.list_id == list_id))
        ):
            self.blocks[-1] = ListBlock(last.ordered, (*last.items, item))
            self.places[-1] = (*self.places[-1], self.number)
            return
        self._add(ListBlock(ordered, (ListItem(item.runs, 0),)))  # a list starts at its outermost level
        self.list_id = list_id

    def _picture(self, picture: Picture) -> None:
        where = self.number
        if not picture.alt:
            self.notes.add(
                where,
                f"Bild „{picture.name}“ hat keinen Alternativtext und wird nicht übernommen. Bitte in Word einen "
                "Alternativtext ergänzen (Rechtsklick auf das Bild › Alternativtext bearbeiten).",
            )
            return
        data = usable_picture(picture.data)
        if data is None:
            reason = "ist nur verknüpft, nicht eingebettet" if picture.data is None else "hat ein unbekanntes Format"
            self.notes.add(where, f"Bild „{picture.name}“ {reason} und wird nicht übernommen; bitte als PNG oder "
                                  "JPEG einfügen.")  # fmt: skip
            return
        title = picture.title or _short(picture.alt)
        width = min(picture.width_cm, MAX_IMAGE_CM) if picture.width_cm > 0 else MAX_IMAGE_CM
        self._add(Image(data, picture.alt, title, width))


def tidy(runs: list[Run]) -> tuple[Run, ...]:
    """Runs as Markdown would give them: trimmed, no emphasised spaces at their edges, neighbours merged."""
    pieces: list[Run] = []
    for run in runs:
        if (run.bold or run.italic) and not run.link:
            core = run.text.strip(" ")
            lead, tail = run.text[: len(run.text) - len(run.text.lstrip(" "))], run.text[len(run.text.rstrip(" ")) :]
            pieces += [Run(lead), Run(core, run.bold, run.italic), Run(tail)] if core else [Run(run.text)]
        else:
            pieces.append(run)
    merged: list[Run] = []
    for run in pieces:
        if not run.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].link) == (run.bold, run.italic, run.link):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.link)
        else:
            merged.append(run)
    if merged:
        first, last = merged[0], merged[-1]
        merged[0] = Run(first.text.lstrip(), first.bold, first.italic, first.link)
        merged[-1] = Run(merged[-1].text.rstrip(), last.bold, last.italic, last.link)
    return tuple(run for run in merged if run.text)


def usable_picture(data: bytes | None) -> bytes | None:
    """PNG, JPEG and GIF as they are; other bitmaps (BMP, TIFF) as PNG; None for what cannot be shown."""
    if data is None or data.startswith(_WEB_FORMATS):
        return data
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PillowImage.DecompressionBombWarning)  # a pixel bomb is refused
            with PillowImage.open(io.BytesIO(data)) as picture:
                output = io.BytesIO()
                picture.save(output, "PNG")
                return output.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, PillowImage.DecompressionBombError,
            PillowImage.DecompressionBombWarning):  # fmt: skip
        return None


def _short(alt: str) -> str:
    """A picture's title where it has none: its alternative text's first sentence, at most 80 characters."""
    sentence = re.split(r"(?<=[.!?])\s", alt, maxsplit=1)[0].rstrip(".")
    return sentence if len(sentence) <= 80 else sentence[:77].rsplit(" ", 1)[0] + " …"
