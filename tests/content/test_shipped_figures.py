"""The shipped leaflets' exercise figures show their exercises, not a stand-in person."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from pdfbuilder.content.model import load_handout
from pdfbuilder.figures import builtin_figure_names

SHIPPED = sorted(ROOT.glob("handouts/*.yaml"))

#: Resting poses that show no movement: a figure of one of these alone is a placeholder.
RESTING = {"standing", "sitting-on-chair", "standing-front", "standing-back", "sitting-front"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_no_exercise_figure_is_a_person_at_rest(path: Path) -> None:
    stand_ins = [
        ex.id
        for ex in load_handout(path).exercises
        if len(ex.figure.poses) == 1 and ex.figure.poses[0].name in RESTING
    ]
    assert stand_ins == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_built_in_figure_named_is_a_library_figure(path: Path) -> None:
    names = set(builtin_figure_names())
    used = [ex.figure.name for ex in load_handout(path).exercises if ex.figure.name]
    assert [n for n in used if n not in names] == []


def test_the_neck_leaflet_draws_its_turns_and_bends_from_the_front_and_back() -> None:
    views = {
        ex.id: {pose.view.name for pose in ex.figure.poses}
        for ex in load_handout(ROOT / "handouts" / "neck-pain.yaml").exercises
    }
    assert len(views) >= 5
    assert views["neck-rotation"] == {"front"}
    assert views["neck-side-bend"] == {"front"}
    assert views["shoulder-blade-squeeze"] == {"back"}
    assert views["chin-tuck"] == {"side"}  # a glide back, seen side on, not a nod
