"""The pen: where page centimetres land in points, the frame's colours, and basic shapes.

In: page points in cm. Out: ReportLab shapes (rounded strokes, filled outlines) in pt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Path, Polygon, PolyLine, Shape
from reportlab.lib.colors import Color

Point = tuple[float, float]
PAPER = Color(1, 1, 1)


@dataclass(frozen=True)
class Pen:
    """Where cm land on the page and how this frame is inked."""

    scale: float  # pt per cm
    dx: float
    dy: float
    line_width: float  # pt, near limbs
    ink: Color
    far_ink: Color
    prop: Color
    prop_fill: Color

    def at(self, p: Point) -> tuple[float, float]:
        """A cm point in pt."""
        return (round(p[0] * self.scale + self.dx, 2), round(p[1] * self.scale + self.dy, 2))

    def flat(self, points: Sequence[Point]) -> list[float]:
        """Points as a flat pt list, as ReportLab wants them."""
        return [v for p in points for v in self.at(p)]

    def width(self, weight: float) -> float:
        """A stroke width in pt, as a multiple of the near-limb line width."""
        return round(self.line_width * weight, 2)


def stroke(pen: Pen, points: Sequence[Point], weight: float, colour: Color) -> Shape:
    """A rounded polyline."""
    return PolyLine(
        pen.flat(points),
        strokeColor=colour,
        strokeWidth=pen.width(weight),
        strokeLineCap=1,
        strokeLineJoin=1,
    )


def filled(pen: Pen, points: Sequence[Point], fill: Color, edge: Color, weight: float) -> Shape:
    """A closed outline, filled, with a rounded edge of ``weight`` line widths."""
    return Polygon(
        pen.flat(points),
        fillColor=fill,
        strokeColor=edge,
        strokeWidth=pen.width(weight),
        strokeLineJoin=1,
    )


def hull(points: Sequence[Point]) -> list[Point]:
    """The convex hull of some points, counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return list(pts)

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 1e-9:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 1e-9:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def clip_rect(x0: float, y0: float, x1: float, y1: float) -> Path:
    """A clipping rectangle (pt): what is drawn after it in its group stays inside."""
    path = Path(isClipPath=1, strokeColor=None, fillColor=None)
    path.moveTo(round(x0, 2), round(y0, 2))
    path.lineTo(round(x1, 2), round(y0, 2))
    path.lineTo(round(x1, 2), round(y1, 2))
    path.lineTo(round(x0, 2), round(y1, 2))
    path.closePath()
    return path
