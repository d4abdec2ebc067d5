"""Exercise figures: a pose model, a built-in pose library, and figures that show movement.

In: an exercise's ``figure:`` mapping (built-in name, own frames, or image file).
Out: a ``Figure`` (frozen), then a fixed-size vector flowable for the page.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable

from pdfbuilder.figures.catalog import CatalogEntry, catalog, catalog_lines
from pdfbuilder.figures.images import DrawingFlowable, ImageFlowable, svg_drawing
from pdfbuilder.figures.joints import JOINTS, Joint
from pdfbuilder.figures.library import builtin_figure_names, builtin_pose_names, load_pose
from pdfbuilder.figures.model import CONTACTS, Body, Pose, distance, place
from pdfbuilder.figures.parse import parse_figure
from pdfbuilder.figures.poses import parse_pose
from pdfbuilder.figures.replay import figure_flowable
from pdfbuilder.figures.schema import figure_schema
from pdfbuilder.figures.skeleton import SEGMENTS
from pdfbuilder.figures.spec import Arrow, Figure
from pdfbuilder.figures.style import FigureStyle
from pdfbuilder.figures.views import VIEW_NAMES, View

__all__ = [
    "CONTACTS",
    "JOINTS",
    "SEGMENTS",
    "VIEW_NAMES",
    "Arrow",
    "Body",
    "CatalogEntry",
    "Figure",
    "FigureStyle",
    "Joint",
    "Pose",
    "View",
    "builtin_figure_names",
    "builtin_icon_names",
    "builtin_pose_names",
    "catalog",
    "catalog_lines",
    "check_pose",
    "distance",
    "figure_schema",
    "gallery_pdf",
    "icon_drawing",
    "icon_flowable",
    "load_pose",
    "natural_aspect",
    "parse_figure",
    "parse_pose",
    "render_figure",
]


def builtin_icon_names() -> list[str]:
    """The Easy Read pictograms' names (see ``icons.builtin_icon_names``)."""
    from pdfbuilder.figures.icon_names import ICON_NAMES  # the drawings load only when drawn

    return list(ICON_NAMES)


def icon_drawing(name: str, size: float, style: FigureStyle) -> Drawing:
    """A pictogram as a Drawing (see ``icons.icon_drawing``)."""
    from pdfbuilder.figures.icons import icon_drawing as drawing

    return drawing(name, size, style)


def icon_flowable(name: str, size: float, style: FigureStyle) -> Flowable:
    """A pictogram as a flowable exactly ``size`` square (see ``icons.icon_flowable``)."""
    from pdfbuilder.figures.icons import icon_flowable as flowable

    return flowable(name, size, style)


def gallery_pdf(style: FigureStyle | None = None) -> bytes:
    """Every built-in pose and figure on labelled A4 pages (see ``gallery.gallery_pdf``)."""
    from pdfbuilder.figures.gallery import gallery_pdf as build  # only the gallery needs it

    return build(style)


def check_pose(pose: Pose) -> Body:
    """Run every check of the model on ``pose`` (ranges, floor contact) and place it."""
    return place(pose)


def render_figure(figure: Figure, width: float, height: float, style: FigureStyle) -> Flowable:
    """A flowable of exactly ``width`` x ``height`` pt showing the figure (drawing cached)."""
    if figure.image is not None:
        if figure.image.lower().endswith(".svg"):
            drawing = svg_drawing(figure.image, width, height)
            if style.grayscale:
                from pdfbuilder.figures.gray import gray_drawing

                drawing = gray_drawing(drawing)
            return DrawingFlowable(drawing, width, height)
        return ImageFlowable(figure.image, width, height, gray=style.grayscale)
    return figure_flowable(figure, width, height, style)


def natural_aspect(figure: Figure) -> float | None:
    """Width over height of what a posed figure shows, before it is fitted to a box: about
    3 for a person lying down, under 1 for one standing (None for an image file)."""
    if figure.image is not None or not figure.poses:
        return None
    from pdfbuilder.figures.render import scene  # drawing loads only when drawn

    x0, y0, x1, y1 = scene(figure).box
    return (x1 - x0) / max(y1 - y0, 1e-6)
