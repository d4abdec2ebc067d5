"""How much a handout may hold: the longest text of each kind, the longest lists, the whole.

In: a validated :class:`~pdfbuilder.content.model.Handout` and its source. Out: nothing, or
a located :class:`~pdfbuilder.errors.HandoutError` naming the field, its size and the limit.

Why limits: a leaflet is read by a patient in a few minutes, so real content is far inside
them (the longest shipped paragraph is about 400 characters, the longest handout about 10,000),
and each limit bounds the work a build does. ReportLab lays a paragraph out again on every
page it runs onto, so the time for one paragraph grows with the square of its length: a
1 MB paragraph took more than 20 minutes. Capped at :data:`PARAGRAPH` characters, it is
refused in milliseconds, and a build's time grows in proportion to the content.

The limits are listed in ``docs/security.md``; ``tests/hostile`` tries each one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from ..errors import FieldPath, HandoutError
from ..source.reader import Source

#: The longest paragraph (a body paragraph, a bullet, the exercises' introduction).
PARAGRAPH = 3_000
#: The most characters of text in the whole handout.
WHOLE_HANDOUT = 100_000

#: The longest text by (dataclass, field); any other text field may hold :data:`OTHER`.
TEXT = {
    ("Handout", "title"): 200,
    ("Handout", "subtitle"): 300,
    ("Handout", "purpose"): 600,
    ("Handout", "exercises_intro"): PARAGRAPH,
    ("Handout", "key_takeaways"): 400,
    ("Section", "heading"): 200,
    ("Paragraph", "text"): PARAGRAPH,
    ("Bullets", "bullets"): PARAGRAPH,
    ("Exercise", "name"): 120,
    ("Exercise", "steps"): 600,
    ("Exercise", "feel"): 600,
    ("Exercise", "stop_if"): 600,
    ("SeekHelp", "emergency"): 400,
    ("SeekHelp", "urgent"): 400,
    ("SeekHelp", "routine"): 400,
    ("TierNotes", "emergency"): 600,
    ("TierNotes", "urgent"): 600,
    ("TierNotes", "routine"): 600,
    ("Contacts", "emergency"): 40,
    ("Contacts", "urgent"): 80,
    ("Figure", "alt"): 600,
}
OTHER = 1_000

#: The most items by (dataclass, field); the content format sets some tighter limits itself.
ITEMS = {
    ("Handout", "sections"): 100,
    ("Handout", "exercises"): 60,
    ("Handout", "sources"): 100,
    ("Section", "body"): 200,
    ("Bullets", "bullets"): 200,
    ("SeekHelp", "emergency"): 60,
    ("SeekHelp", "urgent"): 60,
    ("SeekHelp", "routine"): 60,
}


def check_limits(handout: Any, source: Source) -> None:
    """Refuse the first text or list over its limit, then a handout too long in total."""
    total = 0
    try:
        for path, text, limit in _texts(handout, ()):
            total += len(text)
            if len(text) > limit:
                raise source.error(path, _too_long(len(text), limit))
    except _ListError as exc:
        raise source.error(exc.path, exc.message) from None
    if total > WHOLE_HANDOUT:
        raise HandoutError(
            f"the handout holds {total:,} characters of text, more than the {WHOLE_HANDOUT:,} "
            "a leaflet may have; split it into several handouts",
            file=source.file,
            line=1,
            column=1,
        )


def _too_long(length: int, limit: int) -> str:
    if limit >= PARAGRAPH:
        return (
            f"is {length:,} characters long; a paragraph holds at most {limit:,} (about "
            f"{limit // 6:,} words); split it into shorter paragraphs"
        )
    return f"is {length:,} characters long; this field holds at most {limit:,}; shorten it"


def _texts(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str, int]]:
    """(path, text, limit) for every text in ``value``; lists over their limit raise."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    kind = type(value).__name__
    for f in dataclasses.fields(value):
        if f.metadata.get("internal"):
            continue
        item = getattr(value, f.name)
        # A paragraph block is written as plain text in YAML: it has no key of its own.
        here = path if kind == "Paragraph" else (*path, f.name)
        limit = TEXT.get((kind, f.name), OTHER)
        if isinstance(item, str):
            yield here, item, limit
        elif isinstance(item, tuple):
            yield from _items(item, here, (kind, f.name), limit)
        else:
            yield from _texts(item, here)


def _items(
    items: tuple[Any, ...], path: FieldPath, key: tuple[str, str], limit: int
) -> Iterator[tuple[FieldPath, str, int]]:
    most = ITEMS.get(key)
    if most is not None and len(items) > most:
        raise _ListError(path, len(items), most)
    for i, item in enumerate(items):
        if isinstance(item, str):
            yield (*path, i), item, limit
        else:
            yield from _texts(item, (*path, i))


class _ListError(HandoutError):
    """A list over its limit; located by :func:`check_limits`'s caller."""

    def __init__(self, path: FieldPath, count: int, most: int) -> None:
        super().__init__(f"has {count} items; at most {most} are allowed here; cut some")
        self.path = path
