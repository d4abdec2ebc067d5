"""Two balanced columns read in order, and a page's columns never end in a stray sliver."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from helpers import BACK_SPASMS, ROOT
from reportlab.lib.styles import ParagraphStyle

from pdfbuilder import build_pdf, load_handout
from pdfbuilder.content.model import Bullets, Section
from pdfbuilder.flowables.columns import TwoColumns
from pdfbuilder.people.clinic import load_clinic
from pdfbuilder.people.personal import Personal
from pdfbuilder.text.fonts import register_family
from pdfbuilder.text.markup import plain
from pdfbuilder.text.para import Para

STYLE = ParagraphStyle("body", fontName=register_family().regular, fontSize=11, leading=14)


def _paras(n: int) -> list[Para]:
    return [Para(f"Paragraph {i}. " + "Short words in a line. " * 6, STYLE) for i in range(n)]


def test_a_split_takes_the_whole_height_and_keeps_the_order() -> None:
    content = _paras(30)
    parts = TwoColumns(content, 12).split(400, 300)
    assert len(parts) == 2
    here, rest = parts
    assert here.wrap(400, 300) == (400, 300)  # nothing else fits below it on this page
    texts = [p.getPlainText() for column in here._cols for p, _ in column]
    texts += [p.getPlainText() for p in rest.content]
    whole = " ".join(p.getPlainText() for p in content)
    assert " ".join(texts) == whole  # left column, right column, then the rest


def test_columns_that_fit_keep_their_balanced_height() -> None:
    content = _paras(4)
    _, height = TwoColumns(content, 12).wrap(400, 1000)
    (whole,) = TwoColumns(content, 12).split(400, 1000)
    assert whole.wrap(400, 1000) == (400, height)
    assert height < 1000 / 2


def _first_words(text: str, n: int = 6) -> str:
    return " ".join(plain(text).split()[:n])


def _section_starts(section: Section) -> list[str]:
    """The first words of the section's heading and of each paragraph and bullet, in order."""
    texts = [section.heading]
    for block in section.body:
        texts += list(block.bullets) if isinstance(block, Bullets) else [block.text]
    return [_first_words(text) for text in texts]


@pytest.mark.parametrize("patient", [None, "Zoë Ærø", "Ana Ruiz"])
def test_sections_read_in_order_across_columns_and_pages(patient: str | None) -> None:
    """Each section block starts after the one before it: page, then column, then height.

    With a clinic and a patient's name the sections run onto a second page; their remainder
    once filled the space left under the first page's columns as a two-line sliver, so a
    paragraph began in the left column below text that comes after it.
    """
    handout = load_handout(BACK_SPASMS)
    personal = Personal(patient=patient) if patient else None
    clinic = load_clinic(ROOT / "examples" / "clinic.yaml") if patient else None
    pdf = build_pdf(handout, "standard", clinic=clinic, personal=personal)
    order = [text for section in handout.sections for text in _section_starts(section)]
    places: dict[str, tuple[int, bool, float]] = {}
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages):
            # Each column on its own: a text beside a figure wraps in a narrow column, and
            # read across the page its lines interleave with the other column's.
            halves = [
                page.crop((0, 0, page.width / 2, page.height)),
                page.crop((page.width / 2, 0, page.width, page.height)),
            ]
            for text in order:
                pattern = re.escape(text).replace(r"\ ", r"\s+")
                for right, half in enumerate(halves):
                    found = [] if text in places else half.search(pattern)
                    if found:
                        places[text] = (number, bool(right), found[0]["top"])
    assert [t for t in order if t not in places] == []
    located = [places[text] for text in order]
    assert located == sorted(located), list(zip(order, located, strict=True))
