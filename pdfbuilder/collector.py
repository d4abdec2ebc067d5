"""Python's cyclic garbage collector paused while a leaflet is built.

In: a block of work that makes many objects which live until it ends (:func:`paused`).
Out: the same work without the collector's passes in the middle of it.

A build makes a few thousand objects that stay alive until it ends: flowables, paragraph
lines, structure nodes, the recorder's notes. Python's collector runs each time 700 more
objects have been made than freed, and each pass walks every young object still alive,
then promotes them, so the next, older passes walk them again. None of that finds
garbage: what a build no longer needs is freed as it goes, by reference counting, and the
structure tree's parent links are unlinked when it is finished
(:func:`~pdfbuilder.tagging.structure.release`). Counted on the back-spasm leaflet, a
tagged build ran about three young and a quarter of an older pass; the collector took
about 3.6 ms of each tagged build and 0.7 ms of each untagged one (docs/performance.md).
With the collector paused, the first pass after the build (at the next allocation) finds
only what the build left behind.

Paused, not turned off: while any thread is inside a block the collector is disabled,
and when the last one leaves it is enabled again if it was enabled when the first one came
in. A program that turns the collector off itself keeps it off. Cyclic garbage made
meanwhile (ReportLab's canvas and document refer to each other) waits for the end of the
build. A program building in several threads at once, with no moment when none is
building, would never see the collector enabled again: so a block that ends while another
is still running runs a pass itself, of the young objects (every tenth time the middle
generation too, every hundredth all of them, as the collector's own thresholds would).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_inside = 0  # how many blocks are running, in any thread
_resume = False  # whether the collector was enabled when the first block began
_overlapped = 0  # blocks that ended while another was running (each runs a pass)


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector disabled (see the module docstring)."""
    global _inside, _resume, _overlapped
    with _lock:
        if _inside == 0:
            _resume = gc.isenabled()
            gc.disable()
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            passes = 0
            if _inside == 0:
                if _resume:
                    gc.enable()
            elif _resume:  # another build goes on: the collector stays paused, so pass here
                _overlapped += 1
                passes = _overlapped
        if passes:
            gc.collect(2 if passes % 100 == 0 else 1 if passes % 10 == 0 else 0)
