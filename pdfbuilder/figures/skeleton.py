"""The skeleton: one 170 cm adult with fixed proportions, posed by joint angles in 3-D.

In: every joint angle (canonical names, degrees; see ``joints.JOINTS``). Out: a ``Skeleton``:
named points in cm (world axes: x forward, y up, z the person's right, pelvis at the origin)
and the frames of the pelvis, chest, head and feet, for drawing and for floor contact.

How the angles combine (each rotation about the axes the previous one left):

* ``trunk`` leans the line from hip to shoulder forward; ``roll`` first turns the whole body
  about that line. ``spine`` bends the back about its middle (that line keeps its lean);
  ``spine_side_bend`` and ``spine_rotation`` move the chest over a still pelvis.
* The neck starts at the top of the chest: ``neck`` (flexion), then side bend, then rotation;
  ``head_nod`` nods the head on the neck.
* Shoulders: the shoulder blade (``shoulder_shrug``, ``shoulder_squeeze``) moves the shoulder
  joint; then flexion, abduction, rotation move the arm; ``elbow`` and ``wrist`` bend forward.
* Hips: flexion, then abduction, then rotation; ``knee`` bends back; ``ankle`` points the toes,
  ``ankle_tilt`` turns the sole inward.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

from pdfbuilder.figures.vec import (
    IDENTITY,
    Frame,
    Vec,
    add,
    apply,
    lerp,
    orthonormal,
    rot_x,
    rot_y,
    rot_z,
    scale,
    sub,
    turned,
    unit,
)

HEIGHT = 170.0
HEAD_RADIUS = 9.8
HIP_HALF_WIDTH = 8.5  # hip joint from the midline
SHOULDER_HALF_WIDTH = 17.0  # shoulder joint from the midline (collar bone)
SHOULDER_CAP = 6.0  # how far the rounded top of the trunk rises above the shoulder line
TOE_HALF_WIDTH = 4.5
HEEL_HALF_WIDTH = 3.0
SIDE_SIGN = {"left": -1.0, "right": 1.0}

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
SPINE_STEPS = 10


@dataclass(frozen=True)
class Section:
    """One cross-section of the trunk: an ellipse round ``centre``."""

    centre: Vec
    front: Vec  # unit, toward the belly
    side: Vec  # unit, toward the right
    depth: float  # half of the front-to-back size, cm
    breadth: float  # half of the side-to-side size, cm


@dataclass(frozen=True)
class Skeleton:
    """A posed skeleton: named points (cm) and frames, before it is put on the floor."""

    points: Mapping[str, Vec]
    frames: Mapping[str, Frame]
    spine: tuple[Vec, ...]  # centre line of the trunk, hip to shoulder
    sections: tuple[Section, ...]  # the trunk, hip end to shoulder end, caps included


def trunk_half_width(t: float) -> float:
    """Half the trunk's depth (cm, front to back) at fraction ``t`` from hip to shoulder."""
    # Full at the hips, a little narrower at the waist, full at the chest, rounded at the top.
    return 8.0 - 1.2 * math.sin(math.pi * min(t / 0.7, 1.0)) + 0.8 * max(0.0, t - 0.5)


_BREADTH = ((0.0, 15.0), (0.45, 12.5), (0.8, 14.5), (1.0, 15.5))


def trunk_half_breadth(t: float) -> float:
    """Half the trunk's breadth (cm, side to side) at fraction ``t`` from hip to shoulder."""
    for (t0, b0), (t1, b1) in itertools.pairwise(_BREADTH):
        if t <= t1:
            return b0 + (b1 - b0) * (max(t, t0) - t0) / (t1 - t0)
    return _BREADTH[-1][1]


def _curve(hip: Vec, waist: Vec, shoulder: Vec) -> tuple[Vec, ...]:
    """A smooth curve from hip through waist to shoulder (a quadratic Bézier)."""
    control = sub(scale(waist, 2.0), scale(add(hip, shoulder), 0.5))
    out = []
    for i in range(SPINE_STEPS + 1):
        t = i / SPINE_STEPS
        a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
        out.append(add(add(scale(hip, a), scale(control, b)), scale(shoulder, c)))
    return tuple(out)


def _cap(end: Section, outward: Vec, length: float) -> list[Section]:
    """Shrinking sections beyond one end of the trunk, so that it ends rounded."""
    out = []
    for k in (1, 2, 3, 4, 5):
        angle = math.pi / 2 * k / 6
        s, keep = math.sin(angle), math.cos(angle)
        out.append(
            Section(
                add(end.centre, scale(outward, length * s)),
                end.front,
                end.side,
                end.depth * keep,
                end.breadth * keep,
            )
        )
    return out


def sections(spine: tuple[Vec, ...], pelvis: Frame, chest: Frame) -> tuple[Section, ...]:
    """The trunk's cross-sections along its centre line, with rounded ends."""
    n = len(spine) - 1
    middle = []
    for i, centre in enumerate(spine):
        t = i / n
        tangent = sub(spine[min(i + 1, n)], spine[max(i - 1, 0)])
        frame = orthonormal(tangent, lerp(pelvis[0], chest[0], t))
        middle.append(
            Section(centre, frame[0], frame[2], trunk_half_width(t), trunk_half_breadth(t))
        )
    low_out = unit(sub(spine[0], spine[1]))
    high_out = unit(sub(spine[-1], spine[-2]))
    hip_cap = _cap(middle[0], low_out, middle[0].depth)
    top_cap = _cap(middle[-1], high_out, SHOULDER_CAP)
    return (*reversed(hip_cap), *middle, *top_cap)


def _arm(points: dict[str, Vec], chest: Frame, side: str, a: Mapping[str, float]) -> None:
    sign = SIDE_SIGN[side]
    shrug, squeeze = a[f"{side}_shoulder_shrug"], a[f"{side}_shoulder_squeeze"]
    collar = (
        -math.sin(math.radians(squeeze)) * math.cos(math.radians(shrug)),
        math.sin(math.radians(shrug)),
        sign * math.cos(math.radians(squeeze)) * math.cos(math.radians(shrug)),
    )
    joint = add(points["shoulder"], apply(chest, scale(collar, SHOULDER_HALF_WIDTH)))
    upper = turned(
        chest,
        rot_z(a[f"{side}_shoulder"]),
        rot_x(-sign * a[f"{side}_shoulder_abduction"]),
        rot_y(-sign * a[f"{side}_shoulder_rotation"]),
    )
    elbow = add(joint, apply(upper, (0.0, -SEGMENTS["upper_arm"], 0.0)))
    fore = turned(upper, rot_z(a[f"{side}_elbow"]))
    wrist = add(elbow, apply(fore, (0.0, -SEGMENTS["forearm"], 0.0)))
    hand = turned(fore, rot_z(a[f"{side}_wrist"]))
    points[f"{side}_shoulder"] = joint
    points[f"{side}_elbow"] = elbow
    points[f"{side}_wrist"] = wrist
    points[f"{side}_hand"] = add(wrist, apply(hand, (0.0, -SEGMENTS["hand"], 0.0)))


def _leg(
    points: dict[str, Vec],
    frames: dict[str, Frame],
    pelvis: Frame,
    side: str,
    a: Mapping[str, float],
) -> None:
    sign = SIDE_SIGN[side]
    joint = apply(pelvis, (0.0, 0.0, sign * HIP_HALF_WIDTH))
    thigh = turned(
        pelvis,
        rot_z(a[f"{side}_hip"]),
        rot_x(-sign * a[f"{side}_hip_abduction"]),
        rot_y(-sign * a[f"{side}_hip_rotation"]),
    )
    knee = add(joint, apply(thigh, (0.0, -SEGMENTS["thigh"], 0.0)))
    shin = turned(thigh, rot_z(-a[f"{side}_knee"]))
    ankle = add(knee, apply(shin, (0.0, -SEGMENTS["shin"], 0.0)))
    foot = turned(shin, rot_z(-a[f"{side}_ankle"]), rot_x(sign * a[f"{side}_ankle_tilt"]))
    sole = add(ankle, apply(foot, (0.0, -SEGMENTS["ankle_height"], 0.0)))
    points[f"{side}_hip"] = joint
    points[f"{side}_knee"] = knee
    points[f"{side}_ankle"] = ankle
    points[f"{side}_heel"] = add(sole, apply(foot, (-SEGMENTS["heel"], 0.0, 0.0)))
    points[f"{side}_toe"] = add(sole, apply(foot, (SEGMENTS["forefoot"], 0.0, 0.0)))
    frames[f"{side}_foot"] = foot


def _head(
    points: dict[str, Vec], frames: dict[str, Frame], chest: Frame, a: Mapping[str, float]
) -> None:
    neck = turned(
        chest,
        rot_z(-a["neck"]),
        rot_x(a["neck_side_bend"]),
        rot_y(-a["neck_rotation"]),
    )
    head = turned(neck, rot_z(-a["head_nod"]))
    points["neck"] = add(points["shoulder"], apply(neck, (0.0, SEGMENTS["neck"], 0.0)))
    points["head"] = add(points["neck"], apply(head, (0.0, SEGMENTS["head"], 0.0)))
    points["nose"] = add(points["head"], apply(head, (HEAD_RADIUS + 2.6, -HEAD_RADIUS * 0.15, 0.0)))
    frames["head"] = head


def trunk_frames(a: Mapping[str, float]) -> tuple[Frame, Frame]:
    """The pelvis and chest frames: ``trunk`` and ``roll`` set the middle, the spine the rest."""
    middle = turned(IDENTITY, rot_z(-a["trunk"]), rot_y(-a["roll"]))
    pelvis = turned(middle, rot_z(a["spine"] / 2))
    chest = turned(
        middle,
        rot_z(-a["spine"] / 2),
        rot_x(a["spine_side_bend"]),
        rot_y(-a["spine_rotation"]),
    )
    return pelvis, chest


def build(a: Mapping[str, float]) -> Skeleton:
    """Pose the skeleton: every point and frame, the pelvis centre at the origin."""
    pelvis, chest = trunk_frames(a)
    points: dict[str, Vec] = {"hip": (0.0, 0.0, 0.0)}
    points["waist"] = apply(pelvis, (0.0, SEGMENTS["lower_trunk"], 0.0))
    points["shoulder"] = add(points["waist"], apply(chest, (0.0, SEGMENTS["upper_trunk"], 0.0)))
    frames: dict[str, Frame] = {"pelvis": pelvis, "chest": chest}
    _head(points, frames, chest, a)
    for side in ("left", "right"):
        _leg(points, frames, pelvis, side, a)
        _arm(points, chest, side, a)
    spine = _curve(points["hip"], points["waist"], points["shoulder"])
    rib = trunk_half_width(0.45)
    points["back"] = add(points["waist"], scale(chest[0], -rib))
    points["belly"] = add(points["waist"], scale(chest[0], rib))
    points["pelvis"] = points["hip"]
    points["shoulders"] = points["shoulder"]
    points["knees"] = lerp(points["left_knee"], points["right_knee"], 0.5)
    points["chest"] = add(points["shoulder"], apply(chest, (trunk_half_width(0.9), -10.0, 0.0)))
    return Skeleton(points, frames, spine, sections(spine, pelvis, chest))


def lowest(section: Section) -> Vec:
    """The lowest point of a trunk section (its ellipse's support point downward)."""
    fy, sy = section.front[1] * section.depth, section.side[1] * section.breadth
    size = math.hypot(fy, sy)
    if not size:
        return section.centre
    drop = add(
        scale(section.front, section.depth * fy / size),
        scale(section.side, section.breadth * sy / size),
    )
    return sub(section.centre, drop)
