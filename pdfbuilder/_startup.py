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
