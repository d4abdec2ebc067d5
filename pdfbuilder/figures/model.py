"""The pose model: one adult in 3-D, put on the floor, with its props, seen from one view.

In: a ``Pose`` (joint angles in degrees, the parts resting on the floor, props, a view).
Out: a ``Body``: the 3-D points (cm, y = 0 the floor), where each lands on the page (cm) and
how near it is to the viewer, after checking every joint's range, that the parts said to rest
on the floor touch it, that nothing goes through it, and that props are touched as they
should be (see ``contacts``). Joint names and angle conventions are in ``joints``; how the
angles pose the skeleton is in ``skeleton``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.joints import JOINTS, PART_POINTS, SIDES, aliases, check_angles, spoken
from pdfbuilder.figures.skeleton import (
    HEAD_RADIUS,
    Skeleton,
    build,
    lowest,
)
from pdfbuilder.figures.vec import Vec, add
from pdfbuilder.figures.views import Camera, View, camera

Point = tuple[float, float]
SIDE = View()  # the default view: from the side, facing right

LIMB_RADIUS = 2.0  # nominal half-thickness of a limb, for floor contact
FLOOR_TOLERANCE = 2.0  # cm a part may dip below the floor (soft tissue)
TOUCH_TOLERANCE = 3.0  # cm a resting part may float above the floor

# Parts that can rest on the floor (with left_/right_, or near_/far_ side on), and the points
# that must touch it.
CONTACTS: dict[str, tuple[str, ...]] = {"head": ("head_low",), "trunk": ("trunk_low",)}
for _side in SIDES:
    for _part, _points in PART_POINTS.items():
        CONTACTS[f"{_side}_{_part}"] = tuple(f"{_side}_{p}" for p in _points)

# Points whose lowest extent is the point itself (surfaces), not a limb's centre line.
SURFACE_POINTS = frozenset(
    {"head_low", "trunk_low", "left_heel", "left_toe", "right_heel", "right_toe"}
)
LIMB_POINTS = tuple(
    f"{side}_{part}" for side in SIDES for part in ("knee", "ankle", "elbow", "wrist", "hand")
)


@dataclass(frozen=True)
class Pose:
    """A named pose: every joint angle, what rests on the floor, props, and the view."""

    name: str
    angles: tuple[tuple[str, float], ...]
    rests_on: tuple[str, ...] = ()
    props: tuple[str, ...] = ()
    view: View = SIDE
    description: str = ""
    touches: tuple[tuple[str, str], ...] = ()  # (part, prop): the part touches the prop

    def angle(self, joint: str) -> float:
        """The angle of ``joint`` in degrees (canonical name, or near_/far_ side on)."""
        angles = dict(self.angles)
        if joint in angles:
            return angles[joint]
        near = self.view.near_side
        prefix, _, rest = joint.partition("_")
        if near and prefix in ("near", "far"):
            side = near if prefix == "near" else ("left" if near == "right" else "right")
            return angles[f"{side}_{rest}"]
        raise KeyError(joint)


def default_angles() -> dict[str, float]:
    """Every joint at its default (standing tall, arms by the sides)."""
    return {name: joint.default for name, joint in JOINTS.items()}


@dataclass(frozen=True)
class Body:
    """A pose on the floor and seen from its view: 3-D points, page points and depths.

    ``points`` are page cm (after ``offset``, which figures use to line frames up); ``depth``
    is cm toward the viewer. Near/far names (``near_knee``) are there in side views.
    """

    pose: Pose
    skeleton: Skeleton  # on the floor
    props: tuple[object, ...] = ()  # ``contacts.Placed`` props, in world cm
    offset: Point = (0.0, 0.0)
    points: Mapping[str, Point] = field(default_factory=dict)
    depth: Mapping[str, float] = field(default_factory=dict)

    @property
    def camera(self) -> Camera:
        return camera(self.pose.view)

    @property
    def world(self) -> Mapping[str, Vec]:
        return self.skeleton.points

    def at(self, p: Vec) -> Point:
        """A world point on the page (cm, offset included)."""
        x, y = self.camera.project(p)
        return (x + self.offset[0], y + self.offset[1])

    def point(self, name: str) -> Point:
        """A named page point; raises ``KeyError`` for an unknown name."""
        return self.points[name]

    @property
    def spine(self) -> tuple[Point, ...]:
        """The trunk's centre line on the page, hip to shoulder."""
        return tuple(self.at(p) for p in self.skeleton.spine)

    def moved(self, dx: float, dy: float) -> Body:
        """The same body drawn ``dx``, ``dy`` cm further on the page."""
        return seen(
            self.pose, self.skeleton, self.props, (self.offset[0] + dx, self.offset[1] + dy)
        )


def seen(pose: Pose, skeleton: Skeleton, props: tuple[object, ...], offset: Point) -> Body:
    """A body with its page points and depths worked out for the pose's view."""
    cam = camera(pose.view)
    points: dict[str, Point] = {}
    depth: dict[str, float] = {}
    for name, p in skeleton.points.items():
        x, y = cam.project(p)
        points[name] = (x + offset[0], y + offset[1])
        depth[name] = cam.depth(p)
    for alias, name in aliases(list(points), pose.view).items():
        points[alias], depth[alias] = points[name], depth[name]
    return Body(pose, skeleton, props, offset, points, depth)


def low(points: Mapping[str, Vec], name: str) -> float:
    """The lowest y of a point's part: surfaces as they are, limb centres minus their radius."""
    y = points[name][1]
    return y if name in SURFACE_POINTS else y - LIMB_RADIUS


def with_contacts(skeleton: Skeleton) -> dict[str, Vec]:
    """The skeleton's points plus its lowest head and trunk points."""
    points = dict(skeleton.points)
    hx, hy, hz = points["head"]
    points["head_low"] = (hx, hy - HEAD_RADIUS, hz)
    points["trunk_low"] = min((lowest(s) for s in skeleton.sections), key=lambda p: p[1])
    return points


def floor_shift(rests_on: tuple[str, ...], points: Mapping[str, Vec]) -> float:
    """How far up to move a pose so that its lowest resting part is on the floor."""
    names = [p for c in rests_on for p in CONTACTS[c]] or [*SURFACE_POINTS, *LIMB_POINTS]
    return -min(low(points, n) for n in names)


def check_floor(pose: Pose, points: Mapping[str, Vec], floor: float) -> None:
    """Raise when a resting part floats or any part goes through the floor."""
    view = pose.view
    for contact in pose.rests_on:
        for point in CONTACTS[contact]:
            gap = low(points, point) - floor
            if gap > TOUCH_TOLERANCE:
                part = spoken(contact, view)
                raise FigureError(
                    f'pose "{pose.name}": {part} should rest on the floor but its '
                    f"{spoken(point, view)} is {gap:.0f} cm above it; change the angles "
                    f"or remove {part} from rests_on",
                    ("rests_on",),
                )
    for point in (*SURFACE_POINTS, *LIMB_POINTS):
        depth = floor - low(points, point)
        if depth > FLOOR_TOLERANCE:
            raise FigureError(
                f'pose "{pose.name}": {spoken(point, view)} goes {depth:.0f} cm through the '
                "floor; change the angles so it stays above the floor",
                ("angles",),
            )


def lifted(skeleton: Skeleton, dy: float) -> Skeleton:
    """The skeleton moved up by ``dy`` cm."""
    up = (0.0, dy, 0.0)
    return Skeleton(
        {k: add(p, up) for k, p in skeleton.points.items()},
        skeleton.frames,
        tuple(add(p, up) for p in skeleton.spine),
        tuple(replace(s, centre=add(s.centre, up)) for s in skeleton.sections),
    )


def grounded(pose: Pose, check: bool = True) -> Skeleton:
    """The pose's skeleton standing on the floor (checked unless ``check`` is false)."""
    angles = dict(pose.angles)
    if check:
        check_angles(pose.name, angles)
    skeleton = build(angles)
    points = with_contacts(skeleton)
    dy = floor_shift(pose.rests_on, points)
    if check:
        check_floor(pose, points, -dy)
    return lifted(replace(skeleton, points=points), dy)


@functools.cache
def _point_names() -> tuple[str, ...]:
    return tuple(with_contacts(build(default_angles())))


def point_names(view: View) -> list[str]:
    """Every body point a pose seen from ``view`` has (near_/far_ ones side on)."""
    names = list(_point_names())
    return names + list(aliases(names, view))


@functools.lru_cache(maxsize=1024)
def place(pose: Pose) -> Body:
    """Check a pose, put it on the floor with its props, and see it from its view."""
    from pdfbuilder.figures.contacts import place_props  # props need the grounded skeleton

    skeleton = grounded(pose)
    props = place_props(pose.name, pose.view, pose.props, pose.touches, skeleton.points, skeleton)
    return seen(pose, skeleton, props, (0.0, 0.0))


def shift(points: Mapping[str, Point], dx: float, dy: float) -> dict[str, Point]:
    """Every point moved by (dx, dy)."""
    return {k: (x + dx, y + dy) for k, (x, y) in points.items()}


def distance(a: Point | Vec, b: Point | Vec) -> float:
    """Distance between two points (2-D or 3-D)."""
    return math.dist(a, b)


def bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of some points."""
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)
