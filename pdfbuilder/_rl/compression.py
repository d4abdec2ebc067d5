"""Page streams compressed at zlib level 1 while a leaflet is built (ReportLab uses 6).

In: a block of building (:func:`quick_compression`). Out: the PDF's streams compressed at
level 1 in the thread inside the block: about a tenth faster to build for about 8 % more
bytes (docs/performance.md). ReportLab has no setting for the level, so :func:`install`
replaces its PDF module's ``zlib`` by one that asks for level 1 only in a thread inside the
block; other threads, and other users of ReportLab in the process, keep the default. Before
:func:`install` (and in plain mode) the block changes nothing. The font subsets that
:mod:`~pdfbuilder._rl.subsets` remembers are compressed once per level, not once per build.
"""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections.abc import Iterator
from typing import Any

from reportlab.pdfbase import pdfdoc


class _Building(threading.local):
    depth = 0  # how many leaflet builds this thread is inside


class _QuickZlib:
    """ReportLab's ``zlib``, compressing at level 1 in threads that are building a leaflet."""

    building = _Building()
    decompress = staticmethod(zlib.decompress)

    @staticmethod
    def compress(data: Any, level: int = -1) -> bytes:
        if level == -1 and _QuickZlib.building.depth:
            level = 1
        kept = _REMEMBERED.get(id(data))
        if kept is not None and kept[0] is data:  # a remembered font subset, the same object
            out = kept[1].get(level)
            if out is None:
                out = kept[1][level] = zlib.compress(data, level)
            return out
        return zlib.compress(data, level)


#: Streams whose compressed form is kept with them (the font subsets of
#: :mod:`~pdfbuilder._rl.subsets`), by identity: id -> (the bytes, {level: compressed}).
#: Nothing else is ever kept: a page stream holds a leaflet's text.
_REMEMBERED: dict[int, tuple[bytes, dict[int, bytes]]] = {}


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
    """Compress at level 1 in this thread while the block runs (once installed)."""
    building = _QuickZlib.building
    building.depth += 1
    try:
        yield
    finally:
        building.depth -= 1
