"""Boxes and marks: bordered boxes that never split, the title band, rules, bookmarks and the
seek-help tier icons.

In: flowables, colours and sizes. Out: flowables. ReportLab's own flowables split boxes
silently across pages; a :class:`Box` never splits (it moves whole to the next page) and
reports its size, so the render stage can refuse one that cannot fit on any page.

Borders, backgrounds, bands, rules and the tier icons are page furniture: on a tagged
canvas they are drawn as artifacts, and a box's content (tagged by the composer) between
them, so a screen reader reads the words and skips the decoration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from ..tagging.marks import begin_mark, end_mark


@dataclass(frozen=True)
class BoxStyle:
    """How a box looks. Widths and paddings in points."""

    padding: float = 8
    background: Color | None = None
    border: Color | None = None
    border_width: float = 1.0
    dash: tuple[float, ...] | None = None
    radius: float = 4
    left_bar: Color | None = None
    left_bar_width: float = 5
    space_between: float = 4


class Box(Flowable):  # type: ignore[misc]
    """A bordered, padded group of flowables that never splits across pages."""

    def __init__(
        self,
        content: Sequence[Flowable],
        style: BoxStyle,
        *,
        name: str = "box",
        field: str | None = None,
    ) -> None:
        super().__init__()
        self.content = list(content)
        self.style = style
        self.name = name
        self.field = field
        self._sizes: list[tuple[float, float]] = []

    def _inner_left(self) -> float:
        extra = self.style.left_bar_width if self.style.left_bar is not None else 0
        return self.style.padding + extra

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = avail_width - self._inner_left() - self.style.padding
        # One pass: each part's size and the space before it, added up in the order (and
        # from the int 0) the sum over both lists it replaces used, so to the same number.
        sizes: list[tuple[float, float]] = []
        self._sizes = sizes
        body: float = 0
        for f in self.content:
            size = f.wrap(inner, 1e6)
            body += size[1] + f.getSpaceBefore() if sizes else size[1]
            sizes.append(size)
        gaps = self.style.space_between * max(len(self.content) - 1, 0)
        self.width = avail_width
        self.height = body + gaps + 2 * self.style.padding
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # never split: the frame moves the whole box on

    def tallest_piece(self, width: float) -> tuple[float, str, str | None, str]:
        """The box is one piece: its height, name, field and what to do if it is too tall."""
        _, height = self.wrap(width, 1e6)
        return height, self.name, self.field, "it is never split, so shorten its text"

    def draw(self) -> None:
        canvas, st = self.canv, self.style
        begin_mark(canvas)
        canvas.saveState()
        if st.background is not None or st.border is not None:
            if st.background is not None:
                canvas.setFillColor(st.background)
            if st.border is not None:
                canvas.setStrokeColor(st.border)
                canvas.setLineWidth(st.border_width)
                if st.dash:
                    canvas.setDash(list(st.dash))
            inset = st.border_width / 2 if st.border is not None else 0
            canvas.roundRect(
                inset,
                inset,
                self.width - 2 * inset,
                self.height - 2 * inset,
                st.radius,
                stroke=st.border is not None,
                fill=st.background is not None,
            )
        mirrored = getattr(self, "mirrored", False)  # right to left: the bar on the right
        if st.left_bar is not None:
            canvas.setFillColor(st.left_bar)
            bar_x = self.width - st.left_bar_width if mirrored else 0
            canvas.rect(bar_x, 0, st.left_bar_width, self.height, stroke=0, fill=1)
        canvas.restoreState()
        end_mark(canvas)
        y = self.height - st.padding
        x = st.padding if mirrored else self._inner_left()
        for i, (flowable, (_, h)) in enumerate(zip(self.content, self._sizes, strict=True)):
            if i:
                y -= st.space_between + flowable.getSpaceBefore()
            y -= h
            flowable.drawOn(canvas, x, y)


class Band(Flowable):  # type: ignore[misc]
    """A coloured band behind its content that runs out to the page edges (and any bleed)."""

    def __init__(
        self,
        content: Flowable,
        colour: Color,
        *,
        pad: float,
        out_left: float,
        out_right: float,
        out_top: float,
    ) -> None:
        super().__init__()
        self.content, self.colour, self.pad = content, colour, pad
        self.out_left, self.out_right, self.out_top = out_left, out_right, out_top
        self._ch = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self._ch = self.content.wrap(avail_width, avail_height)
        self.width, self.height = avail_width, self._ch + self.pad
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canvas = self.canv
        begin_mark(canvas)
        canvas.saveState()
        canvas.setFillColor(self.colour)
        canvas.rect(
            -self.out_left,
            0,
            self.width + self.out_left + self.out_right,
            self.height + self.out_top,
            stroke=0,
            fill=1,
        )
        canvas.restoreState()
        end_mark(canvas)
        self.content.drawOn(canvas, 0, self.pad)


class Rule(Flowable):  # type: ignore[misc]
    """A thin horizontal line across the frame, with space above and below."""

    def __init__(self, colour: Color, width: float, space: float) -> None:
        super().__init__()
        self.colour, self.line_width, self.space = colour, width, space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.space * 2
        return self.width, self.height

    def draw(self) -> None:
        begin_mark(self.canv)
        self.canv.saveState()
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(self.line_width)
        self.canv.line(0, self.space, self.width, self.space)
        self.canv.restoreState()
        end_mark(self.canv)


class Bookmark(Flowable):  # type: ignore[misc]
    """A zero-size marker that adds an outline (bookmark) entry where it lands."""

    def __init__(self, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.title, self.key, self.level = title, key, level
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class TierIcon(Flowable):  # type: ignore[misc]
    """A drawn icon per urgency tier, so tiers differ by shape as well as colour.

    ``emergency``: a warning triangle with "!"; ``urgent``: a clock (today);
    ``routine``: a calendar page.
    """

    def __init__(self, tier: str, colour: Color, size: float, ink: Color) -> None:
        super().__init__()
        self.tier, self.colour, self.size, self.ink = tier, colour, size, ink
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c, s = self.canv, self.size
        begin_mark(c)  # decoration: the tier's heading beside it says the same in words
        c.saveState()
        c.setLineJoin(1)
        c.setLineCap(1)
        getattr(self, f"_draw_{self.tier}")(c, s)
        c.restoreState()
        end_mark(c)

    def _draw_emergency(self, c: Any, s: float) -> None:
        path = c.beginPath()
        path.moveTo(s / 2, s * 0.97)
        path.lineTo(s * 0.98, s * 0.06)
        path.lineTo(s * 0.02, s * 0.06)
        path.close()
        c.setFillColor(self.colour)
        c.drawPath(path, stroke=0, fill=1)
        c.setFillColor(Color(1, 1, 1))
        c.roundRect(s * 0.455, s * 0.36, s * 0.09, s * 0.36, s * 0.04, stroke=0, fill=1)
        c.circle(s / 2, s * 0.23, s * 0.06, stroke=0, fill=1)

    def _draw_urgent(self, c: Any, s: float) -> None:
        c.setFillColor(self.colour)
        c.circle(s / 2, s / 2, s * 0.48, stroke=0, fill=1)
        c.setStrokeColor(Color(1, 1, 1))
        c.setLineWidth(s * 0.09)
        c.line(s / 2, s / 2, s / 2, s * 0.8)
        c.line(s / 2, s / 2, s * 0.72, s * 0.38)

    def _draw_routine(self, c: Any, s: float) -> None:
        c.setFillColor(self.colour)
        c.setStrokeColor(self.colour)
        c.setLineWidth(s * 0.08)
        c.roundRect(s * 0.06, s * 0.06, s * 0.88, s * 0.78, s * 0.08, stroke=1, fill=0)
        c.rect(s * 0.06, s * 0.62, s * 0.88, s * 0.22, stroke=0, fill=1)
        for x in (0.3, 0.7):
            c.roundRect(s * (x - 0.05), s * 0.72, s * 0.1, s * 0.26, s * 0.04, stroke=0, fill=1)
        for row in (0.42, 0.22):
            for col in (0.25, 0.45, 0.65):
                c.rect(s * col, s * row, s * 0.12, s * 0.1, stroke=0, fill=1)
