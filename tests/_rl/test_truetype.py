"""The splitString recorder changes nothing ReportLab returns or keeps; it only records."""

from __future__ import annotations

import random

from helpers import requires_rl
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pdfbuilder import _rl
from pdfbuilder._rl import truetype
from pdfbuilder.text.fonts import register_family

pytestmark = requires_rl


class _Doc:
    """Stands in for a ReportLab document: splitString keys its state by the document."""


def _original() -> object:
    wrapped = TTFont.splitString
    assert truetype.installed()
    return wrapped.__wrapped__  # type: ignore[attr-defined]


def test_recording_split_string_gives_the_same_runs_and_state() -> None:
    assert _rl.install()
    original = _original()
    font = pdfmetrics.getFont(register_family("Noto Sans").regular)
    rng = random.Random(20261121)
    # Over 256 different characters, so that codes spill into a second subset.
    covered = sorted(c for c in font.face.charToGlyph if 32 < c < 0x2000)
    pool = "  \u00a0" + "".join(chr(c) for c in rng.sample(covered, 400))
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 40))) for _ in range(400)]
    slow_doc, fast_doc = _Doc(), _Doc()
    with truetype.recording() as encoded:
        for text in texts:
            assert font.splitString(text, fast_doc) == original(font, text, slow_doc)  # type: ignore[operator]
    slow, fast = font.state[slow_doc], font.state[fast_doc]
    assert fast.assignments == slow.assignments and fast.subsets == slow.subsets
    assert fast.nextCode == slow.nextCode
    assert len(fast.subsets) >= 2  # the grouping of runs by subset was exercised
    assert encoded == [(font, text) for text in texts]  # every text, in order, nothing else


def test_nothing_is_recorded_outside_a_recording() -> None:
    assert _rl.install()
    font = pdfmetrics.getFont(register_family().regular)
    with truetype.recording() as encoded:
        pass
    font.splitString("outside", _Doc())
    assert encoded == []
