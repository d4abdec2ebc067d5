"""Drawing props from any view: chair, wall, step, box, towel roll, band, pillow and mat.

In: ``Placed`` props (3-D blocks in world cm) of a ``Body`` and a ``Pen``. Out: ReportLab
shapes in the prop colours: what lies under the person (floor props) as a list drawn first,
what the person holds (a box, a band, a pillow between the knees) as depth units drawn in
among the limbs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Shape

from pdfbuilder.figures.contacts import Block, Placed
from pdfbuilder.figures.draw import Unit
from pdfbuilder.figures.model import Body
from pdfbuilder.figures.pen import PAPER, Pen, Point, filled, hull, stroke
from pdfbuilder.figures.vec import Vec, add, apply, scale
from pdfbuilder.figures.views import Camera

MAT_HEIGHT = 2.5  # cm
TONES = {"soft": 0.6, "solid": 0.3}  # edge weight of each tone


def _corners(block: Block) -> list[Vec]:
    hx, hy, hz = block.half
    return [
        add(block.centre, apply(block.axes, (sx * hx, sy * hy, sz * hz)))
        for sx in (-1, 1)
        for sy in (-1, 1)
        for sz in (-1, 1)
    ]


def _roll(block: Block) -> list[Vec]:
    """Points round both ends of a roll (a cylinder along the block's third axis)."""
    out = []
    for end in (-1.0, 1.0):
        for k in range(16):
            a = 2 * math.pi * k / 16
            local = (block.half[0] * math.cos(a), block.half[1] * math.sin(a), end * block.half[2])
            out.append(add(block.centre, apply(block.axes, local)))
    return out


def rounded(outline: Sequence[Point], radius: float, steps: int = 4) -> list[Point]:
    """A convex outline with its corners rounded off (``radius`` cm, or less if short)."""
    n = len(outline)
    if n < 3:
        return list(outline)
    out: list[Point] = []
    for i, corner in enumerate(outline):
        prev, nxt = outline[i - 1], outline[(i + 1) % n]
        a_len = math.dist(corner, prev)
        b_len = math.dist(corner, nxt)
        r = min(radius, a_len * 0.49, b_len * 0.49)
        if r <= 1e-6:
            out.append(corner)
            continue
        a = (
            corner[0] + (prev[0] - corner[0]) * r / a_len,
            corner[1] + (prev[1] - corner[1]) * r / a_len,
        )
        b = (
            corner[0] + (nxt[0] - corner[0]) * r / b_len,
            corner[1] + (nxt[1] - corner[1]) * r / b_len,
        )
        for k in range(steps + 1):  # a quadratic curve from a to b, pulled toward the corner
            t = k / steps
            u = 1 - t
            out.append(
                (
                    u * u * a[0] + 2 * u * t * corner[0] + t * t * b[0],
                    u * u * a[1] + 2 * u * t * corner[1] + t * t * b[1],
                )
            )
    return out


def block_outline(cam: Camera, offset: Point, block: Block) -> list[Point]:
    """A block as seen: the outline of its corners (round ones rounded off)."""
    points = _roll(block) if block.shape == "roll" else _corners(block)
    flat = []
    for p in points:
        x, y = cam.project(p)
        flat.append((x + offset[0], y + offset[1]))
    outline = hull(flat)
    if block.shape == "round":
        outline = rounded(outline, min(block.half[1], 8.0))
    return outline


def _block_shape(pen: Pen, cam: Camera, offset: Point, block: Block) -> Shape:
    outline = block_outline(cam, offset, block)
    fill = pen.prop if block.tone == "solid" else pen.prop_fill
    return filled(pen, outline, fill, pen.prop, TONES[block.tone])


def _band(pen: Pen, body: Body, path: Sequence[Vec]) -> list[Shape]:
    points = [body.at(p) for p in path]
    edge = stroke(pen, points, 0.9, PAPER)
    edge.strokeWidth = round(edge.strokeWidth + 1.6, 2)
    return [edge, stroke(pen, points, 0.9, pen.prop)]


def prop_shapes(pen: Pen, body: Body) -> tuple[list[Shape], list[Unit]]:
    """A body's props: shapes under the person, and units drawn in among the limbs."""
    cam = body.camera
    under: list[Shape] = []
    held: list[Unit] = []
    for placed in body.props:
        assert isinstance(placed, Placed)
        if placed.path:
            depth = sum(cam.depth(p) for p in placed.path) / len(placed.path) + 3.0
            held.append(Unit(depth, _band(pen, body, placed.path)))
            continue
        blocks = sorted(placed.blocks, key=lambda b: cam.depth(b.centre))
        shapes = [_block_shape(pen, cam, body.offset, b) for b in blocks]
        if placed.held:
            depth = sum(cam.depth(b.centre) for b in blocks) / len(blocks) + 0.3
            held.append(Unit(depth, shapes))
        else:
            under += shapes
    return under, held


def prop_extent(body: Body) -> list[Point]:
    """Page points (cm) that the body's props reach."""
    cam = body.camera
    out: list[Point] = []
    for placed in body.props:
        assert isinstance(placed, Placed)
        out += [body.at(p) for p in placed.path]
        for block in placed.blocks:
            out += block_outline(cam, body.offset, block)
    return out


def mat_outline(cam: Camera, span: tuple[float, float], across: tuple[float, float]) -> list[Point]:
    """A mat on the floor: ``span`` along the page's right, ``across`` the other way (cm)."""
    right = cam.right
    side = (-right[2], 0.0, right[0])  # horizontal, square to the page's right
    corners = []
    for x in span:
        for z in across:
            for y in (0.0, MAT_HEIGHT):
                corners.append(add(add(scale(right, x), scale(side, z)), (0.0, y, 0.0)))
    return hull([cam.project(c) for c in corners])


def mat_shape(pen: Pen, outline: Sequence[Point]) -> Shape:
    """The mat, filled and rounded."""
    return filled(pen, rounded(outline, 2.0), pen.prop_fill, pen.prop, 0.4)
