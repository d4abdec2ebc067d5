"""Render, pagination: a leaflet's flowables into a run of frames (pages or panels).

In: the composed flowables and the size of each frame to fill. Out: for each frame, what
it holds (each flowable with the offset of its top) and why it stopped filling: the space
left and the piece that did not fit there. Both page engines place content this way before
drawing anything, so they know every page before the first is drawn (the page total, where
each block lands) and can draw each frame's content at its place (:class:`FrameContent`).

The rules are :func:`~pdfbuilder.flowables.columns.fill_column`'s: no space or spacer at
the top of a frame, a flowable that does not fit asked to split (or to shrink, as an
exercise card does with its figure), a heading never ending a frame. A piece too tall for
an empty frame cannot be placed anywhere: :class:`TooTall` says which.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable

from ..flowables.columns import Placed, fill_column

#: The most frames a run may take: a leaflet is never this long, a runaway loop would be.
MAX_FRAMES = 400


@dataclass
class Filled:
    """One frame: its size, what was placed in it, and what stopped it filling."""

    width: float
    height: float
    placed: Placed
    used: float
    #: The first flowable of what did not fit (None when everything fitted).
    next_item: Flowable | None = None
    #: How many flowables were moved on with it because they keep with the next one.
    kept_with_next: int = 0
    #: Those flowables and the one they keep with: what needed more than the space left.
    waiting: tuple[Flowable, ...] = ()

    @property
    def space_left(self) -> float:
        return self.height - self.used

    @property
    def empty_share(self) -> float:
        """How much of the frame is left empty, 0 to 1."""
        return self.space_left / self.height if self.height else 0.0


class TooTall(Exception):
    """A flowable that does not fit an empty frame, and cannot split or shrink to fit."""

    def __init__(self, item: Flowable, height: float, space: float) -> None:
        super().__init__(f"{describe(item)} is too tall for the page")
        self.item, self.height, self.space = item, height, space


def describe(item: Flowable) -> str:
    """A flowable's name for messages ("the exercise card ..."), or nothing (the message
    is then located at the field whose text it holds, which names it)."""
    name = getattr(item, "name", None)
    return name if isinstance(name, str) and name else ""


def fill(items: list[Flowable], width: float, height: float) -> tuple[Filled, list[Flowable]]:
    """Fill one frame from ``items``; return the frame and what is left."""
    placed, rest, used = fill_column(items, width, height)
    frame = Filled(width, height, placed, used)
    if rest:
        frame.next_item = rest[0]
        frame.kept_with_next = _kept(rest)
        frame.waiting = tuple(rest[: frame.kept_with_next + 1])
    return frame, rest


def _kept(rest: list[Flowable]) -> int:
    count = 0
    for item in rest:
        if not getattr(item, "keepWithNext", False):
            break
        count += 1
    return count


def paginate(
    items: list[Flowable], frame_size: Callable[[int], tuple[float, float]]
) -> list[Filled]:
    """Fill frames (sized by ``frame_size(index)``) until every flowable is placed."""
    frames: list[Filled] = []
    rest = list(items)
    while rest or not frames:
        width, height = frame_size(len(frames))
        frame, after = fill(rest, width, height)
        if rest and not frame.placed:
            _, tall = rest[0].wrap(width, height)
            raise TooTall(rest[0], tall, height)
        frames.append(frame)
        rest = after
        if len(frames) > MAX_FRAMES:  # pragma: no cover - a guard, not a path
            raise TooTall(rest[0], 0.0, height)
    return frames


def walk(flowables: list[Flowable]) -> Iterator[Any]:
    """Every flowable and those inside it (boxes, stacks, rows, columns, wrappers)."""
    stack = list(reversed(flowables))
    while stack:
        item = stack.pop()
        yield item
        inner: list[Any] = []
        for name in ("content", "boxes", "left", "right", "flowable", "parts"):
            value = item.__dict__.get(name) if hasattr(item, "__dict__") else None
            if isinstance(value, list):
                inner.extend(v for v in value if isinstance(v, Flowable))
            elif isinstance(value, Flowable):
                inner.append(value)
        stack.extend(reversed(inner))


class FrameContent(Flowable):  # type: ignore[misc]
    """A frame's placed flowables, drawn at the places pagination found for them."""

    def __init__(self, placed: Placed, width: float, height: float) -> None:
        super().__init__()
        self.placed, self.width, self.height = placed, width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height - 1e-3

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        for item, top in self.placed:
            w, h = item.wrap(self.width, self.height)
            item.drawOn(self.canv, 0, self.height - top - h, _sW=self.width - w)
