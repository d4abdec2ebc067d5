"""The Easy Read pictures of the rows a leaflet does not write itself: ``pictures:``.

In: the ``pictures:`` mapping of a handout file. Out: a frozen :class:`Pictures`, or a located
error. Easy Read puts a picture beside every idea; the content chooses the pictures of its own
paragraphs and bullets (``picture:``), and this mapping those of the purpose line, the key
points, the exercises' introduction and the three warning tiers. The defaults name no body
part: a neck leaflet says ``purpose: neck``. ``null`` leaves a row without a picture, and the
row's words then use the full width.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import FieldPath
from ..figures import builtin_icon_names
from ..source import schema
from ..source.reader import Source


def parse_picture_or_none(value: Any, path: FieldPath, source: Source) -> str | None:
    """A built-in pictogram's name, or None (``null``: no picture)."""
    if value is None:
        return None
    names = builtin_icon_names()
    if isinstance(value, str) and value in names:
        return value
    import difflib  # only a mistake needs it

    close = difflib.get_close_matches(str(value), names, n=1)
    hint = f'did you mean "{close[0]}"?' if close else f"pictures are: {', '.join(names)}"
    raise source.error(path, f"unknown picture {schema.describe(value)}; {hint}")


def _schema() -> dict[str, Any]:
    return {"enum": [*builtin_icon_names(), None]}


def _picture(default: str | None, doc: str) -> Any:
    return field(
        default=default,
        metadata={"parse": parse_picture_or_none, "schema": _schema, "doc": doc},
    )


@dataclass(frozen=True)
class Pictures:
    """Easy Read: the pictures beside the rows the leaflet's own text does not carry.

    Each is a built-in pictogram (`handout figures`), or null for none (full-width words)."""

    purpose: str | None = _picture("book", "Beside the purpose line (default: book).")
    key_takeaways: str | None = _picture("check", "Beside each key point (default: check).")
    exercises_intro: str | None = _picture(
        None, "Beside the exercises' introduction (default: none)."
    )
    emergency: str | None = _picture("ambulance", "The emergency tier (default: ambulance).")
    urgent: str | None = _picture("clock", "The urgent tier (default: clock).")
    routine: str | None = _picture("calendar", "The routine tier (default: calendar).")
