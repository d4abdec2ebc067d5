"""Render, flowing layouts: the story in one frame a page, with the footer on every page.

In: a :class:`~pdfbuilder.render.job.RenderJob` for a layout with ``template: flow`` or
``easy-read`` (booklets too: their pages come out in reading order). Out: PDF bytes. Pure:
same inputs, same bytes.

The pages are laid out first (:mod:`~pdfbuilder.render.paginate`), then drawn, so the
page total is known when the first footer is drawn, and where each referenced block landed
is known after one drawing (:mod:`~pdfbuilder.render.references` lays out again only when
a cross-reference's words change). Every page carries a footer with the document id,
version, review date and "Page X of Y" (:mod:`~pdfbuilder.render.footer`).
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, PageBreak, PageTemplate

from ..compose.context import Geometry
from ..compose.references import References
from ..layout.model import Layout
from .footer import Footer, plan_footer
from .job import RenderJob, build_document, refuse_too_tall, too_tall_error
from .pages import PageSetup, doc_template, draw_crop_marks, page_setup, page_size
from .paginate import Filled, FrameContent, TooTall, paginate
from .references import Pass, settle


def render_flow(job: RenderJob) -> bytes:
    """Lay out and draw a flowing leaflet; return the PDF bytes."""
    lay = job.layout
    width = page_size(lay, job.paper)[0] - (lay.page.margins.left + lay.page.margins.right) * mm
    footer = plan_footer(job.handout, lay, job.styles, job.labels, width, job.footer_note)
    setup = page_setup(lay, job.paper, print_marks=job.print_marks, footer_height=footer.height)
    return settle(job, lambda refs: _flow_pass(job, setup, footer, refs))


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


def layout_pages(job: RenderJob, geometry: Geometry, refs: References) -> list[Filled]:
    """Compose the leaflet for this page geometry and lay it out in pages."""
    flowables = [f for _, block in job.compose(job.layout, geometry, refs) for f in block]
    refuse_too_tall(flowables, geometry, job.handout, "a page")
    size = (geometry.frame_width, geometry.frame_height)
    try:
        return paginate(flowables, lambda _: size)
    except TooTall as exc:
        raise too_tall_error(job, exc, "a page") from None


def _flow_pass(job: RenderJob, setup: PageSetup, footer: Footer, refs: References) -> Pass:
    """One layout and drawing of the leaflet, with the cross-references' words ``refs``."""
    geometry = flow_geometry(job.layout, setup)
    pages = layout_pages(job, geometry, refs)
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
    total = len(pages)

    def on_page(canvas: Any, doc: Any) -> None:
        if job.layout.footer:
            footer.draw(canvas, setup, job.layout, doc.page, total)
        draw_crop_marks(canvas, setup, job.layout.grayscale)
        if doc.page == 1:
            canvas.showOutline()

    story: list[Flowable] = []
    for number, page in enumerate(pages):
        if number:
            story.append(PageBreak())
        story.append(FrameContent(page.placed, geometry.frame_width, geometry.frame_height))
    buffer = io.BytesIO()
    templates = [PageTemplate("page", [frame], onPage=on_page)]
    doc = doc_template(buffer, job.handout, job.styles, job.labels, setup, templates)
    seen = refs.recording()
    build_document(doc, story, job)
    return Pass(buffer.getvalue(), seen.positions, pages)
