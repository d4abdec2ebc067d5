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

from reportlab.lib.units import mm
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
    personal: Any = None  # the patient's details, when given (their exercises win)


def build_document(doc: Any, flowables: list[Flowable], job: RenderJob) -> None:
    """Run ReportLab's layout, turning its LayoutError into a HandoutError."""
    style = (job.styles.fonts.bold, job.layout.type.small, job.styles.palette.muted)
    try:
        with quick_compression():
            doc.build(flowables, canvasmaker=partial(TotalCanvas, total_style=style))
    except LayoutError as exc:
        raise HandoutError(
            f"content does not fit the page: {exc}; shorten it or choose another layout",
            file=source_file(job.handout),
        ) from None


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
            raise _error(handout, what, field, advice, height, g.frame_height, where)


def too_tall_error(job: RenderJob, exc: TooTall, where: str) -> HandoutError:
    """The error for a flowable that fits no empty frame (found while laying out)."""
    field = getattr(exc.item, "field", None)
    advice = "it is never split, so shorten its text or choose a layout with smaller type"
    return _error(job.handout, describe(exc.item), field, advice, exc.height, exc.space, where)


def _error(
    handout: Handout,
    what: str,
    field: str | None,
    advice: str,
    height: float,
    space: float,
    where: str,
) -> HandoutError:
    message = (
        f"{what} is {height / mm:.0f} mm tall but {where} holds {space / mm:.0f} mm "
        f"(about {max(1.0, (height - space) / mm):.0f} mm too much); {advice}"
    )
    if field and handout.origin is not None:
        return handout.origin.error(tuple(_path(field)), message)
    return HandoutError(message, file=source_file(handout), field=field)


def _path(field: str) -> list[str | int]:
    """``seek_help.emergency`` or ``exercises[2]`` as a field path."""
    out: list[str | int] = []
    for part in field.replace("]", "").replace("[", ".").split("."):
        out.append(int(part) if part.isdigit() else part)
    return out
