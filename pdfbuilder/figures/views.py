"""Views: where the viewer stands, and the orthographic projection onto the page.

In: a ``View`` (side, side-left, front, back or top; optionally turned round the person and
tilted to look down). Out: a ``Camera`` that turns a 3-D point (cm, world axes) into a page
point (cm) and a depth (cm toward the viewer; larger is nearer).

World axes: x is where the person faces when standing (``trunk: 0``), y is up, z is the
person's right. The floor is y = 0.

* ``side``: the person faces right on the page; you see their right side (``near_`` is right).
* ``side-left``: the person faces left on the page; you see their left side.
* ``front``: you face the person; their right side is on the left of the page.
* ``back``: you stand behind the person; their right side is on the right of the page.
* ``top``: you look straight down; x is to the right, the person's right is down the page.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from pdfbuilder.figures.vec import Vec, add, cross, dot, scale

BASE_VIEWS: dict[str, tuple[Vec, Vec, Vec]] = {  # right, up, toward the viewer
    "side": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "side-left": ((-1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, -1.0)),
    "front": ((0.0, 0.0, -1.0), (0.0, 1.0, 0.0), (1.0, 0.0, 0.0)),
    "back": ((0.0, 0.0, 1.0), (0.0, 1.0, 0.0), (-1.0, 0.0, 0.0)),
    "top": ((1.0, 0.0, 0.0), (0.0, 0.0, -1.0), (0.0, 1.0, 0.0)),
}
VIEW_NAMES = tuple(BASE_VIEWS)
NEAR_SIDE = {"side": "right", "side-left": "left"}
TURN_RANGE = (-180.0, 180.0)
TILT_RANGE = (0.0, 80.0)


@dataclass(frozen=True)
class View:
    """Where the figure is seen from: a base view, turned and tilted (degrees)."""

    name: str = "side"
    turn: float = 0.0  # the viewer walks round the person to the viewer's right
    tilt: float = 0.0  # the viewer rises and looks down (not for top)

    @property
    def near_side(self) -> str | None:
        """``right`` or ``left`` for a side view (the side nearer the viewer), else None."""
        return NEAR_SIDE.get(self.name)

    @property
    def level(self) -> bool:
        """True when the floor is seen edge-on (a floor line can be drawn)."""
        return self.name != "top" and self.tilt == 0

    def describe(self) -> str:
        """The view in words, for the catalogue: ``front`` or ``front, turned 30°``."""
        words = [self.name]
        if self.turn:
            words.append(f"turned {self.turn:g}°")
        if self.tilt:
            words.append(f"from {self.tilt:g}° above")
        return ", ".join(words)


@dataclass(frozen=True)
class Camera:
    """An orthographic camera: page right, page up and toward-the-viewer unit vectors."""

    right: Vec
    up: Vec
    toward: Vec

    def project(self, p: Vec) -> tuple[float, float]:
        return (dot(p, self.right), dot(p, self.up))

    def depth(self, p: Vec) -> float:
        return dot(p, self.toward)


def _spin(v: Vec, axis: Vec, degrees: float) -> Vec:
    """``v`` rotated about the unit ``axis`` (Rodrigues)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return add(add(scale(v, c), scale(cross(axis, v), s)), scale(axis, dot(axis, v) * (1 - c)))


@functools.lru_cache(maxsize=64)
def camera(view: View) -> Camera:
    """The camera of a view."""
    right, up, toward = BASE_VIEWS[view.name]
    if view.tilt:
        # Rise over the person: the line of sight turns down about the page's right.
        toward = _spin(toward, right, -view.tilt)
        up = _spin(up, right, -view.tilt)
    if view.turn:
        # Walk round the person to the right: everything turns about the vertical.
        vertical = (0.0, 1.0, 0.0)
        right, up, toward = (_spin(v, vertical, view.turn) for v in (right, up, toward))
    return Camera(right, up, toward)
