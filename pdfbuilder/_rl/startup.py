"""Start-up time: import ReportLab and PyYAML without work a leaflet does not need.

A ``handout build`` process spends most of its life importing, and some of that work is paid
for by every run but used by few:

- Regular expressions compiled at import: ReportLab's paragraph module compiles a
  case-insensitive URL pattern over most of Unicode (about 28 ms, an eighth of the command's
  start-up), used only to break long URLs, and a few others a leaflet never uses; PyYAML
  compiles a pattern for its pure-Python reader, which the C loader never uses. These are
  compiled the first time they are used instead (:class:`LazyPattern`).
- ``reportlab.lib.utils`` imports Pillow and ``reportlab.pdfbase.ttfonts`` imports HarfBuzz,
  though only a clinic logo or a photo needs the one and only right-to-left text the other.
  Both are imported the first time one of their names is used (:class:`DeferredModule`).

Behaviour is unchanged; only *when* the work is done moves. The module also gives ReportLab's
TrueType text encoding a fast path (:func:`speed_up_truetype_text`).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import threading
import types
from typing import Any

_URL_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
#: Other patterns ReportLab compiles while its paragraph module imports that a leaflet never
#: uses: the CJK line-wrap helper's, the Python-listing colouriser's, and the list of unsafe
#: names in its expression evaluator (defined but unused). About 5 ms together.
_UNUSED_REPORTLAB_PATTERNS = ("([\u2e80-\uffff])", "#[^\\n]*|", "\\b(?:")
_YAML_NON_PRINTABLE_START = "[^\x09\x0a\x0d\x20-\x7e"

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


def import_with_lazy_patterns(module: str, *starts: str) -> None:
    """Import ``module``, compiling the patterns that begin with one of ``starts`` lazily."""
    if module in sys.modules:
        return
    original = re.compile

    def compile_(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(starts):
            return LazyPattern(original, pattern, flags)
        return original(pattern, flags)

    re.compile = compile_
    try:
        importlib.import_module(module)
    finally:
        re.compile = original


def import_reportlab_paragraph() -> None:
    """Import ``reportlab.platypus.paragraph`` with its URL pattern compiled lazily."""
    import_with_lazy_patterns(
        "reportlab.platypus.paragraph", _URL_PATTERN_START, *_UNUSED_REPORTLAB_PATTERNS
    )


def import_yaml() -> None:
    """Import PyYAML with its pure-Python reader's printable-character pattern compiled lazily."""
    import_with_lazy_patterns("yaml", _YAML_NON_PRINTABLE_START)


class DeferredModule(types.ModuleType):
    """Stands in for a module until one of its names is used, then imports it and forwards.

    Code that did ``import name`` (or ``from package import name``) while this stood in
    keeps a reference to it; every attribute it reads is the real module's. Later imports
    get the real module itself.
    """

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__dict__["_deferred_lock"] = threading.Lock()
        self.__dict__["_deferred_real"] = None

    def _deferred_load(self) -> types.ModuleType:
        real: types.ModuleType | None = self.__dict__["_deferred_real"]
        if real is None:
            with self.__dict__["_deferred_lock"]:
                real = self.__dict__["_deferred_real"]
                if real is None:
                    if sys.modules.get(self.__name__) is self:
                        del sys.modules[self.__name__]
                    real = importlib.import_module(self.__name__)
                    self.__dict__["_deferred_real"] = real
        return real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._deferred_load(), name)


def defer_import(name: str) -> None:
    """Let ``import name`` give a :class:`DeferredModule` until the module is first used."""
    if name in sys.modules:
        return
    parent, _, child = name.rpartition(".")
    if parent:
        importlib.import_module(parent)  # a package's own __init__ is cheap; its children not
    if importlib.util.find_spec(name) is None:
        return  # not installed: let the importer say so, as it would have
    stand_in = DeferredModule(name)
    sys.modules[name] = stand_in
    if parent:
        setattr(sys.modules[parent], child, stand_in)


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
