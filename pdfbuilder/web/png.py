"""Preview pages as PNG, encoded for speed: exact pixels, no filter search, ISA-L deflate.

In: a page rendered by pypdfium2 as 8-bit RGB (``render(rev_byteorder=True)``). Out: the
bytes of a PNG with exactly those pixels.

Pillow's PNG encoder tries up to five filters on every row and keeps the best; for a
leaflet page at preview size (mostly white, anti-aliased text, a few colours) that search
took about half of the encoding time and made a larger file than no filter at all, which
leaves white rows as long runs zlib compresses at once. Measured on the back-spasm leaflet
(5 pages, 328 x 464 pixels): Pillow at level 1, 23 ms and 246 KB; this with the standard
library's zlib at level 1, 11 ms and 214 KB; with ISA-L's deflate (the ``isal`` package, the
same zlib format every PNG reader decodes, written by Intel's hand-tuned library) at its
level 1, about 2.5 ms and 243 KB (docs/performance.md). The rows go to the compressor in
one buffer, not one call a row.

:func:`render_png` goes one step further for a preview: pdfium draws the page straight into
that buffer, each row one byte after the last (the byte between two rows is the next row's
filter type), so no row is copied to make the PNG.
"""

from __future__ import annotations

import ctypes
import math
import struct
import zlib
from typing import Any

from isal import isal_zlib

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: ISA-L's level 1 (of 0-3): four times zlib's level 1 speed for 14 % more bytes; its level 0
#: is faster again but 20 % larger.
LEVEL = 1


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_rgb(pixels: Any, width: int, height: int, stride: int) -> bytes:
    """A PNG of ``height`` rows of ``width`` RGB pixels, each row ``stride`` bytes apart in
    ``pixels`` (a buffer: bytes, or a bitmap's memory)."""
    if width <= 0 or height <= 0 or stride < width * 3:
        raise ValueError(f"not an RGB image: {width} x {height}, rows {stride} bytes apart")
    rows = memoryview(pixels).cast("B")
    if len(rows) < stride * (height - 1) + width * 3:
        raise ValueError("the buffer is shorter than the image")
    used = width * 3
    # Every row starts with its filter type: 0, none (the row's bytes as they are).
    filtered = b"\0".join([b"", *(rows[y * stride : y * stride + used] for y in range(height))])
    return _png(filtered, width, height)


def _png(filtered: Any, width: int, height: int) -> bytes:
    """The PNG of RGB rows each led by its filter type byte, one after another."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, not interlaced
    idat = isal_zlib.compress(filtered, LEVEL)
    return _SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def render_flags() -> int:
    """How pdfium draws a preview page: with annotations, in RGB order as a PNG stores it
    (also part of what a preview page's id says, pdfbuilder/web/pageids.py)."""
    from pypdfium2 import raw as pdfium

    return int(pdfium.FPDF_ANNOT | pdfium.FPDF_REVERSE_BYTE_ORDER)


def render_png(page: Any, scale: float) -> bytes:
    """The PNG of a pypdfium2 page rendered at ``scale`` pixels per point: the pixels of
    ``page.render(scale=scale, rev_byteorder=True)`` (white behind, annotations drawn),
    drawn by pdfium into the PNG's own row buffer (tests/web/test_preview.py compares)."""
    from pypdfium2 import raw as pdfium

    width = math.ceil(page.get_width() * scale)
    height = math.ceil(page.get_height() * scale)
    if width <= 0 or height <= 0:
        raise ValueError(f"a page of {width} x {height} pixels at scale {scale}")
    stride = width * 3 + 1  # a row's pixels, then the next row's filter type
    size = stride * height
    rows = bytearray(size + 1)  # row y's filter type at y * stride, its pixels after it
    pixels = (ctypes.c_ubyte * size).from_buffer(rows, 1)
    bitmap = pdfium.FPDFBitmap_CreateEx(width, height, pdfium.FPDFBitmap_BGR, pixels, stride)
    if not bitmap:
        raise MemoryError(f"pdfium could not make a bitmap of {width} x {height} pixels")
    try:
        pdfium.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xFFFFFFFF)  # opaque white
        flags = render_flags()
        pdfium.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, flags)
    finally:
        pdfium.FPDFBitmap_Destroy(bitmap)
    del pixels  # the bytearray may be sliced again
    rows[0:size:stride] = bytes(height)  # every row's filter type: 0, none
    return _png(memoryview(rows)[:size], width, height)
