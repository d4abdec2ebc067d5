"""Pictograms of general ideas: rest, ice, raise the limb, the pharmacy.

In: a ``Kit`` (100-unit square). Out: shapes added to the kit's drawing; people come from the
exercise-figure engine. ``IDEAS`` maps the names to the functions that draw them.
"""

from __future__ import annotations

from collections.abc import Callable

from pdfbuilder.figures.icons_kit import DETAIL, Kit, Pt, arc, body, fit, fit_points, to_units


def rest(kit: Kit) -> None:
    """Sitting back in an armchair, feet up on a stool."""
    person = body(
        "rest",
        ("trunk",),
        trunk=-22,
        neck=10,
        hip=78,
        knee=12,
        ankle=5,
        shoulder=28,
        elbow=55,
    )
    scale, origin = fit(person, (18, 20, 92, 84))

    def at(name: str) -> Pt:
        return to_units(scale, origin, person.points[name])

    seat_y = at("hip")[1] - 7 * scale
    hip_x = at("hip")[0]
    back = [
        (hip_x - 14, seat_y),
        (hip_x - 4, seat_y),
        (at("shoulder")[0] - 2, at("shoulder")[1] + 6),
        (at("shoulder")[0] - 12, at("shoulder")[1] + 6),
    ]
    kit.shape(back, "prop_fill", "ink")
    kit.rect((hip_x - 14, seat_y - 16), (34, 16), 3, "prop_fill", "ink")
    kit.line([(hip_x - 10, seat_y - 16), (hip_x - 10, 8)], "ink", 2.0)
    kit.line([(hip_x + 16, seat_y - 16), (hip_x + 16, 8)], "ink", 2.0)
    heel = at("near_heel")
    kit.rect((heel[0] - 10, 8), (18, heel[1] - 8 - 1.5), 2, "prop_fill", "ink")
    kit.line([(4, 8), (96, 8)], "prop", 0.8)
    kit.person(person, scale, origin)


def ice(kit: Kit) -> None:
    """A cold pack with ice cubes in it, and a snowflake."""
    bag = [*arc((50, 40), 36, 200, 340, 16), (84, 58), (72, 70), (28, 70), (16, 58)]
    kit.shape(bag, "prop_fill", "ink")
    kit.rect((40, 70), (20, 8), 2, "ink", "ink", DETAIL)
    for cx, cy, turn in ((34, 42, 12), (52, 36, -8), (66, 48, 18), (46, 56, -14)):
        corners = [arc((cx, cy), 9, 45 + turn + 90 * k, 45 + turn + 90 * k, 1)[0] for k in range(4)]
        kit.shape(corners, "paper", "accent", 1.3)
    centre = (78, 84)
    for angle in (90, 150, 210):
        a = arc(centre, 11, angle, angle, 1)[0]
        b = arc(centre, 11, angle + 180, angle + 180, 1)[0]
        kit.line([a, b], "accent", 1.5)


def raise_up(kit: Kit) -> None:
    """Lying down, one leg raised on a pillow above the heart, an arrow up."""
    person = body(
        "raise",
        ("trunk",),
        touches={"near_shin": "pillow"},
        trunk=-90,
        neck=12,
        near_hip=28,
        near_knee=8,
        near_ankle=-5,
        far_hip=2,
        shoulder=10,
        elbow=15,
    )
    kit.line([(4, 14), (96, 14)], "prop", 0.8)
    scale, origin = fit_points(
        person, ("waist", "near_toe", "far_heel", "near_knee"), (4, 16, 80, 64)
    )
    origin = (origin[0], 14.0)  # the floor on the floor line
    kit.person(person, scale, origin, clip=True)
    toe = to_units(scale, origin, person.points["near_toe"])
    kit.arrow([(toe[0] + 6, toe[1] - 6), (toe[0] + 6, toe[1] + 22)], 1.4)


def pharmacy(kit: Kit) -> None:
    """A pharmacy: a shop front with a cross sign over the door."""
    kit.rect((10, 6), (80, 62), 2, "paper", "ink")
    kit.shape([(6, 68), (94, 68), (88, 80), (12, 80)], "prop_fill", "ink")
    for x in (28, 46, 64):
        kit.line([(x, 68), (x - 2, 80)], "ink", DETAIL)
    kit.rect((40, 6), (20, 34), 1, "prop_fill", "ink")
    kit.rect((16, 22), (18, 18), 1, "prop_fill", "ink", DETAIL)
    kit.rect((66, 22), (18, 18), 1, "prop_fill", "ink", DETAIL)
    kit.rect((38, 44), (24, 20), 3, "paper", "accent", 1.2)
    kit.rect((46.5, 47), (7, 14), 0.5, "accent", None)
    kit.rect((42, 51.5), (16, 5), 0.5, "accent", None)


IdeaIcon = Callable[[Kit], None]
IDEAS: dict[str, IdeaIcon] = {
    "rest": rest,
    "ice": ice,
    "raise": raise_up,
    "pharmacy": pharmacy,
}
