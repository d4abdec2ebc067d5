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
from pdfbuilder.flowables.exercise_log import LogChart, _widths
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


ARABIC = BACK_SPASMS.parent / "samples" / "back-spasms.ar.yaml"


def _arabic_chart(layout_name: str, width: float) -> LogChart:
    layout = load_layout(layout_name)
    handout = load_handout(ARABIC)
    labels = labels_for("ar", handout.labels)
    ctx = Context(handout, layout, styles_for(layout, True), labels, Geometry(width, 600, 0, 0, 0))
    chart = list(exercise_log_block(ctx))[-1]
    assert isinstance(chart, LogChart)
    chart.wrap(width, 1e6)
    return chart


def test_right_to_left_words_are_measured_as_shaped() -> None:
    # Arabic is drawn in its own face: measured in the log's Latin bold it was nothing, so
    # "times a day" (three short words) stood one word a line in a column as wide as "00".
    chart = _arabic_chart("standard", 178 * MM)
    header = chart.header[1]
    assert header.getPlainText() == "مرات في اليوم"  # reading order, as written
    words = header.word_widths()
    assert len(words) == 3 and min(w for w, _ in words) > 5
    inner = chart._cols[1] - 2 * chart.pad
    assert inner >= max(w for w, _ in words)  # never inside a word
    header.wrap(inner, 1e6)
    assert header.height <= 2 * header.style.leading + 0.01  # two lines, not three
    names = [w for name in chart.names for w, _ in _widths(name, "Helvetica", 10)]
    assert max(names) > 20  # shaped, in the Arabic face (unmeasured, they were nothing)
    assert chart._cols[0] >= max(names) + 2 * chart.pad  # nor inside a name's word
