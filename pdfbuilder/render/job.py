"""What the render stage needs for one leaflet, and running ReportLab's layout on it.

In: the compose function, the handout, layout, styles and labels, and how to print.
Out: a :class:`RenderJob`, which both page engines (:mod:`~pdfbuilder.render.flow` and
:mod:`~pdfbuilder.render.trifold`) take, and :func:`build_document`, which both use to run
ReportLab's layout and turn its failure into a :class:`~pdfbuilder.errors.HandoutError`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from .._rl.compression import quick_compression
from ..compose.context import Block, Geometry
from ..content.labels import Labels
from ..content.model import Handout
from ..layout.model import Layout
from ..layout.styles import Styles
from ..tagging.marks import Recorder
from .blame import too_tall
from .pages import TotalCanvas

#: Composes the leaflet's blocks for a layout (possibly with scaled type) and a frame.
Compose = Callable[[Layout, Geometry], list[Block]]


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
    recorder: Recorder | None = None  # tagged PDF: what was drawn for which node
    # Tagged PDF: composes the same flowables without structure, for trial fits that are
    # thrown away (a trifold shrinking its type); None: use ``compose``.
    trial_compose: Compose | None = None


def build_document(doc: Any, flowables: list[Flowable], job: RenderJob) -> None:
    """Run ReportLab's layout, turning its LayoutError into a HandoutError."""
    style = (job.styles.fonts.bold, job.layout.type.small, job.styles.palette.muted)
    story = list(flowables)  # ReportLab empties the list it lays out
    try:
        canvas = partial(TotalCanvas, total_style=style)
        maker = job.recorder.canvasmaker(canvas) if job.recorder is not None else canvas
        with quick_compression():
            doc.build(flowables, canvasmaker=maker)
    except LayoutError:  # its text names Python objects: say which piece, in mm, instead
        raise too_tall(story, doc.frame, source_file(job.handout)) from None


def source_file(handout: Handout) -> str | None:
    """The file the handout was read from, for messages (None for text given directly)."""
    return handout.origin.file if handout.origin is not None else None
