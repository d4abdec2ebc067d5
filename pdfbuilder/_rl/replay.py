"""Small drawings made once per process, then replayed: a list item's number or bullet.

In: a canvas, a key naming what is drawn (with the object it was made from, a style), and
the function that draws it. Out: the same operators on the page, either drawn by that
function or, when the same key was drawn before and the document's fonts give the
recorded characters the same names and codes (:meth:`~.paragraphs.Drawing.fits`),
copied from the recording. A leaflet draws about 75 labels ("•", "1.", "2." ...) through
ReportLab's text object; most are the same few operators again.

The function draws with the origin moved to the given point, inside ``saveState`` and
``restoreState`` (which this module writes around it); it must touch nothing but the
page's operators and the fonts (no resources, no annotations).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics

from . import installed
from .paragraphs import Drawing, _record
from .truetype import recording

_DRAWN: dict[Hashable, tuple[Any, Drawing | None]] = {}
_CACHE_LIMIT = 5_000


def replayed(
    canvas: Any,
    at: tuple[float, float],
    key: Hashable,
    owner: Any,
    draw: Callable[[], None],
    *,
    fonts: tuple[str, ...],
    colours: tuple[Any, ...] = (),
) -> None:
    """``draw()`` with the origin moved to ``at``, inside ``saveState``/``restoreState``;
    or the same operators (``q``, the move, what ``draw`` drew before for ``key`` made
    from ``owner``, compared by identity, and ``Q``) when valid in this document.

    ``fonts`` and ``colours`` are those ``draw`` uses: a standard PDF font (its name in the
    document is not checked by :meth:`~.paragraphs.Drawing.fits`), a transparent or a spot
    colour (they add resources to the document) are always drawn for real. A replay
    leaves the canvas's state as the restore would: as it was.
    """
    from . import paragraphs

    entry = _DRAWN.get(key) if paragraphs.REPLAY else None
    if entry is not None and entry[0] is owner and entry[1] is not None:
        drawn = entry[1]
        if not canvas._extgstate._d and drawn.fits(canvas._doc):
            move = f"{fp_str(1, 0, 0, 1, *at)} cm"  # as Canvas.translate writes it after q
            canvas._code.extend(["q", move, *drawn.code, "Q"])
            return
    canvas.saveState()
    canvas.translate(*at)
    if (
        (entry is not None and entry[0] is owner)  # recorded, but not valid here
        or not installed()
        or not paragraphs.REPLAY
        or canvas._extgstate._d
        or not _replayable(fonts, colours)
    ):
        draw()
    else:
        _record_drawing(canvas, key, owner, draw)
    canvas.restoreState()


def _record_drawing(canvas: Any, key: Hashable, owner: Any, draw: Callable[[], None]) -> None:
    code = canvas._code
    start = len(code)
    with recording() as encoded:
        draw()
    if len(_DRAWN) > _CACHE_LIMIT:
        _DRAWN.clear()
    if canvas._extgstate._d or any(not hasattr(font, "state") for font, _ in encoded):
        _DRAWN[key] = (owner, None)
        return
    _DRAWN[key] = (owner, Drawing(code[start:], _record(encoded, canvas._doc)))


def _replayable(fonts: tuple[str, ...], colours: tuple[Any, ...]) -> bool:
    for name in fonts:
        if not hasattr(pdfmetrics.getFont(name), "state"):
            return False
    for colour in colours:
        if getattr(colour, "alpha", 1) != 1 or hasattr(colour, "spotName"):
            return False
    return True
