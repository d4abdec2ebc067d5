"""The stress checks themselves, on made-up regions: they find what is wrong and only that."""

from __future__ import annotations

from typing import Any

from checks import Region, split_cards

from pdfbuilder.content.model import handout_from_text

CARDS = """\
schema: 1
id: check-test
language: en
title: Two moves
purpose: Two moves that share a step.
review:
  document_id: CHK-001
  version: "1.0"
  status: final
  author: Layout Tests
  clinical_reviewer: Dr Test Example (fictional)
  organisation: Test Clinic
  published: 2026-01-01
  reviewed_on: 2026-01-01
  next_review: 2028-01-01
key_takeaways: [Move a little., Keep going., Know the signs.]
sections:
  - heading: What is it?
    body: [A stiff neck.]
exercises:
  - id: tuck
    name: Chin tuck
    figure: {builtin: chin-tuck, alt: A person tucks their chin.}
    steps: [Sit tall and look ahead., Slide your head back gently., "Hold, then relax."]
    stop_if: You feel dizzy.
  - id: bend
    name: Side bend
    figure: {builtin: neck-side-bend, alt: A person tips their head to one side.}
    steps:
      - Sit tall with your shoulders down.
      - Tip your ear towards your shoulder.
      - Hold, then relax.
    stop_if: Pain spreads into your arm.
seek_help:
  emergency: [You cannot move your arms.]
  urgent: [You have a fever.]
  routine: [It is not better in 6 weeks.]
sources:
  - {title: A guideline, publisher: A publisher, year: 2024}
"""
CONTINUED = "{name} (continued)"


def _region(page: int, *lines: str) -> Region:
    chars: list[dict[str, Any]] = []
    for n, line in enumerate(lines):
        x = 0.0
        for ch in line:
            chars.append({"text": ch, "x0": x, "x1": x + 5, "bottom": 20.0 * n, "size": 10.0})
            x += 5
    return Region(f"page {page}", page, 0, 500, 0, 800, chars)


def _problems(*regions: Region) -> list[str]:
    return split_cards(list(regions), handout_from_text(CARDS), CONTINUED)


TUCK = ["Chin tuck", "1. Sit tall and look ahead.", "2. Slide your head back gently."]
BEND = [
    "Side bend",
    "1. Sit tall with your shoulders down.",
    "2. Tip your ear towards your shoulder.",
]
BEND_END = ["3. Hold, then relax.", "Stop if: Pain spreads into your arm."]


def test_a_whole_card_beside_one_sharing_its_step_and_a_log_naming_it_is_not_split() -> None:
    first = _region(1, *TUCK, "3. Hold, then relax.", "Stop if: You feel dizzy.")
    log = _region(2, *BEND, *BEND_END, "My exercise log", "Chin tuck", "Side bend")
    assert _problems(first, log) == []


def test_a_card_split_across_pages_without_a_continued_heading_is_found() -> None:
    first = _region(1, *TUCK)
    second = _region(2, "3. Hold, then relax.", "Stop if: You feel dizzy.", *BEND, *BEND_END)
    assert _problems(first, second) == ["tuck: split without a continued heading"]


def test_a_card_split_under_a_continued_heading_is_fine() -> None:
    first = _region(1, *TUCK)
    second = _region(
        2, "Chin tuck (continued)", "3. Hold, then relax.", "Stop if: You feel dizzy.", *BEND
    )
    third = _region(3, *BEND_END)
    assert _problems(first, second, third) == ["bend: split without a continued heading"]


def test_a_last_step_parted_from_its_stop_line_is_found() -> None:
    first = _region(1, *TUCK, "3. Hold, then relax.")
    second = _region(2, "Stop if: You feel dizzy.", *BEND, *BEND_END)
    assert _problems(first, second) == ["tuck: the last step is parted from its stop line"]


def test_a_name_stranded_from_its_steps_is_found() -> None:
    first = _region(1, "Chin tuck")
    second = _region(2, *TUCK[1:], "3. Hold, then relax.", "Stop if: You feel dizzy.")
    assert _problems(first, second, _region(3, *BEND, *BEND_END)) == [
        "tuck: step 1 is not beside its name"
    ]
