"""A seek-help tier taller than a page (issue 16, page fill), read back from the built PDF.

A small leaflet whose emergency tier has a short first sign, 52 two-line signs and a note,
in the standard, large-print and Easy Read layouts on A4 and Letter. The tier starts on the
page where the text before it ends (unless that page cannot hold its heading and first
sign), and goes on between two signs where each page ends: no page before it or that it
runs over is more than 35 % empty; every sign is whole on one page, in order; each later
page has the box's and the tier's "continued" headings and the tier's action line above
its signs; the note comes after the last sign. In the structure tree the tier is one
section: its heading (and in Easy Read its picture), its action line, one list of every
sign in order (each sign's element on the page it is printed on), then the note; the
"continued" headings nowhere (page furniture); the PDF/UA checker finds nothing. One sign
taller than a page is still refused with its size.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml
from checks import Region, page_fill, regions, seek_help_rule
from helpers import ROOT, SPANISH

from pdfbuilder import HandoutError, build_pdf, load_handout, load_layout
from pdfbuilder.check.pdfua import check_pdfua
from pdfbuilder.check.structure import Shown, elements
from pdfbuilder.content.labels import labels_for
from pdfbuilder.render.references import watch
from pdfbuilder.text.markup import plain

GOOD = ROOT / "tests" / "data" / "check" / "good.yaml"
WORDS = [
    *("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"),
    *("juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo"),
    *("sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu"),
]
#: The first sign short, so that the tier starts on the first page in every layout here.
SIGNS = ["Sign first: you cannot stand."] + [
    f"Sign {word} {shade}: you have this warning sign, and it needs a long line of words "
    "so that it wraps onto a second line."
    for shade in ("red", "blue")
    for word in WORDS
]
NOTE = "Zebra note: go now, even if the signs come and go."
LEAD = "Call 999 or go to A&E now if you have any of these:"
LAYOUTS = ("standard", "large-print", "easy-read")
MATRIX = [(layout, paper) for layout in LAYOUTS for paper in ("a4", "letter")]


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


@pytest.fixture(scope="module")
def tall(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = yaml.safe_load(GOOD.read_text(encoding="utf-8"))
    data["seek_help"]["emergency"] = SIGNS
    data["seek_help"]["notes"] = {"emergency": NOTE}
    path = tmp_path_factory.mktemp("tall-tier") / "tall.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@functools.cache
def _built(path: Path, layout: str, paper: str) -> tuple[bytes, list[Region], list[float]]:
    """The PDF, its text regions, and each page's text frame height as the layout made it
    (the rule of issue 16 checked on the layout's own record too)."""
    with watch() as seen:
        pdf = build_pdf(path, layout, paper=paper, impose=False)
    frames = seen[-1]
    assert not page_fill(frames), page_fill(frames)
    found = [r for r in regions(pdf, load_layout(layout), paper) if r.name != "outside"]
    return pdf, found, [f.height for f in frames]


def _empty_share(region: Region, frame: float) -> float:
    """How much of the page's text frame (``frame`` points tall, as the layout made it) is
    empty below its lowest character, read from the PDF."""
    bottom = region.top + frame
    lowest = max(c["bottom"] for c in region.chars if c["bottom"] <= bottom)
    return (bottom - lowest) / frame


def _sign_pages(found: list[Region]) -> list[int]:
    pages = []
    for sign in SIGNS:
        holding = [r.page for r in found if _letters(sign) in r.key()]
        assert len(holding) == 1, f"{sign[:16]!r} whole on one page, once: {holding}"
        pages += holding
    return pages


@pytest.mark.parametrize(("layout", "paper"), MATRIX)
def test_a_tall_tier_starts_where_the_page_has_room(tall: Path, layout: str, paper: str) -> None:
    _, found, frames = _built(tall, layout, paper)
    pages = _sign_pages(found)
    start = next(r.page for r in found if _letters("Emergency: now") in r.key())
    before = next(r.page for r in found if _letters("Raise your leg when you sit") in r.key())
    assert pages[0] == start, "the tier starts with its heading and first sign"
    assert pages[-1] > start, "the tier is taller than a page"
    by_page = {r.page: r for r in found}
    # It starts on the page where the text before it ends, unless that page cannot hold its
    # heading and first sign (Letter in large print): then that page is full enough.
    assert start in (before, before + 1)
    for page in range(before, pages[-1]):
        share = _empty_share(by_page[page], frames[page - 1])
        assert share <= 0.35, f"page {page} is {share:.0%} empty"


@pytest.mark.parametrize(("layout", "paper"), MATRIX)
def test_a_tall_tier_is_cut_between_signs_under_continued_headings(
    tall: Path, layout: str, paper: str
) -> None:
    _, found, _ = _built(tall, layout, paper)
    pages = _sign_pages(found)
    assert pages == sorted(pages), "the signs in order"
    by_page = {r.page: r.key() for r in found}
    for page in sorted(set(pages))[1:]:
        text = by_page[page]
        here = [sign for sign, p in zip(SIGNS, pages, strict=True) if p == page]
        first_sign = text.index(_letters(here[0]))
        for heading in ("When to get help (continued)", "Emergency: now (continued)", LEAD):
            assert 0 <= text.find(_letters(heading)) < first_sign, (page, heading)
    last = by_page[pages[-1]]
    assert last.count(_letters(NOTE)) == 1
    assert last.index(_letters(NOTE)) > last.index(_letters(SIGNS[-1])), "note after last sign"
    assert sum(_letters(NOTE) in t for t in by_page.values()) == 1
    labels = labels_for("en")
    assert not seek_help_rule(
        found,
        load_handout(tall),
        labels("seek_help"),
        labels("seek_help_continued"),
        labels("continued_name", name=""),
    )


def _tier(shown: list[Shown]) -> list[Shown]:
    """The emergency tier's section and everything inside it."""
    heading = next(i for i, e in enumerate(shown) if e.text == "Emergency: now")
    sect = shown[heading - 1]
    assert sect.role == "Sect"
    after = shown[heading:]
    end = next((i for i, e in enumerate(after) if e.depth <= sect.depth), len(after))
    return [sect, *after[:end]]


@pytest.mark.parametrize(("layout", "paper"), MATRIX)
def test_a_tall_tier_is_one_section_read_once(tall: Path, layout: str, paper: str) -> None:
    pdf, found, _ = _built(tall, layout, paper)
    shown = elements(pdf)
    assert shown is not None
    assert check_pdfua(pdf) == []
    tier = _tier(shown)
    children = [e for e in tier if e.depth == tier[0].depth + 1]
    if layout == "easy-read":  # its picture, after the heading
        assert children[1].role == "Figure" and children.pop(1).alt
    assert [e.role for e in children] == ["H3", "P", "L", "P"]
    assert children[1].text == LEAD and children[3].text == NOTE
    bodies = [e for e in tier if e.role == "LBody"]
    assert [b.text for b in bodies] == SIGNS, "every sign once, in order"
    assert [b.pages for b in bodies] == [(p,) for p in _sign_pages(found)]
    assert len({b.pages for b in bodies}) > 1, "one section with content on two pages"
    texts = [e.text for e in shown]
    assert not [t for t in texts if "(continued)" in t], "continued headings are furniture"
    assert texts.count(LEAD) == 1 and texts.count(NOTE) == 1


def test_one_sign_taller_than_a_page_is_refused_with_its_size(tmp_path: Path) -> None:
    data = yaml.safe_load(GOOD.read_text(encoding="utf-8"))
    tall = ("Walk a bit and then rest. " * 15).strip()  # 389 characters: within the limit
    data["seek_help"]["emergency"] = ["You cannot stand.", tall]
    handout = tmp_path / "h.yaml"
    handout.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    layout = tmp_path / "huge.yaml"
    layout.write_text(
        "extends: standard\nname: huge\ntype: {title: 40, body: 40}\n"
        "page:\n  margins: {top: 60, bottom: 60, left: 16, right: 16}\n",
        encoding="utf-8",
    )
    with pytest.raises(HandoutError) as caught:
        build_pdf(handout, layout)
    message = str(caught.value)
    assert "the emergency part of the when-to-get-help box is" in message
    assert "mm tall but a page holds" in message
    assert "shorten the longest emergency sign" in message


@pytest.mark.parametrize("layout", ["large-print", "easy-read"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_spanish_leaflet_reads_each_tier_once_whatever_its_pages(
    layout: str, paper: str
) -> None:
    """The shipped Spanish leaflet, whose emergency tier is cut over two pages in these
    layouts: each tier reads its heading and action line, then every sign in order, once,
    then its note."""
    handout = load_handout(SPANISH)
    pdf = build_pdf(handout, layout, paper=paper, impose=False)
    assert check_pdfua(pdf) == []
    shown = elements(pdf)
    assert shown is not None
    labels, contacts = labels_for("es"), handout.contacts
    for tier in ("emergency", "urgent", "routine"):
        words = labels(f"{tier}_heading", emergency=contacts.emergency, urgent=contacts.urgent)
        at = next(i for i, e in enumerate(shown) if e.role == "H3" and e.text == plain(words))
        sect = shown[at - 1]
        inside = shown[at:]
        inside = inside[: next(i for i, e in enumerate(inside) if e.depth <= sect.depth)]
        children = [e for e in inside if e.depth == sect.depth + 1 and e.role != "Figure"]
        assert [e.role for e in children[:3]] == ["H3", "P", "L"]
        signs = [e.text for e in inside if e.role == "LBody"]
        assert signs == [plain(sign) for sign in getattr(handout.seek_help, tier)]
        note = getattr(handout.seek_help.notes, tier)
        after = " ".join(e.text for e in children[3:])
        assert after == ("" if note is None else " ".join(plain(note).split()))
    assert not [e for e in shown if "(continuación)" in e.text]
