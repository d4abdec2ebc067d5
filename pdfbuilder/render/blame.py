"""When ReportLab cannot place something, say which field it came from and how big it is.

In: ReportLab's ``LayoutError`` (whose text names Python objects, ``<Band at 0x...>``), the
story that was being laid out and the frame that could not hold it. Out: a :class:`TooTall`
error naming the piece's height and the room there is, in millimetres; then
:func:`locate` finds the field whose text the piece holds (the handout's, a print-time
note's, a clinic's) and gives the one-line message with that field's file and position.
No ReportLab object text ever reaches a user.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..content.fields import text_fields
from ..errors import FieldPath, HandoutError


class TooTall(HandoutError):
    """A piece of the leaflet that no page or panel can hold."""

    def __init__(self, message: str, text: str, file: str | None, field: str | None = None) -> None:
        super().__init__(message, file=file, field=field)
        self.text = text  # the piece's plain text, to find the field it came from


def in_mm(tall: float, room: float) -> tuple[int, int, int]:
    """A piece's height and the room for it in whole mm, and how much too tall it is: the
    height rounded up and the room down, so that a piece a fraction too tall is said to be
    at least 1 mm too tall (never "256 mm tall but a page holds 256 mm")."""
    shown_tall, shown_room = math.ceil(tall / mm), math.floor(room / mm)
    return shown_tall, shown_room, max(1, shown_tall - shown_room)


def too_tall(story: list[Flowable], frame: Any, file: str | None) -> TooTall:
    """The error for a story ReportLab could not lay out in ``frame``."""
    width = frame.width - frame.leftPadding - frame.rightPadding
    height = frame.height - frame.topPadding - frame.bottomPadding
    for flowable in story:
        try:
            _, tall = flowable.wrap(width, height)
        except Exception:  # a piece that cannot even be measured is this one
            tall = height * 2
        if tall > height and not _splits(flowable, width, height):
            shown_tall, shown_room, _ = in_mm(tall, height)
            message = (
                f"is {shown_tall} mm tall but a page (or panel) holds {shown_room} mm, "
                "and it is never split; shorten it or choose a layout with more room"
            )
            return TooTall(message, plain_text(flowable), file)
    return TooTall(
        "the content does not fit the page; shorten the longest parts or choose another layout",
        "",
        file,
    )


def _splits(flowable: Flowable, width: float, height: float) -> bool:
    try:
        parts = flowable.split(width, height)
    except Exception:
        return False
    return bool(parts) and parts[0] is not flowable


def plain_text(flowable: Any, depth: int = 0) -> str:
    """The plain text a flowable shows, its children's included."""
    if depth > 8:
        return ""
    text = getattr(flowable, "getPlainText", None)
    if callable(text):
        try:
            return str(text())
        except Exception:
            return ""
    found = []
    for value in vars(flowable).values():
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if isinstance(item, Flowable):
                found.append(plain_text(item, depth + 1))
    return " ".join(t for t in found if t)


def locate(error: TooTall, handout: Any, personal: Any, clinic: Any) -> HandoutError:
    """``error`` blamed on the field whose text makes up the piece (the longest such): a
    print-time detail first (a note is the staff's, not the handout's), then the field the
    error already names, then any field of the handout or the clinic."""
    found = _best(error.text, personal)
    if found is None and error.field is not None:
        return _at_field(error, getattr(handout, "origin", None))
    found = found or _best(error.text, handout, clinic)
    if found is None:
        return HandoutError(error.message, file=error.file)
    owner, path = found
    if owner is personal:
        option = "--" + str(path[0]).replace("_", "-")
        return personal.error(path, error.message, option)  # type: ignore[no-any-return]
    origin = getattr(owner, "origin", None)
    if origin is not None:
        return origin.error(path, error.message)  # type: ignore[no-any-return]
    return HandoutError(error.message, file=error.file, field=path)


def field_path(field: str) -> FieldPath:
    """``seek_help.emergency`` or ``exercises[2]`` as a field path."""
    out: list[str | int] = []
    for part in field.replace("]", "").replace("[", ".").split("."):
        out.append(int(part) if part.isdigit() else part)
    return tuple(out)


def _at_field(error: TooTall, origin: Any) -> HandoutError:
    """``error`` at the line of the handout field it names (``seek_help.urgent``,
    ``exercises[2]``), when the handout was read from a file that has that field; else
    naming the field only."""
    path = field_path(str(error.field))
    known = origin is not None and (path in origin.key_positions or path in origin.positions)
    if known:
        return origin.error(path, error.message, key=True)  # type: ignore[no-any-return]
    return HandoutError(error.message, file=error.file, field=error.field)


def _best(piece: str, *owners: Any) -> tuple[Any, FieldPath] | None:
    shown = _norm(piece)
    best: tuple[int, Any, FieldPath] | None = None
    for owner, path, text in _fields(*owners):
        norm = _norm(text)
        if len(norm) >= 3 and norm in shown and (best is None or len(norm) > best[0]):
            best = (len(norm), owner, path)
    return None if best is None else (best[1], best[2])


def _norm(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def _fields(*owners: Any) -> Iterator[tuple[Any, FieldPath, str]]:
    for owner in owners:
        if owner is not None:
            for path, text in text_fields(owner, ()):
                yield owner, path, text
