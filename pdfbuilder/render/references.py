"""Render, cross-references: where each referenced block landed, in the leaflet's words.

In: a function laying out and drawing the leaflet once with given words for its
``{where:...}`` references (returning the PDF and where each anchor was drawn), the labels,
and how to name a place (a page, or a trifold's panel). Out: the PDF of a layout whose
words are true of that very layout.

The words depend on where things land, and where things land can depend on the words (a
longer phrase can push a line over), so the leaflet is laid out until the words it prints
are the words its layout calls for: usually twice the first time, then once, because the
words found are remembered for the next build of the same leaflet and checked each time.
If they never settle, every reference says where in words true on any page ("under “When
to get help”").
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..compose.references import Place, References, block_key
from ..content.labels import Labels
from ..content.model import Handout
from ..content.references import references

#: How many layouts to try before falling back to words true anywhere.
TRIES = 4
#: Points of overlap still counted as "below" (a reference on the same line as the box top).
FUZZ = 2.0


@dataclass(frozen=True)
class Pass:
    """One layout and drawing: the PDF, where each anchor was drawn, and the engine's own
    record of the pages (for tests)."""

    pdf: bytes
    positions: Mapping[str, list[Place]]
    frames: Any = None


#: Names the place of a point (page, x): its order in reading and its name ("page:2" for a
#: flowing leaflet, "panel:back" for a trifold).
Locate = Callable[[int, float], tuple[int, str]]


def page_place(page: int, x: float) -> tuple[int, str]:
    return page, f"page:{page}"


_memo: dict[tuple[Any, ...], dict[str, str]] = {}


def settle(
    job: Any,
    one_pass: Callable[[References], Pass],
    locate: Locate = page_place,
) -> bytes:
    """Lay out (and draw) the leaflet until its cross-references' words are true of it."""
    done = _settled(job, one_pass, locate)
    for watcher in _watchers:
        watcher.append(done.frames)
    return done.pdf


#: Lists that each get the laid-out frames of every leaflet drawn while they watch.
_watchers: list[list[Any]] = []


@contextlib.contextmanager
def watch() -> Iterator[list[Any]]:
    """Collect how each leaflet built meanwhile was laid out: for a flowing leaflet its
    pages (:class:`~pdfbuilder.render.paginate.Filled`), for a trifold what each panel
    holds. For tests and layout checks; costs nothing when nobody watches."""
    seen: list[Any] = []
    _watchers.append(seen)
    try:
        yield seen
    finally:
        _watchers.remove(seen)


def _settled(job: Any, one_pass: Callable[[References], Pass], locate: Locate) -> Pass:
    targets = referenced(job.handout)
    if not targets:
        return one_pass(References())
    fallback = fallback_words(job, targets)
    key = (job.handout, job.layout, job.paper, job.print_marks, job.footer_note)
    words = _memo.get(key, {})
    for _ in range(TRIES):
        done = one_pass(References(words, fallback, targets))
        found = words_for(done.positions, job.labels, locate)
        if found == words:
            if len(_memo) > 256:
                _memo.clear()
            _memo[key] = found
            return done
        words = found
    return one_pass(References({}, fallback, targets))


@functools.lru_cache(maxsize=64)
def referenced(handout: Handout) -> frozenset[str]:
    """The blocks (and ``exercise:<id>``) the handout's text refers to."""
    return frozenset(ref.target for text in _texts(handout) for ref in references(text))


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if "{where:" in value:
            yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if not f.metadata.get("internal") and f.name != "figure":
                yield from _texts(getattr(value, f.name))


def fallback_words(job: Any, targets: frozenset[str]) -> dict[str, str]:
    """Words true wherever the blocks land: the block's own heading ("under “When to get
    help”"); empty for a block this layout leaves out."""
    labels: Labels = job.labels
    names = {
        "seek_help": "seek_help",
        "takeaways": "key_takeaways",
        "exercises": "exercises",
        "exercise_log": "exercise_log",
        "sources": "sources",
    }
    out: dict[str, str] = {}
    for target in targets:
        block = target.split(":")[0]
        blocks = job.layout.blocks
        shown = block in blocks or (block == "exercise" and "exercises" in blocks)
        if not shown:
            out[target] = ""
        elif target.startswith("exercise:"):
            exercises = job.handout.exercises
            name = next((ex.name for ex in exercises if f"exercise:{ex.id}" == target), "")
            out[target] = labels("where_named", block=name) if name else ""
        elif block in names:
            out[target] = labels("where_named", block=labels(names[block]))
        else:
            out[target] = ""
    return out


def words_for(
    positions: Mapping[str, list[Place]],
    labels: Labels,
    locate: Locate,
) -> dict[str, str]:
    """The words for every reference drawn, from where it and its target were drawn."""
    out: dict[str, str] = {}
    for key, places in positions.items():
        if not key.startswith("text:"):
            continue
        for ref in references(key.removeprefix("text:")):
            target = positions.get(block_key(ref.target))
            # A block that drew nothing (left out, or empty here): the reference goes too.
            said = describe(places[0], target, labels, locate) if target else ""
            out[f"{key}>{ref.target}"] = said
    return out


def describe(ref: Place, target: list[Place], labels: Labels, locate: Locate) -> str:
    """Where ``target`` is, seen from ``ref``: "below", "above", "on page 2", "on pages 2
    and 3", "on the back panel"."""
    first = min(target, key=lambda p: (locate(p[0], p[1])[0], -p[2]))
    here, there = locate(ref[0], ref[1])[1], locate(first[0], first[1])[1]
    if here == there:
        if first[2] <= ref[3] + FUZZ:
            return labels("where_below")
        if first[3] >= ref[2] - FUZZ:
            return labels("where_above")
        return labels("where_this_page")
    if there.startswith("page:"):
        pages = sorted({p[0] for p in target})
        if len(pages) == 1:
            return labels("where_page", page=pages[0])
        key = "where_pages_two" if len(pages) == 2 else "where_pages"
        return labels(key, first=pages[0], last=pages[-1])
    return labels("where_panel", panel=labels(f"panel_{there.removeprefix('panel:')}"))
