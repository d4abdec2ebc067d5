"""Every text a loaded handout (or clinic, or print-time details) holds, with its field path.

In: a frozen model record. Out: ``(path, text)`` pairs in the order the fields are declared,
the path as the author wrote it in YAML (a paragraph block is plain text there, with no key of
its own). Internal fields and figures (drawn, not printed as text) are skipped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from ..errors import FieldPath


def text_fields(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """``(path, text)`` for every text inside ``value``."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from text_fields(item, (*path, i))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.metadata.get("internal") or f.name == "figure":
                continue
            child = path if type(value).__name__ == "Paragraph" else (*path, f.name)
            yield from text_fields(getattr(value, f.name), child)
