"""Small 3-D vector and rotation helpers for the pose model (plain tuples, no dependencies).

In: vectors as ``(x, y, z)`` tuples and frames as three column vectors (the frame's x, y and
z axes in world coordinates). Out: new tuples; nothing is changed in place.
"""

from __future__ import annotations

import math

Vec = tuple[float, float, float]
Frame = tuple[Vec, Vec, Vec]  # the x, y and z axes of a frame, in world coordinates

IDENTITY: Frame = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def norm(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def unit(a: Vec) -> Vec:
    """``a`` scaled to length 1 (the zero vector stays zero)."""
    length = norm(a)
    return scale(a, 1.0 / length) if length else a


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def apply(frame: Frame, local: Vec) -> Vec:
    """A vector given in ``frame``'s own axes, in world coordinates."""
    x, y, z = frame
    return (
        x[0] * local[0] + y[0] * local[1] + z[0] * local[2],
        x[1] * local[0] + y[1] * local[1] + z[1] * local[2],
        x[2] * local[0] + y[2] * local[1] + z[2] * local[2],
    )


def compose(frame: Frame, turn: Frame) -> Frame:
    """``frame`` turned by ``turn``, a rotation given in ``frame``'s own axes."""
    return (apply(frame, turn[0]), apply(frame, turn[1]), apply(frame, turn[2]))


def rot_x(degrees: float) -> Frame:
    """Rotation about x: positive turns y toward z."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((1.0, 0.0, 0.0), (0.0, c, s), (0.0, -s, c))


def rot_y(degrees: float) -> Frame:
    """Rotation about y: positive turns z toward x (and x away from z)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, 0.0, -s), (0.0, 1.0, 0.0), (s, 0.0, c))


def rot_z(degrees: float) -> Frame:
    """Rotation about z: positive turns x toward y (counter-clockwise in a side view)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, s, 0.0), (-s, c, 0.0), (0.0, 0.0, 1.0))


def turned(frame: Frame, *turns: Frame) -> Frame:
    """``frame`` turned by each rotation in order, each about the axes the last one left."""
    for turn in turns:
        frame = compose(frame, turn)
    return frame


def orthonormal(long_axis: Vec, front: Vec) -> Frame:
    """A right-handed frame whose y is ``long_axis`` and whose x is as close to ``front``."""
    y = unit(long_axis)
    x = unit(sub(front, scale(y, dot(front, y))))
    return (x, y, cross(x, y))
