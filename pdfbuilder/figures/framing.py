"""Framing a figure: which part of the body the picture shows, so that it fills its box.

In: a ``Figure`` and its frames placed on the page (cm). Out: the box (cm) to show. With
``show: auto`` (the default), when only part of the body moves from frame to frame (or the
arrows are about one part), the picture shows that part: the head and shoulders for a neck
exercise, the lower legs for an ankle one; otherwise the whole body. ``show:`` names a part
outright (``whole``, ``upper-body``, ``head-and-shoulders``, ``legs``, ``lower-legs``,
``feet``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from pdfbuilder.figures.draw import region_extent
from pdfbuilder.figures.model import Body, Point
from pdfbuilder.figures.spec import HIDDEN_POINTS, Figure

Box = tuple[float, float, float, float]
MOVE = 4.0  # cm a point must move between frames to count as moving
MIN_GAIN = 1.3  # ``auto`` shows a part alone only if that draws it this much bigger
SIDED = ("left_", "right_", "near_", "far_")


def _sided(*names: str) -> frozenset[str]:
    return frozenset(prefix + name for prefix in SIDED for name in names)


_HEAD = frozenset({"head", "nose", "neck", "shoulder", "shoulders", "chest"}) | _sided("shoulder")
_UPPER = _HEAD | {"waist", "back", "belly", "hip"} | _sided("elbow", "wrist", "hand")
_FEET = _sided("ankle", "heel", "toe")
_LOWER = _FEET | _sided("knee") | {"knees"}
_LEGS = _LOWER | {"hip", "pelvis"} | _sided("hip")
REGIONS: dict[str, frozenset[str]] = {
    "head-and-shoulders": _HEAD,
    "upper-body": _UPPER,
    "legs": _LEGS,
    "lower-legs": _LOWER,
    "feet": _FEET,
}
AUTO_ORDER = ("lower-legs", "head-and-shoulders", "upper-body", "legs")
# Cut at the hips, a person lying down no longer reads as lying down: for them ``auto``
# shows only the head and shoulders or the lower legs on their own.
LYING_PARTS = ("lower-legs", "head-and-shoulders")


def union(boxes: Iterable[Box]) -> Box:
    """The smallest box holding all of ``boxes``."""
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


# The joint each point turns about: when a point moves, that joint belongs in the picture.
PARENTS = {
    "knee": "hip",
    "ankle": "knee",
    "heel": "ankle",
    "toe": "ankle",
    "elbow": "shoulder",
    "wrist": "elbow",
    "hand": "wrist",
}


def _with_parents(points: set[str]) -> set[str]:
    out = set(points)
    for name in points:
        side, _, part = name.partition("_")
        if part in PARENTS:
            out.add(f"{side}_{PARENTS[part]}")
    if out & {"head", "nose", "neck"}:
        out.add("shoulder")
    return out


def moving(figure: Figure, bodies: Sequence[Body]) -> set[str]:
    """Points that move between the (aligned) frames, the points the arrows are about, and
    the joints they turn about."""
    out = {arrow.point for arrow in figure.arrows}
    first = bodies[0].points
    for body in bodies[1:]:
        for name, (x, y) in body.points.items():
            if name in HIDDEN_POINTS:
                continue
            fx, fy = first[name]
            if (x - fx) ** 2 + (y - fy) ** 2 > MOVE**2:
                out.add(name)
    return _with_parents(out)


def region(figure: Figure, bodies: Sequence[Body]) -> str | tuple[str, ...]:
    """The part of the body a figure is about (``whole`` when it is about the whole body)."""
    if figure.show != "auto":
        return figure.show
    points = moving(figure, bodies)
    if not points:
        return "whole"
    lying = _lying(bodies[-1])
    for name in AUTO_ORDER:
        if points <= REGIONS[name]:
            return name if not lying or name in LYING_PARTS else "whole"
    return "whole"


def _lying(body: Body) -> bool:
    """True when the trunk is nearer level than upright (in the world, whatever the view)."""
    hip, shoulder = body.world["hip"], body.world["shoulder"]
    rise = abs(shoulder[1] - hip[1])
    return bool(rise < math.hypot(shoulder[0] - hip[0], shoulder[2] - hip[2]))


def crop_box(
    figure: Figure,
    aligned: Sequence[Body],
    placed: Sequence[Body],
    arrows: Sequence[Sequence[Point]],
    whole: Box,
) -> Box:
    """The box to show: ``whole``, or the part of the body the figure is about."""
    name = region(figure, aligned)
    if name == "whole":
        return whole
    points = sorted(REGIONS[name]) if isinstance(name, str) else list(name)
    # Overlaid frames share one place: the last (darkest) frame says what is in view.
    shown = placed[-1:] if figure.layout == "overlay" else placed
    boxes = [region_extent(body, points) for body in shown]
    boxes += [
        (min(x for x, _ in p), min(y for _, y in p), max(x for x, _ in p), max(y for _, y in p))
        for p in arrows
    ]
    pad = 3.0
    x0, y0, x1, y1 = union(boxes)
    return (
        max(x0 - pad, whole[0]),
        max(y0 - pad, whole[1]),
        min(x1 + pad, whole[2]),
        min(y1 + pad, whole[3]),
    )


def _scale(box: Box, aspect: float) -> float:
    """How big a box is drawn in a picture of this shape (width / height), relatively."""
    return min(aspect / (box[2] - box[0]), 1.0 / (box[3] - box[1]))


def shown(figure: Figure, box: Box, whole: Box, aspect: float) -> Box:
    """The box to draw in a picture of this shape: the part (grown to the picture's shape),
    or the whole figure when ``show: auto`` would not draw the part much bigger."""
    if box == whole:
        return whole
    part = fit_aspect(box, whole, aspect)
    if figure.show == "auto" and _scale(part, aspect) < MIN_GAIN * _scale(whole, aspect):
        return whole
    return part


def _grow(low: float, high: float, size: float, limit: tuple[float, float]) -> tuple[float, float]:
    """``(low, high)`` grown round its middle to ``size``, kept inside ``limit`` if it can be."""
    middle = (low + high) / 2
    low, high = middle - size / 2, middle + size / 2
    if low < limit[0]:
        low, high = limit[0], limit[0] + size
    if high > limit[1]:
        low, high = limit[1] - size, limit[1]
    return max(low, limit[0]), min(high, limit[1])


def fit_aspect(box: Box, whole: Box, aspect: float) -> Box:
    """A shown part grown to the box's shape (width / height), as far as the figure goes."""
    if box == whole:
        return whole
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if w / h < aspect:
        x0, x1 = _grow(x0, x1, h * aspect, (whole[0], whole[2]))
    else:
        y0, y1 = _grow(y0, y1, w / aspect, (whole[1], whole[3]))
    return (x0, y0, x1, y1)
