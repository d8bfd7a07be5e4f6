"""How the chart looks: the colour of each status and the document's font.

Kept apart from the layout in `chart` so the choice of colours can be read, and checked, on its own.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from PIL import ImageFont

from .stats import YearFigures

# One colour per status (geplant, laufend, abgeschlossen, ruhend, …), fixed by its place in the
# configured list so a status keeps its colour when another one is not shown. Every colour has a
# contrast of at least 3:1 against white (WCAG 1.4.11; relative luminance at most 0.30), and
# segments are set apart by a white gap, so each segment stands 3:1 against its neighbours too.
# Four greys cannot also stand 3:1 against each other (that would take 3³ = 27:1, white to black
# is 21:1); the first four, grey levels 148, 98, 49 and 0 of 255 (luminance 0.30, 0.15, 0.04, 0),
# differ by at least 1.75:1, so the bars stay apart when the Vorlage is printed in black and white,
# as council papers often are.
COLOURS = ("#8494bd", "#2b6fad", "#17411e", "#000000", "#b76b25")
SEGMENT_GAP = 4  # pixels of white between two segments of a bar (0.4 mm)
# The document's font: Arial, or Liberation Sans with Arial's metrics, so the labels wrap alike
# on Linux and Windows. Another font only when neither is installed.
FONT_PATHS = (
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation-sans-fonts/LiberationSans-Regular.ttf",
    "/usr/share/fonts/TTF/LiberationSans-Regular.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "/Library/Fonts/Arial.ttf",
    "/usr/share/fonts/truetype/msttcorefonts/Arial.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@functools.cache
def chart_font(size: int) -> Font:
    """The document's font at `size` pixels: Arial or Liberation Sans where installed."""
    for candidate in FONT_PATHS:
        if Path(candidate).is_file():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def colour(statuses: Sequence[str], status: str) -> str:
    """The colour of `status`, by its place among all configured `statuses`."""
    return COLOURS[statuses.index(status) % len(COLOURS)]


def shown_statuses(figures: YearFigures) -> tuple[str, ...]:
    """The statuses the Überblick shows, in table and legend alike: those that occur (all, if none does)."""
    return tuple(s for s in figures.statuses if figures.by_status.get(s)) or tuple(figures.statuses)
