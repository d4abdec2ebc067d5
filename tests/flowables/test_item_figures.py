"""A figure beside a paragraph or bullet (the sleeping and lifting pictures): drawn in every
layout, tagged as a Figure with its alt text."""

from __future__ import annotations

import pytest
from helpers import BACK_SPASMS, ROOT, page_texts

from pdfbuilder import build_pdf
from pdfbuilder.check.structure import structure_lines
from pdfbuilder.content.model import load_handout
from pdfbuilder.layout.files import builtin_layout_names

SLEEP = "A person lies on their side in bed with their knees bent and a pillow between them."
ON_BACK = "A person lies on their back in bed with a pillow under their bent knees."
LIFT = "A person stands holding a box close to their body, at waist height."
SLEEP_TEXT = "Sleep on your side with a pillow between your knees"
ON_BACK_TEXT = "Or sleep on your back with a pillow under your knees"
LIFT_TEXT = "When you lift, keep the load close to your body."


@pytest.mark.parametrize("layout", builtin_layout_names())
def test_the_sleeping_and_lifting_figures_are_tagged_figures_in_every_layout(layout: str) -> None:
    """Wherever the layout prints the advice (a short format may choose other content), its
    figure is there beside it, tagged with its alt text."""
    # A booklet in reading order: the imposed print-shop sheets are not tagged.
    pdf = build_pdf(BACK_SPASMS, layout, impose=False)
    lines = structure_lines(pdf, width=None)
    figures = [line.strip() for line in lines if line.strip().startswith("Figure")]
    text = " ".join(page_texts(pdf))
    printed = 0
    for words, alt in ((SLEEP_TEXT, SLEEP), (ON_BACK_TEXT, ON_BACK), (LIFT_TEXT, LIFT)):
        if words in text:
            printed += 1
            assert f"Figure [alt: {alt}]" in figures, (layout, figures)
    assert printed == 3 or layout == "trifold", layout  # the full layouts print all three


def test_the_spanish_leaflet_has_them_too() -> None:
    h = load_handout(ROOT / "handouts" / "back-spasms.es.yaml")
    alts = [f.alt for s in h.sections for b in s.body for f in getattr(b, "figures", ()) if f]
    assert len(alts) == 3 and all(alt.startswith("Una persona") for alt in alts)
    assert "boca arriba" in alts[1]  # the second sleeping position, as in the original


@pytest.mark.parametrize("layout", ["standard", "large-print", "booklet", "grayscale"])
def test_figured_bullets_of_one_list_start_their_text_in_line(layout: str) -> None:
    """The two sleeping positions have figures of different shapes; their words still start
    at the same place, as a designer lines up a list (the picture column is shared)."""
    import io

    import pdfplumber

    pdf = build_pdf(BACK_SPASMS, layout, impose=False)
    starts = {}
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for words in (SLEEP_TEXT, ON_BACK_TEXT):
                found = page.search(" ".join(words.split()[:2]))  # the words may wrap
                if found:
                    starts[words] = found[0]["x0"]
    assert set(starts) == {SLEEP_TEXT, ON_BACK_TEXT}, (layout, starts)
    assert abs(starts[SLEEP_TEXT] - starts[ON_BACK_TEXT]) < 0.5, (layout, starts)
