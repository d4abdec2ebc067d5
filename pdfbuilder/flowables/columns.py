"""Flowing text in columns: fill a column top-down, and two balanced columns.

In: flowables and a column size. Out: where each flowable goes (with paragraphs split where
a column ends). The trifold fills its panels with :func:`fill_column`; the standard layout's
sections flow in :class:`TwoColumns`.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Spacer

Placed = list[tuple[Flowable, float]]


def fill_column(
    items: list[Flowable], width: float, height: float
) -> tuple[Placed, list[Flowable], float]:
    """Place ``items`` top-down into a column ``height`` tall, splitting one if it helps.

    Returns what was placed (with the y offset of each item's top), what is left, and the
    height used. Space before the first item, and spacers at the top, are dropped. A
    flowable that does not fit is asked to split: it may give two or more parts (the first
    placed here) or one smaller version of itself (a card with a smaller figure). A heading
    (``keepWithNext``) never ends a column, unless it would leave the column empty.
    """
    placed: Placed = []
    used = 0.0
    rest = list(items)
    while rest:
        item = rest[0]
        if not placed and is_spacer(item):
            rest.pop(0)
            continue
        gap = item.getSpaceBefore() if placed else 0.0
        _, h = item.wrap(width, height)
        if used + gap + h <= height + 1e-6:
            placed.append((item, used + gap))
            used += gap + h
            rest.pop(0)
            continue
        room = height - used - gap
        parts = item.split(width, room) if room > 0 else []
        if parts:
            first = parts[0]
            _, h = first.wrap(width, height)
            if h <= room + 1e-6 or not placed:
                placed.append((first, used + gap))
                used += gap + h
                rest[0:1] = parts[1:]
        break
    while len(placed) > 1 and rest and bool(getattr(placed[-1][0], "keepWithNext", False)):
        item, top = placed.pop()
        rest.insert(0, item)
        used = top  # the popped item's top (its space before is left unused too)
    return placed, rest, used


def is_spacer(item: Flowable) -> bool:
    """Whether ``item`` only makes space (a Spacer): dropped at the top of a column or page."""
    return isinstance(item, Spacer) or bool(getattr(item, "is_spacer", False))


class TwoColumns(Flowable):  # type: ignore[misc]
    """Flowing text in two balanced columns, splitting across pages when it must.

    ReportLab's own BalancedColumns does this too, but costs several milliseconds a leaflet
    in repeated trial layouts; this one balances in a few passes of plain wrapping.
    """

    def __init__(self, content: Sequence[Flowable], gap: float) -> None:
        super().__init__()
        self.content, self.gap = list(content), gap
        self._cols: tuple[Placed, Placed] = ([], [])
        self._fixed: tuple[Placed, Placed, float, float] | None = None

    def _col_width(self, avail_width: float) -> float:
        return (avail_width - self.gap) / 2

    def _layout(self, width: float, limit: float) -> tuple[Placed, Placed, list[Flowable], float]:
        total = 0.0
        for i, item in enumerate(self.content):
            total += item.wrap(width, limit)[1] + (item.getSpaceBefore() if i else 0.0)
        target = min(total / 2, limit)
        for _ in range(12):
            left, rest, used_left = fill_column(self.content, width, target)
            right, rest2, used_right = fill_column(rest, width, target)
            if not rest2 or target >= limit:
                return left, right, rest2, max(used_left, used_right)
            target = min(limit, target + max(6.0, (target * 2 - used_left - used_right) / 2 + 2))
        return left, right, rest2, max(used_left, used_right)  # pragma: no cover

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._fixed is not None:  # a part made by split(): its columns are already set
            left, right, self.width, self.height = self._fixed
            self._cols = (left, right)
            return self.width, self.height
        width = self._col_width(avail_width)
        left, right, _rest, height = self._layout(width, 1e6)
        self._cols = (left, right)
        self.width, self.height = avail_width, height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        width = self._col_width(avail_width)
        left, right, rest, height = self._layout(width, avail_height)
        if not left:
            return []
        if rest:
            # The columns are as full as this page allows: take the rest of the page, so the
            # remainder starts on the next one instead of as a sliver in the leftover space.
            height = avail_height
        here = TwoColumns([], self.gap)
        here._fixed = (left, right, avail_width, height)
        parts = [here, TwoColumns(rest, self.gap)] if rest else [here]
        for part in parts:
            part.mirrored = getattr(self, "mirrored", False)
        return parts

    def draw(self) -> None:
        width = self._col_width(self.width)
        first, second = 0.0, width + self.gap
        if getattr(self, "mirrored", False):  # right to left: the first column on the right
            first, second = second, first
        for x, column in ((first, self._cols[0]), (second, self._cols[1])):
            for item, top in column:
                _, h = item.wrap(width, 1e6)
                item.drawOn(self.canv, x, self.height - top - h)
