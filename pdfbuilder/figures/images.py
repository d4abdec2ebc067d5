"""Image-file figures: checked at parse time, scaled into the figure box at render time.

In: a path (PNG, JPEG or SVG). Out: at parse time, the absolute path or a ``FigureError``;
at render time, a flowable of exactly the box size with the image centred and fitted inside.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group
from reportlab.platypus import Flowable

from pdfbuilder.errors import FigureError

RASTER_FORMATS = {"PNG", "JPEG"}


def check_image(name: str, base_dir: Path | None) -> str:
    """The absolute path of an image file that exists and reads as PNG, JPEG or SVG."""
    folder = (base_dir or Path.cwd()).resolve()
    path = (folder / name).resolve()
    if not path.is_file():
        raise FigureError(f'image file "{name}" not found (looked in {folder})', ("image",))
    if path.suffix.lower() == ".svg":
        if _svg(str(path)) is None:
            raise FigureError(f'image file "{name}" is not a readable SVG file', ("image",))
        return str(path)
    try:
        with Image.open(path) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = None
    if kind not in RASTER_FORMATS:
        raise FigureError(
            f'image file "{name}" is not a PNG, JPEG or SVG image; convert it to one of those',
            ("image",),
        )
    return str(path)


@functools.lru_cache(maxsize=64)
def _svg(path: str) -> Drawing | None:
    try:
        from xml.etree import ElementTree  # only SVG images need it

        root = ElementTree.parse(path).getroot()
        if not root.tag.endswith("svg"):
            return None
        from svglib.svglib import svg2rlg  # slow to import; only SVG figures need it

        drawing: Drawing | None = svg2rlg(path)
    except Exception:  # svglib raises many kinds of errors for broken files
        return None
    return drawing


def _fit(w: float, h: float, box_w: float, box_h: float) -> tuple[float, float, float]:
    """Scale and offsets that fit a w x h picture, centred, inside the box."""
    scale = min(box_w / w, box_h / h)
    return scale, (box_w - w * scale) / 2, (box_h - h * scale) / 2


@functools.lru_cache(maxsize=128)
def svg_drawing(path: str, width: float, height: float) -> Drawing:
    """An SVG file scaled into a Drawing of exactly the box size (cached)."""
    source = _svg(path)
    if source is None:
        raise FigureError(f'image file "{path}" is not a readable SVG file', ("image",))
    scale, dx, dy = _fit(source.width, source.height, width, height)
    group = Group(*source.contents, transform=(scale, 0, 0, scale, dx, dy))
    drawing = Drawing(width, height)
    drawing.add(group)
    return drawing


@functools.lru_cache(maxsize=128)
def _raster_size(path: str) -> tuple[int, int]:
    with Image.open(path) as image:
        size: tuple[int, int] = image.size
    return size


class FixedBox(Flowable):  # type: ignore[misc]
    """A flowable of a fixed size, whatever room it is offered."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height


class ImageFlowable(FixedBox):
    """A PNG or JPEG fitted and centred in a fixed box."""

    def __init__(self, path: str, width: float, height: float) -> None:
        super().__init__(width, height)
        self.path = path

    def draw(self) -> None:
        w, h = _raster_size(self.path)
        scale, dx, dy = _fit(w, h, self.width, self.height)
        self.canv.drawImage(self.path, dx, dy, w * scale, h * scale, mask="auto")


class DrawingFlowable(FixedBox):
    """A cached Drawing shown in a fixed box; cheap to create."""

    def __init__(self, drawing: Drawing, width: float, height: float) -> None:
        super().__init__(width, height)
        self.drawing = drawing

    def draw(self) -> None:
        renderPDF.draw(self.drawing, self.canv, 0, 0)
