"""A figure beside a paragraph or bullet (the sleeping and lifting pictures): drawn in every
layout, tagged as a Figure with its alt text, and the first thing a full trifold gives up."""

from __future__ import annotations

import pytest
from helpers import BACK_SPASMS, ROOT
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph

from pdfbuilder import build_pdf
from pdfbuilder.check.structure import structure_lines
from pdfbuilder.compose.item_figures import without_figures
from pdfbuilder.content.model import load_handout
from pdfbuilder.layout.files import builtin_layout_names

SLEEP = "A person lies on their side in bed with their knees bent and a pillow between them."
LIFT = "A person stands holding a box close to their body, at waist height."


@pytest.mark.parametrize("layout", builtin_layout_names())
def test_the_sleeping_and_lifting_figures_are_tagged_figures_in_every_layout(layout: str) -> None:
    # A booklet in reading order: the imposed print-shop sheets are not tagged.
    lines = structure_lines(build_pdf(BACK_SPASMS, layout, impose=False), width=None)
    figures = [line.strip() for line in lines if line.strip().startswith("Figure")]
    for alt in (SLEEP, LIFT):
        assert f"Figure [alt: {alt}]" in figures, (layout, figures)


def test_the_spanish_leaflet_has_them_too() -> None:
    h = load_handout(ROOT / "handouts" / "back-spasms.es.yaml")
    alts = [f.alt for s in h.sections for b in s.body for f in getattr(b, "figures", ()) if f]
    assert len(alts) == 2 and all(alt.startswith("Una persona") for alt in alts)


def test_without_figures_gives_each_row_back_its_text_alone() -> None:
    class Row:
        def __init__(self, text: Paragraph) -> None:
            self.text_alone = text

    text = Paragraph("Sleep on your side.", getSampleStyleSheet()["Normal"])
    other = Paragraph("Keep moving.", getSampleStyleSheet()["Normal"])
    assert without_figures([Row(text), other]) == [text, other]  # type: ignore[list-item]
