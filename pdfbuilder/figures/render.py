"""Laying out a posed figure in a box: frames, props, arrows and label, as one Drawing.

In: a ``Figure`` with poses, a box (pt) and a ``FigureStyle``. Out: a ReportLab ``Drawing``
exactly the size of the box, every mark inside it; built once per (figure, box, style).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Group, Line, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfbuilder.figures.arrows import arrow_path, arrow_shapes
from pdfbuilder.figures.draw import (
    MAT_HEIGHT,
    Pen,
    chair,
    extent,
    mat,
    pillow,
    side_figure,
    top_figure,
)
from pdfbuilder.figures.model import Body, Point, shift
from pdfbuilder.figures.poses import place
from pdfbuilder.figures.spec import Figure
from pdfbuilder.figures.style import FigureStyle, box_scale, to_color
from pdfbuilder.text.fonts import register_family

FRAME_GAP = 14.0  # cm between side-by-side frames
PAD = 0.04  # fraction of the box kept clear at each edge
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Scene:
    """The figure in cm: bodies moved to their places, arrows, props, and the whole extent."""

    bodies: tuple[Body, ...]
    ghosts: tuple[bool, ...]
    arrows: tuple[tuple[tuple[Point, ...], bool], ...]
    mats: tuple[tuple[float, float], ...]
    side_view: bool
    box: Box


def _union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _aligned(figure: Figure) -> list[Body]:
    """Each frame's body, its align point at x = 0, raised onto the mat if there is one."""
    lift = MAT_HEIGHT if any("mat" in p.props for p in figure.poses) else 0.0
    out = []
    for pose in figure.poses:
        body = place(pose)
        ax = body.points[figure.align][0]
        if pose.view == "top":
            lift = 0.0
        out.append(
            Body(
                pose,
                shift(body.points, -ax, lift),
                tuple((x - ax, y + lift) for x, y in body.spine),
            )
        )
    return out


def _moved(body: Body, dx: float) -> Body:
    return Body(body.pose, shift(body.points, dx, 0.0), tuple((x + dx, y) for x, y in body.spine))


@functools.lru_cache(maxsize=256)
def scene(figure: Figure) -> Scene:
    """Place the frames (overlaid or side by side), the arrows and the mats, in cm."""
    bodies = _aligned(figure)
    overlay = figure.layout == "overlay"
    offsets = [0.0] * len(bodies)
    if not overlay:
        cursor = 0.0
        for i, body in enumerate(bodies):
            x0, _, x1, _ = extent(body)
            offsets[i] = cursor - x0
            cursor += x1 - x0 + FRAME_GAP
    placed = tuple(_moved(b, dx) for b, dx in zip(bodies, offsets, strict=True))
    ghosts = tuple(overlay and i < len(placed) - 1 for i in range(len(placed)))
    lift = bodies[0].points["head"][1] - place(figure.poses[0]).points["head"][1]
    arrows = []
    for arrow in figure.arrows:
        path = arrow_path(arrow, figure.poses, figure.align)
        dx = offsets[arrow.on_frame]
        arrows.append((tuple((x + dx, y + lift) for x, y in path), arrow.both))
    boxes = [extent(b) for b in placed]
    boxes += [
        (*_union([(x, y, x, y) for x, y in path])[:2], *_union([(x, y, x, y) for x, y in path])[2:])
        for path, _ in arrows
    ]
    mats = _mats(placed, overlay)
    boxes += [(x0, 0.0, x1, MAT_HEIGHT) for x0, x1 in mats]
    side_view = figure.poses[0].view == "side"
    box = _union(boxes)
    if side_view:
        box = (box[0], min(box[1], -1.0), box[2], box[3])
    pad = 4.0
    return Scene(
        placed,
        ghosts,
        tuple(arrows),
        mats,
        side_view,
        (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad),
    )


def _mats(bodies: tuple[Body, ...], overlay: bool) -> tuple[tuple[float, float], ...]:
    spans = []
    for body in bodies:
        if "mat" in body.pose.props:
            x0, _, x1, _ = extent(body)
            spans.append((x0 - 3.0, x1 + 3.0))
    if overlay and spans:
        return ((min(s[0] for s in spans), max(s[1] for s in spans)),)
    return tuple(spans)


def _pen(style: FigureStyle, scale: float, dx: float, dy: float, lw: float, ghost: bool) -> Pen:
    grey = style.grayscale
    ink = to_color(style.ghost_ink if ghost else style.ink, grey)
    far = to_color(style.ghost_ink if ghost else style.far_ink, grey)
    return Pen(
        scale, dx, dy, lw, ink, far, to_color(style.prop, grey), to_color(style.prop_fill, grey)
    )


def _label(text: str, width: float, height: float, style: FigureStyle) -> String:
    register_family()
    size = style.font_size
    while size > 4 and stringWidth(text, style.font_name, size) > width * (1 - 2 * PAD):
        size -= 0.5
    return String(
        round(width * (1 - PAD), 2),
        round(height - size * 1.05, 2),
        text,
        fontName=style.font_name,
        fontSize=size,
        textAnchor="end",
        fillColor=to_color(style.ink, style.grayscale),
    )


@functools.lru_cache(maxsize=512)
def figure_drawing(figure: Figure, width: float, height: float, style: FigureStyle) -> Drawing:
    """The posed figure as a Drawing of exactly ``width`` x ``height`` pt (cached)."""
    sc = scene(figure)
    top = style.font_size * 1.25 if figure.label else 0.0
    x0, y0, x1, y1 = sc.box
    avail_w, avail_h = width * (1 - 2 * PAD), height * (1 - 2 * PAD) - top
    scale = min(avail_w / (x1 - x0), avail_h / (y1 - y0))
    dx = (width - (x1 - x0) * scale) / 2 - x0 * scale
    dy = height * PAD + (avail_h - (y1 - y0) * scale) / 2 - y0 * scale
    lw = style.line_width * box_scale(width, height)
    drawing = Drawing(width, height)
    pen = _pen(style, scale, dx, dy, lw, ghost=False)
    drawing.add(_props(sc, pen, width))
    for body, ghost in sorted(zip(sc.bodies, sc.ghosts, strict=True), key=lambda bg: not bg[1]):
        frame_pen = _pen(style, scale, dx, dy, lw, ghost)
        draw = side_figure if body.pose.view == "side" else top_figure
        drawing.add(draw(frame_pen, body))
    accent = to_color(style.accent, style.grayscale)
    for path, both in sc.arrows:
        drawing.add(arrow_shapes([pen.at(p) for p in path], both, lw * 1.1, accent))
    if figure.label:
        drawing.add(_label(figure.label, width, height, style))
    return drawing


def _props(sc: Scene, pen: Pen, width: float) -> Group:
    """Floor line, mats, pillows and chairs, under the people."""
    group = Group()
    if sc.side_view:
        _, y = pen.at((0.0, 0.0))
        group.add(
            Line(
                round(width * PAD, 2),
                y,
                round(width * (1 - PAD), 2),
                y,
                strokeColor=pen.prop,
                strokeWidth=round(pen.line_width * 0.6, 2),
                strokeLineCap=1,
            )
        )
    for x0, x1 in sc.mats:
        if sc.side_view:
            group.add(mat(pen, x0, x1))
        else:
            group.add(mat(pen, x0, x1, sc.box[1] + 3, sc.box[3] - sc.box[1] - 6))
    main = [b for b, g in zip(sc.bodies, sc.ghosts, strict=True) if not g]
    for body in main:
        lift = MAT_HEIGHT if sc.mats and sc.side_view else 0.0
        if "pillow" in body.pose.props:
            group.add(pillow(pen, body, lift))
        if "chair" in body.pose.props:
            group.add(chair(pen, body))
    return group
