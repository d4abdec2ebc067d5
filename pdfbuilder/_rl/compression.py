"""Page streams compressed quickly while a leaflet is built (ReportLab uses zlib level 6).

In: a block of building (:func:`quick_compression`). Out: the PDF's streams compressed at
level 1 in the thread inside the block, by libdeflate (the ``deflate`` package: the same
zlib format every PDF reader decodes), which on the back-spasm leaflet's page streams
(103 KB) took 0.20 ms against zlib's 0.71 ms at level 1 and wrote 8 % fewer bytes. Without
``deflate`` (a platform it has no wheel for) zlib's level 1 does the same job, more
slowly; the bytes then differ, the pages not. ReportLab has no setting for the level, so
:func:`install` replaces its PDF module's ``zlib`` by one that asks for level 1 only in a
thread inside the block; other threads, and other users of ReportLab in the process, keep
the default. Before :func:`install` (and in plain mode) the block changes nothing. The
font subsets that :mod:`~pdfbuilder._rl.subsets` remembers are compressed once per level,
not once per build.

Why not ISA-L's deflate (the ``isal`` package, used here until 3 December 2026): as fast,
but not always the same bytes for the same stream. In two of three CI runs on 2 and 3
December, the ``handout build`` process wrote the page-total form's 95 bytes compressed one
byte longer than every other build did, decoded content the same (tests/test_build.py,
reading the same leaflet built in two processes). libdeflate's output depends only on its
input and level for a given version, and a build must be byte-identical run to run.
"""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections.abc import Iterator
from typing import Any

from reportlab.pdfbase import pdfdoc

_fast: Any
try:
    import deflate as _fast
except ImportError:  # pragma: no cover - deflate has wheels for the platforms CI runs on
    _fast = None


class _Building(threading.local):
    depth = 0  # how many leaflet builds this thread is inside


#: The level asked for inside a build: libdeflate's 1 (of 1-12) where it is installed,
#: zlib's 1 otherwise (a name of its own, so a remembered subset keeps each compressor's
#: bytes apart).
QUICK = "libdeflate-1" if _fast is not None else 1


def _compress(data: Any, level: int | str) -> bytes:
    if level == "libdeflate-1":
        return bytes(_fast.zlib_compress(data, 1))  # (a bytearray given, a bytearray back)
    return zlib.compress(data, level)  # type: ignore[arg-type]


class _QuickZlib:
    """ReportLab's ``zlib``, compressing quickly in threads that are building a leaflet."""

    building = _Building()
    decompress = staticmethod(zlib.decompress)

    @staticmethod
    def compress(data: Any, level: int = -1) -> bytes:
        how: int | str = QUICK if level == -1 and _QuickZlib.building.depth else level
        kept = _REMEMBERED.get(id(data))
        if kept is not None and kept[0] is data:  # a remembered font subset, the same object
            out = kept[1].get(how)
            if out is None:
                out = kept[1][how] = _compress(data, how)
            return out
        return _compress(data, how)


#: Streams whose compressed form is kept with them (the font subsets of
#: :mod:`~pdfbuilder._rl.subsets`), by identity: id -> (the bytes, {level: compressed}).
#: Nothing else is ever kept: a page stream holds a leaflet's text.
_REMEMBERED: dict[int, tuple[bytes, dict[int | str, bytes]]] = {}


def remember(data: bytes) -> None:
    """Keep ``data``'s compressed form with it from now on (font data only)."""
    _REMEMBERED[id(data)] = (data, {})


def forget(data: bytes) -> None:
    """Stop keeping ``data``'s compressed form (its subset was dropped)."""
    kept = _REMEMBERED.get(id(data))
    if kept is not None and kept[0] is data:
        del _REMEMBERED[id(data)]


def install() -> None:
    """Give ReportLab's PDF module the level-choosing ``zlib``."""
    pdfdoc.zlib = _QuickZlib


@contextlib.contextmanager
def quick_compression() -> Iterator[None]:
    """Compress quickly in this thread while the block runs (once installed)."""
    building = _QuickZlib.building
    building.depth += 1
    try:
        yield
    finally:
        building.depth -= 1
