"""The same person lying on their back, seen from above (for movements across the body).

In: a ``Pose`` whose ``view`` is ``"top"``. Out: a ``Body`` whose points are in cm on the
floor plane: x along the body (head to the left), y across it (up the page is the person's
left side). The legs are worked out from the side-view hip and knee angles, then rolled about
the body's long axis by ``knees_roll``, which is how the knees drop to one side.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from pdfbuilder.figures.model import (
    SEGMENTS,
    Body,
    Joint,
    Point,
    Pose,
    along,
    check_angles,
)

TOP_JOINTS: dict[str, Joint] = {
    "hip": Joint(0, 120, 0, "hip flexion: knees up from lying flat"),
    "knee": Joint(0, 150, 0, "knee flexion: 0 straight"),
    "knees_roll": Joint(-75, 75, 0, "knees dropped to one side: positive toward the bottom"),
    "arms": Joint(0, 170, 0, "arms out from the sides: 90 straight out"),
    "elbow": Joint(0, 150, 0, "elbow flexion: 0 straight"),
}

HIP_HALF_WIDTH = 8.5
SHOULDER_HALF_WIDTH = 18.0
TRUNK_LENGTH = SEGMENTS["lower_trunk"] + SEGMENTS["upper_trunk"]


def _leg(a: Mapping[str, float], lateral: float) -> dict[str, tuple[float, float, float]]:
    """One leg in 3-D (along, across, up) before and after rolling the knees over."""
    hip_up = math.radians(a["hip"])
    shin_dir = hip_up - math.radians(a["knee"])
    knee = (SEGMENTS["thigh"] * math.cos(hip_up), SEGMENTS["thigh"] * math.sin(hip_up))
    ankle = (
        knee[0] + SEGMENTS["shin"] * math.cos(shin_dir),
        knee[1] + SEGMENTS["shin"] * math.sin(shin_dir),
    )
    roll = math.radians(a["knees_roll"])
    out = {}
    for name, (s, z) in (("hip", (0.0, 0.0)), ("knee", knee), ("ankle", ankle)):
        # Roll about the long axis through the middle of the pelvis, at hip height.
        out[name] = (
            s,
            lateral * math.cos(roll) - z * math.sin(roll),
            lateral * math.sin(roll) + z * math.cos(roll),
        )
    return out


def top_points(a: Mapping[str, float]) -> dict[str, Point]:
    """Every named point of a top-view pose, pelvis centre at the origin."""
    pts: dict[str, Point] = {"pelvis": (0.0, 0.0)}
    pts["shoulders"] = (-TRUNK_LENGTH, 0.0)
    pts["head"] = (-TRUNK_LENGTH - SEGMENTS["neck"] - SEGMENTS["head"], 0.0)
    legs = {"left": _leg(a, HIP_HALF_WIDTH), "right": _leg(a, -HIP_HALF_WIDTH)}
    # The leg that is higher off the floor after the roll is the one seen on top.
    upper = "left" if legs["left"]["knee"][2] >= legs["right"]["knee"][2] else "right"
    for side, leg in legs.items():
        prefix = "near" if side == upper else "far"
        for joint, (s, y, _z) in leg.items():
            pts[f"{prefix}_{joint}"] = (s, y)
        ax, ay = pts[f"{prefix}_ankle"]
        pts[f"{prefix}_toe"] = (ax + SEGMENTS["forefoot"], ay)
    for prefix, sign in (("left", 1.0), ("right", -1.0)):
        shoulder = (-TRUNK_LENGTH, sign * SHOULDER_HALF_WIDTH)
        # 0 = arm along the side pointing to the feet; 90 = straight out.
        upper_dir = sign * a["arms"]
        elbow = along(shoulder, upper_dir, SEGMENTS["upper_arm"])
        fore = upper_dir + sign * a["elbow"]
        wrist = along(elbow, fore, SEGMENTS["forearm"])
        pts[f"{prefix}_shoulder"] = shoulder
        pts[f"{prefix}_elbow"] = elbow
        pts[f"{prefix}_wrist"] = wrist
        pts[f"{prefix}_hand"] = along(wrist, fore, SEGMENTS["hand"])
    pts["knees"] = (
        (pts["near_knee"][0] + pts["far_knee"][0]) / 2,
        (pts["near_knee"][1] + pts["far_knee"][1]) / 2,
    )
    return pts


def place_top(pose: Pose) -> Body:
    """Check a top-view pose and lay it out on the floor plane."""
    angles = dict(pose.angles)
    check_angles(pose.name, angles, TOP_JOINTS)
    points = top_points(angles)
    return Body(pose, points, (points["pelvis"], points["shoulders"]))
