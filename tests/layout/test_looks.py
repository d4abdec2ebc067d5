"""Box styles and spacing are layout data: a layout file restyles a box without Python.

Each test writes a small layout that extends a built-in one, builds the back-spasm leaflet
with it, and reads the PDF back (line widths and dash patterns of the strokes drawn, text
positions) against the built-in layout's PDF.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import pdfplumber
import pytest
import yaml
from helpers import BACK_SPASMS

from pdfbuilder import HandoutError, build_pdf, load_layout
from pdfbuilder.layout.looks import CardBox, RoutineBox, Spacing
from pdfbuilder.layout.model import layout_json_schema
from pdfbuilder.layout.styles import styles_for


def _layout(folder: Path, text: str, parent: str = "standard") -> Path:
    path = folder / "clinic-look.yaml"
    path.write_text(f"extends: {parent}\nname: clinic-look\n{text}", encoding="utf-8")
    return path


@functools.cache
def _built_in(layout: str) -> bytes:
    return build_pdf(BACK_SPASMS, layout, impose=False)


def _strokes(pdf: bytes) -> list[tuple[float, tuple[float, ...]]]:
    """(line width, dash pattern) of every stroked curve and rectangle, on every page."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for obj in page.curves + page.rects:
                if obj.get("stroke"):
                    dash = obj.get("dash") or ((), 0)
                    out.append((round(obj["linewidth"], 2), tuple(dash[0])))
    return out


def _word_top(pdf: bytes, word: str) -> float:
    """Distance from the top of page 1 to the first ``word``."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for found in doc.pages[0].extract_words():
            if found["text"] == word:
                return float(found["top"])
    raise AssertionError(f"{word!r} is not on page 1")


def test_one_field_of_one_box_keeps_the_kind_s_other_values(tmp_path: Path) -> None:
    layout = load_layout(_layout(tmp_path, "boxes:\n  card: {radius: 0}\n"))
    assert layout.boxes.card.radius == 0
    assert layout.boxes.card.padding == CardBox().padding == 0.6
    assert layout.boxes.card.border_width == CardBox().border_width
    assert layout.boxes.routine == RoutineBox()  # the other kinds untouched
    assert layout.spacing == Spacing()


def test_a_thicker_card_border_is_drawn_at_its_width(tmp_path: Path) -> None:
    path = _layout(tmp_path, "boxes:\n  card: {border_width: 3.5}\n")
    widths = [w for w, _ in _strokes(build_pdf(BACK_SPASMS, path))]
    assert 3.5 in widths
    assert 3.5 not in [w for w, _ in _strokes(_built_in("standard"))]


def test_the_routine_tier_dash_is_layout_data(tmp_path: Path) -> None:
    dashes = {d for _, d in _strokes(_built_in("standard"))}
    assert (4.0, 2.5) in dashes  # the built-in routine tier is dashed
    solid = _layout(tmp_path, "boxes:\n  routine: {dash: []}\n")
    assert (4.0, 2.5) not in {d for _, d in _strokes(build_pdf(BACK_SPASMS, solid))}
    finer = _layout(tmp_path, "boxes:\n  routine: {dash: [2, 1]}\n")
    assert (2.0, 1.0) in {d for _, d in _strokes(build_pdf(BACK_SPASMS, finer))}


def test_no_border_at_all_draws_no_stroke_for_that_box(tmp_path: Path) -> None:
    before = _strokes(_built_in("standard"))
    path = _layout(tmp_path, "boxes:\n  card: {border_width: 0}\n")
    after = _strokes(build_pdf(BACK_SPASMS, path))
    cards = len(yaml.safe_load(BACK_SPASMS.read_text(encoding="utf-8"))["exercises"])
    assert len(before) - len(after) == cards  # one border less for each exercise card


def test_spacing_is_in_em_and_moves_the_text(tmp_path: Path) -> None:
    # "It can start after lifting..." is the second paragraph of the first section.
    standard = _word_top(_built_in("standard"), "start")
    path = _layout(tmp_path, "spacing:\n  paragraph: 2.0\n")
    looser = _word_top(build_pdf(BACK_SPASMS, path), "start")
    body = load_layout("standard").type.body
    # The purpose line, the key points and the sections' first paragraphs sit above it;
    # at least the one gap before it grows by (2.0 - 0.45) em.
    assert looser - standard >= (2.0 - 0.45) * body - 0.5


def test_spacing_follows_the_type_size(tmp_path: Path) -> None:
    """The same em value is more points in large print: the spacing scales with the type."""
    small = load_layout("standard")
    large = load_layout("large-print")
    assert styles_for(large).space.paragraph / styles_for(small).space.paragraph == pytest.approx(
        large.type.body / small.type.body
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("boxes:\n  card: {radius: -1}\n", "boxes.card.radius"),
        ("boxes:\n  cards: {radius: 1}\n", 'did you mean "card"'),
        ("boxes:\n  routine: {dash: [0, 0]}\n", "boxes.routine.dash"),
        ("spacing:\n  paragraph: 50\n", "spacing.paragraph"),
        ("spacing:\n  paragrap: 1\n", 'did you mean "paragraph"'),
    ],
)
def test_a_bad_look_is_refused_on_its_line(tmp_path: Path, text: str, message: str) -> None:
    path = _layout(tmp_path, text)
    with pytest.raises(HandoutError) as caught:
        load_layout(path)
    line = str(caught.value)
    assert line.startswith(f"{path}:") and message in line and "\n" not in line


def test_the_layout_schema_describes_boxes_and_spacing() -> None:
    schema = layout_json_schema()
    assert {"boxes", "spacing"} <= set(schema["properties"])
    defs = schema["$defs"]
    card = defs["CardBox"]["properties"]
    assert card["padding"]["maximum"] == 3 and "em" in card["padding"]["description"]
    assert set(card) == {"border_width", "dash", "radius", "padding", "gap", "bar"}
    assert "paragraph" in defs["Spacing"]["properties"]
