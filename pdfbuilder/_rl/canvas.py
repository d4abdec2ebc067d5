"""What a ReportLab canvas knows but does not say: its current font, its recorded operators.

In: a canvas. Out: the font and size it draws text in (:func:`current_font`), the PDF
operators a scratch canvas has recorded so far (:func:`operators`), for drawings made once
and replayed, and where a rectangle lands on the page, as ReportLab places an annotation
(:func:`page_rect`). Adding operators to a page needs no private name: ``Canvas.addLiteral``.
"""

from __future__ import annotations

from typing import Any


def current_font(canvas: Any) -> tuple[str, float]:
    """The font name and size ``canvas`` sets text in (as its last ``setFont`` left them)."""
    return canvas._fontname, canvas._fontsize


def operators(canvas: Any) -> str:
    """The PDF operators ``canvas`` has recorded for the current page, as one text."""
    return "\n".join(canvas._code)


def page_rect(canvas: Any, rect: tuple[float, float, float, float]) -> tuple[float, ...]:
    """``rect`` (x1, y1, x2, y2 in the current coordinates) on the page, as
    ``canvas.linkURL(..., relative=1)`` places an annotation (crop-mark border included)."""
    return tuple(canvas._absRect(rect, 1))
