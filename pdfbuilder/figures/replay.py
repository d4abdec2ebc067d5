"""A posed figure as a cheap flowable: its shapes turned into PDF operators once, replayed.

In: a figure's Drawing (built and cached by ``render``). Out: a flowable that appends the
cached operators to the page, and draws the label as live text (a font's subset and name
belong to one document, so text cannot be replayed).
"""

from __future__ import annotations

import functools
import io
import re

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, String
from reportlab.pdfgen.canvas import Canvas

from pdfbuilder._rl.canvas import operators as recorded_operators
from pdfbuilder.figures.images import FixedBox
from pdfbuilder.figures.spec import Figure
from pdfbuilder.figures.style import FigureStyle
from pdfbuilder.text.fonts import register_family

# renderPDF opens with a default font state ("BT /F1 10 Tf 12 TL ET"); the font name is the
# scratch canvas's and there is no text among the shapes, so the line is dropped.
_FONT_STATE = re.compile(r"^BT /F\d+(\+\d+)? [\d.]+ Tf [\d.]+ TL ET$", re.MULTILINE)


@functools.lru_cache(maxsize=512)
def _operators(drawing: Drawing) -> tuple[str, tuple[String, ...]]:
    """The drawing's non-text shapes as PDF operators, and its text shapes."""
    texts = tuple(shape for shape in drawing.contents if isinstance(shape, String))
    shapes = Drawing(drawing.width, drawing.height)
    for shape in drawing.contents:
        if not isinstance(shape, String):
            shapes.add(shape)
    canvas = Canvas(io.BytesIO())
    renderPDF.draw(shapes, canvas, 0, 0)
    return _FONT_STATE.sub("", recorded_operators(canvas)), texts


class FigureFlowable(FixedBox):
    """A posed figure in a fixed box; creating and drawing it reuses cached work."""

    def __init__(self, drawing: Drawing, width: float, height: float) -> None:
        super().__init__(width, height)
        self.drawing = drawing

    def draw(self) -> None:
        operators, texts = _operators(self.drawing)
        canvas = self.canv
        canvas.addLiteral(operators)
        for text in texts:
            canvas.setFillColor(text.fillColor)
            canvas.setFont(text.fontName, text.fontSize)
            canvas.drawRightString(text.x, text.y, text.text)


def draw_figure(canvas: Canvas, drawing: Drawing, x: float, y: float) -> None:
    """Draw a figure's cached drawing on a canvas at (x, y), like ``renderPDF.draw``."""
    canvas.saveState()
    canvas.translate(x, y)
    flowable = FigureFlowable(drawing, drawing.width, drawing.height)
    flowable.canv = canvas
    flowable.draw()
    canvas.restoreState()


def figure_flowable(
    figure: Figure, width: float, height: float, style: FigureStyle
) -> FigureFlowable:
    """The flowable for a posed figure (its drawing and operators cached)."""
    from pdfbuilder.figures.render import figure_drawing

    if figure.label:
        register_family()
    return FigureFlowable(figure_drawing(figure, width, height, style), width, height)
