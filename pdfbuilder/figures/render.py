"""Laying out a posed figure in a box: frames, props, arrows and label, as one Drawing.

In: a ``Figure`` with poses, a box (pt) and a ``FigureStyle``. Out: a ReportLab ``Drawing``
exactly the size of the box, every mark inside it; built once per (figure, box, style).
The figure fills the box: when only part of the body moves (the head, the feet...), the
picture shows that part (``show:``, see ``framing``) and cuts the rest off at its edge.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from reportlab.graphics.shapes import Drawing, Group, Line, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfbuilder.figures.arrows import arrow_path, arrow_shapes
from pdfbuilder.figures.draw import extent, person
from pdfbuilder.figures.draw_props import (
    MAT_HEIGHT,
    mat_outline,
    mat_shape,
    prop_extent,
    prop_shapes,
)
from pdfbuilder.figures.framing import Box, crop_box, shown, union
from pdfbuilder.figures.model import Body, Point
from pdfbuilder.figures.pen import PAPER, Pen, clip_rect
from pdfbuilder.figures.poses import place
from pdfbuilder.figures.spec import Figure
from pdfbuilder.figures.style import FigureStyle, box_scale, to_color
from pdfbuilder.figures.views import camera
from pdfbuilder.text.fonts import register_family

FRAME_GAP = 14.0  # cm between side-by-side frames
PAD = 0.04  # fraction of the box kept clear at each edge


@dataclass(frozen=True)
class Scene:
    """The figure in page cm: bodies in their places, arrows, mats, and what to show."""

    bodies: tuple[Body, ...]
    ghosts: tuple[bool, ...]
    arrows: tuple[tuple[tuple[Point, ...], bool], ...]
    mats: tuple[tuple[Point, ...], ...]
    level: bool  # the floor is seen edge-on: draw the floor line
    whole: Box  # everything
    box: Box  # what the picture shows (``whole``, or the part of the body it is about)


def _lift(figure: Figure) -> float:
    """How far up the page the people go to lie on a mat."""
    if not any("mat" in p.props for p in figure.poses):
        return 0.0
    return MAT_HEIGHT * camera(figure.poses[0].view).up[1]


def _aligned(figure: Figure) -> list[Body]:
    """Each frame's body, its align point at x = 0, raised onto the mat if there is one."""
    lift = _lift(figure)
    out = []
    for pose in figure.poses:
        body = place(pose)
        out.append(body.moved(-body.points[figure.align][0], lift))
    return out


def _mats(bodies: tuple[Body, ...], overlay: bool) -> tuple[tuple[Point, ...], ...]:
    """Mat outlines under the bodies that lie on one (one mat for overlaid frames)."""
    spans = []
    for body in bodies:
        if "mat" in body.pose.props:
            x0, _, x1, _ = extent(body)
            cam = body.camera
            side = (-cam.right[2], 0.0, cam.right[0])
            depths = [p[0] * side[0] + p[2] * side[2] for p in body.world.values()]
            spans.append((x0 - 3.0, x1 + 3.0, min(depths) - 12.0, max(depths) + 12.0))
    if not spans:
        return ()
    cam = bodies[0].camera
    if overlay:
        spans = [
            (
                min(s[0] for s in spans),
                max(s[1] for s in spans),
                min(s[2] for s in spans),
                max(s[3] for s in spans),
            )
        ]
    return tuple(tuple(mat_outline(cam, s[:2], s[2:])) for s in spans)


def _bounds(points: list[Point]) -> Box:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


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
    placed = tuple(b.moved(dx, 0.0) for b, dx in zip(bodies, offsets, strict=True))
    ghosts = tuple(overlay and i < len(placed) - 1 for i in range(len(placed)))
    lift = _lift(figure)
    arrows = []
    for arrow in figure.arrows:
        path = arrow_path(arrow, figure.poses, figure.align)
        dx = offsets[arrow.on_frame]
        arrows.append((tuple((x + dx, y + lift) for x, y in path), arrow.both))
    mats = _mats(placed, overlay)
    boxes = [extent(b) for b in placed]
    boxes += [_bounds(prop_extent(b)) for b in placed if b.props]
    boxes += [_bounds(list(path)) for path, _ in arrows]
    boxes += [_bounds(list(m)) for m in mats]
    level = figure.poses[0].view.level
    whole = union(boxes)
    if level:
        whole = (whole[0], min(whole[1], -1.0), whole[2], whole[3])
    pad = 4.0
    whole = (whole[0] - pad, whole[1] - pad, whole[2] + pad, whole[3] + pad)
    box = crop_box(figure, bodies, placed, [p for p, _ in arrows], whole)
    return Scene(placed, ghosts, tuple(arrows), mats, level, whole, box)


def _pen(style: FigureStyle, scale: float, dx: float, dy: float, lw: float, ghost: bool) -> Pen:
    grey = style.grayscale
    ink = to_color(style.ghost_ink if ghost else style.ink, grey)
    far = to_color(style.ghost_ink if ghost else style.far_ink, grey)
    prop = to_color(style.ghost_ink if ghost else style.prop, grey)  # a ghost's box is faint
    fill = PAPER if ghost else to_color(style.prop_fill, grey)
    return Pen(scale, dx, dy, lw, ink, far, prop, fill)


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
    avail_w, avail_h = width * (1 - 2 * PAD), height * (1 - 2 * PAD) - top
    x0, y0, x1, y1 = box = shown(figure, sc.box, sc.whole, avail_w / avail_h)
    scale = min(avail_w / (x1 - x0), avail_h / (y1 - y0))
    dx = (width - (x1 - x0) * scale) / 2 - x0 * scale
    dy = height * PAD + (avail_h - (y1 - y0) * scale) / 2 - y0 * scale
    lw = style.line_width * box_scale(width, height)
    drawing = Drawing(width, height)
    content = Group()
    if box != sc.whole:
        content.add(clip_rect(x0 * scale + dx, y0 * scale + dy, x1 * scale + dx, y1 * scale + dy))
    pen = _pen(style, scale, dx, dy, lw, ghost=False)
    content.add(_floor(sc, pen, width))
    for body in _prop_owners(sc):  # the floor props, under the people
        for shape in prop_shapes(pen, body)[0]:
            content.add(shape)
    for body, ghost in sorted(zip(sc.bodies, sc.ghosts, strict=True), key=lambda bg: not bg[1]):
        frame_pen = _pen(style, scale, dx, dy, lw, ghost)
        content.add(person(frame_pen, body, prop_shapes(frame_pen, body)[1]))
    accent = to_color(style.accent, style.grayscale)
    for path, both in sc.arrows:
        content.add(arrow_shapes([pen.at(p) for p in path], both, lw * 1.1, accent, halo=lw * 0.5))
    drawing.add(content)
    if figure.label:
        drawing.add(_label(figure.label, width, height, style))
    return drawing


def _prop_owners(sc: Scene) -> list[Body]:
    """The frames whose floor props are drawn: every frame side by side; overlaid, each kind
    of prop once, from the last frame that has it (the frames share one chair, one wall)."""
    if not any(sc.ghosts):
        return list(sc.bodies)
    owners: dict[str, Body] = {}
    for body in sc.bodies:
        for placed in body.props:
            if not getattr(placed, "held", False):
                owners[str(getattr(placed, "kind", ""))] = body
    out: list[Body] = []
    for kind, body in owners.items():
        trimmed = tuple(p for p in body.props if getattr(p, "kind", "") == kind)
        out.append(replace(body, props=trimmed))
    return out


def _floor(sc: Scene, pen: Pen, width: float) -> Group:
    """The floor line and the mats, under everything else."""
    group = Group()
    if sc.level:
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
    for outline in sc.mats:
        group.add(mat_shape(pen, outline))
    return group
