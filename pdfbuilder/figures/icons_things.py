"""Pictograms of things: signs, objects and vehicles.

In: a ``Kit`` (100-unit square). Out: shapes added to the kit's drawing; ``THINGS`` maps names
to the functions that draw them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from pdfbuilder.figures.icons_kit import DETAIL, Kit, Pt, arc, wave


def why(kit: Kit) -> None:
    """A question mark in a circle."""
    kit.circle((50, 50), 42, "paper", "accent", 2.2)
    curl = arc((50, 60), 13, 160, -40, 20)
    kit.line([*curl, (50, 44), (50, 38)], "ink", 3.2)
    kit.circle((50, 25), 4.2, "ink", None)


def check(kit: Kit) -> None:
    """A tick in a filled circle: a key point."""
    kit.circle((50, 50), 42, "accent", None)
    kit.line([(30, 51), (44, 36), (71, 65)], "paper", 3.6)


def warning(kit: Kit) -> None:
    """A warning triangle with an exclamation mark."""
    kit.shape([(50, 90), (92, 14), (8, 14)], "paper", "accent", 3.0)
    kit.line([(50, 66), (50, 40)], "ink", 3.4)
    kit.circle((50, 27), 4.4, "ink", None)


def clock(kit: Kit) -> None:
    """A round alarm clock: today, soon."""
    for side in (-1, 1):
        angle = 90 - side * 44
        centre = arc((50, 48), 39, angle, angle, 1)[0]
        kit.shape(arc(centre, 11, angle - 90, angle + 90, 12), "ink", "ink", DETAIL)
        kit.line([(50 + side * 24, 18), (50 + side * 32, 6)], "ink", 2.0)
    kit.circle((50, 48), 38, "paper", "ink", 2.0)
    for hour in range(12):
        angle = 90 - hour * 30
        inner = 0.74 if hour % 3 == 0 else 0.82
        a = arc((50, 48), 38 * inner, angle, angle, 1)[0]
        b = arc((50, 48), 38 * 0.9, angle, angle, 1)[0]
        kit.line([a, b], "ink", DETAIL)
    kit.line([(50, 48), (50, 74)], "ink", 1.8)
    kit.line([(50, 48), (68, 48)], "ink", 1.8)
    kit.circle((50, 48), 4, "accent", None)


def capsule(kit: Kit, centre: Pt, length: float, width: float, angle: float) -> None:
    """A two-tone capsule pill lying at ``angle`` degrees."""
    r = width / 2
    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    nx, ny = -uy * r, ux * r
    half = length / 2 - r
    a = (centre[0] - ux * half, centre[1] - uy * half)
    b = (centre[0] + ux * half, centre[1] + uy * half)
    back = arc(a, r, angle + 90, angle + 270, 12)
    front = arc(b, r, angle - 90, angle + 90, 12)
    kit.shape([*back, *front], "paper", "ink", 1.2)
    mid = [(centre[0] - nx, centre[1] - ny), (centre[0] + nx, centre[1] + ny)]
    kit.shape([*mid[::-1], *back, *mid], "accent", "ink", 1.2)


def medicine(kit: Kit) -> None:
    """A blister pack of pills and one capsule."""
    kit.rect((10, 18), (50, 72), 6, "prop_fill", "ink")
    for row in range(4):
        for col in range(2):
            centre = (24 + col * 22, 78 - row * 16)
            popped = row == 3 and col == 1
            kit.circle(centre, 6.2, "prop_fill" if popped else "paper", "ink", DETAIL)
            if not popped:
                kit.circle(centre, 3.4, "accent", None)
    capsule(kit, (76, 28), 34, 15, 55)


def water(kit: Kit) -> None:
    """A glass of water."""
    top, bottom = (20.0, 80.0, 90.0), (28.0, 72.0, 8.0)
    level = 62.0

    def x_at(y: float, left: bool) -> float:
        t = (y - bottom[2]) / (top[2] - bottom[2])
        edge = (bottom[0], top[0]) if left else (bottom[1], top[1])
        return edge[0] + (edge[1] - edge[0]) * t

    surface = wave((x_at(level, True), level), (x_at(level, False), level), 2, 2.0)
    kit.shape([*surface, (bottom[1], bottom[2]), (bottom[0], bottom[2])], "accent", None)
    kit.line([(x_at(54, True) + 7, 52), (x_at(20, True) + 6, 20)], "paper", 1.6)
    kit.shape(
        [(top[0], top[2]), (bottom[0], bottom[2]), (bottom[1], bottom[2]), (top[1], top[2])],
        None,
        "ink",
        2.0,
    )


def phone(kit: Kit) -> None:
    """A telephone handset with sound waves."""
    centre = (62.0, 62.0)
    kit.line(arc(centre, 40, 180, 270, 20), "ink", 6.0)
    for angle, turn in ((176, -1), (274, 1)):
        ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        tx, ty = -uy * turn, ux * turn
        pad = [
            (centre[0] + ux * r + tx * w, centre[1] + uy * r + ty * w)
            for r, w in ((48, -9), (48, 11), (32, 10), (30, -8))
        ]
        kit.shape(pad, "ink", "ink", 3.0)
    for radius in (14, 25):
        kit.line(arc((64, 64), radius, 8, 82, 10), "accent", 1.8)


def book(kit: Kit) -> None:
    """An open book with lines of writing on both pages."""
    kit.shape([(6, 20), (50, 14), (94, 20), (94, 26), (6, 26)], "accent", "accent", 1.2)
    for side in (-1, 1):
        edge = 50 + side * 42
        top = wave((edge, 80), (50, 80), 1, 6 * side)
        kit.shape([(50, 20), (edge, 24), *top, (50, 20)], "paper", "ink", 1.6)
        for i in range(4):
            y = 64 - i * 11
            kit.line([(50 + side * 10, y), (50 + side * 34, y + 1)], "prop", 1.2)
    kit.line([(50, 20), (50, 80)], "ink", 1.2)


def calendar(kit: Kit) -> None:
    """A calendar page: the days and weeks it takes to get better."""
    kit.rect((10, 8), (80, 76), 6, "paper", "ink")
    kit.rect((10, 66), (80, 18), 6, "accent", "ink")
    kit.rect((10, 64), (80, 6), 0, "accent", None)
    kit.line([(10, 66), (90, 66)], "ink", 1.5)
    for x in (30, 70):
        kit.line([(x, 78), (x, 92)], "ink", 2.6)
    for row in range(3):
        for col in range(4):
            corner = (16 + col * 18, 46 - row * 17)
            kit.rect(corner, (13, 12), 2, "prop_fill", None)
            if row * 4 + col < 6:
                kit.line(
                    [
                        (corner[0] + 3, corner[1] + 6),
                        (corner[0] + 6, corner[1] + 3),
                        (corner[0] + 11, corner[1] + 10),
                    ],
                    "ink",
                    1.1,
                )


def ambulance(kit: Kit) -> None:
    """An ambulance seen from the side, with a cross and a light on top."""
    kit.rect((32, 70), (14, 8), 2, "accent", "ink", DETAIL)
    kit.rect((6, 22), (60, 50), 4, "paper", "ink")
    kit.shape([(66, 22), (94, 22), (94, 44), (84, 60), (66, 60)], "paper", "ink")
    kit.shape([(70, 46), (82, 46), (89, 44), (83, 55), (70, 55)], "prop_fill", "ink", DETAIL)
    kit.rect((29, 38), (14, 28), 1, "accent", None)
    kit.rect((22, 45), (28, 14), 1, "accent", None)
    kit.line([(6, 30), (94, 30)], "accent", 1.2)
    for x in (24, 76):
        kit.circle((x, 20), 10, "ink", None)
        kit.circle((x, 20), 4, "paper", None)


def heat(kit: Kit) -> None:
    """A hot water bottle giving off warmth."""
    kit.rect((22, 6), (56, 56), 14, "prop_fill", "ink")
    kit.rect((41, 60), (18, 12), 2, "prop_fill", "ink")
    kit.rect((38, 70), (24, 8), 3, "ink", "ink", DETAIL)
    for y in (20, 30, 40, 50):
        kit.line([(34, y), (66, y)], "prop", 1.2)
    for x in (16, 84):
        kit.line(wave((x, 58), (x, 92), 3, 3.0), "accent", 1.8)
    kit.line(wave((50, 84), (50, 96), 1, 2.5), "accent", 1.8)


THINGS: dict[str, Callable[[Kit], None]] = {
    "why": why,
    "heat": heat,
    "medicine": medicine,
    "calendar": calendar,
    "water": water,
    "phone": phone,
    "ambulance": ambulance,
    "clock": clock,
    "check": check,
    "warning": warning,
    "book": book,
}
