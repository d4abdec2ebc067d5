"""The pose model and the built-in pose library: checks, fixed proportions, clear errors."""

from __future__ import annotations

import itertools

import pytest

from pdfbuilder.errors import FigureError
from pdfbuilder.figures import (
    SEGMENTS,
    SIDE_JOINTS,
    builtin_pose_names,
    check_pose,
    distance,
    load_pose,
    parse_pose,
)
from pdfbuilder.figures.library import library

SIDE_SEGMENTS = [
    ("hip", "waist", "lower_trunk"),
    ("waist", "shoulder", "upper_trunk"),
    ("shoulder", "neck", "neck"),
    ("neck", "head", "head"),
    *[
        (f"{side}_{a}", f"{side}_{b}", segment)
        for side in ("near", "far")
        for a, b, segment in (
            ("knee", "ankle", "shin"),
            ("elbow", "wrist", "forearm"),
            ("wrist", "hand", "hand"),
        )
    ],
]
SIDE_POSES = [name for name in builtin_pose_names() if load_pose(name).view == "side"]


def test_library_has_the_poses_every_exercise_needs() -> None:
    names = set(builtin_pose_names())
    assert len(names) >= 14
    assert {
        "standing",
        "lying-knees-bent",
        "knee-to-chest",
        "pelvic-tilt-start",
        "pelvic-tilt-flat",
        "bridge-down",
        "bridge-up",
        "hands-and-knees",
        "cat",
        "cow",
        "childs-pose",
        "lower-trunk-rotation-left",
        "lower-trunk-rotation-right",
        "plank-start",
        "plank-on-knees",
        "sitting-on-chair",
    } <= names


@pytest.mark.parametrize("name", builtin_pose_names())
def test_every_builtin_pose_passes_the_model_checks(name: str) -> None:
    pose = load_pose(name)
    body = check_pose(pose)
    assert body.pose == pose
    for joint, value in pose.angles:
        if pose.view == "side":
            assert SIDE_JOINTS[joint].low <= value <= SIDE_JOINTS[joint].high


@pytest.mark.parametrize("name", SIDE_POSES)
def test_segment_lengths_are_the_same_in_every_pose(name: str) -> None:
    points = check_pose(load_pose(name)).points
    for a, b, segment in SIDE_SEGMENTS:
        assert distance(points[a], points[b]) == pytest.approx(SEGMENTS[segment], abs=1e-6)
    for side in ("near", "far"):
        assert distance(points["hip"], points[f"{side}_knee"]) == pytest.approx(SEGMENTS["thigh"])
        assert distance(points["shoulder"], points[f"{side}_elbow"]) == pytest.approx(
            SEGMENTS["upper_arm"]
        )


def test_all_poses_are_the_same_person() -> None:
    pairs = itertools.combinations(SIDE_POSES, 2)
    for a, b in pairs:
        pa, pb = check_pose(load_pose(a)).points, check_pose(load_pose(b)).points
        assert distance(pa["near_knee"], pa["near_ankle"]) == pytest.approx(
            distance(pb["near_knee"], pb["near_ankle"])
        )


@pytest.mark.parametrize("name", SIDE_POSES)
def test_resting_parts_touch_the_floor_and_nothing_goes_through_it(name: str) -> None:
    pose = load_pose(name)
    points = check_pose(pose).points
    for part in ("near_heel", "near_toe", "far_heel", "far_toe", "head_low", "trunk_low"):
        assert points[part][1] > -2.5, part
    if "near_foot" in pose.rests_on:
        assert abs(points["near_heel"][1] - points["near_toe"][1]) < 3.0  # flat on the floor


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


def test_angle_outside_range_names_pose_and_joint() -> None:
    with pytest.raises(FigureError) as caught:
        parse_pose(
            {"base": "bridge-up", "angles": {"near_knee": 200}}, "my-bridge", library().poses
        )
    assert caught.value.message == (
        'pose "my-bridge": joint near_knee at 200° is outside its range 0–160°'
    )
    assert caught.value.path == ("angles", "near_knee")


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


def test_unknown_base_and_key_get_suggestions() -> None:
    with pytest.raises(FigureError, match='did you mean "standing"'):
        parse_pose({"base": "standin"}, "x", library().poses)
    with pytest.raises(
        FigureError, match='unknown key "angle" in pose "x"; did you mean "angles"'
    ) as caught:
        parse_pose({"base": "standing", "angle": {}}, "x", library().poses)
    assert caught.value.path == ("angle",)


def test_shorthand_sets_both_sides() -> None:
    pose = parse_pose({"base": "standing", "angles": {"elbow": 20}}, "x", library().poses)
    assert pose.angle("near_elbow") == pose.angle("far_elbow") == 20


def test_load_pose_unknown_name() -> None:
    with pytest.raises(FigureError, match='unknown built-in pose "brige-up"; did you mean'):
        load_pose("brige-up")
