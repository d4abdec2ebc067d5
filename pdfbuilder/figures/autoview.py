"""Choosing a view for a figure: the one in which its movement shows largest.

In: a figure's poses (two or more frames). Out: the ``View`` (side, front or top) in which
the body's points move furthest on the page between the first frame and the last, keeping
the poses' own view when it shows nearly as much. A side bend seen from the side, or a knee
drop seen from the feet, moves toward the viewer and cannot be seen; this picks a view that
shows it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pdfbuilder.figures.model import Pose, place
from pdfbuilder.figures.views import View, camera

CANDIDATES = (View("side"), View("front"), View("top"))
KEEP_OWN = 0.85  # the poses' own view is kept if it shows this share of the best one's movement


def _shown(view: View, first: Pose, last: Pose) -> float:
    """How far the points move on the page, all told, seen from ``view`` (cm)."""
    cam = camera(view)
    a, b = place(first).world, place(last).world
    total = 0.0
    for name, p in a.items():
        (x0, y0), (x1, y1) = cam.project(p), cam.project(b[name])
        total += math.hypot(x1 - x0, y1 - y0)
    return total


def best_view(poses: Sequence[Pose]) -> View:
    """The view that shows the movement from the first frame to the last best."""
    own = poses[0].view
    if len(poses) < 2:
        return own
    scores = {view: _shown(view, poses[0], poses[-1]) for view in (own, *CANDIDATES)}
    best = max(scores, key=lambda v: scores[v])
    return own if scores[own] >= KEEP_OWN * scores[best] else best
