"""QR codes: web addresses checked at load time, drawn as vector QR codes at render time.

In: a URL (from the content's ``online_url`` or an exercise's ``video_url``, the clinic
profile, or ``--qr-url``). Out: a flowable of the QR code, with its quiet zone, at a size a
phone camera reads from arm's length (never under :data:`MIN_SIZE`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..errors import FieldPath, HandoutError
from ..source.reader import Source

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
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``url`` (error correction M) as rows of dark (True) modules."""
    from reportlab.graphics.barcode import qrencoder  # only leaflets with a QR pay

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    n = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(r, c)) for c in range(n)) for r in range(n))


@functools.lru_cache(maxsize=64)
def _operators(url: str, size: float, colour: Color) -> str:
    """The QR code as PDF operators, made once and replayed on every leaflet that shows it:
    one filled path, a rectangle per run of dark modules, inside a 4-module quiet zone."""
    modules = qr_modules(url)
    cell = size / (len(modules) + 8)
    parts = [f"q {colour.red:.3f} {colour.green:.3f} {colour.blue:.3f} rg"]
    for r, row in enumerate(modules):
        y = size - (r + 5) * cell
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            parts.append(f"{(start + 4) * cell:.3f} {y:.3f} {(c - start) * cell:.3f} {cell:.3f} re")
    parts.append("f Q")
    return "\n".join(parts)


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
