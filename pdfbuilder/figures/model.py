"""The pose model: one adult seen from the side, facing right, drawn from joint angles.

In: a ``Pose`` (joint angles in degrees, what rests on the floor, which props).
Out: a ``Body``: named points in centimetres for a 170 cm person standing on the floor
(y = 0 is the surface the person rests on), after checking every joint's range, that the
parts said to rest on the floor touch it and that nothing goes through it.

Angle conventions (the figure faces right):

* ``trunk``: lean of the trunk from upright; 0 standing, 90 leaning forward face-down onto the
  hands, -90 lying on the back with the head to the left.
* ``spine``: bend of the back; positive rounds it (flexion), negative arches it (extension).
* ``neck``: positive tucks the chin, negative lifts it.
* ``hip`` and ``shoulder``: flexion, positive brings the limb forward from hanging along the
  trunk. ``knee`` and ``elbow``: flexion, 0 straight. ``ankle``: positive points the toes.
  ``wrist``: positive bends the hand toward the palm.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pdfbuilder.errors import FigureError

Point = tuple[float, float]

HEIGHT = 170.0
HEAD_RADIUS = 9.8
LIMB_RADIUS = 2.0  # nominal half-thickness of a limb, for floor contact
FLOOR_TOLERANCE = 2.0  # cm a part may dip below the floor (soft tissue)
TOUCH_TOLERANCE = 3.0  # cm a resting part may float above the floor

# Segment lengths in cm (after Drillis and Contini's fractions of standing height).
SEGMENTS: dict[str, float] = {
    "lower_trunk": 22.0,  # hip joint to waist
    "upper_trunk": 27.0,  # waist to shoulder joint
    "neck": 9.0,  # shoulder joint to base of skull
    "head": 9.5,  # base of skull to centre of head
    "upper_arm": 31.6,
    "forearm": 24.8,
    "hand": 9.0,  # wrist to middle of fingers
    "thigh": 41.6,
    "shin": 41.8,
    "heel": 5.0,  # ankle to back of heel, along the sole
    "forefoot": 19.5,  # ankle to toes, along the sole
    "ankle_height": 6.0,
}


@dataclass(frozen=True)
class Joint:
    """One angle a pose sets: its range in degrees and what a positive value means."""

    low: float
    high: float
    default: float
    meaning: str


_LIMB_JOINTS: dict[str, Joint] = {
    "hip": Joint(-30, 150, 0, "hip flexion: thigh forward from hanging along the trunk"),
    "knee": Joint(0, 160, 0, "knee flexion: 0 straight"),
    "ankle": Joint(-30, 75, 0, "ankle and mid-foot: positive points the toes"),
    "shoulder": Joint(-60, 180, 0, "shoulder flexion: arm forward from hanging at the side"),
    "elbow": Joint(0, 150, 0, "elbow flexion: 0 straight"),
    "wrist": Joint(-90, 90, 0, "wrist: positive bends the hand toward the palm"),
}

SIDE_JOINTS: dict[str, Joint] = {
    "trunk": Joint(-180, 180, 0, "lean from upright: 90 face-down on hands, -90 lying on back"),
    "spine": Joint(-35, 45, 0, "back bend: positive rounds the back, negative arches it"),
    "neck": Joint(-50, 60, 0, "neck: positive tucks the chin, negative lifts it"),
}
for _side in ("near", "far"):
    for _name, _joint in _LIMB_JOINTS.items():
        SIDE_JOINTS[f"{_side}_{_name}"] = _joint

# Parts that can rest on the floor, and the points that must touch it.
CONTACTS: dict[str, tuple[str, ...]] = {
    "head": ("head_low",),
    "trunk": ("trunk_low",),
    "near_foot": ("near_heel", "near_toe"),
    "far_foot": ("far_heel", "far_toe"),
    "near_toes": ("near_toe",),
    "far_toes": ("far_toe",),
    "near_knee": ("near_knee",),
    "far_knee": ("far_knee",),
    "near_shin": ("near_knee", "near_ankle"),
    "far_shin": ("far_knee", "far_ankle"),
    "near_hand": ("near_wrist", "near_hand"),
    "far_hand": ("far_wrist", "far_hand"),
    "near_forearm": ("near_elbow", "near_wrist"),
    "far_forearm": ("far_elbow", "far_wrist"),
}

# Points whose lowest extent is the point itself (surfaces), not a limb's centre line.
_SURFACE_POINTS = frozenset(
    {"head_low", "trunk_low", "near_heel", "near_toe", "far_heel", "far_toe"}
)
_LIMB_POINTS = tuple(
    f"{side}_{part}"
    for side in ("near", "far")
    for part in ("knee", "ankle", "elbow", "wrist", "hand")
)


@dataclass(frozen=True)
class Pose:
    """A named pose: every joint angle, what rests on the floor, and the props drawn with it."""

    name: str
    angles: tuple[tuple[str, float], ...]
    rests_on: tuple[str, ...] = ()
    props: tuple[str, ...] = ()
    view: str = "side"
    description: str = ""

    def angle(self, joint: str) -> float:
        """The angle of ``joint`` in degrees."""
        return dict(self.angles)[joint]


@dataclass(frozen=True)
class Body:
    """A pose placed on the floor: named points (cm) and the trunk's centre line."""

    pose: Pose
    points: Mapping[str, Point]
    spine: tuple[Point, ...]  # centre line of the trunk, hip to shoulder

    def point(self, name: str) -> Point:
        """A named point; raises ``KeyError`` for an unknown name."""
        return self.points[name]


def unit(degrees: float) -> Point:
    """The unit vector at ``degrees`` counter-clockwise from +x."""
    rad = math.radians(degrees)
    return (math.cos(rad), math.sin(rad))


def along(origin: Point, degrees: float, length: float) -> Point:
    """The point ``length`` from ``origin`` in direction ``degrees``."""
    ux, uy = unit(degrees)
    return (origin[0] + ux * length, origin[1] + uy * length)


def spine_curve(hip: Point, waist: Point, shoulder: Point, steps: int = 10) -> tuple[Point, ...]:
    """A smooth curve from hip through waist to shoulder (a quadratic Bézier)."""
    cx = 2 * waist[0] - (hip[0] + shoulder[0]) / 2
    cy = 2 * waist[1] - (hip[1] + shoulder[1]) / 2
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
        out.append((a * hip[0] + b * cx + c * shoulder[0], a * hip[1] + b * cy + c * shoulder[1]))
    return tuple(out)


def trunk_half_width(t: float) -> float:
    """Half the trunk's depth (cm) at fraction ``t`` of the way from hip to shoulder."""
    # Full at the hips, a little narrower at the waist, full at the chest, rounded at the top.
    return 8.0 - 1.2 * math.sin(math.pi * min(t / 0.7, 1.0)) + 0.8 * max(0.0, t - 0.5)


def trunk_outline(spine: tuple[Point, ...]) -> tuple[Point, ...]:
    """The trunk as a closed outline around its centre line (for drawing and floor contact)."""
    left: list[Point] = []
    right: list[Point] = []
    n = len(spine) - 1
    for i, (x, y) in enumerate(spine):
        ax, ay = spine[max(i - 1, 0)]
        bx, by = spine[min(i + 1, n)]
        length = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / length, (bx - ax) / length
        half = trunk_half_width(i / n)
        left.append((x + nx * half, y + ny * half))
        right.append((x - nx * half, y - ny * half))
    return (
        *_cap(spine[0], spine[1], right[0], left[0]),
        *left,
        *_cap(spine[-1], spine[-2], left[-1], right[-1]),
        *reversed(right),
    )


def _cap(centre: Point, inner: Point, start: Point, end: Point) -> tuple[Point, ...]:
    """Points of a half-round cap at ``centre`` from ``start`` to ``end``, bulging outward."""
    out_dir = math.atan2(centre[1] - inner[1], centre[0] - inner[0])
    radius = math.hypot(start[0] - centre[0], start[1] - centre[1])
    a0 = math.atan2(start[1] - centre[1], start[0] - centre[0])
    a1 = math.atan2(end[1] - centre[1], end[0] - centre[0])
    sweep = (a1 - a0) % (2 * math.pi)
    if abs(((a0 + sweep / 2) - out_dir + math.pi) % (2 * math.pi) - math.pi) > math.pi / 2:
        sweep -= 2 * math.pi
    return tuple(
        (
            centre[0] + radius * math.cos(a0 + sweep * k / 6),
            centre[1] + radius * math.sin(a0 + sweep * k / 6),
        )
        for k in range(1, 6)
    )


def _limb(points: dict[str, Point], side: str, base: float, a: Mapping[str, float]) -> None:
    """Add one leg to ``points``; ``base`` is the lower trunk's direction."""
    s = SEGMENTS
    thigh = base + 180 + a[f"{side}_hip"]
    knee = along(points["hip"], thigh, s["thigh"])
    shin = thigh - a[f"{side}_knee"]
    ankle = along(knee, shin, s["shin"])
    foot = shin + 90 - a[f"{side}_ankle"]
    sole = along(ankle, foot - 90, s["ankle_height"])
    points[f"{side}_knee"] = knee
    points[f"{side}_ankle"] = ankle
    points[f"{side}_heel"] = along(sole, foot, -s["heel"])
    points[f"{side}_toe"] = along(sole, foot, s["forefoot"])


def _arm(points: dict[str, Point], side: str, base: float, a: Mapping[str, float]) -> None:
    """Add one arm to ``points``; ``base`` is the upper trunk's direction."""
    s = SEGMENTS
    upper = base + 180 + a[f"{side}_shoulder"]
    elbow = along(points["shoulder"], upper, s["upper_arm"])
    fore = upper + a[f"{side}_elbow"]
    wrist = along(elbow, fore, s["forearm"])
    points[f"{side}_elbow"] = elbow
    points[f"{side}_wrist"] = wrist
    points[f"{side}_hand"] = along(wrist, fore + a[f"{side}_wrist"], s["hand"])


def side_points(angles: Mapping[str, float]) -> tuple[dict[str, Point], tuple[Point, ...]]:
    """Every named point of a side-view pose with the hip joint at the origin, and the spine."""
    chord = 90 - angles["trunk"]
    lower = chord + angles["spine"] / 2
    upper = chord - angles["spine"] / 2
    points: dict[str, Point] = {"hip": (0.0, 0.0)}
    points["waist"] = along(points["hip"], lower, SEGMENTS["lower_trunk"])
    points["shoulder"] = along(points["waist"], upper, SEGMENTS["upper_trunk"])
    neck_dir = upper - angles["neck"]
    points["neck"] = along(points["shoulder"], neck_dir, SEGMENTS["neck"])
    points["head"] = along(points["neck"], neck_dir, SEGMENTS["head"])
    for side in ("far", "near"):
        _limb(points, side, lower, angles)
        _arm(points, side, upper, angles)
    spine = spine_curve(points["hip"], points["waist"], points["shoulder"])
    outline = trunk_outline(spine)
    points["trunk_low"] = min(outline, key=lambda p: p[1])
    hx, hy = points["head"]
    points["head_low"] = (hx, hy - HEAD_RADIUS)
    points["back"] = along(points["waist"], upper + 90, trunk_half_width(0.45))
    points["belly"] = along(points["waist"], upper - 90, trunk_half_width(0.45))
    return points, spine


def low(points: Mapping[str, Point], name: str) -> float:
    """The lowest y of a point's part: surfaces as they are, limb centres minus their radius."""
    y = points[name][1]
    return y if name in _SURFACE_POINTS else y - LIMB_RADIUS


def check_angles(name: str, angles: Mapping[str, float], joints: Mapping[str, Joint]) -> None:
    """Raise ``FigureError`` for an unknown joint or an angle outside its joint's range."""
    for joint, value in angles.items():
        spec = joints.get(joint)
        if spec is None:
            raise FigureError(f'pose "{name}": unknown joint "{joint}"', ("angles", joint))
        if not spec.low <= value <= spec.high:
            raise FigureError(
                f'pose "{name}": joint {joint} at {value:g}° is outside its range '
                f"{spec.low:g}–{spec.high:g}°",
                ("angles", joint),
            )


def ground(pose: Pose, points: Mapping[str, Point]) -> float:
    """The vertical shift that puts the pose on the floor, after checking its contacts."""
    names = [p for c in pose.rests_on for p in CONTACTS[c]]
    everything = [*_SURFACE_POINTS, *_LIMB_POINTS]
    floor = min(low(points, n) for n in (names or everything))
    for contact in pose.rests_on:
        for point in CONTACTS[contact]:
            gap = low(points, point) - floor
            if gap > TOUCH_TOLERANCE:
                raise FigureError(
                    f'pose "{pose.name}": {contact} should rest on the floor but its '
                    f"{_part_word(point)} is {gap:.0f} cm above it; change the angles "
                    f"or remove {contact} from rests_on",
                    ("rests_on",),
                )
    for point in everything:
        depth = floor - low(points, point)
        if depth > FLOOR_TOLERANCE:
            raise FigureError(
                f'pose "{pose.name}": {_part_word(point)} goes {depth:.0f} cm through the '
                "floor; change the angles so it stays above the floor",
                ("angles",),
            )
    return -floor


def _part_word(point: str) -> str:
    return {"head_low": "head", "trunk_low": "trunk"}.get(point, point)


def place_side(pose: Pose) -> Body:
    """Check a side-view pose and place it on the floor."""
    angles = dict(pose.angles)
    check_angles(pose.name, angles, SIDE_JOINTS)
    unknown = [c for c in pose.rests_on if c not in CONTACTS]
    if unknown:
        raise FigureError(
            f'pose "{pose.name}": "{unknown[0]}" cannot rest on the floor; use one of '
            + ", ".join(CONTACTS),
            ("rests_on",),
        )
    points, spine = side_points(angles)
    dy = ground(pose, points)
    return Body(pose, shift(points, 0.0, dy), tuple((x, y + dy) for x, y in spine))


def shift(points: Mapping[str, Point], dx: float, dy: float) -> dict[str, Point]:
    """Every point moved by (dx, dy)."""
    return {k: (x + dx, y + dy) for k, (x, y) in points.items()}


def distance(a: Point, b: Point) -> float:
    """Distance between two points."""
    return math.hypot(a[0] - b[0], a[1] - b[1])


def bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of some points."""
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)
