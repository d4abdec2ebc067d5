"""PDF objects written faster: ``pdfdoc.format`` with a short way for plain values.

In: what ReportLab's PDF writer formats when it saves a document (dictionaries, arrays,
numbers, names, bytes). Out: exactly the bytes ReportLab's own ``format`` gives.

ReportLab formats every value of every array and dictionary through one function that first
asks whether the value is a PDF object, then encodes numbers and text with its
``extpdfdoc`` codec, one value at a time. A leaflet writes about 800 such values (most of
them the fonts' glyph widths), and that took about a quarter of ReportLab's save. Numbers
(``fp_str`` writes only ASCII digits, signs and points) and printable ASCII text encode the
same in ASCII as in ``extpdfdoc`` (:func:`verify` checks every such character), so they
take a short way; everything else (PDF objects, other text, other types) goes to
ReportLab's own function, as before.
"""

from __future__ import annotations

import inspect
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc

_MARK = "_pdfbuilder_format"


def _fast(original: Any) -> Any:
    def format(element: Any, document: Any, toplevel: int = 0) -> Any:
        kind = type(element)
        if kind is str:
            if element.isascii() and element.isprintable():
                return element.encode("ascii")
        elif kind is int or kind is float:
            return fp_str(element).encode("ascii")
        elif kind is bytes:
            return element
        return original(element, document, toplevel)

    setattr(format, _MARK, True)
    format.__wrapped__ = original  # type: ignore[attr-defined]
    return format


def verify() -> None:
    """Raise RuntimeError if ReportLab's ``format`` or its codec is not what this assumes."""
    original = getattr(pdfdoc.format, "__wrapped__", pdfdoc.format)
    params = list(inspect.signature(original).parameters)
    if params != ["element", "document", "toplevel"]:
        raise RuntimeError(
            f"ReportLab's pdfdoc.format takes {params}, not (element, document, toplevel): "
            "pdfbuilder/_rl/serialise.py does not fit this version"
        )
    fast = _fast(original)
    probes: list[Any] = [chr(c) for c in range(0x20, 0x7F)]
    probes += ["/Type", "Widths", "", 0, 1, -7, 1000, 0.5, -0.25, 12.345678, 1e-7, 3e9, b"x"]
    for probe in probes:
        if fast(probe, None) != original(probe, None):
            raise RuntimeError(
                f"ReportLab formats {probe!r} differently than expected: "
                "pdfbuilder/_rl/serialise.py does not fit this version"
            )


def install() -> None:
    """Give ReportLab's PDF writer the faster ``format`` (once)."""
    if getattr(pdfdoc.format, _MARK, False):
        return
    pdfdoc.format = _fast(pdfdoc.format)


def installed() -> bool:
    """Whether :func:`install` has replaced ``pdfdoc.format``."""
    return bool(getattr(pdfdoc.format, _MARK, False))
