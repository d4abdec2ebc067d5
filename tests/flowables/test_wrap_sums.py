"""Wraps made cheaper without changing a number: a box's and a stack's height is added up
in the order the old ``sum`` added it (the very same float), and a paragraph laid out from
remembered lines gets the line widths ReportLab's own wrap gives."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from pdfbuilder import _rl
from pdfbuilder.flowables.boxes import Box, BoxStyle
from pdfbuilder.flowables.rows import Stack
from pdfbuilder.text.fonts import register_family
from pdfbuilder.text.para import Para

_rl.install()
STYLE = ParagraphStyle(
    "indented",
    fontName=register_family().regular,
    fontSize=10.3,
    leading=13.7,
    leftIndent=7.1,
    firstLineIndent=-3.3,
    rightIndent=2.9,
)
TEXT = " ".join(f"word{i}" for i in range(70))


def _parts() -> list[Flowable]:
    """Flowables with awkward fractional heights and spaces before them."""
    parts: list[Flowable] = []
    for i, height in enumerate((0.1, 12.345, 7.77, 0.3, 101.01)):
        spacer = Spacer(10, height)
        spacer.spaceBefore = 0.7 * i + 0.01
        parts.append(spacer)
    parts.append(Para(TEXT, STYLE))
    return parts


def test_a_box_height_is_the_sum_it_always_was() -> None:
    parts = _parts()
    style = BoxStyle(padding=6.3, space_between=2.2)
    box = Box(parts, style)
    _, height = box.wrap(287.4, 1e6)
    inner = 287.4 - 2 * 6.3
    sizes = [f.wrap(inner, 1e6) for f in parts]
    body = sum(
        h + f.getSpaceBefore() * (i > 0)
        for i, (f, (_, h)) in enumerate(zip(parts, sizes, strict=True))
    )
    assert height == body + 2.2 * (len(parts) - 1) + 2 * 6.3  # exactly, not roughly
    assert box._sizes == sizes


def test_a_stack_height_is_the_sum_it_always_was() -> None:
    parts = _parts()
    stack = Stack(parts, gap=1.3)
    _, height = stack.wrap(199.9, 1e6)
    sizes = [f.wrap(199.9, 1e6) for f in parts]
    assert height == sum(h for _, h in sizes) + 1.3 * (len(parts) - 1)
    assert stack._sizes == sizes


def test_empty_box_and_stack() -> None:
    assert Box([], BoxStyle(padding=4)).wrap(100, 1e6) == (100, 8)
    assert Stack([]).wrap(100, 1e6) == (100, 0)


def test_remembered_lines_come_with_reportlab_line_widths() -> None:
    first, again = Para(TEXT, STYLE), Para(TEXT, STYLE)  # the second finds remembered lines
    plain = Paragraph(TEXT, STYLE)
    for width in (211.3, 150.0, 211.3):
        sizes = [p.wrap(width, 1e6) for p in (first, again, plain)]
        assert sizes[0] == sizes[1] == sizes[2]
        assert first._wrapWidths == again._wrapWidths == plain._wrapWidths
        assert again.blPara is first.blPara  # remembered, not broken again
