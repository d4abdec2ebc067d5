"""Render, flowing layouts: the story in one frame a page, with the footer on every page.

In: a :class:`~pdfbuilder.render.job.RenderJob` for a layout with ``template: flow`` or
``easy-read`` (booklets too: their pages come out in reading order). Out: PDF bytes. Pure:
same inputs, same bytes.

Every page carries a footer with the document id, version, review date and "Page X of Y".
When the label ends with the total (as "Page 2 of 3" does), Y is a PDF form filled in once
the last page is done: one pass. Otherwise the first pass uses the page count seen last time
for the same inputs, and if that guess was wrong the leaflet is laid out once more (the
footer never changes how text flows, so the second pass lays out like the first).
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, PageTemplate

from ..compose.context import Geometry
from ..compose.seekhelp import SEEK_HELP_BOX
from ..content.model import Handout
from ..flowables.boxes import Box
from ..layout.model import Layout
from .blame import TooTall, in_mm, plain_text
from .job import RenderJob, build_document, source_file
from .pages import (
    Footer,
    PageSetup,
    doc_template,
    draw_crop_marks,
    footer_fits,
    page_setup,
    page_size,
)

_page_count_memo: dict[tuple[Any, ...], int] = {}


def render_flow(job: RenderJob) -> bytes:
    """Lay out and draw a flowing leaflet; return the PDF bytes."""
    lay = job.layout
    width = page_size(lay, job.paper)[0] - (lay.page.margins.left + lay.page.margins.right) * mm
    lines = 1 if footer_fits(job.handout, lay, job.styles, job.labels, width) else 2
    lines += 1 if job.footer_note else 0
    setup = page_setup(lay, job.paper, print_marks=job.print_marks, footer_lines=lines)
    if job.labels("page_of").endswith("{pages}"):
        return _flow_pass(job, setup, None)[0]
    key = (job.handout, lay, job.paper, job.print_marks)
    guess = _page_count_memo.get(key, 2)
    pdf, pages = _flow_pass(job, setup, guess)
    if pages != guess:
        pdf, pages = _flow_pass(job, setup, pages)
    _page_count_memo[key] = pages
    return pdf


def flow_geometry(layout: Layout, setup: PageSetup) -> Geometry:
    """The text frame of a flowing page."""
    m = layout.page.margins
    return Geometry(
        frame_width=setup.trim_width - (m.left + m.right) * mm,
        frame_height=setup.trim_height - (m.top + m.bottom) * mm - setup.footer_height,
        band_left=m.left * mm + setup.bleed,
        band_right=m.right * mm + setup.bleed,
        band_top=m.top * mm + setup.bleed,
    )


def _flow_pass(job: RenderJob, setup: PageSetup, total: int | None) -> tuple[bytes, int]:
    """One layout pass. ``total`` is the page count to print, or None to fill it in at the end."""
    geometry = flow_geometry(job.layout, setup)
    flowables = [f for _, block in job.compose(job.layout, geometry) for f in block]
    refuse_oversized_boxes(flowables, geometry, job.handout)
    m = job.layout.page.margins
    frame = Frame(
        setup.offset + m.left * mm,
        setup.offset + m.bottom * mm + setup.footer_height,
        geometry.frame_width,
        geometry.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    two_lines = not footer_fits(
        job.handout,
        job.layout,
        job.styles,
        job.labels,
        flow_geometry(job.layout, setup).frame_width,
    )
    footer = Footer(
        job.handout, job.layout, job.styles, job.labels, setup, two_lines, job.footer_note
    )

    def on_page(canvas: Any, doc: Any) -> None:
        if job.layout.footer:
            footer.draw(canvas, doc.page, total)
        draw_crop_marks(canvas, setup, job.layout.grayscale)
        if doc.page == 1:
            canvas.showOutline()

    buffer = io.BytesIO()
    templates = [PageTemplate("page", [frame], onPage=on_page)]
    doc = doc_template(buffer, job.handout, job.styles, job.labels, setup, templates)
    build_document(doc, flowables, job)
    return buffer.getvalue(), doc.page


def refuse_oversized_boxes(flowables: list[Flowable], g: Geometry, handout: Handout) -> None:
    """A box never splits, so one taller than a whole page can never be placed: say so."""
    for flowable in flowables:
        if isinstance(flowable, Box):
            _, height = flowable.wrap(g.frame_width, g.frame_height)
            if height > g.frame_height:
                what = (
                    "the when-to-get-help box" if flowable.name == SEEK_HELP_BOX else flowable.name
                )
                tall, room, over = in_mm(height, g.frame_height)
                raise TooTall(  # the pipeline blames a print-time note on the note
                    f"{what} is {tall} mm tall but a page holds {room} mm "
                    f"(about {over} mm too much); it is never split, so shorten its text",
                    plain_text(flowable),
                    source_file(handout),
                    field=flowable.field,
                )
