"""Drawing a placed body (and its props) as ReportLab vector shapes.

In: a ``Body`` in cm, a ``Pen`` (where the cm coordinates land in pt, the line width, the
colours of this frame). Out: ReportLab shapes: rounded strokes for the limbs, a filled body
for the trunk, a filled head, and the floor props (mat, pillow, chair).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Ellipse, Group, Line, Polygon, PolyLine, Rect, Shape
from reportlab.lib.colors import Color

from pdfbuilder.figures.model import HEAD_RADIUS, Body, Point, trunk_outline
from pdfbuilder.figures.topview import HIP_HALF_WIDTH, SHOULDER_HALF_WIDTH

MAT_HEIGHT = 2.5  # cm
PILLOW_WIDTH = 30.0

# Stroke width of each segment, as a multiple of the near-limb line width.
WEIGHTS = {
    "thigh": 2.6,
    "shin": 1.9,
    "foot": 1.4,
    "upper_arm": 1.9,
    "forearm": 1.5,
    "hand": 1.6,
    "neck": 2.4,
}
OUTLINE = 1.1  # pt of paper-coloured edge that separates near limbs from the trunk
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

    def flat(self, points: tuple[Point, ...] | list[Point]) -> list[float]:
        """Points as a flat pt list, as ReportLab wants them."""
        return [v for p in points for v in self.at(p)]


def stroke(pen: Pen, points: list[Point], weight: float, colour: Color) -> Shape:
    """A rounded polyline."""
    return PolyLine(
        pen.flat(points),
        strokeColor=colour,
        strokeWidth=round(pen.line_width * weight, 2),
        strokeLineCap=1,
        strokeLineJoin=1,
    )


def _outlined(
    pen: Pen, parts: list[tuple[list[Point], float]], colour: Color, outline: bool
) -> list[Shape]:
    """Rounded strokes, each first drawn wider in paper colour when ``outline`` is set."""
    shapes: list[Shape] = []
    if outline:
        for points, weight in parts:
            shape = stroke(pen, points, weight, PAPER)
            shape.strokeWidth = round(shape.strokeWidth + 2 * OUTLINE, 2)
            shapes.append(shape)
    return shapes + [stroke(pen, points, weight, colour) for points, weight in parts]


def _foot(body: Body, side: str) -> list[Point]:
    """A slim wedge: instep, heel, toes (drawn closed, so it reads as a foot)."""
    pts = body.points
    ankle, heel, toe = pts[f"{side}_ankle"], pts[f"{side}_heel"], pts[f"{side}_toe"]
    instep = (
        ankle[0] + (heel[0] + toe[0] - 2 * ankle[0]) * 0.22,
        ankle[1] + (heel[1] + toe[1] - 2 * ankle[1]) * 0.22,
    )
    return [toe, instep, heel, toe]


def _leg(pen: Pen, body: Body, side: str, colour: Color, outline: bool) -> list[Shape]:
    p = body.points
    return _outlined(
        pen,
        [
            ([p["hip"], p[f"{side}_knee"]], WEIGHTS["thigh"]),
            ([p[f"{side}_knee"], p[f"{side}_ankle"]], WEIGHTS["shin"]),
            (_foot(body, side), WEIGHTS["foot"]),
        ],
        colour,
        outline,
    )


def _arm(pen: Pen, body: Body, side: str, colour: Color, outline: bool) -> list[Shape]:
    p = body.points
    return _outlined(
        pen,
        [
            ([p["shoulder"], p[f"{side}_elbow"]], WEIGHTS["upper_arm"]),
            ([p[f"{side}_elbow"], p[f"{side}_wrist"]], WEIGHTS["forearm"]),
            ([p[f"{side}_wrist"], p[f"{side}_hand"]], WEIGHTS["hand"]),
        ],
        colour,
        outline,
    )


def side_figure(pen: Pen, body: Body) -> Group:
    """A side-view person: far limbs, trunk, head, near limbs, in that order."""
    p = body.points
    outline = trunk_outline(body.spine)
    trunk = Polygon(
        pen.flat(outline),
        fillColor=pen.ink,
        strokeColor=pen.ink,
        strokeWidth=round(pen.line_width * 0.5, 2),
        strokeLineJoin=1,
    )
    head = _head(pen, body)
    neck = stroke(pen, [p["shoulder"], p["neck"]], WEIGHTS["neck"], pen.ink)
    group = Group()
    outline = pen.far_ink != pen.ink  # ghost frames are one flat tone
    for shape in (
        *_arm(pen, body, "far", pen.far_ink, False),
        *_leg(pen, body, "far", pen.far_ink, False),
        neck,
        trunk,
        *head,
        *_leg(pen, body, "near", pen.ink, outline),
        *_arm(pen, body, "near", pen.ink, outline),
    ):
        group.add(shape)
    return group


def _head(pen: Pen, body: Body) -> list[Shape]:
    """A filled round head with a small nose, so the figure's facing is never in doubt."""
    p = body.points
    hx, hy = p["head"]
    nx, ny = p["neck"]
    # The face is on the front side of the head: the neck direction turned clockwise.
    length = math.hypot(hx - nx, hy - ny) or 1.0
    ux, uy = (hx - nx) / length, (hy - ny) / length
    fx, fy = uy, -ux
    r = HEAD_RADIUS
    nose = [
        (hx + fx * r * 0.85 + ux * r * 0.2, hy + fy * r * 0.85 + uy * r * 0.2),
        (hx + fx * (r + 2.6) - ux * r * 0.2, hy + fy * (r + 2.6) - uy * r * 0.2),
        (hx + fx * r * 0.85 - ux * r * 0.45, hy + fy * r * 0.85 - uy * r * 0.45),
    ]
    cx, cy = pen.at(p["head"])
    return [
        Circle(cx, cy, round(r * pen.scale, 2), fillColor=pen.ink, strokeColor=None),
        Polygon(
            pen.flat(nose),
            fillColor=pen.ink,
            strokeColor=pen.ink,
            strokeLineJoin=1,
            strokeWidth=round(pen.line_width * 0.5, 2),
        ),
    ]


def _top_trunk(pen: Pen, body: Body) -> Polygon:
    px, py = body.points["pelvis"]
    sx, _ = body.points["shoulders"]
    w_sh, w_hip = SHOULDER_HALF_WIDTH + 3, HIP_HALF_WIDTH + 8
    waist = sx + (px - sx) * 0.6
    half = [
        (sx - 3, 0.0),
        (sx - 2, w_sh * 0.7),
        (sx + 2, w_sh),
        (waist, w_hip - 2.5),
        (px, w_hip),
        (px + 5, w_hip * 0.6),
    ]
    pts = [(x, py + y) for x, y in half] + [(x, py - y) for x, y in reversed(half)]
    return Polygon(
        pen.flat(pts),
        fillColor=pen.ink,
        strokeColor=pen.ink,
        strokeWidth=round(pen.line_width, 2),
        strokeLineJoin=1,
    )


def top_figure(pen: Pen, body: Body) -> Group:
    """The person lying on their back seen from above: arms, legs, trunk, head."""
    p = body.points
    group = Group()
    for side in ("left", "right"):
        group.add(
            stroke(
                pen,
                [p[f"{side}_shoulder"], p[f"{side}_elbow"], p[f"{side}_wrist"]],
                WEIGHTS["upper_arm"],
                pen.ink,
            )
        )
        group.add(stroke(pen, [p[f"{side}_wrist"], p[f"{side}_hand"]], 1.7, pen.ink))
    for side, colour in (("far", pen.far_ink), ("near", pen.ink)):
        hip = (p["pelvis"][0], p[f"{side}_hip"][1])
        group.add(stroke(pen, [hip, p[f"{side}_knee"]], WEIGHTS["thigh"], colour))
        group.add(stroke(pen, [p[f"{side}_knee"], p[f"{side}_ankle"]], WEIGHTS["shin"], colour))
        group.add(stroke(pen, [p[f"{side}_ankle"], p[f"{side}_toe"]], WEIGHTS["foot"], colour))
        if side == "far":
            group.add(_top_trunk(pen, body))
    hx, hy = pen.at(p["head"])
    group.add(
        Ellipse(
            hx,
            hy,
            round(HEAD_RADIUS * pen.scale, 2),
            round(HEAD_RADIUS * 0.82 * pen.scale, 2),
            fillColor=pen.ink,
            strokeColor=None,
        )
    )
    return group


def _soft_prop(
    pen: Pen, corner: tuple[float, float], far: tuple[float, float], radius: float, weight: float
) -> Shape:
    """A filled, rounded prop (mat, pillow) between two corners in page units."""
    (ax, ay), (bx, by) = corner, far
    return Rect(
        ax,
        ay,
        bx - ax,
        by - ay,
        rx=radius,
        ry=radius,
        fillColor=pen.prop_fill,
        strokeColor=pen.prop,
        strokeWidth=round(pen.line_width * weight, 2),
    )


def mat(pen: Pen, x0: float, x1: float, y0: float = 0.0, height: float = MAT_HEIGHT) -> Shape:
    """A mat (cm extents) as a rounded filled rectangle."""
    (ax, ay), (bx, by) = pen.at((x0, y0)), pen.at((x1, y0 + height))
    radius = min(by - ay, bx - ax, 4.0 * pen.scale) / 2
    return _soft_prop(pen, (ax, ay), (bx, by), radius, 0.4)


def pillow(pen: Pen, body: Body, floor: float) -> Shape:
    """A pillow under the head, filling the gap between the head and the floor."""
    hx, hy = body.points["head"]
    top = hy - HEAD_RADIUS * 0.6
    height = max(top - floor, 4.0)
    (ax, ay), (bx, by) = (
        pen.at((hx - PILLOW_WIDTH / 2 - 2, floor)),
        pen.at((hx + PILLOW_WIDTH / 2 - 4, floor + height)),
    )
    return _soft_prop(pen, (ax, ay), (bx, by), (by - ay) / 2, 0.6)


def chair(pen: Pen, body: Body) -> Group:
    """A plain chair under the seat of a sitting figure: seat, back rest, legs."""
    hx, hy = body.points["hip"]
    seat = hy - 8.5
    front, back = hx + 26, hx - 16
    width = round(pen.line_width * 1.2, 2)
    group = Group()
    for a, b in (
        ((back, seat), (front, seat)),
        ((back, seat), (back - 3, seat + 48)),
        ((back, seat), (back, 0.0)),
        ((front, seat), (front, 0.0)),
    ):
        (ax, ay), (bx, by) = pen.at(a), pen.at(b)
        group.add(Line(ax, ay, bx, by, strokeColor=pen.prop, strokeWidth=width, strokeLineCap=1))
    return group


def lowest_of_trunk(body: Body) -> float:
    """Lowest point of the trunk outline (cm)."""
    return min(y for _, y in trunk_outline(body.spine))


def extent(body: Body) -> tuple[float, float, float, float]:
    """The body's drawn extent in cm (x0, y0, x1, y1), with room for stroke widths."""
    xs = [x for x, _ in body.points.values()]
    ys = [y for _, y in body.points.values()]
    hx, hy = body.points["head"]
    r = HEAD_RADIUS
    if body.pose.view == "side":
        outline = trunk_outline(body.spine)
        xs += [x for x, _ in outline]
        ys += [y for _, y in outline]
    else:
        ys += [SHOULDER_HALF_WIDTH + 4, -SHOULDER_HALF_WIDTH - 4]
    pad = 3.0
    return (
        min(*xs, hx - r) - pad,
        min(*ys, hy - r) - pad,
        max(*xs, hx + r) + pad,
        max(*ys, hy + r) + pad,
    )
