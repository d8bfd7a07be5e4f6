"""The one bar chart of the Vorlage: activities per Geschäftsbereich, stacked by status.

Drawn with Pillow into a PNG (Word shows PNG everywhere); the same figures always give
the same bytes. The alt text states every number the chart shows. A Geschäftsbereich
without a readable Meldebogen gets no bar but the words "keine Meldung", so that a
missing report never looks like "no cooperation".
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .stats import YearFigures

# One colour per status (geplant, laufend, abgeschlossen, ruhend, …) in clearly different lightness
# (grey levels 232, 159, 100, 37, 190) so the bars stay apart when the Vorlage is printed in black
# and white, as council papers often are.
COLOURS = ("#deebf7", "#6baed6", "#238b45", "#252525", "#fdae6b")
FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
WIDTH, BAR, GAP, LEFT, TOP = 1600, 44, 22, 150, 90
INCOMPLETE = "unvollständig"


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in FONT_PATHS:
        if Path(candidate).is_file():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def bar_chart(figures: YearFigures) -> bytes:
    """A horizontal stacked bar chart as PNG bytes."""
    rows = figures.by_department
    height = TOP + len(rows) * (BAR + GAP) + 70
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    font, small = _font(30), _font(26)
    largest = max((sum(counts.values()) for _, _, counts in rows), default=0) or 1
    scale = (WIDTH - LEFT - 120) / largest
    x: float = LEFT
    for index, status in enumerate(figures.statuses):  # legend
        colour = COLOURS[index % len(COLOURS)]
        draw.rectangle((x, 24, x + 30, 54), fill=colour, outline="black")
        draw.text((x + 40, 22), status, fill="black", font=small)
        x += 60 + int(draw.textlength(status, font=small))
    for row, (code, _, counts) in enumerate(rows):
        y = TOP + row * (BAR + GAP)
        draw.text((20, y + 6), code, fill="black", font=font)
        if code in figures.not_reported:
            draw.text((LEFT + 12, y + 6), figures.not_reported[code], fill="#595959", font=font)
            continue
        x = LEFT
        for index, status in enumerate(figures.statuses):
            width = counts.get(status, 0) * scale
            if width:
                draw.rectangle((x, y, x + width, y + BAR), fill=COLOURS[index % len(COLOURS)], outline="black")
                x += width
        total = str(sum(counts.values())) + (f" ({INCOMPLETE})" if code in figures.incomplete else "")
        draw.text((x + 12, y + 6), total, fill="black", font=font)
    draw.line((LEFT, TOP - 10, LEFT, height - 50), fill="black", width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def chart_alt_text(figures: YearFigures) -> str:
    """Alternative text: what the chart shows, with all its numbers."""
    parts = []
    for code, name, counts in figures.by_department:
        if code in figures.not_reported:
            parts.append(f"{code} ({name}): {figures.not_reported[code]}")
            continue
        detail = ", ".join(f"{status} {count}" for status, count in counts.items() if count)
        note = f" ({INCOMPLETE}, Zeilen weggelassen)" if code in figures.incomplete else ""
        parts.append(f"{code} ({name}): {sum(counts.values())}{note}" + (f" – {detail}" if detail else ""))
    return (
        f"Balkendiagramm der Vorhaben {figures.year} je Geschäftsbereich, nach Status gestapelt. "
        + "; ".join(parts)
        + "."
    )
