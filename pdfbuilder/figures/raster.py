"""PNG, JPEG and GIF sizes read from the file's header, before any pixel is decoded.

In: the first bytes of an image file. Out: ``(format, width, height)``, or a ``ValueError``
saying what is wrong. A file whose header claims more than :data:`MAX_PIXELS` pixels is
refused here, so a small file that would decode to gigabytes (a "decompression bomb") is
never handed to a decoder; Pillow's own guard is a second line, not the first.
"""

from __future__ import annotations

import struct

#: The most pixels an image may have: 40 million (a full A4 page at 600 dpi is 35 million).
MAX_PIXELS = 40_000_000
#: The most pixels along one side.
MAX_SIDE = 20_000

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def header_size(data: bytes) -> tuple[str, int, int]:
    """The format and pixel size the header of ``data`` claims (checked against the limits)."""
    if data.startswith(_PNG):
        kind, width, height = "PNG", *_png(data)
    elif data.startswith(b"\xff\xd8"):
        kind, width, height = "JPEG", *_jpeg(data)
    elif data[:6] in (b"GIF87a", b"GIF89a"):
        kind, width, height = "GIF", *_gif(data)
    else:
        raise ValueError("is not a PNG, JPEG or SVG image; convert it to one of those")
    if width <= 0 or height <= 0:
        raise ValueError(f"claims a size of {width} x {height} pixels; the file is damaged")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise ValueError(
            f"is {width:,} x {height:,} pixels, more than the {MAX_PIXELS:,} pixels "
            f"(or {MAX_SIDE:,} a side) allowed; scale it down"
        )
    return kind, width, height


def _png(data: bytes) -> tuple[int, int]:
    # The signature, then the IHDR chunk: length, b"IHDR", width, height (big-endian).
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise ValueError("is a damaged PNG file (no IHDR header); save it again")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg(data: bytes) -> tuple[int, int]:
    # Walk the markers to the first start-of-frame: FF Cn, length, precision, height, width.
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise ValueError("is a damaged JPEG file (bad marker); save it again")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker in _JPEG_SOF:
            if i + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        if marker == 0xD9 or length < 2:
            break
        i += 2 + length
    raise ValueError("is a damaged JPEG file (no frame header); save it again")


def _gif(data: bytes) -> tuple[int, int]:
    if len(data) < 10:
        raise ValueError("is a damaged GIF file; save it again")
    width, height = struct.unpack("<HH", data[6:10])
    return width, height
