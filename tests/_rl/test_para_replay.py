"""Remembered paragraph drawings give exactly the bytes that drawing them again gives."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from helpers import assert_same_pdf, requires_rl

from pdfbuilder import build_pdf
from pdfbuilder._rl import paragraphs
from pdfbuilder.people.clinic import load_clinic
from pdfbuilder.people.personal import Personal, personal_from_strings
from pdfbuilder.text.para import Para

pytestmark = requires_rl

ROOT = Path(__file__).resolve().parents[2]
HANDOUTS = [
    ROOT / "handouts" / "back-spasms.yaml",
    ROOT / "handouts" / "back-spasms.es.yaml",
    ROOT / "handouts" / "samples" / "back-spasms.ar.yaml",
]
LAYOUTS = ["standard", "large-print", "trifold", "booklet", "easy-read", "grayscale"]


@pytest.fixture
def replays(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every replay decision, True when a remembered drawing was used."""
    decisions: list[bool] = []
    fits = paragraphs.Drawing.fits

    def spy(self: paragraphs.Drawing, doc: Any) -> bool:
        decisions.append(fits(self, doc))
        return decisions[-1]

    monkeypatch.setattr(paragraphs.Drawing, "fits", spy)
    return decisions


def _fresh(**kw: Any) -> bytes:
    """The leaflet drawn with no remembered drawings at all."""
    paragraphs.REPLAY = False
    try:
        return build_pdf(**kw)
    finally:
        paragraphs.REPLAY = True


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("handout", HANDOUTS, ids=lambda p: p.name)
def test_replayed_leaflet_is_byte_identical(
    handout: Path, layout: str, replays: list[bool]
) -> None:
    expected = _fresh(handout=handout, layout=layout)
    assert_same_pdf(build_pdf(handout, layout), expected)  # records
    assert_same_pdf(build_pdf(handout, layout), expected)  # replays
    if ".ar." not in handout.name:  # right-to-left paragraphs are shaped afresh (rtl.py)
        assert replays.count(True) > 20  # most paragraphs came from memory


def test_other_patients_and_clinics_never_get_a_stale_drawing(replays: list[bool]) -> None:
    """Names with new characters shift the font codes; a drawing is replayed only when valid."""
    handout = HANDOUTS[0]
    clinic = load_clinic(ROOT / "examples" / "clinic.yaml")
    people = ["Ana Ruiz", "Zoë Łukasiewicz-Ñúñez", "Ana Ruiz", "Øystein Ærø", "J. Smith"]
    for name in people:
        personal = personal_from_strings(
            {"patient": name, "note": f"Walk daily, {name}.", "exercises": ("bridge", "cat-cow")}
        )
        for kw in ({"clinic": clinic, "personal": personal}, {"personal": personal}):
            expected = _fresh(handout=handout, layout="standard", **kw)
            assert_same_pdf(build_pdf(handout, "standard", **kw), expected, name)
    assert True in replays and False in replays  # both paths were taken


def test_threads_building_at_once_give_the_same_bytes() -> None:
    handout = HANDOUTS[0]
    plain = _fresh(handout=handout, layout="standard")
    named = _fresh(handout=handout, layout="standard", personal=Personal(patient="Zoë Ærø"))
    results: list[tuple[bool, bytes]] = []

    def work(personal: Personal | None) -> None:
        for _ in range(5):
            results.append((personal is None, build_pdf(handout, "standard", personal=personal)))

    threads = [
        threading.Thread(target=work, args=(p,)) for p in (None, Personal(patient="Zoë Ærø"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 10
    for is_plain, pdf in results:
        assert_same_pdf(pdf, plain if is_plain else named)


def test_a_paragraph_in_a_standard_pdf_font_is_never_replayed() -> None:
    """Only TrueType fonts carry the per-document state a replay is checked against."""
    from reportlab.lib.styles import ParagraphStyle

    standard = Para("Plain words.", ParagraphStyle("t", fontName="Helvetica"))
    assert not paragraphs._replayable(standard)
    from pdfbuilder.text.fonts import register_family

    ours = ParagraphStyle("o", fontName=register_family().regular)
    assert paragraphs._replayable(Para("Plain words.", ours))


def test_splitting_a_paragraph_leaves_its_remembered_lines_as_they_were() -> None:
    """The parts of a split are broken into lines again; that must not edit the lines that
    later builds of the same paragraph reuse (it once cut trailing spaces out of them)."""
    from reportlab.lib.styles import ParagraphStyle

    from pdfbuilder.text.fonts import register_family

    style = ParagraphStyle("s", fontName=register_family().regular, fontSize=11, leading=14)
    text = (
        "Its signs come first in the list. If you have any, go to A&amp;E now, even if they "
        "come and go. Say you are worried about cauda equina syndrome, and do not wait."
    )

    def lines() -> list[list[str]]:
        paragraph = Para(text, style)
        paragraph.wrap(230, 1000)
        return [[word.text for word in line.words] for line in paragraph.blPara.lines]

    before = lines()
    paragraph = Para(text, style)
    paragraph.wrap(230, 1000)
    for part in paragraph.split(230, 30):
        part.wrap(230, 1000)
    assert lines() == before


def test_a_replayed_paragraph_writes_what_drawon_writes_and_leaves_the_canvas_as_it_was() -> None:
    import io

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable

    from pdfbuilder import _rl
    from pdfbuilder.text.fonts import register_family

    _rl.install()
    style = ParagraphStyle("t", fontName=register_family().regular, fontSize=11, leading=14)
    text = "Walk a little every day, then a little more."

    def draw(replay: bool) -> tuple[list[str], Any]:
        canvas = Canvas(io.BytesIO())
        para = Para(text, style)
        para.wrap(300, 1000)
        para.drawOn(canvas, 10, 20)  # the first drawing, recorded (or found recorded)
        start = len(canvas._code)
        state = (canvas._currentMatrix, len(canvas.state_stack), canvas._fontname)
        again = Para(text, style)
        again.wrap(300, 1000)
        if replay:
            again.drawOn(canvas, 30.5, 40.25)
        else:
            Flowable.drawOn(again, canvas, 30.5, 40.25)  # ReportLab's own way, drawn for real
        after = (canvas._currentMatrix, len(canvas.state_stack), canvas._fontname)
        assert after == state
        return canvas._code[start:], after

    replayed, _ = draw(True)
    paragraphs.REPLAY = False
    try:
        drawn, _ = draw(False)
    finally:
        paragraphs.REPLAY = True
    assert replayed[:2] == ["q", "1 0 0 1 30.5 40.25 cm"] and replayed[-1] == "Q"
    assert " ".join(replayed) == " ".join(drawn)
