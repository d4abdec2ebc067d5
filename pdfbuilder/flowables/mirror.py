"""Right-to-left leaflets: mark every flowable ``mirrored``, so each lays itself out mirrored.

In: the composed flowables of a right-to-left leaflet. Out: the same flowables, marked.
Boxes then put their accent bar on the right, side-by-side pairs and rows of boxes swap
sides, and two-column text starts in the right-hand column.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.platypus import Flowable


def mirror(flowables: Iterable[Any]) -> None:
    """Mark every flowable, and those inside it, ``mirrored`` for a right-to-left leaflet."""
    stack = list(flowables)
    while stack:
        item = stack.pop()
        item.mirrored = True
        for name in ("content", "boxes", "left", "right", "flowable", "parts"):
            value = getattr(item, name, None)
            if isinstance(value, list):
                stack.extend(v for v in value if isinstance(v, Flowable))
            elif isinstance(value, Flowable):
                stack.append(value)
