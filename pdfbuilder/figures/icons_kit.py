"""The pictogram drawing kit: a 100-unit square, the style's colours, one line weight.

In: a box size (pt) and a ``FigureStyle``. Out: a ``Kit`` that turns icon-unit coordinates
(0-100, y up) into ReportLab shapes on one ``Drawing``, with rounded caps and joins, the
style's colours only (gray when the style asks), and people drawn by the exercise-figure
engine itself, so they have the same proportions and line weights as the exercise pictures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.graphics.shapes import Circle, Drawing, Group, Polygon, PolyLine, Rect, Shape
from reportlab.lib.colors import Color

from pdfbuilder.figures.arrows import arrow_shapes
from pdfbuilder.figures.draw import extent, person
from pdfbuilder.figures.draw_props import prop_shapes
from pdfbuilder.figures.model import Body, place
from pdfbuilder.figures.pen import PAPER, Pen, clip_rect
from pdfbuilder.figures.poses import parse_pose
from pdfbuilder.figures.style import FigureStyle, box_scale, to_color

Pt = tuple[float, float]
Box = tuple[float, float, float, float]
OUTLINE = 1.5  # stroke weight of object outlines, as a multiple of the base line width
CLIP_MARGIN = 0.03  # share of the square kept clear when a close-up is cut off
DETAIL = 1.0  # stroke weight of small details inside an object


@dataclass
class Kit:
    """One pictogram being drawn: coordinates in icon units, line widths in pt."""

    size: float
    style: FigureStyle
    drawing: Drawing = field(init=False)
    lw: float = field(init=False)  # the base line width, as the exercise figures' near limbs

    def __post_init__(self) -> None:
        self.drawing = Drawing(self.size, self.size)
        self.lw = self.style.line_width * box_scale(self.size, self.size)

    def colour(self, name: str) -> Color:
        """A style colour by field name (``ink``, ``accent``...), or ``paper`` (white)."""
        if name == "paper":
            return PAPER
        value: str = getattr(self.style, name)
        return to_color(value, self.style.grayscale)

    def u(self, value: float) -> float:
        """Icon units as pt."""
        return round(value * self.size / 100, 2)

    def flat(self, points: Sequence[Pt]) -> list[float]:
        return [self.u(v) for p in points for v in p]

    def width(self, weight: float) -> float:
        return round(self.lw * weight, 2)

    def add(self, shape: Shape) -> None:
        self.drawing.add(shape)

    def line(self, points: Sequence[Pt], colour: str = "ink", weight: float = OUTLINE) -> None:
        """An open rounded stroke."""
        self.add(
            PolyLine(
                self.flat(points),
                strokeColor=self.colour(colour),
                strokeWidth=self.width(weight),
                strokeLineCap=1,
                strokeLineJoin=1,
            )
        )

    def shape(
        self,
        points: Sequence[Pt],
        fill: str | None = "prop_fill",
        stroke: str | None = "ink",
        weight: float = OUTLINE,
    ) -> None:
        """A closed polygon, filled and/or outlined, with rounded joins."""
        self.add(
            Polygon(
                self.flat(points),
                fillColor=self.colour(fill) if fill else None,
                strokeColor=self.colour(stroke) if stroke else None,
                strokeWidth=self.width(weight) if stroke else 0,
                strokeLineJoin=1,
                strokeLineCap=1,
            )
        )

    def circle(
        self,
        centre: Pt,
        radius: float,
        fill: str | None = "prop_fill",
        stroke: str | None = "ink",
        weight: float = OUTLINE,
    ) -> None:
        self.add(
            Circle(
                self.u(centre[0]),
                self.u(centre[1]),
                self.u(radius),
                fillColor=self.colour(fill) if fill else None,
                strokeColor=self.colour(stroke) if stroke else None,
                strokeWidth=self.width(weight) if stroke else 0,
            )
        )

    def rect(
        self,
        corner: Pt,
        size: Pt,
        radius: float = 3.0,
        fill: str | None = "prop_fill",
        stroke: str | None = "ink",
        weight: float = OUTLINE,
    ) -> None:
        """A rounded rectangle from its lower-left corner and (width, height)."""
        self.add(
            Rect(
                self.u(corner[0]),
                self.u(corner[1]),
                self.u(size[0]),
                self.u(size[1]),
                rx=self.u(radius),
                ry=self.u(radius),
                fillColor=self.colour(fill) if fill else None,
                strokeColor=self.colour(stroke) if stroke else None,
                strokeWidth=self.width(weight) if stroke else 0,
                strokeLineJoin=1,
            )
        )

    def arrow(self, points: Sequence[Pt], weight: float = 1.2, both: bool = False) -> None:
        """A movement arrow in the accent colour, drawn as the exercise figures draw theirs."""
        pts = [(self.u(x), self.u(y)) for x, y in points]
        self.add(arrow_shapes(pts, both, self.width(weight), self.colour("accent")))

    def pen(self, scale: float, origin: Pt) -> Pen:
        """A pen for the figure engine: ``scale`` icon units per cm, cm (0, 0) at ``origin``."""
        return Pen(
            self.u(scale),
            self.u(origin[0]),
            self.u(origin[1]),
            self.lw,
            self.colour("ink"),
            self.colour("far_ink"),
            self.colour("prop"),
            self.colour("prop_fill"),
        )

    def person(self, body: Body, scale: float, origin: Pt, clip: bool = False) -> Pen:
        """Draw a placed body (and its props) as the exercise figures do; returns its pen.

        With ``clip``, what falls outside the square (less a thin margin) is cut off."""
        pen = self.pen(scale, origin)
        under, held = prop_shapes(pen, body)
        group = Group()
        if clip:
            margin = self.size * CLIP_MARGIN
            group.add(clip_rect(margin, margin, self.size - margin, self.size - margin))
        for shape in under:
            group.add(shape)
        group.add(person(pen, body, held))
        self.add(group)
        return pen

    def close_up(self, body: Body, names: Sequence[str], box: Box) -> tuple[float, Pt]:
        """Draw the part of a body round some named points, fitted to ``box`` (icon units)
        and cut off at the square's edge; returns the scale and origin used."""
        scale, origin = fit_points(body, names, box)
        self.person(body, scale, origin, clip=True)
        return scale, origin


def arc(centre: Pt, radius: float, start: float, end: float, steps: int = 24) -> list[Pt]:
    """Points on a circular arc, ``start`` to ``end`` in degrees counter-clockwise from +x."""
    return [
        (
            centre[0] + radius * math.cos(math.radians(start + (end - start) * i / steps)),
            centre[1] + radius * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]


def wave(start: Pt, end: Pt, bumps: int, depth: float) -> list[Pt]:
    """A gentle sine wave from ``start`` to ``end`` (warmth, water), ``bumps`` half-waves."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    steps = bumps * 8
    out = []
    for i in range(steps + 1):
        t = i / steps
        off = depth * math.sin(math.pi * bumps * t)
        out.append((x0 + (x1 - x0) * t + nx * off, y0 + (y1 - y0) * t + ny * off))
    return out


def body(
    name: str,
    rests_on: tuple[str, ...] = (),
    view: str | dict[str, object] = "side",
    props: tuple[str, ...] = (),
    touches: dict[str, str] | None = None,
    **angles: float,
) -> Body:
    """A person placed on the floor, from a few joint angles (side view, facing right).

    Unset joints take their defaults; ``hip=10`` sets both hips (as in ``poses.yaml``).
    """
    data: dict[str, object] = {"angles": angles, "rests_on": list(rests_on), "view": view}
    if props:
        data["props"] = list(props)
    if touches:
        data["touches"] = touches
    return place(parse_pose(data, f"icon {name}", {}))


def fit_points(body: Body, names: Sequence[str], box: Box) -> tuple[float, Pt]:
    """Scale (units per cm) and origin that fit some named points, centred, in ``box``."""
    xs = [body.points[n][0] for n in names]
    ys = [body.points[n][1] for n in names]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    scale = min((box[2] - box[0]) / max(x1 - x0, 1.0), (box[3] - box[1]) / max(y1 - y0, 1.0))
    origin = (
        (box[0] + box[2]) / 2 - (x0 + x1) / 2 * scale,
        (box[1] + box[3]) / 2 - (y0 + y1) / 2 * scale,
    )
    return scale, origin


def fit(person: Body, box: tuple[float, float, float, float]) -> tuple[float, Pt]:
    """Scale (units per cm) and origin that fit a body's drawn extent, centred, in ``box``."""
    x0, y0, x1, y1 = extent(person)
    scale = min((box[2] - box[0]) / (x1 - x0), (box[3] - box[1]) / (y1 - y0))
    ox = (box[0] + box[2]) / 2 - (x0 + x1) / 2 * scale
    oy = (box[1] + box[3]) / 2 - (y0 + y1) / 2 * scale
    return scale, (ox, oy)


def to_units(scale: float, origin: Pt, point: Pt) -> Pt:
    """A cm point of a body drawn at ``scale`` and ``origin``, in icon units."""
    return (origin[0] + point[0] * scale, origin[1] + point[1] * scale)
