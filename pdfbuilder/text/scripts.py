"""Writing systems: font fallbacks in paragraph markup, and right-to-left (Arabic) text.

In: paragraph markup and its style. Out: the markup with characters the main font lacks set
in a fallback font; for a right-to-left style, a paragraph whose lines are shaped, ordered
and drawn right to left (see :mod:`pdfbuilder.rtl`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import Flowable

from .fonts import FontChain, apply_fallbacks, coverage
from .markup import escape


def prepare_markup(markup: str, style: Any) -> str:
    """``markup`` with runs the style's main font lacks wrapped in fallback ``<font>`` tags."""
    chain = getattr(style, "fontChain", None)
    if chain is None or markup.isascii():
        return markup
    return apply_fallbacks(markup, chain)


def right_to_left(style: dict[str, Any]) -> dict[str, Any]:
    """Paragraph style settings mirrored for right-to-left text: right-aligned, indents and
    bullets on the right."""
    out = dict(style)
    out["leftIndent"], out["rightIndent"] = style.get("rightIndent", 0), style.get("leftIndent", 0)
    out["alignment"] = TA_RIGHT
    out["wordWrap"] = "RTL"
    return out


def mirror(flowables: Iterable[Any]) -> None:
    """Mark every flowable, and those inside it, ``mirrored`` for a right-to-left leaflet.

    Boxes then put their accent bar on the right, side-by-side pairs and rows of boxes swap
    sides, and two-column text starts in the right-hand column.
    """
    stack = list(flowables)
    while stack:
        item = stack.pop()
        item.mirrored = True
        for name in ("content", "boxes", "left", "right"):
            value = getattr(item, name, None)
            if isinstance(value, list):
                stack.extend(v for v in value if isinstance(v, Flowable))
            elif isinstance(value, Flowable):
                stack.append(value)


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
    font, size = canvas._fontname, canvas._fontsize
    if chain is None or (not rtl and text.isascii()) or not _needs_help(text, font, rtl):
        plain = canvas.drawCentredString if centre else canvas.drawRightString if right else None
        (plain or canvas.drawString)(x, y, text)
        return
    from .rtl import draw_runs  # shaping costs only where it is needed

    markup = apply_fallbacks(escape(text), chain)
    draw_runs(canvas, x, y, markup, font, size, rtl=rtl, right=right, centre=centre)


@functools.lru_cache(maxsize=1024)
def _needs_help(text: str, font: str, rtl: bool) -> bool:
    have = coverage(font)
    return rtl or any(ord(ch) not in have for ch in text if not ch.isspace())
