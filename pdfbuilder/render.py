"""Stage 4, render: flowables into page templates, to PDF bytes. Pure: same inputs, same bytes.

In: a function that composes the flowables for a page geometry, the handout (for metadata and
the footer) and the layout. Out: the bytes of the PDF.

Every page carries a footer with the document id, version, review date and "Page X of Y".
The total Y is known only after layout. When the label ends with the total (as "Page 2 of 3"
does), Y is a PDF form that every page uses and that is filled in once the last page is done:
one pass. Otherwise the first pass uses the page count seen last time for the same inputs, and
if that guess was wrong the leaflet is laid out once more with the right total (the footer
never changes how text flows, so the second pass lays out exactly like the first).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from ._version import __version__
from .compose import SEEK_HELP_BOX, Geometry
from .errors import HandoutError
from .flowables import Box
from .labels import Labels
from .layout import Layout
from .markup import plain
from .model import Handout
from .styles import Styles

PAPER_SIZES = {"a4": A4, "letter": LETTER}

_page_count_memo: dict[tuple[Any, ...], int] = {}


@dataclass(frozen=True)
class PageSetup:
    """Paper size and the text frame on it, in points."""

    width: float
    height: float
    geometry: Geometry
    footer_height: float


def page_setup(layout: Layout, paper: str, footer_lines: int = 1) -> PageSetup:
    """Page and frame geometry for ``layout`` on ``paper``, with a footer of 1 or 2 lines."""
    width, height = PAPER_SIZES[paper]
    m = layout.page.margins
    footer = layout.type.small * (1.9 + 1.3 * footer_lines)
    geometry = Geometry(
        frame_width=width - (m.left + m.right) * mm,
        frame_height=height - (m.top + m.bottom) * mm - footer,
        margin_left=m.left * mm,
        margin_right=m.right * mm,
        margin_top=m.top * mm,
    )
    return PageSetup(width, height, geometry, footer)


def render(
    compose: Callable[[Geometry], list[Flowable]],
    handout: Handout,
    layout: Layout,
    styles: Styles,
    labels: Labels,
    paper: str,
) -> bytes:
    """Lay out and draw the leaflet; return the PDF bytes."""
    width = PAPER_SIZES[paper][0] - (layout.page.margins.left + layout.page.margins.right) * mm
    lines = 1 if _footer_fits(handout, layout, styles, labels, width) else 2
    setup = page_setup(layout, paper, lines)
    if labels("page_of").endswith("{pages}"):
        return _render_pass(compose, handout, layout, styles, labels, setup, None)[0]
    key = (handout, layout, paper)
    guess = _page_count_memo.get(key, 2)
    pdf, pages = _render_pass(compose, handout, layout, styles, labels, setup, guess)
    if pages != guess:
        pdf, pages = _render_pass(compose, handout, layout, styles, labels, setup, pages)
    _page_count_memo[key] = pages
    return pdf


TOTAL_FORM = "pageTotal"


class _TotalCanvas(Canvas):  # type: ignore[misc]
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


def _render_pass(
    compose: Callable[[Geometry], list[Flowable]],
    handout: Handout,
    layout: Layout,
    styles: Styles,
    labels: Labels,
    setup: PageSetup,
    total: int | None,
) -> tuple[bytes, int]:
    """One layout pass. ``total`` is the page count to print, or None to fill it in at the end."""
    flowables = compose(setup.geometry)
    _refuse_oversized_boxes(flowables, setup, handout)
    buffer = io.BytesIO()
    doc = _doc_template(buffer, handout, layout, styles, labels, setup, total)
    style = (styles.fonts.bold, layout.type.small, styles.palette.muted)
    try:
        doc.build(flowables, canvasmaker=partial(_TotalCanvas, total_style=style))
    except LayoutError as exc:
        raise HandoutError(
            f"content does not fit the page: {exc}; shorten it or choose another layout",
            file=_file_of(handout),
        ) from None
    return buffer.getvalue(), doc.page


def _file_of(handout: Handout) -> str | None:
    return handout.origin.file if handout.origin is not None else None


def _refuse_oversized_boxes(flowables: list[Flowable], setup: PageSetup, handout: Handout) -> None:
    g = setup.geometry
    for flowable in flowables:
        if isinstance(flowable, Box):
            _, height = flowable.wrap(g.frame_width, g.frame_height)
            if height > g.frame_height:
                what = (
                    "the when-to-get-help box" if flowable.name == SEEK_HELP_BOX else flowable.name
                )
                over = (height - g.frame_height) / mm
                raise HandoutError(
                    f"{what} is {height / mm:.0f} mm tall but a page holds "
                    f"{g.frame_height / mm:.0f} mm "
                    f"(about {over:.0f} mm too much); it is never split, so shorten its text",
                    file=_file_of(handout),
                    field=flowable.field,
                )


def _doc_template(
    buffer: io.BytesIO,
    handout: Handout,
    layout: Layout,
    styles: Styles,
    labels: Labels,
    setup: PageSetup,
    total: int | None,
) -> BaseDocTemplate:
    m = layout.page.margins
    g = setup.geometry
    doc = BaseDocTemplate(
        buffer,
        pagesize=(setup.width, setup.height),
        leftMargin=m.left * mm,
        rightMargin=m.right * mm,
        topMargin=m.top * mm,
        bottomMargin=m.bottom * mm,
        title=plain(handout.title),
        author=handout.review.organisation,
        subject=plain(handout.purpose),
        keywords=_keywords(handout, labels),
        creator=f"handout {__version__} (clinic-handouts)",
        lang=handout.language,
        displayDocTitle=1,
        invariant=1,
        initialFontName=styles.fonts.regular,
    )
    frame = Frame(
        m.left * mm,
        m.bottom * mm + setup.footer_height,
        g.frame_width,
        g.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def on_page(canvas: Any, doc: BaseDocTemplate) -> None:
        _footer(canvas, doc.page, total, handout, layout, styles, labels, setup)
        if doc.page == 1:
            canvas.showOutline()

    doc.addPageTemplates([PageTemplate("page", [frame], onPage=on_page)])
    return doc


def _keywords(handout: Handout, labels: Labels) -> str:
    words = [plain(handout.title), *(plain(ex.name) for ex in handout.exercises)]
    words.append(labels("pdf_keywords"))
    return ", ".join(words)


def _footer_texts(handout: Handout, labels: Labels) -> str:
    r = handout.review
    return labels(
        "document_line",
        document_id=r.document_id,
        version=r.version,
        next_review=labels.month_year(r.next_review),
    )


def _footer_fits(
    handout: Handout, layout: Layout, styles: Styles, labels: Labels, width: float
) -> bool:
    """Whether the page label and the document line fit side by side on one line."""
    size = layout.type.small
    right = labels("page_of", page=99, pages=99)
    used = stringWidth(_footer_texts(handout, labels), styles.fonts.regular, size)
    return used + stringWidth(right, styles.fonts.bold, size) + size * 2 <= width


def _footer(
    canvas: Any,
    page: int,
    total: int | None,
    handout: Handout,
    layout: Layout,
    styles: Styles,
    labels: Labels,
    setup: PageSetup,
) -> None:
    """The footer: "Page X of Y" on the left, document id, version and review date after it
    (on the right, or on a second line when both do not fit on one)."""
    m = layout.page.margins
    size = layout.type.small
    two_lines = setup.footer_height > size * 3.3
    left_x, right_x = m.left * mm, setup.width - m.right * mm
    y = m.bottom * mm + size * 0.4
    page_y = y + size * 1.3 if two_lines else y
    canvas.saveState()
    canvas.setStrokeColor(styles.palette.card_border)
    canvas.setLineWidth(0.6)
    line_y = page_y + size * 1.5
    canvas.line(left_x, line_y, right_x, line_y)
    canvas.setFillColor(styles.palette.muted)
    canvas.setFont(styles.fonts.regular, size)
    document = _footer_texts(handout, labels)
    if two_lines:
        canvas.drawString(left_x, y, document)
    else:
        canvas.drawRightString(right_x, y, document)
    canvas.setFont(styles.fonts.bold, size)
    if total is None:
        before = labels("page_of", page=page, pages="\0").split("\0")[0]
        canvas.drawString(left_x, page_y, before)
        canvas.translate(left_x + stringWidth(before, styles.fonts.bold, size), page_y)
        canvas.doForm(TOTAL_FORM)
    else:
        canvas.drawString(left_x, page_y, labels("page_of", page=page, pages=total))
    canvas.restoreState()
