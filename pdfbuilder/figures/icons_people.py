"""Pictograms with people in them, drawn by the exercise-figure engine (same adult, same lines).

In: a ``Kit`` (100-unit square). Out: shapes added to the kit's drawing. Each function draws
one named pictogram; ``PEOPLE`` maps the names to them.
"""

from __future__ import annotations

from collections.abc import Callable

from pdfbuilder.figures.icons_kit import DETAIL, Kit, Pt, arc, body, fit, to_units

FEET = ("near_foot", "far_foot")


def floor(kit: Kit, y: float, x0: float = 6.0, x1: float = 94.0) -> None:
    """The floor line the exercise figures stand on."""
    kit.line([(x0, y), (x1, y)], "prop", 0.8)


def burst(kit: Kit, centre: Pt, radius: float, start: float, end: float) -> None:
    """A pain mark: a filled jagged star with short rays on one side."""
    cx, cy = centre
    points = arc(centre, radius, 0, 360, 16)[:-1]
    star = [
        p if i % 2 == 0 else (cx + (p[0] - cx) * 0.5, cy + (p[1] - cy) * 0.5)
        for i, p in enumerate(points)
    ]
    kit.shape(star, "accent", "accent", DETAIL)
    for angle in range(int(start), int(end) + 1, int((end - start) / 2)):
        inner, outer = (
            arc(centre, radius * 1.45, angle, angle, 1)[0],
            arc(centre, radius * 2.05, angle, angle, 1)[0],
        )
        kit.line([inner, outer], "accent", 1.3)


def back_pain(kit: Kit) -> None:
    """Standing, a little stooped, one hand on the sore lower back."""
    person = body(
        "back-pain",
        FEET,
        trunk=12,
        spine=14,
        neck=6,
        near_shoulder=-50,
        near_elbow=82,
        near_wrist=-35,
        far_shoulder=8,
        far_elbow=14,
    )
    floor(kit, 6)
    kit.person(person, 0.47, (52, 6))
    bx, by = person.points["back"]
    burst(kit, to_units(0.47, (52, 6), (bx - 13, by - 13)), 6.5, 130, 230)


def _zigzag(start: Pt, end: Pt, teeth: int, depth: float) -> list[Pt]:
    (x0, y0), (x1, y1) = start, end
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 or 1.0
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    out = []
    for i in range(teeth * 2 + 1):
        t = i / (teeth * 2)
        off = 0.0 if i in (0, teeth * 2) else depth * (1 if i % 2 else -1)
        out.append((x0 + (x1 - x0) * t + nx * off, y0 + (y1 - y0) * t + ny * off))
    return out


def muscle(kit: Kit) -> None:
    """A back seen from behind, with a tight knot of zig-zags low on one side."""
    kit.circle((50, 84), 10, "ink", None)
    kit.line([(50, 76), (50, 68)], "ink", 4.0)
    for side in (-1, 1):
        kit.line([(50 + side * 29, 64), (50 + side * 37, 38), (50 + side * 38, 16)], "ink", 3.2)
    torso = [(20, 64), (30, 70), (70, 70), (80, 64), (74, 42), (70, 24), (74, 8)]
    torso += [(100 - x, y) for x, y in reversed(torso)]
    kit.shape(torso, "prop_fill", "ink")
    kit.line([(50, 66), (50, 12)], "far_ink", DETAIL)
    kit.line([(36, 58), (44, 52)], "far_ink", DETAIL)
    kit.line([(64, 58), (56, 52)], "far_ink", DETAIL)
    for i, y in enumerate((18, 26, 34, 42)):
        width = 13 - abs(i - 1.5) * 3
        kit.line(_zigzag((61 - width / 2, y), (61 + width / 2, y), 4, 2.6), "accent", 1.4)


def lifting(kit: Kit) -> None:
    """Knees bent, back straight, lifting a box from the floor close to the body."""
    person = body(
        "lifting",
        FEET,
        trunk=30,
        spine=-4,
        neck=-20,
        hip=120,
        knee=120,
        ankle=-30,
        near_shoulder=54,
        near_elbow=4,
        far_shoulder=50,
        far_elbow=8,
    )
    scale, origin = fit(person, (4, 8, 76, 92))
    origin = (origin[0], 8.0)
    floor(kit, 8)
    kx = person.points["near_knee"][0]
    (x0, y0), (x1, y1) = (
        to_units(scale, origin, (kx - 6, 0)),
        to_units(scale, origin, (kx + 26, 28)),
    )
    kit.rect((x0, y0), (x1 - x0, y1 - y0), 1.5, "prop_fill", "ink")
    kit.line([(x0 + 2, y1 - 6), (x1 - 2, y1 - 6)], "prop", DETAIL)
    kit.person(person, scale, origin)


def walking(kit: Kit) -> None:
    """Mid-stride: one leg forward, the opposite arm forward."""
    person = body(
        "walking",
        (),
        trunk=4,
        neck=-4,
        near_hip=26,
        near_knee=8,
        near_ankle=-8,
        far_hip=-18,
        far_knee=22,
        far_ankle=24,
        near_shoulder=-30,
        near_elbow=24,
        far_shoulder=32,
        far_elbow=34,
    )
    floor(kit, 6)
    kit.person(person, 0.47, (48, 6))
    for y in (50, 62, 74):
        kit.line([(8, y), (20, y)], "far_ink", DETAIL)


def doctor(kit: Kit) -> None:
    """A clinician from the chest up: white coat, stethoscope round the neck."""
    coat = [
        (12, 4),
        (13, 28),
        (18, 40),
        (30, 48),
        (42, 51),
        (58, 51),
        (70, 48),
        (82, 40),
        (87, 28),
        (88, 4),
    ]
    kit.line([(50, 62), (50, 50)], "ink", 6.0)
    kit.shape(coat, "paper", "ink")
    kit.shape([(41, 51), (50, 34), (59, 51)], "ink", "ink", DETAIL)
    kit.line([(50, 34), (50, 5)], "ink", DETAIL)
    kit.line([(41, 51), (36, 30)], "ink", DETAIL)
    kit.line([(59, 51), (64, 30)], "ink", DETAIL)
    kit.circle((50, 73), 15, "ink", None)
    kit.line([(39, 52), (33, 38), (33, 30), (38, 22), (43, 20)], "accent", 1.8)
    kit.line([(61, 52), (67, 38), (67, 30)], "accent", 1.8)
    kit.circle((67, 27), 3.2, "accent", None)
    kit.circle((46, 20), 5.5, "paper", "accent", 1.8)
    kit.rect((70, 18), (12, 10), 1, None, "ink", DETAIL)


PeopleIcon = Callable[[Kit], None]
PEOPLE: dict[str, PeopleIcon] = {
    "back-pain": back_pain,
    "muscle": muscle,
    "lifting": lifting,
    "walking": walking,
    "doctor": doctor,
}
