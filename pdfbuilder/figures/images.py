"""Image-file figures and logos: read, checked and decoded once, when the file is loaded.

In: a path (PNG, JPEG or SVG) named in a handout or a clinic profile. Out: at load time, the
file's real path (or a ``FigureError`` saying what is wrong), with its bytes read through
:func:`~pdfbuilder.source.files.read_confined` (inside the allowed folders, a regular file,
size-capped) and kept; at render time, a flowable of exactly the box size with the image
centred and fitted inside, drawn from the kept bytes: the path is never opened again.

Everything that could fail when the page is drawn is tried at load time, so that it fails
with the field's position: the header's pixel size (:mod:`~pdfbuilder.figures.raster`),
the full decode, and a trial drawing on a scratch canvas. An SVG is checked first
(:mod:`~pdfbuilder.figures.svgfile`), then converted, and its size must be a real one.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group
from reportlab.platypus import Flowable

from pdfbuilder.errors import FigureError, HandoutError
from pdfbuilder.figures.raster import header_size
from pdfbuilder.figures.svgfile import checked_svg
from pdfbuilder.source import files

RASTER_FORMATS = {"PNG", "JPEG"}
#: The largest width or height an SVG may say it has, in points (about 35 metres).
MAX_SVG_SIDE = 100_000.0


@dataclass(frozen=True)
class LoadedImage:
    """An image file's bytes, read once and checked, and what drawing it needs."""

    path: str
    digest: str
    kind: str  # "PNG", "JPEG" or "SVG"
    width: float
    height: float
    data: bytes = field(repr=False)
    drawing: Drawing | None = field(default=None, repr=False, compare=False)


#: Loaded images by real path; the newest load of a path wins (one entry per path).
_LOADED: dict[str, LoadedImage] = {}


def check_image(name: str, base_dir: Path | None, roots: files.Roots = ()) -> str:
    """The real path of an image file named ``name`` in a file in ``base_dir``: inside that
    folder or one of ``roots``, read, checked and kept for drawing (see the module doc)."""
    folder = base_dir or Path.cwd()
    try:
        path = files.resolve_named(name, folder, roots, "image file")
    except HandoutError as exc:
        raise FigureError(exc.message, ("image",)) from None
    _load(path, name, roots, resolved=True)
    return str(path)


def loaded(path: str) -> LoadedImage:
    """The kept image for ``path`` (read again, unconfined, if it was never checked here:
    a ``Figure`` made in code names its file directly)."""
    image = _LOADED.get(path)
    if image is None:
        image = _load(Path(path), path, ())
    return image


def _load(path: Path, name: str, roots: files.Roots, *, resolved: bool = False) -> LoadedImage:
    is_svg = path.suffix.lower() == ".svg"
    try:
        kind = "svg" if is_svg else "image"
        data = files.read_confined(path, kind, shown=name, resolved=resolved)
    except HandoutError as exc:
        raise FigureError(f'image file "{name}" {_lower(exc.message)}', ("image",)) from None
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    known = _LOADED.get(str(path))
    if known is not None and known.digest == digest:
        return known  # the same bytes, checked already
    try:
        if is_svg:
            image = _checked_svg(str(path), digest, data, path.parent, roots)
        else:
            image = _checked_raster(str(path), digest, data)
    except ValueError as exc:
        raise FigureError(f'image file "{name}" {exc}', ("image",)) from None
    _LOADED[str(path)] = image
    return image


def _lower(message: str) -> str:
    return message[:1].lower() + message[1:]


def _checked_raster(path: str, digest: str, data: bytes) -> LoadedImage:
    """Header size, full decode, trial drawing: a ValueError names what fails."""
    kind, width, height = raster_check(data)
    if kind not in RASTER_FORMATS:
        raise ValueError("is not a PNG, JPEG or SVG image; convert it to one of those")
    _trial(lambda canvas: canvas.drawImage(_reader(data), 0, 0, 10, 10, mask="auto"))
    return LoadedImage(path, digest, kind, width, height, data)


def raster_check(data: bytes) -> tuple[str, int, int]:
    """The format and size of a PNG or JPEG, from its header, then fully decoded."""
    from PIL import Image, UnidentifiedImageError  # only raster images need it

    kind, width, height = header_size(data)
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.size != (width, height):
                raise ValueError("has a header that does not match its picture; save it again")
            image.load()
    except ValueError:
        raise
    except UnidentifiedImageError:
        raise ValueError(f"cannot be read as a {kind} image; save it again") from None
    except Exception as exc:  # Pillow raises many kinds for broken files
        raise ValueError(f"cannot be decoded ({_why(exc)}); save it again as PNG or JPEG") from None
    return kind, width, height


def _checked_svg(
    path: str, digest: str, data: bytes, folder: Path, roots: files.Roots
) -> LoadedImage:
    clean = checked_svg(data, folder, roots, lambda raw: raster_check(raw)[0])
    drawing = _svg2rlg(clean)
    if drawing is None:
        raise ValueError("is not a readable SVG file")
    w, h = float(drawing.width or 0), float(drawing.height or 0)
    if not (math.isfinite(w) and math.isfinite(h)) or w <= 0 or h <= 0:
        raise ValueError(f"has no usable size ({w:g} x {h:g}); give it a width and height")
    if w > MAX_SVG_SIDE or h > MAX_SVG_SIDE or max(w / h, h / w) > 1000:
        raise ValueError(f"says it is {w:g} x {h:g} points; give it a real width and height")
    _trial(lambda canvas: renderPDF.draw(drawing, canvas, 0, 0))
    return LoadedImage(path, digest, "SVG", w, h, data, drawing)


def _svg2rlg(data: bytes) -> Drawing | None:
    from svglib.svglib import svg2rlg  # slow to import; only SVG figures need it

    quiet = logging.NullHandler()  # svglib logs problems; we report them ourselves
    logger = logging.getLogger("svglib")
    logger.addHandler(quiet)
    try:
        drawing: Drawing | None = svg2rlg(io.BytesIO(data))
    except Exception as exc:  # svglib raises many kinds of errors for broken files
        raise ValueError(f"is not a readable SVG file ({_why(exc)})") from None
    finally:
        logger.removeHandler(quiet)
    return drawing


def _trial(draw: Any) -> None:
    """Draw once on a scratch canvas: what would fail on the page fails now."""
    from reportlab.pdfgen.canvas import Canvas

    try:
        draw(Canvas(io.BytesIO()))
    except Exception as exc:  # ReportLab and Pillow raise many kinds while drawing
        raise ValueError(f"cannot be drawn ({_why(exc)}); save it again") from None


def _why(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = re.sub(r"\s*<[^<>]* at 0x[0-9a-fA-F]+>", "", text)  # no Python object text
    return text if len(text) <= 80 else text[:77] + "..."


def _reader(data: bytes) -> Any:
    from reportlab.lib.utils import ImageReader

    return ImageReader(io.BytesIO(data))


def _svg(path: str) -> Drawing | None:
    """The converted drawing of a checked SVG file (None if it is not one)."""
    return loaded(path).drawing


def _fit(w: float, h: float, box_w: float, box_h: float) -> tuple[float, float, float]:
    """Scale and offsets that fit a w x h picture, centred, inside the box."""
    scale = min(box_w / w, box_h / h)
    return scale, (box_w - w * scale) / 2, (box_h - h * scale) / 2


def svg_drawing(path: str, width: float, height: float) -> Drawing:
    """A checked SVG file scaled into a Drawing of exactly the box size (cached)."""
    image = loaded(path)
    return _scaled(image, width, height)


@functools.lru_cache(maxsize=128)
def _scaled(image: LoadedImage, width: float, height: float) -> Drawing:
    source = image.drawing
    if source is None:
        raise FigureError(f'image file "{image.path}" is not a readable SVG file', ("image",))
    scale, dx, dy = _fit(source.width, source.height, width, height)
    group = Group(*source.contents, transform=(scale, 0, 0, scale, dx, dy))
    drawing = Drawing(width, height)
    drawing.add(group)
    return drawing


def _raster_size(path: str) -> tuple[float, float]:
    image = loaded(path)
    return image.width, image.height


class FixedBox(Flowable):  # type: ignore[misc]
    """A flowable of a fixed size, whatever room it is offered."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height


class ImageFlowable(FixedBox):
    """A PNG or JPEG fitted and centred in a fixed box, drawn from the bytes read at load."""

    def __init__(self, path: str, width: float, height: float, gray: bool = False) -> None:
        super().__init__(width, height)
        self.path = path
        self.image = loaded(path)
        self.gray = gray  # drawn in gray (a layout without colour)

    def draw(self) -> None:
        w, h = self.image.width, self.image.height
        scale, dx, dy = _fit(w, h, self.width, self.height)
        data = self.image.data
        if self.gray:
            from pdfbuilder.figures.gray import gray_image

            data = gray_image(data)
        self.canv.drawImage(_reader(data), dx, dy, w * scale, h * scale, mask="auto")


class DrawingFlowable(FixedBox):
    """A cached Drawing shown in a fixed box; cheap to create."""

    def __init__(self, drawing: Drawing, width: float, height: float) -> None:
        super().__init__(width, height)
        self.drawing = drawing

    def draw(self) -> None:
        renderPDF.draw(self.drawing, self.canv, 0, 0)
