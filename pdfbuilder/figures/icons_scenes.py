"""Pictograms of a person with furniture or equipment: bed, chair, mat, scanner, clinician.

In: a ``Kit`` (100-unit square). Out: shapes added to the kit's drawing. People come from the
exercise-figure engine (built-in poses where one fits); ``SCENES`` maps names to functions.
"""

from __future__ import annotations

from collections.abc import Callable

from pdfbuilder.figures.icons_kit import DETAIL, Kit, Pt, arc, body, fit, to_units
from pdfbuilder.figures.library import POSES
from pdfbuilder.figures.model import Body, place


def moon(kit: Kit, centre: Pt, radius: float) -> None:
    """A crescent moon: night time."""
    cx, cy = centre
    outer = arc(centre, radius, 60, 300, 28)
    inner = arc((cx + radius * 0.55, cy + radius * 0.1), radius * 0.82, 250, 110, 28)
    kit.shape(outer + inner, "accent", "accent", DETAIL)


def sleep(kit: Kit) -> None:
    """Lying on the back in bed, a pillow under the head and one under the knees; a moon."""
    person = body(
        "sleep",
        ("trunk",),
        touches={"head": "pillow", "near_knee": "pillow", "far_knee": "pillow"},
        trunk=-90,
        neck=12,
        hip=40,
        knee=70,
        ankle=22,
        shoulder=12,
        elbow=20,
    )
    scale, origin = fit(person, (14, 30, 90, 70))
    origin = (origin[0], 40.0)

    def at(x: float, y: float) -> Pt:
        return to_units(scale, origin, (x, y))

    left = at(person.points["head"][0] - 13, 0)[0]
    right = at(max(person.points["near_toe"][0], person.points["far_toe"][0]) + 6, 0)[0]
    kit.line([(left, 12), (left, 62)], "ink", 2.0)
    kit.line([(right, 12), (right, 44)], "ink", 2.0)
    kit.rect((left, 26), (right - left, 14), 3, "prop_fill", "ink")
    kit.person(person, scale, origin)
    moon(kit, (80, 82), 10)


def sitting_break(kit: Kit) -> None:
    """Sitting on a chair, an arrow up to standing, and a clock: get up every so often."""
    seated, standing = builtin("sitting-on-chair"), builtin("standing")
    kit.line([(4, 8), (96, 8)], "prop", 0.8)
    kit.person(seated, 0.42, (24, 8))
    kit.person(standing, 0.42, (82, 8))
    kit.arrow([(47, 44), (56, 56), (68, 62)], 1.3)
    clock_face(kit, (22, 82), 12)


def builtin(pose: str) -> Body:
    """A built-in pose of the exercise library, placed on the floor."""
    return place(POSES[pose])


def clock_face(kit: Kit, centre: Pt, radius: float) -> None:
    """A plain round clock: face, four marks, two hands."""
    cx, cy = centre
    kit.circle(centre, radius, "paper", "ink")
    for angle in (0, 90, 180, 270):
        inner = arc(centre, radius * 0.72, angle, angle, 1)[0]
        kit.line([inner, arc(centre, radius * 0.86, angle, angle, 1)[0]], "ink", DETAIL)
    kit.line([(cx, cy + radius * 0.62), (cx, cy), (cx + radius * 0.45, cy)], "ink", 1.3)


def exercise(kit: Kit) -> None:
    """Lying on a mat, hugging one knee to the chest, with the movement arrow."""
    person = builtin("knee-to-chest")
    scale, origin = fit(person, (6, 20, 94, 70))
    origin = (origin[0], 26.0)
    xs = [x for x, _ in person.points.values()]
    (x0, y0), (x1, y1) = (
        to_units(scale, origin, (min(xs) - 16, -4.0)),
        to_units(scale, origin, (max(xs) + 6, 0.0)),
    )
    kit.rect((x0, y0), (x1 - x0, y1 - y0), 1.5, "prop_fill", "prop", 0.4)
    kit.person(person, scale, origin)
    hip = to_units(scale, origin, person.points["hip"])
    kit.arrow(arc(hip, 36, 30, 92, 14), 1.3)


def scan(kit: Kit) -> None:
    """A scanner: a ring with a bed through it and a person lying on the bed."""
    person = body("scan", ("trunk",), trunk=-90, neck=6, shoulder=6, elbow=8, far_hip=-2)
    kit.line([(4, 8), (96, 8)], "prop", 0.8)
    kit.rect((18, 8), (30, 18), 3, "prop_fill", "ink")
    kit.circle((33, 54), 28, "prop_fill", "ink")
    kit.circle((33, 54), 14, "paper", "ink")
    kit.rect((64, 8), (14, 36), 2, "prop_fill", "ink")
    kit.rect((20, 42), (76, 6), 3, "paper", "ink")
    head_x = person.points["head"][0]
    kit.person(person, 0.34, (33 - head_x * 0.34, 48))


SceneIcon = Callable[[Kit], None]
SCENES: dict[str, SceneIcon] = {
    "sleep": sleep,
    "sitting-break": sitting_break,
    "exercise": exercise,
    "scan": scan,
}
