"""A balanced row of boxes (the seek-help tiers side by side): widths chosen once per width,
each box drawn as it was last measured."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from pdfbuilder.flowables.boxes import Box, BoxStyle
from pdfbuilder.flowables.rows import Row
from pdfbuilder.text.fonts import register_family
from pdfbuilder.text.para import Para

STYLE = ParagraphStyle("body", fontName=register_family().regular, fontSize=11, leading=14)


class Counted(Box):
    """A box that counts its wraps and remembers the last width it was wrapped at."""

    def __init__(self, words: int) -> None:
        text = " ".join(f"word{i}" for i in range(words))
        super().__init__([Para(text, STYLE)], BoxStyle())
        self.wraps: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.wraps.append(avail_width)
        return super().wrap(avail_width, avail_height)


def _row() -> tuple[Row, list[Counted]]:
    boxes = [Counted(120), Counted(20), Counted(45)]
    return Row(boxes, 6, balance=True), boxes


def test_balancing_gives_a_long_list_a_wider_box() -> None:
    row, _ = _row()
    row.wrap(500, 1e6)
    assert row._cells[0] > row._cells[1]
    assert abs(sum(row._cells) - (500 - 2 * 6)) < 1e-6


def test_the_widths_are_balanced_once_per_width() -> None:
    row, boxes = _row()
    row.wrap(500, 1e6)
    first = [len(box.wraps) for box in boxes]
    assert all(n <= 6 for n in first)  # a measured width is never measured again
    row.wrap(500, 1e6)  # wrapped again at the same width, to be drawn
    assert [len(box.wraps) - n for box, n in zip(boxes, first, strict=True)] == [1, 1, 1]
    row.wrap(400, 1e6)  # another width is balanced afresh
    assert all(len(box.wraps) > n + 1 for box, n in zip(boxes, first, strict=True))


def test_each_box_is_last_wrapped_at_the_width_it_is_drawn_in() -> None:
    row, boxes = _row()
    row.wrap(500, 1e6)
    row.wrap(500, 1e6)
    assert [box.wraps[-1] for box in boxes] == row._cells
    canvas = Canvas(io.BytesIO())
    row.drawOn(canvas, 0, 0)  # draws from each box's own last measure
    assert all(box.height == row.height for box in boxes)
