"""Movement arrows: the path a body point travels between two frames, drawn as a curve.

In: an ``Arrow`` and the figure's poses. Out: the arrow's path in cm (in the same frame of
reference as the aligned bodies), then ReportLab shapes for it in the accent colour.
"""

from __future__ import annotations

import itertools
import math

from reportlab.graphics.shapes import Group, Polygon, PolyLine
from reportlab.lib.colors import Color

from pdfbuilder.figures.model import Point, Pose, grounded, seen
from pdfbuilder.figures.pen import PAPER
from pdfbuilder.figures.spec import Arrow

STEPS = 24


def _blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose ``t`` of the way from ``a`` to ``b`` (resting as the nearer one does)."""
    angles_b = dict(b.angles)
    angles = tuple((k, v + (angles_b[k] - v) * t) for k, v in a.angles)
    return Pose(a.name, angles, a.rests_on if t < 0.5 else b.rests_on, view=a.view)


def _points_at(a: Pose, b: Pose, t: float, align: str) -> dict[str, Point]:
    """The in-between pose at ``t`` on the floor, aligned like the frames (no checks)."""
    pose = _blend(a, b, t)
    points = seen(pose, grounded(pose, check=False), (), (0.0, 0.0)).points
    ax = points[align][0]
    return {k: (x - ax, y) for k, (x, y) in points.items()}


def arrow_path(arrow: Arrow, poses: tuple[Pose, ...], align: str) -> list[Point]:
    """The arrow's centre line in cm, from its tail to its tip."""
    if arrow.arc is not None:
        radius, start, end = arrow.arc
        cx, cy = _points_at(poses[arrow.on_frame], poses[arrow.on_frame], 0, align)[arrow.point]
        dx, dy = arrow.shift
        steps = max(STEPS, round(abs(end - start) / 10))
        return [
            (
                cx + dx + radius * math.cos(math.radians(start + (end - start) * i / steps)),
                cy
                + dy
                + radius
                * arrow.flatten
                * math.sin(math.radians(start + (end - start) * i / steps)),
            )
            for i in range(steps + 1)
        ]
    a, b = poses[arrow.start_frame], poses[arrow.end_frame]
    path = [_points_at(a, b, i / STEPS, align)[arrow.point] for i in range(STEPS + 1)]
    path = _offset(_trim(path, 0.12), arrow.offset)
    dx, dy = arrow.shift
    return [(x + dx, y + dy) for x, y in path]


def _lengthen(path: list[Point], minimum: float) -> list[Point]:
    """Extend a short path at both ends along its end directions, so the arrow can be seen.

    A small movement still gets an arrow with a visible shaft, centred on the movement."""
    total = sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in itertools.pairwise(path))
    if total >= minimum or len(path) < 2:
        return path
    extra = (minimum - total) / 2
    (ax, ay), (bx, by) = path[0], path[1]
    (cx, cy), (dx, dy) = path[-2], path[-1]
    la = math.hypot(bx - ax, by - ay) or 1.0
    lb = math.hypot(dx - cx, dy - cy) or 1.0
    head = (ax - (bx - ax) / la * extra, ay - (by - ay) / la * extra)
    tail = (dx + (dx - cx) / lb * extra, dy + (dy - cy) / lb * extra)
    return [head, *path, tail]


def _trim(path: list[Point], fraction: float) -> list[Point]:
    """Drop ``fraction`` of the path at each end, so the arrow does not touch the limb."""
    cut = max(1, round(len(path) * fraction))
    return path[cut:-cut] if len(path) > 2 * cut + 1 else path


def _offset(path: list[Point], offset: float) -> list[Point]:
    if not offset:
        return path
    out = []
    for i, (x, y) in enumerate(path):
        ax, ay = path[max(i - 1, 0)]
        bx, by = path[min(i + 1, len(path) - 1)]
        length = math.hypot(bx - ax, by - ay) or 1.0
        out.append((x - (by - ay) / length * offset, y + (bx - ax) / length * offset))
    return out


def _head(tip: tuple[float, float], back: tuple[float, float], size: float) -> list[float]:
    """A filled arrowhead at ``tip`` pointing away from ``back``."""
    angle = math.atan2(tip[1] - back[1], tip[0] - back[0])
    left = angle + math.radians(152)
    right = angle - math.radians(152)
    return [
        round(v, 2)
        for v in (
            tip[0],
            tip[1],
            tip[0] + size * math.cos(left),
            tip[1] + size * math.sin(left),
            tip[0] + size * math.cos(right),
            tip[1] + size * math.sin(right),
        )
    ]


def _cut_back(pts: list[tuple[float, float]], length: float) -> list[tuple[float, float]]:
    """``pts`` shortened by ``length`` at the end (so the line stops inside the arrowhead)."""
    out = list(pts)
    while len(out) > 2:
        (ax, ay), (bx, by) = out[-2], out[-1]
        seg = math.hypot(bx - ax, by - ay)
        if seg > length:
            t = (seg - length) / seg
            out[-1] = (ax + (bx - ax) * t, ay + (by - ay) * t)
            return out
        length -= seg
        out.pop()
    return out


def arrow_shapes(
    pts: list[tuple[float, float]], both: bool, width: float, colour: Color, halo: float = 0.0
) -> Group:
    """The arrow in pt: a rounded curve with a filled head (at both ends if ``both``).

    With ``halo`` (pt), the arrow first goes down in paper colour that much wider all round,
    so that it stands out where it crosses the body."""
    size = width * 3.4
    pts = _lengthen(pts, size * (4.5 if both else 3.2))
    line = _cut_back(pts, size * 0.6)
    if both:
        line = list(reversed(_cut_back(list(reversed(line)), size * 0.6)))
    ends = [(pts[-1], pts[-3] if len(pts) > 2 else pts[0])]
    if both:
        ends.append((pts[0], pts[2] if len(pts) > 2 else pts[-1]))
    group = Group()
    passes = [(PAPER, 2 * halo)] if halo else []
    for ink, extra in [*passes, (colour, 0.0)]:
        group.add(
            PolyLine(
                [round(v, 2) for p in line for v in p],
                strokeColor=ink,
                strokeWidth=round(width + extra, 2),
                strokeLineCap=1,
                strokeLineJoin=1,
            )
        )
        for tip, back in ends:
            group.add(
                Polygon(
                    _head(tip, back, size),
                    fillColor=ink,
                    strokeColor=ink,
                    strokeWidth=round(width * 0.5 + extra, 2),
                    strokeLineJoin=1,
                )
            )
    return group
