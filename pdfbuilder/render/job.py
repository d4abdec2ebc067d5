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
from ..compose.references import References
from ..content.labels import Labels
from ..content.model import Handout
from ..errors import HandoutError
from ..layout.model import Layout
from ..layout.styles import Styles
from ..tagging.marks import Recorder
from .blame import TooTall as TooTallPiece
from .blame import in_mm, plain_text, too_tall
from .pages import TotalCanvas
from .paginate import TooTall, describe

#: Composes the leaflet's blocks for a layout (possibly with fewer blocks), a frame, and the
#: words for its cross-references.
Compose = Callable[[Layout, Geometry, References], list[Block]]


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
    # thrown away (a trifold trying what to leave out); None: use ``compose``.
    trial_compose: Compose | None = None
    personal: Any = None  # the patient's details, when given (their exercises win)


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


def refuse_too_tall(flowables: list[Flowable], g: Geometry, handout: Handout, where: str) -> None:
    """A piece that never splits (a box, a seek-help tier, a card's step with its feel and
    stop lines) and is taller than a whole frame can never be placed: say which, how tall,
    the room there is, and what to do."""
    for flowable in flowables:
        tallest = getattr(flowable, "tallest_piece", None)
        if tallest is None:
            continue
        height, what, field, advice = tallest(g.frame_width)
        if height > g.frame_height + 1e-6:
            raise _error(
                handout, what, field, advice, height, g.frame_height, where, plain_text(flowable)
            )


def too_tall_error(job: RenderJob, exc: TooTall, where: str) -> HandoutError:
    """The error for a flowable that fits no empty frame (found while laying out)."""
    field = getattr(exc.item, "field", None)
    advice = "it is never split, so shorten its text or choose a layout with smaller type"
    text = plain_text(exc.item)
    return _error(
        job.handout, describe(exc.item), field, advice, exc.height, exc.space, where, text
    )


def _error(
    handout: Handout,
    what: str,
    field: str | None,
    advice: str,
    height: float,
    space: float,
    where: str,
    text: str,
) -> TooTallPiece:
    """The error for a piece too tall for ``where``; the pipeline blames it on the field
    whose text it holds (a print-time note before the handout), else on ``field``."""
    tall, room, over = in_mm(height, space)
    message = (
        f"{what + ' ' if what else ''}is {tall} mm tall but {where} holds {room} mm "
        f"(about {over} mm too much); {advice}"
    )
    return TooTallPiece(message, text, source_file(handout), field)
