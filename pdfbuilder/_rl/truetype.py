"""Which characters a drawing encodes: ``TTFont.splitString``, wrapped to record them.

In: a block of drawing (see :mod:`~pdfbuilder._rl.paragraphs`). Out: every (font, text)
that ReportLab encoded with a TrueType font inside :func:`recording`, in the thread that
draws. Outside a recording the wrapper only calls ReportLab's own ``splitString``, so the
result and the document's font state are exactly ReportLab's.

ReportLab offers no hook for this; the wrapper is installed by :func:`pdfbuilder._rl.install`.
(An earlier version also looked codes up in one go when all were known: with paragraph
drawings replayed, that saved nothing measurable, so it was dropped; see
docs/performance.md.)
"""

from __future__ import annotations

import contextlib
import inspect
import threading
from collections.abc import Iterator
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

_RECORDING = threading.local()
_MARK = "_pdfbuilder_records"


def verify() -> None:
    """Raise RuntimeError if ``TTFont.splitString`` is not the method this wraps."""
    params = list(inspect.signature(TTFont.splitString).parameters)
    if params[:3] != ["self", "text", "doc"]:
        raise RuntimeError(
            f"ReportLab's TTFont.splitString takes {params}, not (self, text, doc, ...); "
            "pdfbuilder cannot record what a drawing encodes. Set PDFBUILDER_PLAIN_REPORTLAB=1 "
            "to build with ReportLab as shipped"
        )


def install() -> None:
    """Wrap ``TTFont.splitString`` (once) so that :func:`recording` sees what it encodes."""
    original = TTFont.splitString
    if getattr(original, _MARK, False):
        return

    def split_string(self: Any, text: Any, doc: Any, *args: Any, **kwargs: Any) -> Any:
        encoded = getattr(_RECORDING, "encoded", None)
        if encoded is not None:
            encoded.append((self, text))
        return original(self, text, doc, *args, **kwargs)

    setattr(split_string, _MARK, True)
    split_string.__wrapped__ = original  # type: ignore[attr-defined]
    TTFont.splitString = split_string


def installed() -> bool:
    """Whether :func:`install` has wrapped ``splitString`` (so recordings are complete)."""
    return bool(getattr(TTFont.splitString, _MARK, False))


@contextlib.contextmanager
def recording() -> Iterator[list[tuple[Any, Any]]]:
    """Collect every (font, text) this thread encodes with a TrueType font inside the block."""
    encoded: list[tuple[Any, Any]] = []
    outer = getattr(_RECORDING, "encoded", None)
    _RECORDING.encoded = encoded
    try:
        yield encoded
    finally:
        _RECORDING.encoded = outer
        if outer is not None:
            outer.extend(encoded)
