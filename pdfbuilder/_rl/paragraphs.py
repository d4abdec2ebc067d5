"""Paragraphs parsed, broken into lines and drawn once per process, then remembered.

In: paragraph markup and a style (a :class:`CachedParagraph`; :class:`pdfbuilder.text.para.
Para` adds fallback fonts). Out: a ReportLab Paragraph whose parse (``frags``), line breaks
(``blPara``, ``_wrapWidths``) and drawing (the canvas's operators) are remembered between
builds. A drawing is replayed only when the document at hand gives its fonts exactly the
names and character codes the recording used (:meth:`Drawing.fits`); knowing which
characters a drawing used needs :mod:`~pdfbuilder._rl.truetype`.

Measured (docs/performance.md): the parse and line-break cache makes a warm build about
2.6 times faster, and the replay another 1.7 times.
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from . import installed
from .truetype import recording

_PARSED: dict[tuple[str, int, str | None], tuple[Any, list[Any]]] = {}
_BROKEN: dict[tuple[int, float], tuple[Any, float, list[float]]] = {}
_DRAWN: dict[tuple[int, float], Drawing | None] = {}
_CACHE_LIMIT = 20_000

#: Replay remembered drawings (tests turn this off to compare the bytes with and without).
REPLAY = True


class Drawing:
    """The PDF operators one paragraph drew, and the font state they are valid in.

    A paragraph is drawn in its own coordinates (``Flowable.drawOn`` moves the origin), so
    its operators do not depend on where it lands. They do depend on the document's fonts:
    the name each font got in this document (``/F2+0``) and the code each character got in
    its subset, both given in order of first use. ``fonts`` holds, per font, the code each
    character drawn had and the font's name; a replay is only made when all of them are the
    same in the document at hand, which also means drawing for real would have added
    nothing to the document's font state.
    """

    __slots__ = ("code", "fonts")

    def __init__(self, code: list[str], fonts: list[tuple[Any, dict[int, Any], str]]):
        self.code = code
        self.fonts = fonts

    def fits(self, doc: Any) -> bool:
        """True when the document's fonts give exactly the recorded names and codes.

        Checked once per paragraph drawn (over 200 a leaflet): the recorded codes as a
        dict, so one comparison of its items with the font's (every character assigned,
        to the same code) checks them all without making a list of them first."""
        for font, codes, name in self.fonts:
            state = font.state.get(doc)
            if state is None or state.internalName != name:
                return False
            if not codes.items() <= state.assignments.items():
                return False
        return True


def _record(encoded: list[tuple[Any, Any]], doc: Any) -> list[tuple[Any, dict[int, Any], str]]:
    """Per font: the code each character the drawing encoded has now, and the font's name."""
    chars: dict[Any, set[int]] = {}
    for font, text in encoded:
        chars.setdefault(font, set()).update(map(ord, text.replace("\xa0", " ")))
    fonts = []
    for font, used in chars.items():
        state = font.state[doc]
        codes = {c: state.assignments[c] for c in sorted(used)}
        fonts.append((font, codes, state.internalName))
    return fonts


def _replayable(para: Paragraph) -> bool:
    """Paragraphs whose drawing touches only the page's operators and the fonts."""
    for frag in para.frags:
        if hasattr(frag, "cbDefn") or getattr(frag, "link", None):
            return False  # images, anchors and links add objects to the document
        name = getattr(frag, "fontName", None)  # spacing fragments have none
        if name is not None and not hasattr(pdfmetrics.getFont(name), "state"):
            return False  # a standard PDF font's name is not checked by Drawing.fits
        colour = getattr(frag, "textColor", None)
        if colour is not None and (getattr(colour, "alpha", 1) != 1 or hasattr(colour, "spotName")):
            return False  # transparency or spot colours add resources to the document
    return True


def _own_lines(broken: Any) -> Any:
    """A copy of remembered line breaks, down to each word, for a split to change.

    ReportLab's split hands the words of the lines it breaks at to the parts, and breaking a
    part's lines again edits those words in place (a trailing space is cut, say); done to the
    remembered lines, that would change how the same paragraph draws in every later build.
    """
    own = copy.copy(broken)
    lines = []
    for line in broken.lines:
        line = copy.copy(line)
        if hasattr(line, "words"):
            line.words = [copy.copy(word) for word in line.words]
        lines.append(line)
    own.lines = lines
    return own


class CachedParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that parses its markup and breaks its lines once per process.

    Leaflets are rebuilt with the same text again and again (every build, every batch row);
    parsing the markup and finding line breaks is most of ReportLab's work, and both depend
    only on the text, the style and the width. Paragraph splits (across pages or columns)
    fall back to ReportLab's own code. Its drawing is remembered too, and replayed when the
    document's fonts make it valid (see :class:`Drawing`). Before
    :func:`pdfbuilder._rl.install` (and in plain mode) it is ReportLab's Paragraph.
    """

    _key: int | None

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: list[Any] | None = None,
        **kw: Any,
    ) -> None:
        if text is None or frags is not None or not installed():
            # A part made by split(), or plain mode: ReportLab's own Paragraph.
            super().__init__(text, style, bulletText=bulletText, frags=frags, **kw)
            self._key = None
            return
        key = (text, id(style), bulletText)
        cached = _PARSED.get(key)
        if cached is None or cached[0] is not style:
            if len(_PARSED) > _CACHE_LIMIT:
                _PARSED.clear()
                _BROKEN.clear()
                _DRAWN.clear()
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
            lines = getattr(self, "blPara", None)  # none for a width with no room for text
            if lines is not None:
                _BROKEN[(self._key, availWidth)] = (lines, height, self._line_widths(availWidth))
            return width, height
        # The line widths ReportLab's wrap gives (first line, later lines), made once with
        # the lines: only read afterwards (when drawing right to left), never changed.
        self.width = availWidth
        self.blPara, self.height, self._wrapWidths = hit
        return self.width, self.height

    def _line_widths(self, width: float) -> list[float]:
        """The first and later lines' widths at ``width``, as ReportLab's wrap makes them."""
        style = self.style
        first = width - (style.leftIndent + style.firstLineIndent) - style.rightIndent
        return [first, width - style.leftIndent - style.rightIndent]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """ReportLab's ``Flowable.drawOn`` (``q``, the move, the drawing, ``Q``), written in
        one go when the drawing is replayed: the canvas's state would only be saved and
        restored around operators that change none of it."""
        drawn = self._replay(canvas) if type(self).draw is CachedParagraph.draw else None
        if drawn is None or getattr(self, "_showBoundary", False):
            super().drawOn(canvas, x, y, _sW)
            return
        x = self._hAlignAdjust(x, _sW)
        canvas._code.extend(("q", f"{fp_str(1, 0, 0, 1, x, y)} cm", *drawn.code, "Q"))

    def _replay(self, canvas: Any) -> Drawing | None:
        """The remembered drawing to replay on ``canvas`` now, if there is a valid one."""
        key = self._key
        if key is None or not REPLAY or canvas._extgstate._d:
            return None
        drawn = _DRAWN.get((key, self.width))
        return drawn if drawn is not None and drawn.fits(canvas._doc) else None

    def draw(self) -> None:
        key = self._key
        if key is None or not REPLAY:
            super().draw()
            return
        canv = self.canv
        doc = canv._doc
        drawn = self._replay(canv)
        if drawn is not None:
            canv._code.extend(drawn.code)
            return
        drawn_key = (key, self.width)
        if drawn_key in _DRAWN or canv._extgstate._d:  # recorded, but not valid here
            super().draw()
            return
        code = canv._code
        start = len(code)
        with recording() as encoded:
            super().draw()
        if (
            canv._extgstate._d
            or not _replayable(self)
            or any(not hasattr(font, "state") for font, _ in encoded)
        ):
            _DRAWN[drawn_key] = None
            return
        _DRAWN[drawn_key] = Drawing(code[start:], _record(encoded, doc))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._key is not None and hasattr(self, "blPara"):
            self.blPara = _own_lines(self.blPara)
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part._key = None
        return parts  # type: ignore[no-any-return]


def first_line_ascent(para: Paragraph) -> float:
    """How far below a wrapped paragraph's top its first baseline is drawn.

    ReportLab draws a paragraph's bullet on this baseline too (``_drawBullet``); a list
    item that draws its label apart from its body (so the two can be tagged apart) needs
    the same place. Read from the line breaks ``wrap`` made (``blPara``).
    """
    lines = para.blPara
    first = lines if lines.kind == 0 else lines.lines[0]
    if rl_config.paraFontSizeHeightOffset:  # read now, as the import it replaces did
        return float(first.fontSize)
    return float(getattr(first, "ascent", first.fontSize))
