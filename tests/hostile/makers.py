"""Hostile files made in a temporary folder: FIFOs, symlinks, lying images, bombs.

Every case of ``cases.yaml`` names its files with a small vocabulary; :func:`make` turns
one entry into a file under ``tmp_path``. Nothing here touches a real device or system
file: the "outside" files live in ``tmp_path/outside``, beside the work folder.
"""

from __future__ import annotations

import io
import os
import socket
import struct
import zlib
from pathlib import Path
from typing import Any

from helpers import ROOT

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")

#: A picture figure for the minimal handout's one exercise (``{image}`` is its path).
IMAGE_FIGURE = "    figure:\n      image: {image}\n      alt: A person lifts their hips.\n"
BUILTIN_FIGURE = (
    "    figure:\n      builtin: bridge\n      alt: A person lifts their hips off the floor.\n"
)


def png(width: int = 4, height: int = 4) -> bytes:
    """A real PNG of ``width`` x ``height`` grey pixels."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (width, height), 128).save(out, "PNG")
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` (a decompression bomb's shape)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def png_broken_pixels() -> bytes:
    """A PNG whose chunks and checksums are right but whose pixel data does not inflate:
    it opens and verifies, and fails only when decoded (that is, when drawn)."""
    header = struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0)
    garbage = bytes(range(256)) * 4
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", garbage)
        + _chunk(b"IEND", b"")
    )


def svg(body: str = "<rect width='10' height='10'/>", size: str = "width='40' height='20'") -> str:
    return f"<svg xmlns='http://www.w3.org/2000/svg' {size}>{body}</svg>"


def handout(edits: list[list[str]], image: str | None = None) -> str:
    """The minimal handout with ``[old, new]`` edits (each old text must be there)."""
    text = MINIMAL
    if image is not None:
        text = text.replace(BUILTIN_FIGURE, IMAGE_FIGURE.format(image=image))
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def make(root: Path, name: str, spec: Any) -> None:
    """Make the file ``name`` under ``root`` from ``spec`` (see ``cases.yaml``)."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(spec, str):
        path.write_text(spec.replace("{tmp}", str(root)), encoding="utf-8")
        return
    kind, value = next(iter(spec.items()))
    if kind == "handout":
        image = value.get("image")
        image = image.replace("{tmp}", str(root)) if image else None
        path.write_text(handout(value.get("edits", []), image), encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":  # a Unix socket file, bound and closed: it stays on disk
        with socket.socket(socket.AF_UNIX) as bound:
            bound.bind(str(path))
    elif kind == "symlink":
        path.symlink_to(root / value)
    elif kind == "hardlink":
        os.link(root / value, path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "png":
        path.write_bytes(png(*value))
    elif kind == "png_claiming":
        path.write_bytes(png_claiming(*value))
    elif kind == "png_broken_pixels":
        path.write_bytes(png_broken_pixels())
    elif kind == "bytes":
        path.write_bytes(bytes.fromhex(value))
    elif kind == "svg":
        path.write_text(svg(**value), encoding="utf-8")
    elif kind == "repeat":
        text, times, before, after = value
        path.write_text(before + text * times + after, encoding="utf-8")
    elif kind == "sparse":
        with open(path, "wb") as handle:
            handle.truncate(value)
    else:  # pragma: no cover - a mistake in cases.yaml
        raise ValueError(f"unknown file kind {kind}")
