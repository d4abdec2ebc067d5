"""Compose, a figure beside a paragraph or bullet: the sleeping positions, a safe lift.

In: the compose context, the flowable of the text, and the item's ``figure:`` (see
docs/content-format.md). Out: one unsplittable row, the figure on the left (on the right in a
right-to-left leaflet) and the text beside it, tops aligned, as an exercise card has them.

The figure fits inside the layout's exercise-figure shape (``figure.width`` by
``figure.height``), made smaller where the column is narrow so that the text keeps more than
half of it, and takes the figure's own shape inside that.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..figures import Figure, natural_aspect, render_figure
from ..flowables.rows import SideBySide, Stack
from .context import Context

#: The largest share of the column a figure beside text may take.
MAX_SHARE = 0.45
#: However wide or tall the figure, its box keeps this share of the layout's height / width.
MIN_HEIGHT, MIN_WIDTH = 0.45, 0.3


def column_width(ctx: Context) -> float:
    """The width of one column of the sections (the frame, or one of two columns)."""
    g, columns = ctx.geometry, ctx.layout.columns
    if columns == 1:
        return g.frame_width
    gap = ctx.layout.type.body * 1.6  # as compose.blocks lays out TwoColumns
    return (g.frame_width - gap * (columns - 1)) / columns


def figure_size(ctx: Context, width: float, figure: Figure) -> tuple[float, float]:
    """The figure's box for a column ``width`` wide: inside the layout's exercise-figure shape
    (at most MAX_SHARE of the column), at the figure's own shape, so that a person lying down
    takes a low, wide box and one standing a narrow one, and neither leaves empty space."""
    look = ctx.layout.figure
    w = min(look.width * mm, width * MAX_SHARE)
    h = w * look.height / look.width
    aspect = natural_aspect(figure)
    if aspect is None:
        return w, h
    if aspect >= w / h:
        return w, max(w / aspect, h * MIN_HEIGHT)
    return max(h * aspect, w * MIN_WIDTH), h


def picture_column(ctx: Context, figures: Sequence[Figure | None]) -> float:
    """The width of the picture column shared by the figured items of one list: the widest
    of their boxes, so that every item's text starts at the same place (0 with none)."""
    width = column_width(ctx)
    return max((figure_size(ctx, width, f)[0] for f in figures if f is not None), default=0.0)


def beside(
    ctx: Context, text: Flowable, figure: Figure | None, column: float | None = None
) -> Flowable:
    """``text`` alone, or with ``figure`` drawn beside it; the two never split apart. A
    ``column`` (see picture_column) wider than the figure's own box keeps the text of every
    item of a list in line; the figure sits at the column's left edge."""
    if figure is None:
        return text
    w, h = figure_size(ctx, column_width(ctx), figure)
    drawn = ctx.tag(render_figure(figure, w, h, ctx.styles.figure), "Figure", alt=figure.alt)
    row = SideBySide(drawn, max(w, column or 0.0), Stack([text], gap=0), ctx.layout.type.body)
    row.spaceBefore = text.getSpaceBefore() + ctx.layout.type.body * 0.3
    row.spaceAfter = ctx.layout.type.body * 0.3
    return row
