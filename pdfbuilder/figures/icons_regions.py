"""Pictograms of body regions: the same person as the exercise figures, the region marked.

In: a ``Kit`` (100-unit square). Out: shapes added to the kit's drawing. Each picture shows
the region close up, drawn by the pose model (so it matches the exercise figures), with a
disc of the accent colour behind it: "this part of the body". ``REGIONS`` maps names to them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pdfbuilder.figures.icons_kit import DETAIL, Kit, body, fit_points, to_units
from pdfbuilder.figures.model import Body

STANDING = ("left_foot", "right_foot")


def _marked(
    kit: Kit,
    person: Body,
    names: Sequence[str],
    box: tuple[float, float, float, float],
    mark: str,
    radius: float,
) -> None:
    """A close-up of ``person`` with an accent disc behind the point ``mark``."""
    scale, origin = fit_points(person, names, box)
    centre = to_units(scale, origin, person.points[mark])
    kit.circle(centre, radius, "accent", None)
    kit.person(person, scale, origin, clip=True)
    kit.circle(centre, radius, None, "accent", 1.6)


def neck(kit: Kit) -> None:
    """Head and shoulders from the front, the neck marked."""
    person = body("neck", STANDING, view="front", shoulder_abduction=8, elbow=8)
    _marked(
        kit,
        person,
        ("head", "left_shoulder", "right_shoulder", "chest"),
        (18, 6, 82, 72),
        "neck",
        17,
    )


def shoulder(kit: Kit) -> None:
    """Head and shoulders from the front, one shoulder marked."""
    person = body("shoulder", STANDING, view="front", shoulder_abduction=10, elbow=10)
    _marked(
        kit,
        person,
        ("head", "left_shoulder", "right_shoulder", "chest"),
        (22, 8, 78, 84),
        "left_shoulder",
        14,
    )


def back(kit: Kit) -> None:
    """A person seen from behind, the lower back marked."""
    person = body("back", STANDING, view="back", shoulder_abduction=10, elbow=10)
    _marked(
        kit,
        person,
        ("head", "left_shoulder", "right_shoulder", "left_hip", "right_hip"),
        (22, 6, 78, 78),
        "waist",
        19,
    )


def hip(kit: Kit) -> None:
    """A person standing, seen from the front, one hip marked."""
    person = body("hip", STANDING, view="front", shoulder_abduction=10, elbow=10, hip_abduction=4)
    _marked(
        kit,
        person,
        ("head", "left_knee", "right_knee", "left_shoulder", "right_shoulder"),
        (20, 8, 80, 80),
        "left_hip",
        14,
    )


def knee(kit: Kit) -> None:
    """A leg from the side, knee a little bent, the knee marked."""
    person = body("knee", ("near_foot", "far_foot"), hip=25, knee=35, ankle=-10)
    _marked(
        kit,
        person,
        ("hip", "near_knee", "near_ankle", "near_toe", "near_heel"),
        (18, 8, 82, 92),
        "near_knee",
        16,
    )


def ankle_foot(kit: Kit) -> None:
    """A lower leg and foot from the side, the ankle marked."""
    person = body("ankle", ("near_foot", "far_foot"))
    _marked(kit, person, ("near_knee", "near_toe", "near_heel"), (22, 10, 78, 96), "near_ankle", 15)
    kit.line([(6, 9), (94, 9)], "prop", 0.8)


def wrist_hand(kit: Kit) -> None:
    """An open hand and wrist, palm toward you, the wrist marked."""
    kit.circle((50, 34), 15, "accent", None)
    kit.rect((43, 3), (14, 34), 0, "ink", None)  # the forearm, cut off square
    palm = [(38, 34), (62, 34), (65, 44), (65, 60), (35, 60), (35, 44)]
    kit.shape(palm, "ink", "ink", 2.0)
    for x, top in ((37.5, 84), (45.5, 90), (53.5, 89), (61.5, 82)):
        kit.line([(x, 58), (x, top)], "ink", 3.4)
    kit.line([(35, 46), (25, 58), (21, 67)], "ink", 3.4)  # thumb
    kit.line([(40, 34), (60, 34)], "paper", DETAIL)  # the crease of the wrist
    kit.circle((50, 34), 15, None, "accent", 1.6)


RegionIcon = Callable[[Kit], None]
REGIONS: dict[str, RegionIcon] = {
    "neck": neck,
    "shoulder": shoulder,
    "back": back,
    "hip": hip,
    "knee": knee,
    "ankle-foot": ankle_foot,
    "wrist-hand": wrist_hand,
}
