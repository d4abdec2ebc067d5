"""The ``handout`` command's start-up: import ReportLab and PyYAML without work a leaflet
does not need. Installed by :func:`pdfbuilder.cli.run` only (:func:`quick_imports`), in the
command's own process, before anything else is imported; a program that imports pdfbuilder
gets ReportLab and PyYAML exactly as they are.

A ``handout build`` process spends most of its life importing, and some of that work is paid
for by every run but used by few:

- Regular expressions compiled at import: ReportLab's paragraph module compiles a
  case-insensitive URL pattern over most of Unicode, used only to break long URLs, and a few
  others a leaflet never uses; PyYAML compiles a pattern for its pure-Python reader, which
  the C loader never uses. These are compiled the first time they are used instead
  (:class:`LazyPattern`): ``re.compile`` is swapped only while those two modules import.
- ``reportlab.lib.utils`` imports Pillow and ``reportlab.pdfbase.ttfonts`` imports HarfBuzz,
  though only a clinic logo or a photo needs the one and only right-to-left text the other.
  Both are imported the first time one of their names is used (:class:`DeferredModule`, a
  stand-in in ``sys.modules``).

Behaviour is unchanged; only *when* the work is done moves. What each saves is measured in
docs/performance.md.
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


def quick_imports() -> None:
    """Import PyYAML and ReportLab's paragraph module with their unused patterns compiled
    lazily, and let Pillow and HarfBuzz import on first use (for the command's process).

    Does nothing when ReportLab is left plain (see :func:`pdfbuilder._rl.plain_reason`): on a
    version not tested, a pattern ReportLab compiles might be used in a way a stand-in does
    not forward.
    """
    from . import plain_reason

    if plain_reason() is not None:
        return
    import_yaml()
    defer_import("PIL.Image")  # ReportLab imports it; only logos and photos use it
    defer_import("uharfbuzz")  # ReportLab imports it; only right-to-left text uses it
    import_reportlab_paragraph()
