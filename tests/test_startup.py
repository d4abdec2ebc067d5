"""The start-up speed-ups change when or how fast work is done, never its result."""

from __future__ import annotations

import random
import re

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import pdfbuilder  # noqa: F401  (installs the speed-ups)
from pdfbuilder import _startup
from pdfbuilder.fonts import register_family


class _Doc:
    """Stands in for a ReportLab document: splitString keys its state by the document."""


def _original() -> object:
    fast = TTFont.splitString
    assert getattr(fast, "_fast_path", False)
    cells = [c.cell_contents for c in fast.__closure__ or ()]
    return next(c for c in cells if getattr(c, "__name__", "") == "splitString")


def test_fast_split_string_gives_the_same_runs_and_state() -> None:
    original = _original()
    font = pdfmetrics.getFont(register_family("Noto Sans").regular)
    rng = random.Random(20261121)
    # Over 256 different characters, so that codes spill into a second subset.
    covered = sorted(c for c in font.face.charToGlyph if 32 < c < 0x2000)
    pool = "  \u00a0" + "".join(chr(c) for c in rng.sample(covered, 400))
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 40))) for _ in range(400)]
    slow_doc, fast_doc = _Doc(), _Doc()
    for text in texts:
        assert font.splitString(text, fast_doc) == original(font, text, slow_doc)  # type: ignore[operator]
    slow, fast = font.state[slow_doc], font.state[fast_doc]
    assert fast.assignments == slow.assignments and fast.subsets == slow.subsets
    assert fast.nextCode == slow.nextCode
    assert len(fast.subsets) >= 2  # the grouping of runs by subset was exercised


def test_lazy_url_pattern_matches_like_the_compiled_one() -> None:
    from reportlab.platypus import paragraph

    lazy = paragraph.uri_pat
    pattern = re.compile(lazy.pattern, lazy.flags)
    for text in ("https://www.nice.org.uk/guidance/ng59", "not a url", "ftp://x.y/z"):
        assert bool(lazy.match(text)) == bool(pattern.match(text))
    assert isinstance(lazy, (_startup.LazyPattern, re.Pattern))
