"""The gallery: every built-in pose and figure on labelled A4 pages, for clinical review.

In: a ``FigureStyle`` (optional). Out: PDF bytes (byte-identical on every run).
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from pdfbuilder.figures.icons import pictogram_page
from pdfbuilder.figures.library import library
from pdfbuilder.figures.render import figure_drawing
from pdfbuilder.figures.replay import draw_figure
from pdfbuilder.figures.spec import Figure
from pdfbuilder.figures.style import FigureStyle, to_color
from pdfbuilder.text.fonts import register_family

MARGIN = 15 * mm
POSE_BOX = (55 * mm, 35 * mm)
FIGURE_BOX = (82 * mm, 52 * mm)


Cell = tuple[str, str, str, Figure]  # name, view, note, figure


def _grid(
    canvas: Canvas,
    title: str,
    cells: list[Cell],
    box: tuple[float, float],
    style: FigureStyle,
    font: str,
) -> None:
    """Cells (name, view, note, figure) in a grid under a page title, new pages as needed."""
    page_w, page_h = A4
    cols = int((page_w - 2 * MARGIN + 6 * mm) // (box[0] + 6 * mm))
    cell_h = box[1] + 14 * mm
    rows = int((page_h - 2 * MARGIN - 12 * mm) // cell_h)
    gray = to_color(style.ink, style.grayscale)
    for start in range(0, len(cells), cols * rows):
        canvas.setFont(font, 14)
        canvas.setFillColor(gray)
        canvas.drawString(MARGIN, page_h - MARGIN - 5 * mm, title)
        for i, (name, view, note, figure) in enumerate(cells[start : start + cols * rows]):
            x = MARGIN + (i % cols) * (box[0] + 6 * mm)
            y = page_h - MARGIN - 12 * mm - (i // cols + 1) * cell_h + 10 * mm
            canvas.setStrokeColor(to_color(style.prop_fill, style.grayscale))
            canvas.rect(x, y, box[0], box[1])
            draw_figure(canvas, figure_drawing(figure, box[0], box[1], style), x, y)
            canvas.setFillColor(gray)
            canvas.setFont(font, 9)
            canvas.drawString(x, y - 4.5 * mm, name)
            canvas.setFont(font, 7)
            canvas.drawRightString(x + box[0], y - 4.5 * mm, view)
            canvas.setFont(font, 6.5)
            canvas.drawString(x, y - 8 * mm, _fit(note, font, 6.5, box[0] + 4 * mm))
        canvas.showPage()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut (with an ellipsis) to fit ``width`` pt."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def gallery_pdf(style: FigureStyle | None = None) -> bytes:
    """Every built-in figure (by body region) and pose, each with its name and view, and every
    pictogram."""
    style = style or FigureStyle()
    font = register_family().regular
    lib = library()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=font)
    canvas.setTitle("Exercise figure library")
    for region in dict.fromkeys(lib.regions.values()):
        figures = [
            (name, figure.poses[0].view.describe(), lib.descriptions[name], figure)
            for name, figure in lib.figures.items()
            if lib.regions[name] == region
        ]
        if figures:
            _grid(canvas, f"Built-in figures: {region}", figures, FIGURE_BOX, style, font)
    poses = [
        (
            name,
            pose.view.describe(),
            pose.description,
            Figure(alt=name, poses=(pose,), show="whole"),
        )
        for name, pose in lib.poses.items()
    ]
    _grid(canvas, "Built-in poses", poses, POSE_BOX, style, font)
    pictogram_page(canvas, style, font)
    canvas.save()
    return buffer.getvalue()
