"""Font subsets made once per process, then reused: ``TTFontFile.makeSubset`` remembered.

In: a TrueType face and the character codes of one subset, in the order the document gave
them codes. Out: the subset font program ReportLab embeds, the same bytes ReportLab makes,
and (through :mod:`~pdfbuilder._rl.compression`) the same compressed stream.

Every leaflet embeds its two or three fonts again; making a subset (reading the glyphs it
needs, writing a new font file) costs about 0.45 ms a font, and compressing it another 0.35
ms, in a build of about 25 ms. A web worker or a batch run builds the same leaflets over and
over, with the same characters in the same order, so the same subsets come back.

The key is the face itself (by identity), the codes in order, and how many codes the face
knows (:mod:`~pdfbuilder._rl.tounicode` adds private codes for joined Arabic letters, so a
subset made before a code existed is never reused after). What is kept is font data: the
glyph outlines of characters, never a document's text. At most :data:`LIMIT` subsets are
kept, the oldest dropped first.
"""

from __future__ import annotations

import inspect
import threading
from collections import OrderedDict
from typing import Any

from reportlab.pdfbase.ttfonts import TTFontFile

from . import compression

LIMIT = 32
#: Reuse remembered subsets (tests turn this off to compare the bytes with and without).
REMEMBER = True
_MARK = "_pdfbuilder_subsets"
_made: OrderedDict[tuple[int, tuple[int, ...], int], tuple[Any, bytes]] = OrderedDict()
_lock = threading.Lock()


def verify() -> None:
    """Raise RuntimeError if ``TTFontFile.makeSubset`` is not the method this remembers."""
    method = getattr(TTFontFile.makeSubset, "__wrapped__", TTFontFile.makeSubset)
    params = list(inspect.signature(method).parameters)
    if params != ["self", "subset"]:
        raise RuntimeError(
            f"ReportLab's TTFontFile.makeSubset takes {params}, not (self, subset): the "
            "subset cache in pdfbuilder/_rl/subsets.py does not fit this version"
        )


def install() -> None:
    """Remember ``TTFontFile.makeSubset``'s results (once)."""
    original = TTFontFile.makeSubset
    if getattr(original, _MARK, False):
        return

    def make_subset(self: Any, subset: Any) -> bytes:
        if not REMEMBER:
            return original(self, subset)  # type: ignore[no-any-return]
        key = (id(self), tuple(subset), len(self.charToGlyph))
        with _lock:
            hit = _made.get(key)
            if hit is not None and hit[0] is self:
                _made.move_to_end(key)
                return hit[1]
        data: bytes = original(self, subset)
        with _lock:  # remembered and forgotten under one lock: no thread drops it in between
            compression.remember(data)
            _made[key] = (self, data)  # the face is kept with it: its id is not reused
            while len(_made) > LIMIT:
                _, (_, old) = _made.popitem(last=False)
                compression.forget(old)
        return data

    setattr(make_subset, _MARK, True)
    make_subset.__wrapped__ = original  # type: ignore[attr-defined]
    TTFontFile.makeSubset = make_subset


def installed() -> bool:
    """Whether :func:`install` has wrapped ``makeSubset``."""
    return bool(getattr(TTFontFile.makeSubset, _MARK, False))


def clear() -> None:
    """Forget every remembered subset (for tests, and to free the memory)."""
    with _lock:
        for _, data in _made.values():
            compression.forget(data)
        _made.clear()


def kept() -> int:
    """How many subsets are remembered (for tests)."""
    with _lock:
        return len(_made)
