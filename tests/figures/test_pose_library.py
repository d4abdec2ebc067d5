"""The pose library for every body region: each figure seen in its box, props, framing, the
catalogue and ``handout poses``."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from PIL import Image
from reportlab.graphics.shapes import Circle, Drawing, Path
from reportlab.lib.units import mm
from test_figures import CARD, _accent, _count, _ink_outside_box, _render
from test_icons import _clipped_bounds

from pdfbuilder.cli.commands import main
from pdfbuilder.errors import FigureError
from pdfbuilder.figures import (
    FigureStyle,
    builtin_figure_names,
    builtin_pose_names,
    catalog,
    catalog_lines,
    figure_schema,
    parse_figure,
    parse_pose,
    render_figure,
)
from pdfbuilder.figures.library import library
from pdfbuilder.figures.render import figure_drawing

OLD_FIGURES = {
    "knee-to-chest",
    "pelvic-tilt",
    "bridge",
    "cat-cow",
    "childs-pose",
    "lower-trunk-rotation",
    "plank-on-knees",
    "standing-back-extension",
}
NEW_FIGURES = [name for name in builtin_figure_names() if name not in OLD_FIGURES]

STYLE = FigureStyle()
# What the issue asks for, and the view each is seen from.
ASKED = {
    "chin-tuck": "side",
    "neck-rotation": "front",
    "neck-side-bend": "front",
    "shoulder-rolls": "side",
    "upper-trapezius-stretch": "front",
    "pendulum": "side",
    "wall-slide": "side",
    "external-rotation-band": "front",
    "shoulder-blade-squeeze": "back",
    "straight-leg-raise": "side",
    "heel-slide": "side",
    "clamshell": "side",
    "sit-to-stand": "side",
    "quad-set": "side",
    "mini-squat": "side",
    "ankle-pumps": "side",
    "ankle-circles": "side",
    "calf-raise": "side",
    "single-leg-balance": "front",
    "side-lying-with-pillow": "side",
    "lifting-a-box": "side",
    "lying-with-pillow-under-knees": "side",
}


def builtin(name: str) -> object:
    return parse_figure({"builtin": name, "alt": "A person exercising."}, None)


def test_the_library_has_every_figure_asked_for_seen_from_its_view() -> None:
    figures = library().figures
    for name, view in ASKED.items():
        assert figures[name].poses[0].view.name == view, name
    new = len(NEW_FIGURES) + len(builtin_pose_names()) - 18  # 18 poses before the 3-D model
    assert len(NEW_FIGURES) >= 25 and new >= 30


def test_every_view_is_used_and_every_region_has_figures() -> None:
    lib = library()
    views = {f.poses[0].view.name for f in lib.figures.values()}
    assert {"side", "front", "back", "top"} <= views
    regions = {lib.regions[name] for name in lib.figures}
    assert {"Back", "Neck", "Shoulder", "Hip and knee", "Ankle and foot"} <= regions


def _bounds_of_ink(image: Image.Image) -> tuple[int, int, int, int]:
    gray = image.convert("L").point(lambda v: 255 if v < 235 else 0)
    box = gray.getbbox()
    assert box is not None
    return box


@pytest.mark.parametrize("name", NEW_FIGURES)
def test_each_new_figure_inks_its_box_fills_it_and_shows_its_arrow(name: str) -> None:
    figure = builtin(name)
    assert render_figure(figure, *CARD, STYLE).wrap(0, 0) == CARD  # type: ignore[arg-type]
    pixels = _render(render_figure(figure, *CARD, STYLE))  # type: ignore[arg-type]
    assert _ink_outside_box(pixels) == 0
    dark = _count(pixels, lambda r, g, b: r < 80 and g < 80 and b < 90)
    assert dark > 1500  # a person, not a few thin lines
    x0, y0, x1, y1 = _bounds_of_ink(pixels)
    # The picture fills its box: most of its width or most of its height (2 px per pt).
    assert (x1 - x0) > 0.6 * CARD[0] * 2 or (y1 - y0) > 0.8 * CARD[1] * 2
    arrows = figure.arrows  # type: ignore[attr-defined]
    bare = _render(render_figure(replace(figure, arrows=()), *CARD, STYLE))  # type: ignore[type-var]
    assert _count(bare, _accent) == 0
    if arrows:
        assert _count(pixels, _accent) > 120


@pytest.mark.parametrize("name", NEW_FIGURES)
def test_each_new_figure_in_grayscale_has_no_hue(name: str) -> None:
    pixels = _render(render_figure(builtin(name), *CARD, FigureStyle(grayscale=True)))  # type: ignore[arg-type]
    assert _count(pixels, lambda r, g, b: max(r, g, b) - min(r, g, b) > 12) == 0


@pytest.mark.parametrize("box", [(40 * mm, 26 * mm), (38 * mm, 20 * mm), (170 * mm, 62 * mm)])
@pytest.mark.parametrize("name", NEW_FIGURES)
def test_each_new_figure_stays_inside_every_layouts_box(
    name: str, box: tuple[float, float]
) -> None:
    drawing = figure_drawing(builtin(name), *box, STYLE)  # type: ignore[arg-type]
    x0, y0, x1, y1 = _clipped_bounds(drawing)
    assert x0 >= -0.01 and y0 >= -0.01 and x1 <= box[0] + 0.01 and y1 <= box[1] + 0.01


def _head_radius(drawing: Drawing) -> float:
    circles = []
    stack = list(drawing.contents)
    while stack:
        shape = stack.pop()
        stack.extend(getattr(shape, "contents", []))
        if isinstance(shape, Circle):
            circles.append(shape.r)
    return max(circles)


@pytest.mark.parametrize("name", ["chin-tuck", "neck-rotation", "neck-side-bend"])
def test_neck_figures_show_the_head_and_shoulders_large(name: str) -> None:
    drawing = figure_drawing(builtin(name), *CARD, STYLE)  # type: ignore[arg-type]
    assert _head_radius(drawing) > 0.12 * CARD[1]  # not a tiny stick person


def test_an_authors_own_neck_figure_is_framed_on_the_head_by_itself() -> None:
    figure = parse_figure(
        {
            "alt": "Turning the head to the right.",
            "frames": [
                "sitting-front",
                {"pose": {"base": "sitting-front", "angles": {"neck_rotation": 60}}},
            ],
            "arrow": {"around": "head", "radius": 14, "flatten": 0.35, "start": 230, "end": 330},
        },
        None,
    )
    own = figure_drawing(figure, *CARD, STYLE)
    whole = figure_drawing(replace(figure, show="whole"), *CARD, STYLE)
    assert _head_radius(own) > 2 * _head_radius(whole)


def test_a_lying_figure_is_not_cut_at_the_hips() -> None:
    drawing = figure_drawing(builtin("heel-slide"), *CARD, STYLE)  # type: ignore[arg-type]
    clips = [
        s
        for g in drawing.contents
        for s in getattr(g, "contents", [])
        if isinstance(s, Path) and s.isClipPath
    ]
    assert clips == []  # the whole person, head and all


def test_show_names_a_part_or_points_and_refuses_others() -> None:
    data = {"alt": "x", "frames": ["standing", "arm-raised-forward"]}
    figure = parse_figure({**data, "show": ["head", "near_hand", "near_elbow"]}, None)
    assert figure.show == ("head", "near_hand", "near_elbow")
    with pytest.raises(FigureError) as caught:
        parse_figure({**data, "show": ["head", "near_hnd"]}, None)
    assert 'unknown body point "near_hnd"; did you mean "near_hand"' in caught.value.message
    assert caught.value.path == ("show", 1)
    with pytest.raises(FigureError, match=r'show must be one of .*did you mean "upper-body"'):
        parse_figure({**data, "show": "upperbody"}, None)


def test_a_figure_can_see_built_in_poses_from_another_view() -> None:
    figure = parse_figure(
        {"alt": "x", "frames": ["standing", "mini-squat"], "view": "front", "align": "hip"}, None
    )
    assert {p.view.name for p in figure.poses} == {"front"}
    assert render_figure(figure, *CARD, STYLE).wrap(0, 0) == CARD


def test_view_auto_picks_the_view_that_shows_the_movement() -> None:
    def auto(angles: dict[str, float]) -> str:
        frames = ["standing", {"pose": {"base": "standing", "angles": angles}}]
        figure = parse_figure({"alt": "x", "frames": frames, "view": "auto"}, None)
        return figure.poses[0].view.name

    assert auto({"neck_side_bend": 35}) == "front"  # invisible from the side
    assert auto({"near_shoulder_abduction": 90}) == "front"
    assert auto({"neck": 40}) == "side"  # a nod is best side on
    assert auto({"near_shoulder": 150}) == "side"
    assert auto({"neck_rotation": 70}) == "top"  # a turn seen from above


def test_frames_from_two_views_are_refused() -> None:
    with pytest.raises(FigureError, match="same view"):
        parse_figure({"alt": "x", "frames": ["standing", "standing-front"]}, None)


# Props: placed where the body touches them, and checked.


def _pose(data: dict[str, object], name: str = "mine") -> object:
    return parse_pose(data, name, library().poses)


def test_a_chair_seat_must_be_a_chair_height() -> None:
    with pytest.raises(FigureError) as caught:
        _pose({"base": "standing", "props": ["chair"]})
    assert caught.value.message.startswith('pose "mine": the chair seat would be ')
    assert "it must be 36–56 cm" in caught.value.message
    assert caught.value.path == ("touches",)


def test_both_hands_on_a_wall_must_both_reach_it() -> None:
    with pytest.raises(FigureError, match='pose "mine": near_hand should touch the wall but is'):
        _pose(
            {
                "base": "wall-slide-start",
                "angles": {"far_shoulder": 40},
                "touches": {"near_hand": "wall", "far_hand": "wall"},
            }
        )


def test_props_need_the_right_parts() -> None:
    with pytest.raises(FigureError, match="a band runs between two parts"):
        _pose({"base": "standing", "touches": {"near_hand": "band"}})
    with pytest.raises(FigureError, match="a box is held in both hands"):
        _pose({"base": "standing", "touches": {"near_hand": "box"}})
    with pytest.raises(FigureError, match=r"the step would be .* cm; it must be 8–32 cm"):
        _pose({"base": "standing", "touches": {"near_foot": "step"}})
    with pytest.raises(FigureError) as caught:
        _pose({"base": "standing", "touches": {"near_hand": "chiar"}})
    assert 'touches an unknown prop "chiar"; did you mean "chair"' in caught.value.message
    assert caught.value.path == ("touches", "near_hand")


def test_a_pillow_between_the_knees_lies_between_them() -> None:
    from pdfbuilder.figures import check_pose, load_pose

    body = check_pose(load_pose("side-lying-pillow"))
    pillows = [b for p in body.props for b in p.blocks if p.kind == "pillow"]  # type: ignore[attr-defined]
    left, right = body.world["left_knee"], body.world["right_knee"]
    middle = tuple((a + b) / 2 for a, b in zip(left, right, strict=True))
    between = [
        b for b in pillows if sum((p - q) ** 2 for p, q in zip(b.centre, middle, strict=True)) < 4
    ]
    assert len(between) == 1 and len(pillows) == 2  # and one under the head
    assert min(left[1], right[1]) < between[0].centre[1] < max(left[1], right[1])


def test_a_towel_roll_fills_the_gap_under_the_knee() -> None:
    from pdfbuilder.figures import check_pose, load_pose

    body = check_pose(load_pose("quad-set-start"))
    (towel,) = [b for p in body.props for b in p.blocks if p.kind == "towel"]  # type: ignore[attr-defined]
    knee = body.world["right_knee"][1]
    assert towel.centre[1] + towel.half[1] == pytest.approx(knee - 1.0, abs=0.5)


# The catalogue and ``handout poses``.


def test_the_catalogue_lists_every_pose_and_figure_with_its_view() -> None:
    entries = catalog()
    figures = [e for e in entries if e.kind == "figure"]
    poses = [e for e in entries if e.kind == "pose"]
    assert [e.name for e in figures] == builtin_figure_names()
    assert [e.name for e in poses] == builtin_pose_names()
    for entry in entries:
        assert entry.view.split(",")[0] in ("side", "side-left", "front", "back", "top")
        assert entry.description and "\n" not in entry.description


def test_handout_poses_prints_one_line_each() -> None:
    result = CliRunner().invoke(main, ["poses"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines == catalog_lines()
    assert len(lines) == len(builtin_figure_names()) + len(builtin_pose_names())
    chin = next(line for line in lines if line.split()[1] == "chin-tuck")
    assert chin.split()[0] == "figure" and chin.split()[2] == "side"
    only = CliRunner().invoke(main, ["poses", "--kind", "figures"]).output.splitlines()
    assert len(only) == len(builtin_figure_names()) and all(x.startswith("figure") for x in only)


def test_the_schema_describes_views_props_and_every_joint() -> None:
    schema = figure_schema()
    validator = Draft202012Validator(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    )
    good = {
        "alt": "x",
        "frames": [
            {"pose": "sitting-front"},
            {
                "pose": {
                    "base": "sitting-front",
                    "view": {"from": "front", "turn": 20},
                    "angles": {"neck_rotation": 60, "left_shoulder_abduction": 30, "hip": 90},
                    "touches": {"near_hand": "wall"},
                }
            },
        ],
        "view": "front",
        "show": ["head", "chest"],
        "arrow": {"around": "head", "flatten": 0.4},
    }
    assert list(validator.iter_errors(good)) == []
    bad = {"alt": "x", "frames": [{"pose": {"angles": {"neck_twist": 10}}}]}
    assert list(validator.iter_errors(bad))


def test_docs_figures_names_every_figure_joint_prop_and_pictogram() -> None:
    from helpers import ROOT

    from pdfbuilder.figures import JOINTS, builtin_icon_names
    from pdfbuilder.figures.contacts import PROPS
    from pdfbuilder.figures.joints import BODY_JOINTS, LIMB_JOINTS

    text = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    names = [*builtin_figure_names(), *BODY_JOINTS, *LIMB_JOINTS, *PROPS, *builtin_icon_names()]
    assert [n for n in names if f"`{n}`" not in text] == []
    assert len(JOINTS) == len(BODY_JOINTS) + 2 * len(LIMB_JOINTS)
