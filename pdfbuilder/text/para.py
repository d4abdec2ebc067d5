"""The paragraphs of a leaflet: chosen for the style's direction, remembered between builds.

In: paragraph markup (see :mod:`pdfbuilder.text.markup`) and a style. Out: a ReportLab
Paragraph (:func:`make_para`): a :class:`Para`, whose parse, line breaks and drawing are
remembered between builds, or for a right-to-left style an
:class:`~pdfbuilder.text.rtl.RtlPara`, shaped and ordered right to left.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .._rl.paragraphs import CachedParagraph
from .rtl import RtlPara
from .scripts import prepare_markup


class Para(CachedParagraph):
    """A leaflet paragraph: characters the style's main font lacks set in a fallback font,
    and its parse, line breaks and drawing remembered (see :class:`CachedParagraph`)."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: list[Any] | None = None,
        **kw: Any,
    ) -> None:
        if text is not None and frags is None:
            text = prepare_markup(text, style)
        super().__init__(text, style, bulletText, frags, **kw)


def make_para(text: str, style: ParagraphStyle, bulletText: str | None = None) -> Paragraph:
    """The paragraph for ``style``: right to left (shaped, reordered) for a right-to-left
    style (``wordWrap="RTL"``, see :func:`~pdfbuilder.text.scripts.right_to_left`), else a
    :class:`Para`."""
    if getattr(style, "wordWrap", None) == "RTL":
        return RtlPara(text, style, bulletText)
    return Para(text, style, bulletText)
