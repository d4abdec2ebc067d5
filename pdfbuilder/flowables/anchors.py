"""Anchors: a flowable that notes where it was drawn, so a cross-reference can say where.

In: any flowable, a key, and a function to tell (``note(key, page, x, top, bottom)``, in
points from the page's lower left corner). Out: a flowable that lays out, splits and draws
exactly as the one it wraps, and calls ``note`` each time a part of it is drawn: a block
split over two pages is noted on both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable

#: ``note(key, page, x, top, bottom)``.
Note = Callable[[str, int, float, float, float], None]


class Anchor(Flowable):  # type: ignore[misc]
    """Wraps a flowable; notes its key, page and position whenever a part of it is drawn."""

    def __init__(self, flowable: Flowable, key: str, note: Note) -> None:
        super().__init__()
        self.flowable, self.key, self.note = flowable, key, note
        self.width = self.height = 0.0

    def __getattr__(self, name: str) -> Any:
        if name == "flowable":  # not yet set (copying)
            raise AttributeError(name)
        return getattr(self.flowable, name)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.flowable.wrap(avail_width, avail_height)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.flowable.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.flowable.getSpaceAfter())

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.flowable.split(avail_width, avail_height)
        return [Anchor(part, self.key, self.note) for part in parts]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        left, bottom = canvas.absolutePosition(x, y)
        self.note(self.key, canvas.getPageNumber(), left, bottom + self.height, bottom)
        self.flowable.drawOn(canvas, x, y, _sW=_sW)
