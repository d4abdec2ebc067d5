"""Flowables drawn whole (figures, pictograms, logos) that carry their node, with no wrapper.

In: a flowable that never splits and is drawn by ReportLab's own ``drawOn`` (a posed
figure, a pictogram, an SVG drawing or a picture in its fixed box), and the node its
drawing is the content of. Out: the same object, now of a subclass (made once per class)
that brackets its drawing in the node's marked content and, for a Figure, notes the box
it lands in; laid out and drawn otherwise exactly as before.

A :class:`~.flowables.Tagged` wrapper around such a flowable only forwarded its layout
(nothing to split, nothing to lay out again) and wrote the marks around its ``drawOn``:
this writes them in the same place, in the same order (begin, the drawing, end, then the
box), so the page bytes are the same. Easy Read has about 40 such figures a leaflet.

The class says whether it qualifies, not a list of names here (the figure classes live in
a later stage): its ``split`` and ``splitOn`` are :class:`~reportlab.platypus.Flowable`'s,
which give nothing (a flowable that does not fit is not cut), and so is its ``drawOn``
(which calls ``draw``; a replayed figure's operators are replayed inside ``draw``, so the
marks stay outside them, as with the wrapper). Anything else keeps its wrapper: a
paragraph that may split (see :mod:`~.paras`), a container that hands out its children,
a link (``url=``, whose annotation the wrapper adds).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from .flowables import drawn_box
from .marks import recorder_of
from .tree import BOXED, Node


class _MarksWhole(Flowable):  # type: ignore[misc]
    """What a whole flowable carrying its ``node`` adds to its own class (first in the MRO)."""

    node: Node

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        recorder = recorder_of(canvas)
        if recorder is None:
            super().drawOn(canvas, x, y, _sW)
            return
        node = self.node
        recorder.begin(canvas, node)
        try:
            super().drawOn(canvas, x, y, _sW)
        finally:
            recorder.end(canvas)
        if node.role in BOXED:
            recorder.box(canvas, node, *drawn_box(self, x, y, _sW))


#: Each class seen, and the class its flowables become (None: it does not qualify). Two
#: threads seeing a class first may each make one; either serves, the last is kept.
_MARKED: dict[type, type | None] = {}


def _marked_class(cls: type[Any]) -> type | None:
    if cls in _MARKED:
        return _MARKED[cls]
    whole = (
        issubclass(cls, Flowable)
        and not issubclass(cls, _MarksWhole)
        and cls.split is Flowable.split
        and cls.splitOn is Flowable.splitOn
        and cls.drawOn is Flowable.drawOn
    )
    made = type(f"Marked{cls.__name__}", (_MarksWhole, cls), {}) if whole else None
    _MARKED[cls] = made
    return made


def carry_whole(flowable: Flowable, node: Node) -> bool:
    """Give a flowable drawn whole ``node`` to mark its drawing with (True), or leave any
    other flowable alone (False: wrap it in :class:`~.flowables.Tagged`)."""
    marked = _marked_class(type(flowable))
    if marked is None:
        return False
    flowable.__class__ = marked
    flowable.node = node
    return True
