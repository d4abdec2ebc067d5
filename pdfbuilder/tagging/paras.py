"""Paragraphs that carry their node and mark their own drawing, with no wrapper around them.

In: a leaflet paragraph (:class:`~pdfbuilder.text.para.Para`, or a right-to-left
:class:`~pdfbuilder.text.rtl.RtlPara`) and the node its drawing is the content of. Out:
the same paragraph object, now of a subclass that brackets its drawing in the node's
marked content; laid out, split and drawn otherwise exactly as before.

Most tagged flowables of a leaflet are such paragraphs (about 100 P, H1-H3 and Span a
standard leaflet). Wrapped in :class:`~.flowables.Tagged`, each was one more flowable to
make, lay out (every ``wrap`` and look-up forwarded through the wrapper) and draw.

The marks stay outside what the paragraph cache records or replays (see
:mod:`pdfbuilder.tagging.flowables`): they are written by ``drawOn`` before and after the
paragraph's own ``drawOn`` (which replays a remembered drawing or calls ``draw``), just
where a Tagged wrapper wrote them, so the page bytes are the same. A split gives every
part the node: a paragraph broken across pages is one P with content on both pages.
:func:`~.structure._nodes_in` finds the node as it finds any flowable's ``node``.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph

from ..text.para import Para
from ..text.rtl import RtlPara
from .marks import recorder_of
from .tree import Node


class _MarksItself(Paragraph):  # type: ignore[misc]
    """What a paragraph carrying its ``node`` adds to its own class (first in the MRO)."""

    node: Node

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Laid out again at the width it was last laid out at (a box measuring its
        # content, then the frame placing it, then drawing), a paragraph's size is what
        # it was: its lines depend on the width alone. The Tagged wrapper answered so
        # (about half the wraps a leaflet asks); without it the paragraph does.
        own = self.__dict__
        if own.get("_wrapped_at") == availWidth:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        own["_wrapped_at"] = availWidth
        return size

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        recorder = recorder_of(canvas)
        if recorder is None:
            super().drawOn(canvas, x, y, _sW)
            return
        recorder.begin(canvas, self.node)
        try:
            super().drawOn(canvas, x, y, _sW)
        finally:
            recorder.end(canvas)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.__dict__.pop("_wrapped_at", None)  # a split may undo the paragraph's layout
        parts: list[Flowable] = super().split(availWidth, availHeight)
        cls, node = type(self), self.node
        for part in parts:  # made as the plain class (RtlPara names its own)
            part.__class__ = cls
            part.node = node
        return parts


class MarkedPara(_MarksItself, Para):
    """A :class:`Para` whose drawing is ``node``'s content."""


class MarkedRtlPara(_MarksItself, RtlPara):
    """An :class:`RtlPara` whose drawing is ``node``'s content."""


#: The paragraph classes that can carry a node, and the class each becomes.
_MARKED: dict[type, type] = {Para: MarkedPara, RtlPara: MarkedRtlPara}


def carry(flowable: Flowable, node: Node) -> bool:
    """Give a plain leaflet paragraph ``node`` to mark its drawing with (True), or leave any
    other flowable alone (False: wrap it in :class:`~.flowables.Tagged`)."""
    marked = _MARKED.get(type(flowable))
    if marked is None:
        return False
    flowable.__class__ = marked
    flowable.node = node
    return True
