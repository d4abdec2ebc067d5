"""The pose model and the built-in pose library: checks, fixed proportions, clear errors."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import pytest

from pdfbuilder.errors import FigureError
from pdfbuilder.figures import (
    JOINTS,
    SEGMENTS,
    VIEW_NAMES,
    View,
    builtin_pose_names,
    check_pose,
    distance,
    load_pose,
    parse_pose,
)
from pdfbuilder.figures.library import library
from pdfbuilder.figures.views import camera

# (from, to, length) for every bone, in the 3-D skeleton.
BONES = [
    ("hip", "waist", SEGMENTS["lower_trunk"]),
    ("waist", "shoulder", SEGMENTS["upper_trunk"]),
    ("shoulder", "neck", SEGMENTS["neck"]),
    ("neck", "head", SEGMENTS["head"]),
    *[
        (f"{side}_{a}", f"{side}_{b}", SEGMENTS[segment])
        for side in ("left", "right")
        for a, b, segment in (
            ("hip", "knee", "thigh"),
            ("knee", "ankle", "shin"),
            ("shoulder", "elbow", "upper_arm"),
            ("elbow", "wrist", "forearm"),
            ("wrist", "hand", "hand"),
        )
    ],
]
POSES = builtin_pose_names()
# Poses whose every movement is in the plane of a side view (so side-on lengths are true).
IN_PLANE = [
    n
    for n in POSES
    if load_pose(n).view == View("side")
    and all(
        (
            not any(w in joint for w in ("abduction", "rotation", "side_bend", "shrug", "squeeze"))
            and joint != "roll"
        )
        or value == 0
        for joint, value in load_pose(n).angles
    )
]


def test_library_has_the_poses_every_exercise_needs() -> None:
    names = set(POSES)
    assert len(names) >= 60
    assert {
        "standing",
        "standing-front",
        "standing-back",
        "sitting-on-chair",
        "sitting-front",
        "lying-knees-bent",
        "lying-legs-straight",
        "knee-to-chest",
        "bridge-down",
        "bridge-up",
        "hands-and-knees",
        "cat",
        "cow",
        "lower-trunk-rotation-left",
        "lower-trunk-rotation-right",
        "chin-tuck",
        "neck-turn-right",
        "clamshell-open",
        "lift-box-low",
    } <= names


@pytest.mark.parametrize("name", POSES)
def test_every_builtin_pose_passes_every_check_of_the_model(name: str) -> None:
    pose = load_pose(name)
    body = check_pose(pose)  # ranges, floor, props: raises if any fails
    assert body.pose == pose
    assert pose.description
    for joint, value in pose.angles:
        assert JOINTS[joint].low <= value <= JOINTS[joint].high, joint
    assert set(dict(pose.angles)) == set(JOINTS)  # every joint is set


@pytest.mark.parametrize("name", POSES)
def test_bone_lengths_are_the_same_in_every_pose(name: str) -> None:
    world = check_pose(load_pose(name)).world
    for a, b, length in BONES:
        assert distance(world[a], world[b]) == pytest.approx(length, abs=1e-6), (a, b)
    for side in ("left", "right"):
        ankle = world[f"{side}_ankle"]
        assert distance(ankle, world[f"{side}_toe"]) == pytest.approx(
            math.hypot(SEGMENTS["forefoot"], SEGMENTS["ankle_height"])
        )


@pytest.mark.parametrize("view", VIEW_NAMES)
@pytest.mark.parametrize("name", POSES)
def test_projected_lengths_agree_with_the_view(name: str, view: str) -> None:
    """Orthographic: what a bone loses on the page it has toward or away from the viewer."""
    pose = replace(load_pose(name), view=View(view))
    body = check_pose(pose)
    for a, b, length in BONES:
        flat = distance(body.points[a], body.points[b])
        deep = body.depth[a] - body.depth[b]
        assert math.hypot(flat, deep) == pytest.approx(length, abs=1e-6), (a, b)
        assert flat <= length + 1e-9


@pytest.mark.parametrize("name", IN_PLANE)
def test_side_on_lengths_are_true_for_movements_in_the_plane(name: str) -> None:
    points = check_pose(load_pose(name)).points
    for a, b, length in BONES:
        for near in ("near", "far"):
            a2, b2 = a.replace("right", near), b.replace("right", near)
            if a2 in points and b2 in points:
                assert distance(points[a2], points[b2]) == pytest.approx(length, abs=1e-6)


def test_the_old_side_poses_are_all_in_the_plane() -> None:
    old = {"standing", "sitting-on-chair", "lying-knees-bent", "bridge-up", "cat", "cow"}
    assert old <= set(IN_PLANE)


def test_all_poses_are_the_same_person() -> None:
    for a, b in itertools.combinations(POSES[:20], 2):
        wa, wb = check_pose(load_pose(a)).world, check_pose(load_pose(b)).world
        assert distance(wa["left_knee"], wa["left_ankle"]) == pytest.approx(
            distance(wb["left_knee"], wb["left_ankle"])
        )


@pytest.mark.parametrize("name", POSES)
def test_resting_parts_touch_the_floor_and_nothing_goes_through_it(name: str) -> None:
    pose = load_pose(name)
    world = check_pose(pose).world
    for part in ("left_heel", "left_toe", "right_heel", "right_toe", "head_low", "trunk_low"):
        assert world[part][1] > -2.5, part
    lowest = min(p[1] for p in world.values())
    assert lowest > -2.5 - 2.0  # limb centres are 2 cm inside the skin
    for side in ("left", "right"):
        if f"{side}_foot" in pose.rests_on:  # flat on the floor
            assert abs(world[f"{side}_heel"][1] - world[f"{side}_toe"][1]) < 3.0


def test_feet_are_flat_when_lying_with_knees_bent() -> None:
    points = check_pose(load_pose("lying-knees-bent")).points
    assert points["near_heel"][1] == pytest.approx(points["near_toe"][1], abs=1.5)
    assert points["near_knee"][1] > 35  # knees up


def test_bridge_lifts_the_hips() -> None:
    down = check_pose(load_pose("bridge-down")).points
    up = check_pose(load_pose("bridge-up")).points
    assert up["hip"][1] - down["hip"][1] > 15


def test_cat_rounds_the_back_and_cow_hollows_it() -> None:
    def sag(name: str) -> float:
        body = check_pose(load_pose(name))
        hip, shoulder, waist = body.points["hip"], body.points["shoulder"], body.points["waist"]
        return waist[1] - (hip[1] + shoulder[1]) / 2

    assert sag("cat") > 4
    assert sag("cow") < -3


def test_childs_pose_sits_hips_on_heels_with_arms_forward() -> None:
    points = check_pose(load_pose("childs-pose")).points
    assert abs(points["hip"][0] - points["near_ankle"][0]) < 12
    assert points["near_hand"][0] > points["head"][0] > points["hip"][0]


def test_hands_hold_the_knee_in_knee_to_chest() -> None:
    points = check_pose(load_pose("knee-to-chest")).points
    assert distance(points["near_wrist"], points["near_knee"]) < 10


def test_chin_tuck_moves_the_head_back_and_keeps_the_eyes_level() -> None:
    upright = check_pose(load_pose("sitting-on-chair"))
    tucked = check_pose(load_pose("chin-tuck"))
    assert upright.points["head"][0] - tucked.points["head"][0] > 2.5  # back, not a nod
    face = tucked.skeleton.frames["head"][0]
    assert abs(face[1]) < 0.1  # still looking straight ahead


def test_neck_rotation_turns_the_face_and_side_bend_tips_it() -> None:
    right = check_pose(load_pose("neck-turn-right")).skeleton.frames["head"][0]
    assert right[2] > 0.85  # the face points to the right (world z)
    tipped = check_pose(load_pose("neck-side-bend-right")).world
    assert tipped["head"][2] > 8  # the head moves toward the right shoulder


def test_lower_trunk_rotation_keeps_the_shoulders_flat_and_drops_the_knees() -> None:
    body = check_pose(load_pose("lower-trunk-rotation-right"))
    chest = body.skeleton.frames["chest"]
    assert chest[0][1] > 0.97  # the chest still faces the ceiling
    assert body.world["knees"][2] > 25  # both knees over to the right


def test_the_clamshell_opens_the_top_knee_with_the_feet_together() -> None:
    closed = check_pose(load_pose("clamshell-closed")).world
    opened = check_pose(load_pose("clamshell-open")).world
    assert opened["left_knee"][1] - closed["left_knee"][1] > 12
    assert distance(opened["left_ankle"], closed["left_ankle"]) < 12


def test_angle_outside_range_names_pose_and_joint() -> None:
    with pytest.raises(FigureError) as caught:
        parse_pose(
            {"base": "bridge-up", "angles": {"near_knee": 200}}, "my-bridge", library().poses
        )
    assert caught.value.message == (
        'pose "my-bridge": joint near_knee at 200° is outside its range 0–160°'
    )
    assert caught.value.path == ("angles", "near_knee")


@pytest.mark.parametrize(
    ("joint", "value", "span"),
    [
        ("neck_rotation", 95, "-80–80°"),
        ("spine_side_bend", -50, "-40–40°"),
        ("left_shoulder_abduction", 200, "-50–180°"),
        ("right_hip_rotation", 70, "-45–60°"),
        ("ankle_tilt", 40, "-25–35°"),
    ],
)
def test_every_new_axis_is_range_checked(joint: str, value: float, span: str) -> None:
    with pytest.raises(FigureError) as caught:
        parse_pose({"base": "standing", "angles": {joint: value}}, "mine", library().poses)
    assert caught.value.message == (
        f'pose "mine": joint {joint} at {value:g}° is outside its range {span}'
    )


def test_limb_through_the_floor_is_refused() -> None:
    with pytest.raises(FigureError, match=r'pose "dig": .* goes \d+ cm through the floor'):
        parse_pose(
            {"base": "lying-knees-bent", "angles": {"near_shoulder": -45}}, "dig", library().poses
        )


def test_resting_part_that_floats_is_refused() -> None:
    with pytest.raises(FigureError, match=r"near_foot should rest on the floor but .* above it"):
        parse_pose({"base": "lying-knees-bent", "angles": {"near_hip": 100}}, "x", library().poses)


def test_unknown_joint_gets_a_suggestion() -> None:
    with pytest.raises(FigureError, match='unknown joint "near_kne"; did you mean "near_knee"'):
        parse_pose({"base": "standing", "angles": {"near_kne": 10}}, "x", library().poses)


def test_near_and_far_mean_nothing_in_a_front_view() -> None:
    with pytest.raises(FigureError) as caught:
        parse_pose({"base": "standing-front", "angles": {"near_knee": 10}}, "x", library().poses)
    assert caught.value.message == (
        'pose "x": near_knee means nothing in a front view; use left_knee or right_knee'
    )
    assert caught.value.path == ("angles", "near_knee")


def test_a_retired_top_view_joint_says_what_to_write_instead() -> None:
    with pytest.raises(FigureError) as caught:
        parse_pose({"base": "lying-top-knees-up", "angles": {"knees_roll": 30}}, "x", {})
    assert "unknown base pose" in caught.value.message
    with pytest.raises(FigureError) as caught:
        parse_pose(
            {"base": "lying-top-knees-up", "angles": {"knees_roll": 30}}, "x", library().poses
        )
    assert caught.value.message.startswith('pose "x": joint "knees_roll" was replaced')
    assert "roll" in caught.value.message and "spine_rotation" in caught.value.message


def test_unknown_base_and_key_get_suggestions() -> None:
    with pytest.raises(FigureError, match='did you mean "standing"'):
        parse_pose({"base": "standin"}, "x", library().poses)
    with pytest.raises(
        FigureError, match='unknown key "angle" in pose "x"; did you mean "angles"'
    ) as caught:
        parse_pose({"base": "standing", "angle": {}}, "x", library().poses)
    assert caught.value.path == ("angle",)


def test_view_errors_are_located() -> None:
    with pytest.raises(FigureError, match=r'view must be one of .*; did you mean "front"') as e:
        parse_pose({"base": "standing", "view": "frnt"}, "x", library().poses)
    assert e.value.path == ("view",)
    with pytest.raises(FigureError, match="view tilt 95° is outside 0–80°") as e:
        parse_pose({"view": {"from": "side", "tilt": 95}}, "x", {})
    assert e.value.path == ("view", "tilt")
    with pytest.raises(FigureError, match="a top view cannot tilt"):
        parse_pose({"view": {"from": "top", "tilt": 10}}, "x", {})


def test_shorthand_sets_both_sides() -> None:
    pose = parse_pose({"base": "standing", "angles": {"elbow": 20}}, "x", library().poses)
    assert pose.angle("near_elbow") == pose.angle("far_elbow") == 20
    assert pose.angle("left_elbow") == pose.angle("right_elbow") == 20


def test_near_is_the_right_side_from_the_side_and_the_left_from_the_other_side() -> None:
    right = parse_pose({"base": "standing", "angles": {"near_elbow": 90}}, "x", library().poses)
    assert right.angle("right_elbow") == 90
    left = parse_pose(
        {"base": "standing", "view": "side-left", "angles": {"near_elbow": 90}},
        "y",
        library().poses,
    )
    assert left.angle("left_elbow") == 90


def test_load_pose_unknown_name() -> None:
    with pytest.raises(FigureError, match='unknown built-in pose "brige-up"; did you mean'):
        load_pose("brige-up")


def test_every_view_camera_is_right_handed_and_level() -> None:
    for name in VIEW_NAMES:
        for turn, tilt in ((0, 0), (30, 0), (-45, 25)):
            if name == "top" and tilt:
                continue
            cam = camera(View(name, turn, tilt))
            r, u, d = cam.right, cam.up, cam.toward
            assert abs(r[1]) < 1e-9  # the page's right stays level: no rolled pictures
            cross = (
                u[1] * d[2] - u[2] * d[1],
                u[2] * d[0] - u[0] * d[2],
                u[0] * d[1] - u[1] * d[0],
            )
            assert cross == pytest.approx(r)  # right = up x toward
