"""Built-in pictograms for Easy Read leaflets: one simple picture beside each idea.

In: a pictogram name, a square size in pt and a ``FigureStyle``. Out: a ``Drawing`` of
exactly ``size`` x ``size`` pt (cached per name, size and style), or a flowable that replays
it cheaply. The pictures are vector shapes in the style's colours only, with no text in them.
"""

from __future__ import annotations

import functools

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.icon_names import ICON_NAMES
from pdfbuilder.figures.icons_ideas import IDEAS
from pdfbuilder.figures.icons_kit import Kit
from pdfbuilder.figures.icons_people import PEOPLE
from pdfbuilder.figures.icons_regions import REGIONS
from pdfbuilder.figures.icons_scenes import SCENES
from pdfbuilder.figures.icons_things import THINGS
from pdfbuilder.figures.joints import suggest
from pdfbuilder.figures.replay import FigureFlowable, draw_figure
from pdfbuilder.figures.style import FigureStyle, to_color

ICONS = {**PEOPLE, **SCENES, **THINGS, **REGIONS, **IDEAS}
ORDER = ICON_NAMES


def builtin_icon_names() -> list[str]:
    """Names of the built-in pictograms, in gallery order."""
    return list(ORDER)


@functools.lru_cache(maxsize=512)
def icon_drawing(name: str, size: float, style: FigureStyle) -> Drawing:
    """The pictogram ``name`` as a Drawing of exactly ``size`` x ``size`` pt (cached)."""
    draw = ICONS.get(name)
    if draw is None:
        raise FigureError(f'unknown pictogram "{name}"{suggest(name, list(ORDER))}', ())
    kit = Kit(size, style)
    draw(kit)
    return kit.drawing


def icon_flowable(name: str, size: float, style: FigureStyle) -> Flowable:
    """A flowable of exactly ``size`` x ``size`` pt showing the pictogram (drawing cached)."""
    return FigureFlowable(icon_drawing(name, size, style), size, size)


def pictogram_page(canvas: Canvas, style: FigureStyle, font: str) -> None:
    """A gallery page titled "Pictograms": every built-in pictogram at 30 mm, named."""
    page_w, page_h = A4
    size, gap, margin = 30 * mm, 6 * mm, 15 * mm
    cols = int((page_w - 2 * margin + gap) // (size + gap))
    ink = to_color(style.ink, style.grayscale)
    for start in range(0, len(ORDER), cols * 4):
        canvas.setFont(font, 14)
        canvas.setFillColor(ink)
        canvas.drawString(margin, page_h - margin - 5 * mm, "Pictograms")
        for i, name in enumerate(ORDER[start : start + cols * 4]):
            x = margin + (i % cols) * (size + gap)
            y = page_h - margin - 12 * mm - (i // cols + 1) * (size + 12 * mm) + 10 * mm
            canvas.setStrokeColor(to_color(style.prop_fill, style.grayscale))
            canvas.rect(x, y, size, size)
            draw_figure(canvas, icon_drawing(name, size, style), x, y)
            canvas.setFillColor(ink)
            canvas.setFont(font, 9)
            canvas.drawString(x, y - 4.5 * mm, name)
        canvas.showPage()
