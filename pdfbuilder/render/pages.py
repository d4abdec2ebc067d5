"""Page geometry and what every page carries: size, print-shop boxes and marks, the footer.

In: a layout, a paper name and whether print marks are wanted. Out: a :class:`PageSetup`
(trim size, bleed, where the trim box sits on the sheet), a ReportLab document template with
the leaflet's metadata, and the drawing of crop marks. The footer is
:mod:`pdfbuilder.render.footer`.

With print marks, each page grows by 3 mm of bleed and a slug for the marks on every side;
the TrimBox and BleedBox say where the finished page and the bleed are, and backgrounds that
touch the page edge run on into the bleed. Nothing is scaled.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageTemplate

from .._version import __version__
from ..content.labels import Labels
from ..content.model import Handout
from ..layout.model import Layout
from ..layout.styles import Styles
from ..tagging.marks import PRINTER, begin_mark, end_mark
from ..text.markup import plain

PAPER_SIZES = {"a4": A4, "letter": LETTER}
BLEED = 3 * mm
#: Room outside the bleed for the crop marks.
SLUG = 9 * mm
TOTAL_FORM = "pageTotal"


@dataclass(frozen=True)
class PageSetup:
    """A page's finished (trim) size and where it sits on the sheet, in points."""

    trim_width: float
    trim_height: float
    offset: float = 0.0  # from the sheet's edge to the trim edge
    bleed: float = 0.0
    footer_height: float = 0.0

    @property
    def media(self) -> tuple[float, float]:
        """The sheet (MediaBox) size."""
        return self.trim_width + 2 * self.offset, self.trim_height + 2 * self.offset

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        o = self.offset
        return (o, o, o + self.trim_width, o + self.trim_height)

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        o, b = self.offset, self.bleed
        return (o - b, o - b, o + self.trim_width + b, o + self.trim_height + b)


def page_size(layout: Layout, paper: str) -> tuple[float, float]:
    """The finished page size: the paper, halved for booklets, turned for landscape."""
    width, height = PAPER_SIZES[paper]
    if layout.page.size == "half":
        width, height = height / 2, width
    if layout.page.orientation == "landscape":
        width, height = max(width, height), min(width, height)
    return width, height


def page_setup(
    layout: Layout, paper: str, *, print_marks: bool = False, footer_height: float = 0.0
) -> PageSetup:
    """Geometry for ``layout`` on ``paper``, with or without print marks, and the room the
    footer takes above the bottom margin (see :mod:`pdfbuilder.render.footer`)."""
    width, height = page_size(layout, paper)
    footer = footer_height if layout.footer else 0.0
    if print_marks:
        return PageSetup(width, height, BLEED + SLUG, BLEED, footer)
    return PageSetup(width, height, 0.0, 0.0, footer)


def doc_template(
    buffer: io.BytesIO,
    handout: Handout,
    styles: Styles,
    labels: Labels,
    setup: PageSetup,
    templates: list[PageTemplate],
) -> BaseDocTemplate:
    """A document template with the leaflet's metadata, boxes and page templates."""
    boxes: dict[str, Any] = {}
    if setup.offset:
        boxes = {"trimBox": setup.trim_box, "bleedBox": setup.bleed_box}
    doc = BaseDocTemplate(
        buffer,
        pagesize=setup.media,
        title=plain(handout.title),
        author=handout.review.organisation,
        subject=plain(handout.purpose),
        keywords=_keywords(handout, labels),
        creator=f"handout {__version__} (clinic-handouts)",
        lang=handout.language,
        displayDocTitle=1,
        invariant=1,
        initialFontName=styles.fonts.regular,
        **boxes,
    )
    doc.addPageTemplates(templates)
    return doc


def _keywords(handout: Handout, labels: Labels) -> str:
    words = [plain(handout.title), *(plain(ex.name) for ex in handout.exercises)]
    words.append(labels("pdf_keywords"))
    return ", ".join(words)


class TotalCanvas(Canvas):  # type: ignore[misc]
    """A canvas that, as the document is saved, defines the form printing the page total."""

    def __init__(self, *args: Any, total_style: tuple[str, float, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.total_style = total_style

    def save(self) -> None:
        font, size, colour = self.total_style
        self.beginForm(TOTAL_FORM, lowerx=0, lowery=-size, upperx=size * 12, uppery=size * 2)
        self.setFillColor(colour)
        self.setFont(font, size)
        self.drawString(0, 0, str(self.getPageNumber() - 1))
        self.endForm()
        super().save()


def draw_crop_marks(canvas: Any, setup: PageSetup, grayscale: bool) -> None:
    """Crop marks at the four corners of the trim box, outside the bleed.

    In registration colour (every ink), so they show on every plate; plain black on a
    grayscale layout.
    """
    if not setup.offset:
        return
    x0, y0, x1, y1 = setup.trim_box
    gap, length = setup.bleed + 1 * mm, 6 * mm
    begin_mark(canvas, PRINTER)
    canvas.saveState()
    canvas.setStrokeColor(Color(0, 0, 0) if grayscale else CMYKColor(1, 1, 1, 1))
    canvas.setLineWidth(0.25)
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            canvas.line(x + sx * gap, y, x + sx * (gap + length), y)
            canvas.line(x, y + sy * gap, x, y + sy * (gap + length))
    canvas.restoreState()
    end_mark(canvas, PRINTER)
