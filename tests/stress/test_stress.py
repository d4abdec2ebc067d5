"""The layout stress corpus (see ``corpus.py``) x every built-in layout x A4 and Letter.

Each leaflet is built and read back, and checked as a designer would: no text outside its
frame or panel, no type under the layout's minimum, the when-to-get-help box whole (or each
tier whole under a "continued" heading), no card split but a card taller than a page (and
then beside its "continued" name, the last step with its stop line), no heading ending a
page or panel, no page but the last more than 35% empty unless the next piece cannot fit,
no empty trifold panel, and every cross-reference filled in. A trifold that cannot hold a
long unmarked handout must say which panel overflows and what to mark.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checks import (
    empty_panels,
    page_fill,
    regions,
    seek_help_rule,
    split_cards,
    stranded_headings,
    text_outside,
    type_too_small,
)
from corpus import HANDOUTS, write_corpus

from pdfbuilder import HandoutError, build_pdf, builtin_layout_names, load_handout, load_layout
from pdfbuilder.compose.selection import select
from pdfbuilder.content.labels import labels_for
from pdfbuilder.render.references import watch

LAYOUTS = builtin_layout_names()
PAPERS = ["a4", "letter"]


#: Not yet right (issue 16), with what is wrong; removed when fixed.
_KNOWN: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("stress"))


def test_the_corpus_has_every_kind_of_handout() -> None:
    wanted = {"tiny", "long", "unmarked", "words", "many", "one", "figures", "ids", "rtl"}
    assert wanted <= set(HANDOUTS)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout_name", LAYOUTS)
@pytest.mark.parametrize("name", list(HANDOUTS))
def test_every_layout_prints_any_content_well(
    corpus: dict[str, Path], name: str, layout_name: str, paper: str
) -> None:
    if (name, layout_name) in _KNOWN:
        pytest.xfail(_KNOWN[name, layout_name])
    layout = load_layout(layout_name)
    handout = load_handout(corpus[name])
    if name == "unmarked" and layout.template == "trifold":
        with pytest.raises(HandoutError) as caught:
            build_pdf(handout, layout, paper=paper)
        message = str(caught.value)
        assert "of the trifold overflow by about" in message
        assert "`core: true`" in message and "`summary:`" in message
        return
    with watch() as seen:
        pdf = build_pdf(handout, layout, paper=paper, impose=False)
    labels = labels_for(handout.language)
    found = regions(pdf, layout, paper, labels.rtl)
    problems = text_outside(found) + type_too_small(found, layout)
    problems += stranded_headings(found, layout)
    problems += seek_help_rule(
        found,
        handout,
        labels("seek_help"),
        labels("seek_help_continued"),
        labels("continued_name", name=""),
    )
    shown = select(handout, layout.select)
    problems += split_cards(found, shown, labels("continued_name"))
    if layout.template == "trifold":
        problems += empty_panels(found)
    else:
        problems += page_fill(seen[-1])
    text = " ".join(r.text() for r in found)
    if "{where:" in text:
        problems.append("a cross-reference printed as written")
    assert problems == []
