"""Choose the page engine for a layout: a folded trifold sheet, or pages of flowing text.

In: a :class:`~pdfbuilder.render.job.RenderJob`. Out: PDF bytes (for a booklet, its pages
in reading order: :mod:`pdfbuilder.output.impose` puts them on sheets afterwards).
"""

from __future__ import annotations

from .flow import render_flow
from .job import RenderJob
from .trifold import render_trifold


def render(job: RenderJob) -> bytes:
    """Lay out and draw the leaflet; return the PDF bytes."""
    if job.layout.template == "trifold":
        return render_trifold(job)
    return render_flow(job)
