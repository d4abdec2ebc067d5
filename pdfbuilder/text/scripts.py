"""Writing systems in paragraph markup and styles: fallback fonts, right-to-left settings.

In: paragraph markup and its style, or a style's settings. Out: the markup with characters
the main font lacks set in a fallback font (:func:`prepare_markup`), or the settings mirrored
for right-to-left text (:func:`right_to_left`). Drawing right-to-left text is
:mod:`pdfbuilder.text.rtl`; one line on a canvas is :mod:`pdfbuilder.text.draw`.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_RIGHT

from .fonts import apply_fallbacks


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
