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


#: The seek-help tiers, most urgent first.
TIERS = ("emergency", "urgent", "routine")


def seek_help_texts(seek_help: Any) -> Iterator[tuple[str, FieldPath, str]]:
    """``(tier, path, text)`` for every sign of the seek-help box and every tier's note, in
    reading order (a tier's signs, then its note): the checks read the notes too."""
    for tier in TIERS:
        for i, text in enumerate(getattr(seek_help, tier)):
            yield tier, ("seek_help", tier, i), text
        note = getattr(seek_help.notes, tier)
        if note is not None:
            yield tier, ("seek_help", "notes", tier), note
