"""Views of the 3-D pose model: projections, mirror images, depth order and near/far ink."""

from __future__ import annotations

from dataclasses import replace

import pytest
from reportlab.graphics.shapes import Group
from reportlab.lib.colors import Color

from pdfbuilder.figures import View, check_pose, load_pose
from pdfbuilder.figures.draw import Unit, draw_units, person, person_units
from pdfbuilder.figures.model import Body
from pdfbuilder.figures.pen import Pen
from pdfbuilder.figures.views import camera

INK, FAR = Color(0.1, 0.1, 0.1), Color(0.5, 0.5, 0.5)
PEN = Pen(1.0, 0.0, 0.0, 2.0, INK, FAR, Color(0.7, 0.7, 0.7), Color(0.9, 0.9, 0.9))
SIDED = ("shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "heel", "toe")


def seen(name: str, view: str, turn: float = 0.0) -> Body:
    return check_pose(replace(load_pose(name), view=View(view, turn)))


def test_a_front_view_of_standing_is_left_right_symmetric() -> None:
    body = seen("standing-front", "front")
    hip_x = body.points["hip"][0]
    for part in SIDED:
        (lx, ly), (rx, ry) = body.points[f"left_{part}"], body.points[f"right_{part}"]
        assert lx - hip_x == pytest.approx(hip_x - rx, abs=1e-6), part
        assert ly == pytest.approx(ry, abs=1e-6), part
    assert body.points["left_shoulder"][0] > body.points["right_shoulder"][0]  # facing you


def test_a_back_view_is_the_front_view_mirrored() -> None:
    front, back = seen("standing", "front"), seen("standing", "back")
    for name, (x, y) in front.points.items():
        assert back.points[name] == pytest.approx((-x, y), abs=1e-6), name


def test_the_two_side_views_mirror_each_other_and_swap_near_and_far() -> None:
    right, left = seen("knee-to-chest", "side"), seen("knee-to-chest", "side-left")
    for part in SIDED:
        x, y = right.points[f"right_{part}"]
        assert left.points[f"right_{part}"] == pytest.approx((-x, y), abs=1e-6)
        assert right.points[f"near_{part}"] == right.points[f"right_{part}"]
        assert left.points[f"near_{part}"] == left.points[f"left_{part}"]
    assert right.points["nose"][0] > right.points["head"][0]  # faces right
    assert left.points["nose"][0] < left.points["head"][0]  # faces left


def test_turning_a_side_view_a_quarter_round_gives_the_front_view() -> None:
    turned = camera(View("side", turn=90))
    front = camera(View("front"))
    for a, b in ((turned.right, front.right), (turned.up, front.up), (turned.toward, front.toward)):
        assert a == pytest.approx(b, abs=1e-9)


def test_a_top_view_of_lying_has_the_head_at_one_end() -> None:
    for name in ("lying-top-knees-up", "lower-trunk-rotation-left"):
        points = check_pose(load_pose(name)).points
        order = [points[n][0] for n in ("head", "shoulder", "waist", "hip")]
        assert order == sorted(order)  # head, then shoulders, then hips, left to right
        xs = [x for n, (x, _) in points.items() if n not in ("head", "nose", "head_low")]
        assert points["head"][0] < min(xs)
        assert abs(points["head"][1] - points["hip"][1]) < 2  # the body lies along the page


def test_a_top_view_shows_the_knees_dropping_to_each_side() -> None:
    left = check_pose(load_pose("lower-trunk-rotation-left")).points["knees"]
    right = check_pose(load_pose("lower-trunk-rotation-right")).points["knees"]
    middle = check_pose(load_pose("lying-top-knees-up")).points["knees"]
    assert left[1] - middle[1] > 20 and middle[1] - right[1] > 20


def _order(group: Group) -> list[int]:
    return [id(shape) for shape in group.contents]


def _position(group: Group, unit: Unit) -> int:
    ids = _order(group)
    return max(ids.index(id(shape)) for shape in unit.shapes)


# ``person_units`` lists trunk, neck, head, then the left and right leg, the left and right arm.
TRUNK, LEFT_LEG, RIGHT_LEG, LEFT_ARM, RIGHT_ARM = 0, 3, 4, 5, 6


def test_depth_order_the_near_arm_is_drawn_after_the_trunk_the_far_one_before() -> None:
    body = seen("standing-hands-on-back", "side")
    units = person_units(PEN, body, ghost=False)
    trunk, near, far = units[TRUNK], units[RIGHT_ARM], units[LEFT_ARM]
    group = draw_units(units)
    assert _position(group, far) < _position(group, trunk) < _position(group, near)
    assert near.shapes[-1].strokeColor == INK
    assert far.shapes[-1].strokeColor == FAR  # well behind the trunk: the far ink


def test_depth_order_follows_the_view_from_the_other_side() -> None:
    body = seen("standing-hands-on-back", "side-left")
    units = person_units(PEN, body, ghost=False)
    left, right = units[LEFT_ARM], units[RIGHT_ARM]
    group = draw_units(units)
    assert _position(group, right) < _position(group, units[TRUNK]) < _position(group, left)
    assert left.shapes[-1].strokeColor == INK and right.shapes[-1].strokeColor == FAR


def test_seen_from_the_front_both_arms_are_near_and_the_legs_go_under_the_trunk() -> None:
    body = seen("standing-front", "front")
    units = person_units(PEN, body, ghost=False)
    assert all(u.shapes[-1].strokeColor == INK for u in units[LEFT_LEG:])  # nothing is behind
    group = draw_units(units)
    trunk = _position(group, units[TRUNK])
    for leg in (units[LEFT_LEG], units[RIGHT_LEG]):  # the thighs start under the pelvis
        assert _position(group, leg) < trunk
    for arm in (units[LEFT_ARM], units[RIGHT_ARM]):  # the arms hang over its sides
        assert _position(group, arm) > trunk


def test_a_hand_across_the_chest_is_drawn_in_front_of_it() -> None:
    body = check_pose(load_pose("cross-body-stretch"))
    units = person_units(PEN, body, ghost=False)
    group = draw_units(units)
    across = units[RIGHT_ARM]
    assert body.depth["right_hand"] > body.depth["shoulder"] + 10  # in front of the chest
    assert _position(group, across) > _position(group, units[TRUNK])


def test_the_face_shows_eyes_from_the_front_and_none_from_the_side_or_back() -> None:
    def eyes(body: Body) -> int:
        white = [
            s for s in person(PEN, body).contents if getattr(s, "fillColor", None) == Color(1, 1, 1)
        ]
        return sum(1 for s in white if type(s).__name__ == "Circle")

    assert eyes(seen("standing", "front")) == 2
    assert eyes(seen("standing", "side")) == 0
    assert eyes(seen("standing", "back")) == 0
    assert eyes(check_pose(load_pose("neck-turn-right"))) == 1  # turned: one eye shows


def test_seen_from_behind_the_back_shows_the_spine_and_the_shoulder_blades() -> None:
    def blades(body: Body) -> int:  # closed paper-coloured triangles
        drawn = person(PEN, body).contents
        return sum(
            1
            for s in drawn
            if type(s).__name__ == "PolyLine"
            and s.strokeColor == Color(1, 1, 1)
            and len(s.points) == 8
            and s.points[:2] == s.points[-2:]
            and s.strokeWidth == PEN.width(0.5)
        )

    relaxed = check_pose(load_pose("shoulder-blades-relaxed"))
    squeezed = check_pose(load_pose("shoulder-blade-squeeze"))
    assert blades(relaxed) == blades(squeezed) == 2
    assert blades(seen("standing", "front")) == blades(seen("standing", "side")) == 0
    gap = lambda b: b.points["left_shoulder"][0] - b.points["right_shoulder"][0]  # noqa: E731
    assert abs(gap(squeezed)) < abs(gap(relaxed))  # the shoulders come in toward the spine
