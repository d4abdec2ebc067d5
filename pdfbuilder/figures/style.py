"""Figure style: colours and line weight, and the grayscale conversion.

In: a ``FigureStyle`` (hex colours, a line width in pt for the standard card size).
Out: ReportLab colours, gray when the style asks for grayscale.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from reportlab.lib.colors import Color

# The standard exercise card's figure box: 55 mm x 35 mm, in pt.
STANDARD_WIDTH = 55 * 72 / 25.4
STANDARD_HEIGHT = 35 * 72 / 25.4


@dataclass(frozen=True)
class FigureStyle:
    """How a figure looks. Colours are ``#rrggbb``; widths and sizes are in pt."""

    line_width: float = 2.0
    ink: str = "#1f2937"
    far_ink: str = "#6b7280"
    ghost_ink: str = "#c7ccd4"
    accent: str = "#0b5394"
    prop: str = "#9ca3af"
    prop_fill: str = "#e5e7eb"
    font_name: str = "AtkinsonHyperlegible-Regular"
    font_size: float = 8.0
    grayscale: bool = False


@functools.lru_cache(maxsize=256)
def to_color(hex_colour: str, grayscale: bool) -> Color:
    """``#rrggbb`` as a ReportLab colour; with ``grayscale``, its luminance as a gray."""
    text = hex_colour.lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    red, green, blue = (int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))
    if grayscale:
        gray = 0.2126 * red + 0.7152 * green + 0.0722 * blue
        return Color(gray, gray, gray)
    return Color(red, green, blue)


def box_scale(width: float, height: float) -> float:
    """How much heavier lines get in a box of this size than in the standard card box."""
    factor = math.sqrt((width * height) / (STANDARD_WIDTH * STANDARD_HEIGHT))
    return min(max(factor, 0.5), 3.0)
