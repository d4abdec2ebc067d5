"""Figures, gray: image figures and logos without colour, for layouts that promise none.

In: a checked raster image's bytes, or a drawing converted from a checked SVG file (with any
raster image it holds). Out: the same picture in grays of the same lightness (the luminance
the rest of a grayscale layout uses, :func:`~pdfbuilder.figures.style.to_color`), its
transparency kept. Both are made once per picture.
"""

from __future__ import annotations

import copy
import functools
import io
from typing import Any

from reportlab.graphics.shapes import Drawing, Image
from reportlab.lib.colors import Color

from pdfbuilder.figures.style import to_color

#: The colour attributes of ReportLab shapes.
_COLOUR_FIELDS = ("fillColor", "strokeColor")


@functools.lru_cache(maxsize=64)
def gray_image(data: bytes) -> bytes:
    """A PNG of the raster image ``data`` in gray (with its alpha channel, if any)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as picture:
        gray = _gray_picture(picture)
        out = io.BytesIO()
        gray.save(out, "PNG")
    return out.getvalue()


def _gray_picture(picture: Any) -> Any:
    """A PIL image in gray ("L", or "LA" with its transparency)."""
    from PIL import Image

    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    rgb = picture.convert("RGBA" if has_alpha else "RGB")
    # ITU-R BT.709 weights, as to_color uses: the same lightness as the layout's grays.
    gray = rgb.convert("RGB").convert("L", (0.2126, 0.7152, 0.0722, 0))
    if has_alpha:
        gray = Image.merge("LA", (gray, rgb.getchannel("A")))
    return gray


def _gray_embedded(picture: Any) -> Any:
    """A raster image inside an SVG figure (a PIL image, as svglib reads it) in gray, in
    the mode it came in (RGB or RGBA, three equal channels), which ReportLab draws as is."""
    from PIL import Image

    gray = _gray_picture(picture)
    channels = [gray.getchannel("L")] * 3
    if gray.mode == "LA":
        return Image.merge("RGBA", (*channels, gray.getchannel("A")))
    return Image.merge("RGB", channels)


@functools.lru_cache(maxsize=64)
def gray_drawing(drawing: Drawing) -> Drawing:
    """A copy of ``drawing`` whose every fill and stroke colour is its gray."""
    copied = copy.deepcopy(drawing)
    _walk(copied)
    return copied


def _walk(node: object) -> None:
    if isinstance(node, Image) and hasattr(node.path, "getchannel"):  # a PIL image: svglib's
        node.path = _gray_embedded(node.path)  # reading of a raster image inside the SVG
    for name in _COLOUR_FIELDS:
        colour = getattr(node, name, None)
        if isinstance(colour, Color):
            setattr(node, name, _gray(colour))
    for child in getattr(node, "contents", None) or ():
        _walk(child)


def _gray(colour: Color) -> Color:
    red, green, blue = (round(c * 255) for c in (colour.red, colour.green, colour.blue))
    gray = to_color(f"#{red:02x}{green:02x}{blue:02x}", True)
    return Color(gray.red, gray.green, gray.blue, alpha=colour.alpha)
