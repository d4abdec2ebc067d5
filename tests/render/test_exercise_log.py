"""The exercise log's columns come from its content and the width: no header or name breaks
inside a word, and one day's tick boxes always stand in one row (issue 16 item 6)."""

from __future__ import annotations

import dataclasses

import pytest
from helpers import BACK_SPASMS
from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfbuilder import load_handout, load_layout
from pdfbuilder.compose.clinic_blocks import exercise_log_block
from pdfbuilder.compose.context import Context, Geometry
from pdfbuilder.content.labels import labels_for
from pdfbuilder.content.model import Dose
from pdfbuilder.flowables.exercise_log import LogChart
from pdfbuilder.layout.styles import styles_for

MM = 72 / 25.4


def _chart(layout_name: str, width: float, per_day: int) -> LogChart:
    layout = load_layout(layout_name)
    handout = load_handout(BACK_SPASMS)
    exercises = tuple(
        dataclasses.replace(ex, dose=dataclasses.replace(ex.dose or Dose(), times_per_day=per_day))
        for ex in handout.exercises
    )
    handout = dataclasses.replace(handout, exercises=exercises)
    ctx = Context(
        handout, layout, styles_for(layout, False), labels_for("en"), Geometry(width, 600, 0, 0, 0)
    )
    chart = list(exercise_log_block(ctx))[-1]
    assert isinstance(chart, LogChart)
    chart.wrap(width, 1e6)
    return chart


@pytest.mark.parametrize("per_day", [1, 2, 3, 4])
@pytest.mark.parametrize(
    ("layout_name", "width_mm"),
    [("standard", 178), ("booklet", 122), ("trifold", 85), ("large-print", 178)],
)
def test_columns_fit_their_words_and_a_days_boxes_stay_in_one_row(
    layout_name: str, width_mm: float, per_day: int
) -> None:
    chart = _chart(layout_name, width_mm * MM, per_day)
    look, cols = chart.look, chart._cols
    assert sum(cols) == pytest.approx(width_mm * MM)
    widest = max(stringWidth(w, look.bold_font, look.size) for w in ("Times", "a", "day"))
    assert cols[1] >= widest + 2 * chart.pad  # "Times a day" never breaks inside a word
    names = ["Knee-to-chest", "stretch", "Pelvic", "Bridge", "Cat-cow", "Knee", "rolls"]
    name_words = max(stringWidth(w, look.bold_font, look.size) for w in names)
    assert cols[0] >= name_words + 2 * chart.pad  # nor does a name
    # One row of boxes; only where even the smallest cannot stand side by side (three a
    # day on a trifold panel, four on an A5 page), one column: never a ragged two-plus-one.
    assert chart._box_grid(per_day) in ((per_day, 1), (1, per_day))
    if per_day <= {"trifold": 2, "booklet": 3}.get(layout_name, 4):
        assert chart._box_grid(per_day) == (per_day, 1)
    assert chart.box >= 8.0 - 1e-6  # still a box a pen can tick
