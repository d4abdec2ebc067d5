"""Box styles from the layout's ``boxes:`` data (see :mod:`pdfbuilder.layout.looks`).

In: a kind of box and the colours the composer gives it. Out: the
:class:`~pdfbuilder.flowables.boxes.BoxStyle` the box flowable draws with, lengths in
points for the layout's body size.
"""

from __future__ import annotations

from typing import Literal

from reportlab.lib.colors import Color

from ..flowables.boxes import BoxStyle
from ..layout.looks import BoxLook
from .context import Context

BoxKind = Literal[
    "notice", "takeaways", "card", "seek_help", "emergency", "urgent", "routine", "plan"
]


def look(ctx: Context, kind: BoxKind) -> BoxLook:
    """The layout's look for one kind of box."""
    found: BoxLook = getattr(ctx.layout.boxes, kind)
    return found


def box_style(
    ctx: Context,
    kind: BoxKind,
    *,
    border: Color | None = None,
    background: Color | None = None,
    bar: Color | None = None,
) -> BoxStyle:
    """How a box of ``kind`` looks in this layout: its border drawn in ``border`` (none when
    the layout's width is 0), filled with ``background``, with a bar in ``bar`` (or the
    border's colour) when the layout gives the kind a bar width."""
    lk, body = look(ctx, kind), ctx.layout.type.body
    bar_colour = (bar or border) if lk.bar > 0 else None
    return BoxStyle(
        padding=body * lk.padding,
        background=background,
        border=border if lk.border_width > 0 else None,
        border_width=lk.border_width,
        dash=lk.dash or None,
        radius=lk.radius,
        left_bar=bar_colour,
        left_bar_width=lk.bar if bar_colour is not None else 5,
        space_between=body * lk.gap,
    )
