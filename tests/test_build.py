"""The back-spasm leaflet, built and read back: text, boxes, fonts, metadata, paper, bytes."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from helpers import BACK_SPASMS, ROOT, assert_same_pdf, page_texts, read, squash

from pdfbuilder import build_pdf, load_handout
from pdfbuilder.content.model import Handout
from pdfbuilder.text.markup import plain

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def test_every_takeaway_exercise_and_red_flag_is_printed(a4_pdf: bytes, handout: Handout) -> None:
    text = " ".join(page_texts(a4_pdf))
    wanted = [*handout.key_takeaways, *(ex.name for ex in handout.exercises)]
    tiers = handout.seek_help
    wanted += [*tiers.emergency, *tiers.urgent, *tiers.routine]
    # A cross-reference prints as words ("on page 2"): the text around it is printed as is.
    pieces = [p for w in wanted for p in re.split(r"\s*\{where:[^}]*\}", w)]
    missing = [p for p in pieces if squash(plain(p)) not in text]
    assert missing == []
    assert "{where:" not in text


def test_every_step_and_section_heading_is_printed(a4_pdf: bytes, handout: Handout) -> None:
    text = " ".join(page_texts(a4_pdf))
    wanted = [s.heading for s in handout.sections]
    wanted += [step for ex in handout.exercises for step in ex.steps]
    assert [w for w in wanted if squash(plain(w)) not in text] == []


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_seek_help_box_is_whole_on_one_page(
    build: Callable[..., bytes], handout: Handout, paper: str
) -> None:
    pages = page_texts(build("standard", paper))
    holding = [i for i, t in enumerate(pages) if "When to get help" in t]
    assert len(holding) == 1
    page = pages[holding[0]]
    tiers = handout.seek_help
    for item in (*tiers.emergency, *tiers.urgent, *tiers.routine):
        assert squash(plain(item)) in page
    for heading in ("Emergency: now", "Urgent: today", "Soon: book a visit", "Call 999", "NHS 111"):
        assert heading in page


def test_seek_help_tiers_differ_by_words_border_and_icon(a4_pdf: bytes) -> None:
    with pdfplumber.open(__import__("io").BytesIO(a4_pdf)) as pdf:
        page = next(p for p in pdf.pages if "When to get help" in (p.extract_text() or ""))
        widths = sorted(
            {round(r["linewidth"], 1) for r in page.rects + page.curves if r.get("stroke")}
        )
        # Emergency, urgent and routine tiers have borders of different weights.
        assert {2.5, 1.5, 1.2} <= set(widths)
        dashed = [c for c in page.curves + page.rects if c.get("dash") and c["dash"][0]]
        assert dashed, "the routine tier has a dashed border"


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_page_size_matches_the_paper(
    build: Callable[..., bytes], paper: str, size: tuple[float, float]
) -> None:
    for page in read(build("standard", paper)).pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(size, abs=0.05)


def test_layout_default_paper_is_a4(build: Callable[..., bytes]) -> None:
    assert build("standard") == build("standard", "a4")


def test_every_font_is_embedded_truetype(a4_pdf: bytes) -> None:
    fonts: dict[str, object] = {}
    for page in read(a4_pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        assert "AtkinsonHyperlegible" in name
        descendant = font  # simple TrueType subsets carry their descriptor directly
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"


def test_metadata_language_title_bar_and_outline(a4_pdf: bytes, handout: Handout) -> None:
    reader = read(a4_pdf)
    meta = reader.metadata
    assert meta.title == "Back spasms"
    assert meta.author == handout.review.organisation
    assert meta.subject == plain(handout.purpose)
    assert "Knee-to-chest stretch" in meta["/Keywords"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Key points", handout.sections[0].heading]
    assert "When to get help" in titles
    assert "Exercises to help your back" in titles


def test_footer_on_every_page(a4_pdf: bytes) -> None:
    pages = page_texts(a4_pdf)
    for n, text in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in text
        assert "MSK-001 · Version 2.1 · Review by December 2029" in text


def test_rebuild_is_byte_identical_across_processes(a4_pdf: bytes, tmp_path: Path) -> None:
    out = tmp_path / "again.pdf"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pdfbuilder",
            "build",
            str(BACK_SPASMS),
            "--paper",
            "a4",
            "-o",
            str(out),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    assert_same_pdf(out.read_bytes(), a4_pdf)
    assert_same_pdf(build_pdf(BACK_SPASMS, paper="a4"), a4_pdf)


def test_api_returns_bytes_without_touching_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    pdf = build_pdf(load_handout(BACK_SPASMS))
    assert pdf.startswith(b"%PDF-") and list(tmp_path.iterdir()) == []


def test_no_text_outside_the_page_margins(a4_pdf: bytes) -> None:
    with pdfplumber.open(__import__("io").BytesIO(a4_pdf)) as pdf:
        for page in pdf.pages:
            for ch in page.chars:
                assert ch["x0"] > 14 * 2.83 and ch["x1"] < page.width - 14 * 2.83, ch["text"]


MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")


def test_markup_like_text_prints_literally(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        "A short paragraph.",
        "'Use <b>heat</b> & rest < 2 days, <font color=red>not</font> **this** *that*.'",
    )
    path = tmp_path / "literal.yaml"
    path.write_text(text, encoding="utf-8")
    page = " ".join(page_texts(build_pdf(path))[0].split())
    assert "Use <b>heat</b> & rest < 2 days, <font color=red>not</font> this that." in page


def test_a_300_character_word_wraps_inside_the_page(tmp_path: Path) -> None:
    word = "supercalifragilistic" * 15
    path = tmp_path / "long.yaml"
    path.write_text(
        MINIMAL.replace("A short paragraph.", f"Before {word} after."), encoding="utf-8"
    )
    pdf = build_pdf(path)
    with pdfplumber.open(__import__("io").BytesIO(pdf)) as doc:
        for page in doc.pages:
            for ch in page.chars:
                assert ch["x1"] <= page.width - 14 * 2.83
    joined = "".join(page_texts(pdf)[0].split())
    assert word in joined


def test_a_seek_help_tier_taller_than_a_page_goes_on_by_signs(tmp_path: Path) -> None:
    """A tier too tall for any page is printed, not refused: it goes on between two signs,
    never inside one, under its own heading marked "continued"."""
    many = "\n".join(
        f"    - Warning sign number {i} that needs a long line of text." for i in range(60)
    )
    text = MINIMAL.replace("  emergency: [You cannot feel your legs.]", f"  emergency:\n{many}")
    path = tmp_path / "tall.yaml"
    path.write_text(text, encoding="utf-8")
    pages = [" ".join(t.split()) for t in page_texts(build_pdf(path))]
    holding = [i for i, t in enumerate(pages) if "Warning sign number" in t]
    assert len(holding) >= 2
    for i in range(60):  # every sign whole on one page
        assert sum(f"number {i} that needs a long line of text." in pages[p] for p in holding) == 1
    for p in holding[1:]:
        assert "(continued)" in pages[p]


def test_a_seek_help_box_taller_than_a_page_keeps_each_tier_whole(tmp_path: Path) -> None:
    """A box too tall for any page (15 pt type on Letter, even with the tiers stacked) is
    not refused: it continues on the next page under a "continued" heading, tiers whole."""
    layout = tmp_path / "big.yaml"
    layout.write_text("extends: standard\nname: big\ntype:\n  body: 15\n", encoding="utf-8")
    handout = load_handout(BACK_SPASMS)
    pages = page_texts(build_pdf(BACK_SPASMS, layout, paper="letter"))
    starts = [i for i, t in enumerate(pages) if "When to get help" in t]
    assert len(starts) == 2 and "When to get help (continued)" in pages[starts[1]]
    assert starts[1] == starts[0] + 1
    tiers = handout.seek_help
    for items in (tiers.emergency, tiers.urgent, tiers.routine):
        holding = {i for i, t in enumerate(pages) for it in items if squash(plain(it)) in t}
        assert len(holding) == 1, "each tier is whole on one page"
