"""QR codes: web addresses checked at load time, drawn as vector QR codes at render time.

In: a URL (from the content's ``online_url`` or an exercise's ``video_url``, the clinic
profile, or ``--qr-url``). Out: a flowable of the QR code, with its quiet zone, at a size a
phone camera reads from arm's length (never under :data:`MIN_SIZE`).
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .errors import FieldPath, HandoutError
from .reader import Source

#: Smaller codes fail on older phone cameras at reading distance.
MIN_SIZE = 20 * mm
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
#: Long addresses make dense codes that print badly small; a short link is better.
MAX_URL = 300


def check_url(value: Any) -> str:
    """``value`` if it is an http(s) web address of sensible length; else a HandoutError."""
    if not isinstance(value, str) or not _URL.match(value.strip()):
        shown = f'"{value}"' if isinstance(value, str) else "something else"
        raise HandoutError(f"expected a web address starting with https://, got {shown}")
    if len(value) > MAX_URL:
        raise HandoutError(
            f"the address is {len(value)} characters long; use a short link "
            f"(at most {MAX_URL}) so the QR code stays readable"
        )
    return value.strip()


def parse_url(value: Any, path: FieldPath, source: Source) -> str:
    """A field parser (see :mod:`pdfbuilder.schema`) for web addresses."""
    try:
        return check_url(value)
    except HandoutError as exc:
        raise source.error(path, exc.message) from None


def url_schema() -> dict[str, Any]:
    """The JSON Schema of a web-address field."""
    return {"type": "string", "pattern": "^https?://", "maxLength": MAX_URL}


def shown_url(url: str) -> str:
    """The address as printed for people to type: without ``https://`` or a final slash."""
    return re.sub(r"^https?://", "", url, flags=re.IGNORECASE).rstrip("/")


@functools.lru_cache(maxsize=64)
def qr_drawing(url: str, size: float, colour: Color = black) -> Drawing:
    """A ``size`` x ``size`` point drawing of the QR code of ``url`` (cached per process)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget  # only leaflets with a QR pay

    widget = QrCodeWidget(url, barLevel="M", barBorder=4, barWidth=size, barHeight=size)
    widget.barFillColor = colour
    drawing = Drawing(size, size)
    drawing.add(widget)
    return drawing


@functools.lru_cache(maxsize=64)
def _operators(url: str, size: float, colour: Color) -> str:
    """The QR code as PDF operators, made once and replayed on every page that shows it."""
    from reportlab.pdfgen.canvas import Canvas

    from .figures.replay import _FONT_STATE

    canvas = Canvas(io.BytesIO())
    renderPDF.draw(qr_drawing(url, size, colour), canvas, 0, 0)
    return _FONT_STATE.sub("", "\n".join(canvas._code))


class QrFlowable(Flowable):  # type: ignore[misc]
    """A QR code of a fixed size (at least :data:`MIN_SIZE`)."""

    def __init__(self, url: str, size: float, colour: Color = black) -> None:
        super().__init__()
        self.url = url
        self.size = max(size, MIN_SIZE)
        self.colour = colour

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv._code.append(_operators(self.url, self.size, self.colour))
