"""The handouts that ship with the package, found by their ``id`` from any folder.

In: a handout reference as a user types it: a path, or the ``id`` of a shipped handout
(``neck-pain``, ``back-spasms-es``). Out: the path of the file to read (:func:`handout_path`),
or the shipped handouts in order (:func:`shipped_handouts`) for ``handout list``.

The shipped files live inside the installed package (``pdfbuilder/_builtin_handouts``, put
there by the wheel) or, in a source checkout, in ``handouts/``. A path that exists always
wins over an id, so a clinic's own ``neck-pain`` file in the current folder is never
shadowed (a folder of that name does not count); a reference that is neither gets one line
saying what to do.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path

from ..errors import HandoutError
from .model import load_handout

PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: What a handout file is called (a translation adds its language: ``back-spasms.es.yaml``).
SUFFIXES = (".yaml", ".yml")


def shipped_dir() -> Path:
    """Where the shipped handouts are: inside the wheel, or ``handouts/`` in a checkout."""
    packaged = PACKAGE_DIR / "_builtin_handouts"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "handouts"


@dataclass(frozen=True)
class Shipped:
    """One shipped handout, as ``handout list`` shows it."""

    id: str
    language: str
    title: str
    status: str
    next_review: str
    path: Path


@functools.cache
def shipped_handouts() -> tuple[Shipped, ...]:
    """Every shipped handout (samples too), ordered by id. Each is read and validated."""
    found = []
    for path in sorted(shipped_dir().rglob("*")):
        if path.suffix in SUFFIXES and path.is_file():
            h = load_handout(path)
            review = h.review
            found.append(
                Shipped(h.id, h.language, h.title, review.status, str(review.next_review), path)
            )
    return tuple(sorted(found, key=lambda s: s.id))


def handout_path(ref: str | Path) -> Path:
    """The file ``ref`` names: itself if it exists, else the shipped handout with that id."""
    path = Path(ref)
    if (path.exists() and not path.is_dir()) or str(ref) == "-":
        return path  # a folder of the same name (an output folder, say) does not hide an id
    text = str(ref)
    looks_like_id = path.suffix not in SUFFIXES and "/" not in text and "\\" not in text
    if looks_like_id:
        for item in shipped_handouts():
            if item.id == text:
                return item.path
    if not looks_like_id:
        return path  # reading it says "file not found", as for any other file
    ids = [s.id for s in shipped_handouts()]
    close = difflib.get_close_matches(text, ids, n=1)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    raise HandoutError(
        f"file not found, and no shipped handout has this id; {hint}"
        "`handout list` shows the shipped handouts",
        file=text,
    )
