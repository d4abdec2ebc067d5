"""A remembered paragraph drawing is replayed only where every character it drew has the
code it was recorded with (Drawing.fits, checked as one comparison of dict items)."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from pdfbuilder import _rl
from pdfbuilder._rl import paragraphs
from pdfbuilder.text.fonts import register_family
from pdfbuilder.text.para import Para

_rl.install()
STYLE = ParagraphStyle("fits", fontName=register_family().regular, fontSize=11, leading=14)


def _recorded(text: str) -> tuple[paragraphs.Drawing, Canvas]:
    canvas = Canvas(io.BytesIO())
    para = Para(text, STYLE)
    para.wrap(300, 1e6)
    para.drawOn(canvas, 10, 500)
    assert para._key is not None  # a cached paragraph (ReportLab is patched)
    drawn = paragraphs._DRAWN[(para._key, para.width)]
    assert drawn is not None
    return drawn, canvas


def test_a_drawing_fits_the_document_it_was_recorded_in() -> None:
    drawn, canvas = _recorded("Fits where it was drawn: qwerty 123.")
    assert drawn.fits(canvas._doc)


def test_a_drawing_does_not_fit_where_a_code_differs_or_is_missing() -> None:
    drawn, canvas = _recorded("Codes differ: zebra jumps 456.")
    font, codes, name = drawn.fonts[0]
    char = next(iter(codes))
    changed = paragraphs.Drawing(drawn.code, [(font, {**codes, char: codes[char] + 1}, name)])
    assert not changed.fits(canvas._doc)
    unknown = paragraphs.Drawing(drawn.code, [(font, {**codes, 0x2603: 1}, name)])  # unused
    assert not unknown.fits(canvas._doc)
    renamed = paragraphs.Drawing(drawn.code, [(font, codes, name + "x")])
    assert not renamed.fits(canvas._doc)
    other = Canvas(io.BytesIO())  # another document: the font has no state in it yet
    assert not drawn.fits(other._doc)
