"""Arrangements: two flowables side by side, a stack that never splits, boxes in a row.

In: flowables (boxes, for a row) and gaps. Out: one flowable that lays them out, mirrored
(fixed-width part on the right, row order reversed) when marked ``mirrored`` for a
right-to-left leaflet (see :mod:`pdfbuilder.flowables.mirror`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from .boxes import Box


class SideBySide(Flowable):  # type: ignore[misc]
    """Two flowables side by side, tops aligned: a fixed-width left one and the rest."""

    def __init__(self, left: Flowable, left_width: float, right: Flowable, gap: float) -> None:
        super().__init__()
        self.left, self.left_width, self.right, self.gap = left, left_width, right, gap
        self._lh = self._rh = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self._lh = self.left.wrap(self.left_width, avail_height)
        _, self._rh = self.right.wrap(avail_width - self.left_width - self.gap, avail_height)
        self.width, self.height = avail_width, max(self._lh, self._rh)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        if getattr(self, "mirrored", False):  # right to left: the fixed-width one on the right
            self.left.drawOn(self.canv, self.width - self.left_width, self.height - self._lh)
            self.right.drawOn(self.canv, 0, self.height - self._rh)
            return
        self.left.drawOn(self.canv, 0, self.height - self._lh)
        self.right.drawOn(self.canv, self.left_width + self.gap, self.height - self._rh)


class Stack(Flowable):  # type: ignore[misc]
    """Flowables one under another, as one unsplittable block (for a column inside a card)."""

    def __init__(self, content: Sequence[Flowable], gap: float = 3) -> None:
        super().__init__()
        self.content, self.gap = list(content), gap
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._sizes = [f.wrap(avail_width, 1e6) for f in self.content]
        self.width = avail_width
        self.height = sum(h for _, h in self._sizes) + self.gap * max(len(self.content) - 1, 0)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        y = self.height
        for flowable, (_, h) in zip(self.content, self._sizes, strict=True):
            y -= h
            flowable.drawOn(self.canv, 0, y)
            y -= self.gap


class Row(Flowable):  # type: ignore[misc]
    """Boxes side by side in equal widths, stretched to the tallest one's height."""

    def __init__(self, boxes: Sequence[Box], gap: float) -> None:
        super().__init__()
        self.boxes, self.gap = list(boxes), gap
        self._cell = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        n = len(self.boxes)
        self._cell = (avail_width - self.gap * (n - 1)) / n
        heights = [box.wrap(self._cell, avail_height)[1] for box in self.boxes]
        self.width, self.height = avail_width, max(heights)
        for box in self.boxes:
            box.height = self.height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        last = len(self.boxes) - 1
        for i, box in enumerate(self.boxes):
            slot = last - i if getattr(self, "mirrored", False) else i  # right to left
            box.drawOn(self.canv, slot * (self._cell + self.gap), 0)
