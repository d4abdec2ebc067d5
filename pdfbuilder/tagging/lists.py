"""List items whose label (bullet or number) and body are tagged apart: LI → Lbl + LBody.

In: a paragraph made *without* ``bulletText``, the label text, and the nodes. Out: a
flowable that draws the label exactly where ReportLab would have drawn the paragraph's
bullet (same font, colour, baseline and indent, right-aligned on the right for a
right-to-left paragraph) and the paragraph beside it, each in its own marked content.

ReportLab draws a bullet inside the paragraph's own drawing, so a mark cannot separate the
two from outside, and the paragraph cache records that drawing (marks may never be written
inside it). Drawing the label here keeps both rules: the body's drawing is the paragraph's
own (cached and replayed as before), the label's is this flowable's, and the marks are
written between them. :func:`item_style` gives the body the first-line indent the bullet
would have pushed it to, so the lines break exactly as they did with the bullet.

Untagged (no recorder on the canvas) the item draws the same, without marks.
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .._rl.paragraphs import first_line_ascent
from .._rl.replay import replayed
from ..text.rtl import RtlPara
from .flowables import Forwarded, Tagged
from .marks import recorder_of
from .tree import Node

#: ReportLab's room after a bullet, in bullet font sizes (``_handleBulletWidth``).
_BULLET_GAP = 0.6


@functools.lru_cache(maxsize=256)
def item_style(style: ParagraphStyle, label: str) -> ParagraphStyle:
    """``style`` for a list item's body: where the label is wider than the indent,
    ReportLab shortens the first line and starts it after the bullet; a body drawn
    without the bullet gets that first-line indent instead (right to left: unchanged,
    its paragraphs leave the bullet's room alone)."""
    if getattr(style, "wordWrap", None) == "RTL":
        return style
    width = stringWidth(label, style.bulletFontName, style.bulletFontSize)
    end = style.bulletIndent + width + _BULLET_GAP * style.bulletFontSize
    if end <= style.leftIndent + style.firstLineIndent:
        return style
    return ParagraphStyle(
        f"{style.name}-after-{label}", parent=style, firstLineIndent=end - style.leftIndent
    )


class ListEntry(Flowable):  # type: ignore[misc]
    """A label drawn where a bullet goes, beside a body that may split (label on part 1).

    ``body`` is the paragraph, or a :class:`Tagged` paragraph (a Link in its LBody);
    ``lbl`` the label's node; ``node`` the LI holding both (None untagged); ``lbody``
    the node whose content the body's drawing is, when the body is not tagged itself
    (most items: one wrapper less to lay out and draw, about 75 a leaflet).
    """

    # Spacing and keeping belong to the body.
    spaceBefore = Forwarded("body")
    spaceAfter = Forwarded("body")
    keepWithNext = Forwarded("body")
    mirrored = Forwarded("body")

    def __init__(
        self,
        body: Flowable,
        label: str,
        *,
        node: Node | None = None,
        lbl: Node | None = None,
        lbody: Node | None = None,
        first: bool = True,
    ) -> None:
        super().__init__()
        self.body, self.label, self.node, self.lbl, self.first = body, label, node, lbl, first
        self.lbody = lbody

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.body.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self.body.split(availWidth, availHeight)
        return [
            ListEntry(
                part,
                self.label,
                node=self.node,
                lbl=self.lbl,
                lbody=self.lbody,
                first=self.first and i == 0,
            )
            for i, part in enumerate(parts)
        ]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def getKeepWithNext(self) -> bool:
        return bool(self.body.getKeepWithNext())

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        recorder = recorder_of(canvas) if self.node is not None else None
        if recorder is None:  # untagged
            if self.first:
                _draw_label(canvas, _paragraph(self.body), self.label, x, y)
            self.body.drawOn(canvas, x, y, _sW)
            return
        lbody = self.lbody
        if self.first and self.lbl is not None:
            recorder.begin(canvas, self.lbl)
            _draw_label(canvas, _paragraph(self.body), self.label, x, y)
            if lbody is None:  # a tagged body marks itself
                recorder.end(canvas)
            else:  # label to body: one literal for the Lbl's EMC and the LBody's BDC
                recorder.switch(canvas, lbody)
        elif lbody is not None:
            recorder.begin(canvas, lbody)
        if lbody is None:
            self.body.drawOn(canvas, x, y, _sW)
            return
        try:
            self.body.drawOn(canvas, x, y, _sW)
        finally:
            recorder.end(canvas)


def _paragraph(body: Flowable) -> Any:
    """The paragraph inside any wrappers (a tag, an anchor for a cross-reference)."""
    while getattr(body, "__dict__", {}).get("flowable") is not None:
        body = body.flowable
    return body


def _draw_label(canvas: Any, para: Any, label: str, x: float, y: float) -> None:
    """The label as ReportLab draws a bullet: in the paragraph's coordinates, on its first
    baseline, at the bullet indent (from the right for a right-to-left paragraph)."""
    st = para.style
    # Drawn once per label, style and place in the paragraph, then replayed while the
    # document's fonts allow (_rl.replay): about 75 labels a leaflet, a few distinct.
    if isinstance(para, RtlPara):
        right, top = para.width - st.bulletIndent, para.height - st.fontSize

        def draw() -> None:
            canvas.setFillColor(st.textColor)
            canvas.setFont(st.bulletFontName, st.bulletFontSize)
            canvas.drawRightString(right, top, label)

        key: tuple[Any, ...] = ("rtl", id(st), label, right, top)
        colour = st.textColor
    else:
        baseline = para.height - first_line_ascent(para) + getattr(st, "bulletOffsetY", 0)
        colour = getattr(st, "bulletColor", st.textColor)

        def draw() -> None:
            text = canvas.beginText(st.bulletIndent, baseline)
            text.setFont(st.bulletFontName, st.bulletFontSize)
            text.setFillColor(colour)
            text.textOut(label)
            canvas.drawText(text)

        key = ("ltr", id(st), label, baseline)
    replayed(canvas, (x, y), key, st, draw, fonts=(st.bulletFontName,), colours=(colour,))


def list_entry(
    body: Flowable,
    label: str,
    *,
    tagged: bool,
    url: str | None = None,
    contents: str | None = None,
    lang: str | None = None,
) -> ListEntry:
    """A list item of ``body`` (made without a bullet) and ``label``; tagged, its node is
    LI → Lbl + LBody, the body a Link inside LBody when it has a ``url``, and the LBody
    in language ``lang`` when given (an entry not in the document's language)."""
    if not tagged:
        return ListEntry(body, label)
    lbl, lbody = Node("Lbl"), Node("LBody", lang=lang)
    item = Node("LI", [lbl, lbody])
    if not url:  # the entry marks its body's drawing as the LBody's itself
        return ListEntry(body, label, node=item, lbl=lbl, lbody=lbody)
    tagged_body = Tagged(body, lbody.child("Link"), url=url, contents=contents)
    return ListEntry(tagged_body, label, node=item, lbl=lbl)
