"""Checked once: a frozen value that passed a bounds check stays within its bounds.

In: a value (a handout, layout or clinic profile: frozen dataclasses of text, numbers, tuples
and more frozen dataclasses) and the check to run on it. Out: nothing, or the check's error.

The build checks every value it is given (:func:`pdfbuilder.pipeline.check_bounded`), because
a value made in Python never went through a reader's limits. A web worker or a batch run
builds from the same loaded handout hundreds of times, and that walk over every text costs
about 1.5 ms a build. A frozen value cannot change after it passed, so the same object (the
same identity, still alive) is not walked again; an edited copy
(``dataclasses.replace(handout, title=...)``) is a new object and is checked in full. Only
the identity is remembered, never the content: nothing a patient typed is kept here (personal
details are checked on every build, by their own check).
"""

from __future__ import annotations

import dataclasses
import functools
import threading
import weakref
from collections.abc import Callable
from typing import Any

_passed: dict[tuple[str, int], weakref.ref[Any]] = {}
_lock = threading.Lock()


def _frozen(value: Any) -> bool:
    params = getattr(type(value), "__dataclass_params__", None)
    return dataclasses.is_dataclass(value) and params is not None and bool(params.frozen)


def check_once(kind: str, value: Any, check: Callable[[], None]) -> None:
    """Run ``check`` unless this very (frozen, live) ``value`` already passed the check
    named ``kind``."""
    key = (kind, id(value))
    with _lock:
        known = _passed.get(key)
    if known is not None and known() is value:
        return
    check()  # raises when the value is out of bounds: then nothing is remembered
    if not _frozen(value):
        return  # a mutable value may change after the check: check it every time
    try:
        ref = weakref.ref(value, functools.partial(_forget, key))
    except TypeError:  # a type without weak references: never remembered
        return
    with _lock:
        _passed[key] = ref


def _forget(key: tuple[str, int], _gone: object = None) -> None:
    with _lock:
        _passed.pop(key, None)


def remembered() -> int:
    """How many values are remembered as checked (for tests)."""
    with _lock:
        return len(_passed)
