"""QR codes, drawn as vector graphics.

In: a web address (checked when it was read, by :mod:`pdfbuilder.content.urls`: the
content's ``online_url`` or an exercise's ``video_url``, the clinic profile, or
``--qr-url``). Out: a flowable of the QR code, with its quiet zone, at a size a phone camera
reads from arm's length (never under :data:`MIN_SIZE`).
"""

from __future__ import annotations

import functools

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

#: Smaller codes fail on older phone cameras at reading distance.
MIN_SIZE = 20 * mm


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
        self.canv.addLiteral(_operators(self.url, self.size, self.colour))
