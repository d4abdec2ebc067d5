"""One line of text on a canvas, with fallback fonts and right-to-left shaping where needed.

In: a canvas with its font set, a position and a string. Out: the string drawn, like
``canvas.drawString``; characters the canvas's font lacks are set in a fallback font, and
right-to-left text is shaped and ordered (see :mod:`pdfbuilder.text.rtl`). Plain text the
font covers costs nothing extra.
"""

from __future__ import annotations

import functools
from typing import Any

from .._rl.canvas import current_font
from .fonts import FontChain, apply_fallbacks, coverage
from .markup import escape
from .rtl import draw_runs


def draw_string(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    chain: FontChain | None,
    *,
    rtl: bool = False,
    right: bool = False,
    centre: bool = False,
) -> None:
    """``canvas.drawString`` (``right``: ``drawRightString``; ``centre``:
    ``drawCentredString``) in the canvas's current font, with fallback fonts for characters
    it lacks and right-to-left text shaped and ordered."""
    font, size = current_font(canvas)
    if chain is None or (not rtl and text.isascii()) or not _needs_help(text, font, rtl):
        plain = canvas.drawCentredString if centre else canvas.drawRightString if right else None
        (plain or canvas.drawString)(x, y, text)
        return
    markup = apply_fallbacks(escape(text), chain)
    draw_runs(canvas, x, y, markup, font, size, rtl=rtl, right=right, centre=centre)


@functools.lru_cache(maxsize=1024)
def _needs_help(text: str, font: str, rtl: bool) -> bool:
    have = coverage(font)
    return rtl or any(ord(ch) not in have for ch in text if not ch.isspace())
