"""A paragraph that parses its markup and breaks its lines once per process.

In: paragraph markup (see :mod:`pdfbuilder.markup`) and a style. Out: a ReportLab Paragraph
whose parse and line breaks are remembered between builds.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from .scripts import prepare_markup

_PARSED: dict[tuple[str, int, str | None], tuple[Any, list[Any]]] = {}
_BROKEN: dict[tuple[int, float], tuple[Any, float]] = {}
_CACHE_LIMIT = 20_000


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph that parses its markup and breaks its lines once per process.

    Leaflets are rebuilt with the same text again and again (every build, every batch row);
    parsing the markup and finding line breaks is most of ReportLab's work, and both depend
    only on the text, the style and the width. Paragraph splits (across pages or columns)
    fall back to ReportLab's own code.
    """

    _key: int | None

    def __new__(cls, text: str | None = None, style: Any = None, *args: Any, **kw: Any) -> Para:
        if cls is Para and getattr(style, "wordWrap", None) == "RTL":
            from .rtl import RtlPara  # right-to-left text: shaped and ordered by rtl.py

            return super().__new__(RtlPara)  # type: ignore[no-any-return]
        return super().__new__(cls)  # type: ignore[no-any-return]

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: list[Any] | None = None,
        **kw: Any,
    ) -> None:
        if text is None or frags is not None:  # a part made by split(): no caching
            super().__init__(text, style, bulletText=bulletText, frags=frags, **kw)
            self._key = None
            return
        text = prepare_markup(text, style)  # fallback fonts for characters the main lacks
        key = (text, id(style), bulletText)
        cached = _PARSED.get(key)
        if cached is None or cached[0] is not style:
            if len(_PARSED) > _CACHE_LIMIT:
                _PARSED.clear()
                _BROKEN.clear()
            super().__init__(text, style, bulletText=bulletText)
            _PARSED[key] = (style, self.frags)
            self._key = id(self.frags)
            return
        super().__init__(text, style, bulletText=bulletText, frags=cached[1])
        self._key = id(cached[1])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._key is None:
            return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]
        hit = _BROKEN.get((self._key, availWidth))
        if hit is None:
            width, height = super().wrap(availWidth, availHeight)
            _BROKEN[(self._key, availWidth)] = (getattr(self, "blPara"), height)  # noqa: B009
            return width, height
        self.width = availWidth
        style = self.style
        first = availWidth - (style.leftIndent + style.firstLineIndent) - style.rightIndent
        self._wrapWidths = [first, availWidth - style.leftIndent - style.rightIndent]
        self.blPara, self.height = hit[0], hit[1]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part._key = None
        return parts  # type: ignore[no-any-return]
