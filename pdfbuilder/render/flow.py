"""Stage 4, render: flowables into page templates, to PDF bytes. Pure: same inputs, same bytes.

In: a function that composes the flowables for a page geometry, the handout (for metadata and
the footer), the layout and how to print (paper, print marks, imposition). Out: PDF bytes.

Flowing layouts put the story in one frame a page; a trifold places its panels itself (see
:mod:`pdfbuilder.trifold`); a booklet's pages are imposed on sheets afterwards (see
:mod:`pdfbuilder.impose`).

Every page of a flowing layout carries a footer with the document id, version, review date
and "Page X of Y". When the label ends with the total (as "Page 2 of 3" does), Y is a PDF form
filled in once the last page is done: one pass. Otherwise the first pass uses the page count
seen last time for the same inputs, and if that guess was wrong the leaflet is laid out once
more (the footer never changes how text flows, so the second pass lays out like the first).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from ..compose.context import Block, Geometry
from ..compose.seekhelp import SEEK_HELP_BOX
from ..content.labels import Labels
from ..content.model import Handout
from ..errors import HandoutError
from ..flowables.boxes import Box
from ..layout.model import Layout
from ..layout.styles import Styles
from .pages import (
    PAPER_SIZES,
    Footer,
    PageSetup,
    TotalCanvas,
    doc_template,
    draw_crop_marks,
    footer_fits,
    page_setup,
    page_size,
    quick_compression,
)

__all__ = ["PAPER_SIZES", "RenderJob", "render"]

#: Composes the leaflet's blocks for a layout (possibly with scaled type) and a frame.
Compose = Callable[[Layout, Geometry], list[Block]]
_page_count_memo: dict[tuple[Any, ...], int] = {}


@dataclass(frozen=True)
class RenderJob:
    """Everything the render stage needs for one leaflet."""

    compose: Compose
    handout: Handout
    layout: Layout
    styles: Styles
    labels: Labels
    paper: str
    print_marks: bool = False
    impose: bool = True
    footer_note: str | None = None  # a clinic's footer line, printed on every page


def render(job: RenderJob) -> bytes:
    """Lay out and draw the leaflet; return the PDF bytes."""
    if job.layout.template == "trifold":
        from .trifold import render_trifold  # only trifolds need it

        return render_trifold(job)
    pdf = _render_flow(job)
    if job.layout.imposition == "booklet" and job.impose and not job.print_marks:
        from ..output.impose import impose_booklet  # pypdf loads only for booklets

        pdf = impose_booklet(pdf)
    return pdf


def _render_flow(job: RenderJob) -> bytes:
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


def build_document(doc: Any, flowables: list[Flowable], job: RenderJob) -> None:
    """Run ReportLab's layout, turning its LayoutError into a HandoutError."""
    style = (job.styles.fonts.bold, job.layout.type.small, job.styles.palette.muted)
    try:
        with quick_compression():
            doc.build(flowables, canvasmaker=partial(TotalCanvas, total_style=style))
    except LayoutError as exc:
        raise HandoutError(
            f"content does not fit the page: {exc}; shorten it or choose another layout",
            file=_file_of(job.handout),
        ) from None


def _file_of(handout: Handout) -> str | None:
    return handout.origin.file if handout.origin is not None else None


def refuse_oversized_boxes(flowables: list[Flowable], g: Geometry, handout: Handout) -> None:
    """A box never splits, so one taller than a whole page can never be placed: say so."""
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
