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
        # One pass, added up in the order (and from the int 0) ``sum`` used: the same number.
        sizes: list[tuple[float, float]] = []
        self._sizes = sizes
        total: float = 0
        for f in self.content:
            size = f.wrap(avail_width, 1e6)
            total += size[1]
            sizes.append(size)
        self.width = avail_width
        self.height = total + self.gap * max(len(self.content) - 1, 0)
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
    """Boxes side by side, stretched to the tallest one's height.

    Equal widths, or with ``balance`` widths chosen so the boxes come out about as tall as
    each other (a long list gets a wider column than a short one, and the row is shorter),
    none narrower than :data:`MIN_SHARE` of the row.
    """

    def __init__(self, boxes: Sequence[Box], gap: float, *, balance: bool = False) -> None:
        super().__init__()
        self.boxes, self.gap, self.balance = list(boxes), gap, balance
        self._cells: list[float] = []
        # Balanced widths per inner width: the boxes do not change once composed, and
        # balancing wraps every box about five times (the row is wrapped again to draw it).
        self._balanced: dict[float, list[float]] = {}

    def _heights(self, cells: list[float]) -> list[float]:
        return [box.wrap(cell, 1e6)[1] for box, cell in zip(self.boxes, cells, strict=True)]

    def _widths(self, inner: float) -> list[float]:
        n = len(self.boxes)
        cells = [inner / n] * n
        if not self.balance or n < 2:
            return cells
        known = self._balanced.get(inner)
        if known is not None:
            return known
        tried: dict[tuple[float, ...], list[float]] = {}

        def heights(widths: list[float]) -> list[float]:
            key = tuple(widths)  # each round starts from the widths the last one measured
            if key not in tried:
                tried[key] = self._heights(widths)
            return tried[key]

        best, best_height = cells, max(heights(cells))
        for _ in range(BALANCE_ROUNDS):
            areas = [h * w for h, w in zip(heights(cells), cells, strict=True)]
            cells = _shares(areas, inner)
            tallest = max(heights(cells))
            if tallest < best_height - 0.5:
                best, best_height = cells, tallest
        self._balanced[inner] = best
        return best

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = avail_width - self.gap * (len(self.boxes) - 1)
        self._cells = self._widths(inner)
        heights = self._heights(self._cells)  # always wrapped for real: drawing needs it
        self.width, self.height = avail_width, max(heights)
        for box in self.boxes:
            box.height = self.height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        order = list(zip(self.boxes, self._cells, strict=True))
        if getattr(self, "mirrored", False):  # right to left: the first box on the right
            order.reverse()
        x = 0.0
        for box, cell in order:
            box.drawOn(self.canv, x, 0)
            x += cell + self.gap


#: The narrowest a balanced row's box may be, as a share of the row.
MIN_SHARE = 0.28
BALANCE_ROUNDS = 4


def _shares(areas: list[float], inner: float) -> list[float]:
    """Widths in proportion to ``areas``, none under MIN_SHARE, summing to ``inner``,
    rounded to half a point (so a rebuild meets the same widths and its cached lines)."""
    floor = inner * MIN_SHARE
    total = sum(areas) or 1.0
    cells = [max(floor, inner * a / total) for a in areas]
    spare = sum(cells) - inner
    free = [c - floor for c in cells]
    room = sum(free) or 1.0
    cells = [c - spare * f / room for c, f in zip(cells, free, strict=True)]
    cells = [round(c * 2) / 2 for c in cells]
    cells[-1] = inner - sum(cells[:-1])
    return cells
