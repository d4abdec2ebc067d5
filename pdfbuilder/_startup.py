"""Start-up time: import ReportLab's paragraph module without its slowest line.

``reportlab.platypus.paragraph`` compiles, at import, a case-insensitive URL pattern over
most of Unicode; that one ``re.compile`` is about a quarter of the command's start-up. The
pattern is only used to break long URLs across lines, so it is compiled the first time it is
used instead. Behaviour is unchanged; only *when* the pattern is compiled moves.
"""

from __future__ import annotations

import re
import sys
import threading
from typing import Any

_URL_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"

#: While ``RECORDING.encoded`` is a list, every (font, text) that TrueType ``splitString``
#: encodes in this thread is appended to it, so :mod:`pdfbuilder.para` can tell which
#: characters a drawing depends on.
RECORDING = threading.local()


class LazyPattern:
    """Stands in for a compiled pattern; compiles it on first use."""

    def __init__(self, compile_: Any, pattern: str, flags: int) -> None:
        self._compile, self._pattern, self._flags = compile_, pattern, flags
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = self._compile(self._pattern, self._flags)
        return getattr(self._compiled, name)


def import_reportlab_paragraph() -> None:
    """Import ``reportlab.platypus.paragraph`` with its URL pattern compiled lazily."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    original = re.compile

    def compile_(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(_URL_PATTERN_START):
            return LazyPattern(original, pattern, flags)
        return original(pattern, flags)

    re.compile = compile_
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = original


def speed_up_truetype_text() -> None:
    """Give ReportLab's TrueType ``splitString`` a fast path for text it has seen before.

    ``splitString`` turns text into (subset, bytes) runs one character at a time in Python,
    for every string drawn; it is the largest single cost of drawing a leaflet. When every
    character already has its code in this document (nearly always, after the first few
    paragraphs), the codes are only looked up, so they can be looked up all at once. Any
    other text (a character seen for the first time, or one the font lacks) takes the
    original path, so the results and the document's state are exactly the same.
    """
    from reportlab.pdfbase.ttfonts import TTFont

    original = TTFont.splitString
    if getattr(original, "_fast_path", False):
        return

    def split_string(
        self: Any, text: Any, doc: Any, encoding: str = "utf-8"
    ) -> list[tuple[int, bytes]]:
        encoded = getattr(RECORDING, "encoded", None)
        if encoded is not None:
            encoded.append((self, text))
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is not None:
            try:
                codes = list(
                    map(state.assignments.__getitem__, map(ord, text.replace("\xa0", " ")))
                )
            except KeyError:
                pass
            else:
                if not codes:
                    return []
                if max(codes) < 256:
                    return [(0, bytes(codes))]
                return _runs(codes)
        result: list[tuple[int, bytes]] = original(self, text, doc, encoding)
        return result

    split_string._fast_path = True  # type: ignore[attr-defined]
    TTFont.splitString = split_string


def _runs(codes: list[int]) -> list[tuple[int, bytes]]:
    """Codes grouped into runs of one subset each, as ReportLab's splitString returns them."""
    runs: list[tuple[int, bytes]] = []
    current, chunk = -1, bytearray()
    for n in codes:
        if n >> 8 != current:
            if chunk:
                runs.append((current, bytes(chunk)))
            current, chunk = n >> 8, bytearray()
        chunk.append(n & 0xFF)
    if chunk:
        runs.append((current, bytes(chunk)))
    return runs
