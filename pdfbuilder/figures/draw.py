"""Drawing a placed body from its view: limbs, trunk and head, nearest drawn last.

In: a ``Body`` (3-D skeleton, view, page offset) and a ``Pen``. Out: a ReportLab ``Group``:
rounded strokes for the limbs, a filled trunk (the outline of its cross-sections seen from
the view), a filled head with a nose (and eyes when the face is toward you). Every part is
drawn in order of depth, so a near limb covers the trunk and a far one goes behind it; a limb
well behind the trunk (or behind its partner) is drawn in the lighter far ink.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Group, Shape
from reportlab.lib.colors import Color

from pdfbuilder.figures.model import Body
from pdfbuilder.figures.pen import PAPER, Pen, Point, filled, hull, stroke
from pdfbuilder.figures.skeleton import HEAD_RADIUS, Section, trunk_half_width
from pdfbuilder.figures.vec import Vec, add, apply, dot, scale, sub

# Stroke width of each segment, as a multiple of the near-limb line width.
WEIGHTS = {
    "thigh": 2.6,
    "shin": 1.9,
    "foot": 1.4,
    "upper_arm": 1.9,
    "forearm": 1.5,
    "hand": 1.6,
    "neck": 2.4,
    "collar": 2.2,
}
OUTLINE = 1.1  # pt of paper-coloured edge that separates near limbs from the trunk
FAR_BEHIND_TRUNK = 4.0  # cm behind the trunk's middle: a limb is drawn as far
FAR_BEHIND_PARTNER = 10.0  # cm behind the other arm or leg: far as well
RING = 16  # points round each trunk cross-section


@dataclass
class Unit:
    """Shapes drawn together, and how near they are (cm toward the viewer)."""

    depth: float
    shapes: list[Shape]


def _ring(body: Body, section: Section) -> list[Point]:
    cam = body.camera
    cx, cy = body.at(section.centre)
    fx, fy = cam.project(scale(section.front, section.depth))
    sx, sy = cam.project(scale(section.side, section.breadth))
    out = []
    for k in range(RING):
        a = 2 * math.pi * k / RING
        c, s = math.cos(a), math.sin(a)
        out.append((cx + fx * c + sx * s, cy + fy * c + sy * s))
    return out


def trunk_outlines(body: Body) -> list[list[Point]]:
    """Outlines whose union is the trunk as seen from the view: one outline round its centre
    line, or (when the trunk points at the viewer) the hulls of its cross-sections in pairs."""
    sections = body.skeleton.sections
    spine = [body.at(p) for p in body.skeleton.spine]
    seen_length = sum(math.dist(a, b) for a, b in itertools.pairwise(spine))
    true_length = sum(math.dist(a, b) for a, b in itertools.pairwise(body.skeleton.spine))
    if seen_length > 0.5 * true_length:
        return [_silhouette(body, sections)]
    rings = [_ring(body, s) for s in sections]
    return [hull(a + b) for a, b in itertools.pairwise(rings)]


def _silhouette(body: Body, sections: Sequence[Section]) -> list[Point]:
    """The trunk's outline: each cross-section's reach either side of the centre line."""
    cam = body.camera
    centres = [body.at(s.centre) for s in sections]
    left: list[Point] = []
    right: list[Point] = []
    n = len(centres) - 1
    for i, section in enumerate(sections):
        (ax, ay), (bx, by) = centres[max(i - 1, 0)], centres[min(i + 1, n)]
        length = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / length, (bx - ax) / length
        fx, fy = cam.project(scale(section.front, section.depth))
        sx, sy = cam.project(scale(section.side, section.breadth))
        reach = math.hypot(fx * nx + fy * ny, sx * nx + sy * ny)
        cx, cy = centres[i]
        left.append((cx + nx * reach, cy + ny * reach))
        right.append((cx - nx * reach, cy - ny * reach))
    return [*left, *reversed(right)]


def _trunk(pen: Pen, body: Body, ghost: bool) -> list[Shape]:
    p = body.skeleton.points
    chest = body.skeleton.frames["chest"]
    shapes = [filled(pen, o, pen.ink, pen.ink, 0.5) for o in trunk_outlines(body)]
    base = add(p["shoulder"], scale(chest[1], 3.0))
    for side in ("left", "right"):
        points = [body.at(base), body.at(p[f"{side}_shoulder"])]
        shapes.append(stroke(pen, points, WEIGHTS["collar"], pen.ink))
    if not ghost and dot(chest[0], body.camera.toward) < -0.55:
        shapes += _back_marks(pen, body)
    return shapes


def _back_marks(pen: Pen, body: Body) -> list[Shape]:
    """Seen from behind: the line of the spine and the two shoulder blades, in paper colour."""
    p = body.skeleton.points
    chest = body.skeleton.frames["chest"]
    back = -trunk_half_width(0.9)
    line = [p["shoulder"], p["waist"]]
    spine = [
        body.at(add(q, apply(chest, (back, dy, 0.0))))
        for q, dy in zip(line, (-5.0, 2.0), strict=True)
    ]
    shapes = [stroke(pen, spine, 0.45, PAPER)]
    for side, sign in (("left", -1.0), ("right", 1.0)):
        rest = add(p["shoulder"], apply(chest, (0.0, 0.0, sign * 17.0)))
        moved = scale(sub(p[f"{side}_shoulder"], rest), 0.7)
        blade = [(back, -3.0, 5.0), (back, -2.0, 14.0), (back, -18.0, 7.0)]
        points = [
            body.at(add(add(p["shoulder"], moved), apply(chest, (x, y, sign * z))))
            for x, y, z in blade
        ]
        shapes.append(stroke(pen, [*points, points[0]], 0.5, PAPER))
    return shapes


def _head(pen: Pen, body: Body, ghost: bool) -> list[Shape]:
    """A filled round head with a small nose; eyes when the face is toward the viewer."""
    p = body.skeleton.points
    front, up, side = body.skeleton.frames["head"]
    head = p["head"]
    r = HEAD_RADIUS
    nose = [
        add(head, add(scale(front, r * 0.85), scale(up, r * 0.2))),
        add(head, add(scale(front, r + 2.6), scale(up, -r * 0.2))),
        add(head, add(scale(front, r * 0.85), scale(up, -r * 0.45))),
    ]
    cx, cy = pen.at(body.at(head))
    shapes: list[Shape] = [
        Circle(cx, cy, round(r * pen.scale, 2), fillColor=pen.ink, strokeColor=None),
        filled(pen, [body.at(q) for q in nose], pen.ink, pen.ink, 0.5),
    ]
    toward = body.camera.toward
    if ghost or dot(front, toward) < 0.3:
        return shapes
    for sign in (-1.0, 1.0):
        offset = add(add(scale(front, r * 0.72), scale(up, r * 0.12)), scale(side, sign * r * 0.4))
        if dot(offset, toward) > r * 0.25:
            ex, ey = pen.at(body.at(add(head, offset)))
            shapes.append(
                Circle(ex, ey, round(r * 0.14 * pen.scale, 2), fillColor=PAPER, strokeColor=None)
            )
    return shapes


def _outlined(
    pen: Pen, parts: Sequence[tuple[Sequence[Point], float]], colour: Color, outline: bool
) -> list[Shape]:
    """Rounded strokes (closed ones filled), first drawn wider in paper when ``outline``."""
    shapes: list[Shape] = []
    if outline:
        for points, weight in parts:
            shape = stroke(pen, points, weight, PAPER)
            shape.strokeWidth = round(shape.strokeWidth + 2 * OUTLINE, 2)
            shapes.append(shape)
    for points, weight in parts:
        closed = len(points) > 3 and points[0] == points[-1]
        shapes.append(
            filled(pen, points[:-1], colour, colour, weight)
            if closed
            else stroke(pen, points, weight, colour)
        )
    return shapes


def foot_outline(body: Body, side: str) -> list[Point]:
    """The foot seen from the view: the outline of heel, toes and instep, closed."""
    p = body.skeleton.points
    across = body.skeleton.frames[f"{side}_foot"][2]
    ankle, heel, toe = p[f"{side}_ankle"], p[f"{side}_heel"], p[f"{side}_toe"]
    instep = add(ankle, scale(sub(add(heel, toe), scale(ankle, 2.0)), 0.22))
    corners = [
        add(toe, scale(across, 4.5)),
        add(toe, scale(across, -4.5)),
        add(heel, scale(across, 3.0)),
        add(heel, scale(across, -3.0)),
        instep,
    ]
    outline = hull([body.at(c) for c in corners])
    return [*outline, outline[0]]


def _chain(body: Body, side: str, limb: str) -> tuple[list[tuple[list[Point], float]], list[Vec]]:
    p = body.skeleton.points
    if limb == "leg":
        joints = [p[f"{side}_hip"], p[f"{side}_knee"], p[f"{side}_ankle"]]
        names: tuple[str, ...] = ("thigh", "shin")
    else:
        joints = [p[f"{side}_shoulder"], p[f"{side}_elbow"], p[f"{side}_wrist"], p[f"{side}_hand"]]
        names = ("upper_arm", "forearm", "hand")
    parts = [
        ([body.at(a), body.at(b)], WEIGHTS[n])
        for (a, b), n in zip(itertools.pairwise(joints), names, strict=True)
    ]
    if limb == "leg":
        parts.append((foot_outline(body, side), WEIGHTS["foot"]))
    return parts, joints


def person_units(pen: Pen, body: Body, ghost: bool) -> list[Unit]:
    """The body's parts as units to draw in order of depth (nearest last)."""
    cam = body.camera
    sk = body.skeleton
    trunk_depth = sum(cam.depth(q) for q in sk.spine) / len(sk.spine)
    units = [
        Unit(trunk_depth, _trunk(pen, body, ghost)),
        Unit(
            trunk_depth - 1.0,
            [
                stroke(
                    pen,
                    [body.at(sk.points["shoulder"]), body.at(sk.points["neck"])],
                    WEIGHTS["neck"],
                    pen.ink,
                )
            ],
        ),
        Unit(cam.depth(sk.points["head"]) + 0.5, _head(pen, body, ghost)),
    ]
    for limb, bias in (("leg", -2.0), ("arm", 1.0)):
        chains = {side: _chain(body, side, limb) for side in ("left", "right")}
        depths = {
            side: sum(cam.depth(q) for q in joints) / len(joints)
            for side, (_, joints) in chains.items()
        }
        for side, (parts, _) in chains.items():
            partner = depths["left" if side == "right" else "right"]
            far = (
                depths[side] < trunk_depth - FAR_BEHIND_TRUNK
                or depths[side] < partner - FAR_BEHIND_PARTNER
            )
            colour = pen.far_ink if far else pen.ink
            outline = not far and pen.far_ink != pen.ink  # ghost frames are one flat tone
            units.append(Unit(depths[side] + bias, _outlined(pen, parts, colour, outline)))
    return units


def draw_units(units: list[Unit]) -> Group:
    """Every unit's shapes, farthest first."""
    group = Group()
    for unit in sorted(units, key=lambda u: u.depth):
        for shape in unit.shapes:
            group.add(shape)
    return group


def person(pen: Pen, body: Body, extra: list[Unit] | None = None) -> Group:
    """The body (with any ``extra`` units, such as held props) drawn in order of depth."""
    ghost = pen.far_ink == pen.ink
    return draw_units(person_units(pen, body, ghost) + (extra or []))


def extent(body: Body) -> tuple[float, float, float, float]:
    """The body's drawn extent in page cm (x0, y0, x1, y1), with room for stroke widths."""
    pts = list(body.points.values())
    for outline in trunk_outlines(body):
        pts += outline
    for side in ("left", "right"):
        pts += foot_outline(body, side)
    hx, hy = body.at(body.skeleton.points["head"])
    r, pad = HEAD_RADIUS, 3.0
    xs = [x for x, _ in pts]
    ys = [y for _, y in pts]
    return (
        min(*xs, hx - r) - pad,
        min(*ys, hy - r) - pad,
        max(*xs, hx + r) + pad,
        max(*ys, hy + r) + pad,
    )


def region_extent(body: Body, names: Sequence[str]) -> tuple[float, float, float, float]:
    """The page extent (cm) of some named points, with the head's size if the head is one."""
    pts = [body.points[n] for n in names if n in body.points]
    r = HEAD_RADIUS + 2.6 if "head" in names else 4.0
    xs = [x for x, _ in pts]
    ys = [y for _, y in pts]
    return (min(xs) - r, min(ys) - r, max(xs) + r, max(ys) + r)
