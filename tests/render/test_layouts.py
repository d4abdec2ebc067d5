"""Every built-in layout on A4 and Letter, read back: type sizes, margins, boxes, folds, colour."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

import pdfplumber
import pytest
from helpers import BACK_SPASMS, page_texts, read, squash
from pypdf import PdfReader
from pypdf.generic import ContentStream

from pdfbuilder import build_pdf, builtin_layout_names, load_handout, load_layout
from pdfbuilder.content.model import Handout
from pdfbuilder.output.impose import padded_count, saddle_order
from pdfbuilder.text.markup import plain

LAYOUTS = builtin_layout_names()
PAPERS = ["a4", "letter"]
MM = 72 / 25.4


def test_every_audience_has_a_built_in_layout() -> None:
    wanted = {"standard", "large-print", "trifold", "booklet", "easy-read", "grayscale"}
    assert wanted <= set(LAYOUTS)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("name", LAYOUTS)
def test_smallest_text_meets_the_layouts_minimum(
    build: Callable[..., bytes], name: str, paper: str
) -> None:
    minimum = load_layout(name).type.minimum
    with pdfplumber.open(io.BytesIO(build(name, paper))) as pdf:
        sizes = [
            round(ch["size"], 2) for page in pdf.pages for ch in page.chars if ch["text"].strip()
        ]
    assert sizes, "no text found"
    assert min(sizes) >= minimum - 0.01


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("name", LAYOUTS)
def test_no_text_outside_the_page_margins(
    build: Callable[..., bytes], name: str, paper: str
) -> None:
    layout = load_layout(name)
    m = layout.page.margins
    pdf = build(name, "a4" if layout.imposition == "booklet" else paper, impose=False)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for ch in page.chars:
                assert ch["x0"] >= m.left * MM - 0.5, (name, ch["text"])
                assert ch["x1"] <= page.width - m.right * MM + 0.5, (name, ch["text"])
                assert ch["top"] >= m.top * MM - 0.5 - ch["size"] * 0.3, (name, ch["text"])
                assert ch["bottom"] <= page.height - m.bottom * MM + 0.5, (name, ch["text"])


def _tier_items(handout: Handout) -> list[str]:
    h = handout.seek_help
    return [squash(plain(t)) for t in (*h.emergency, *h.urgent, *h.routine)]


@pytest.mark.parametrize("name", LAYOUTS)
def test_seek_help_box_is_whole_on_one_page_or_panel(
    build: Callable[..., bytes], handout: Handout, name: str
) -> None:
    layout = load_layout(name)
    pages = page_texts(build(name, "a4", impose=False))
    if layout.template == "trifold":  # panels are the pages; the box is taller than one
        pages = _panel_texts(build(name, "a4"), layout)
        holding = [i for i, text in enumerate(pages) if "When to get help" in text]
        assert "When to get help (continued)" not in pages[holding[0]]
        assert all("When to get help (continued)" in pages[i] for i in holding[1:])
    if layout.seek_help_keep == "tier" or layout.template == "trifold":
        # Large type: each tier is whole on a page (the three together cannot fit one page).
        tiers = handout.seek_help
        for items in (tiers.emergency, tiers.urgent, tiers.routine):
            holding = {
                i for i, text in enumerate(pages) for it in items if squash(plain(it)) in text
            }
            assert len(holding) == 1
        return
    holding = [i for i, text in enumerate(pages) if "When to get help" in text]
    assert len(holding) == 1
    assert all(item in pages[holding[0]] for item in _tier_items(handout))


def _panel_texts(pdf: bytes, layout: object) -> list[str]:
    """Each trifold panel's text, in reading order: cover, flap, inside, back."""
    from pdfbuilder.render.pages import page_size
    from pdfbuilder.render.trifold import panels

    texts = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        width, height = page_size(layout, "a4")  # type: ignore[arg-type]
        sheet = panels(layout, width, height, 0.0)  # type: ignore[arg-type]
        for number, page in enumerate(doc.pages):
            for p in sheet[number * 3 : number * 3 + 3]:
                crop = page.crop((p.x - 1, 0, p.x + p.width + 1, page.height))
                texts.append(squash(crop.extract_text() or ""))
    return [texts[i] for i in (2, 0, 3, 4, 5, 1)]


def _panel_of(x: float, page_width: float, margin: float) -> int:
    return min(2, int((x - margin) / ((page_width - 2 * margin) / 3)))


@pytest.mark.parametrize("paper", PAPERS)
def test_trifold_is_two_landscape_pages_with_the_cover_on_the_right(
    build: Callable[..., bytes], handout: Handout, paper: str
) -> None:
    pdf = build("trifold", paper)
    reader = read(pdf)
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        outside = doc.pages[0]
        words = outside.extract_words(extra_attrs=["size"])
        title = [w for w in words if w["text"] in ("Back", "spasms") and w["size"] > 15]
        assert title and all(w["x0"] > outside.width * 2 / 3 for w in title)
        # The when-to-get-help box ends on the back panel (the middle of the outside).
        back = outside.crop((outside.width / 3, 0, outside.width * 2 / 3, outside.height))
        assert "When to get help" in squash(back.extract_text() or "")


@pytest.mark.parametrize("paper", PAPERS)
def test_trifold_body_text_is_10_pt_and_only_reference_lines_are_smaller(paper: str) -> None:
    """Under the body size only the back panel's reference lines, below the seek-help box
    (the QR caption and address, sources, sign-off, clinic footer: docs/layouts.md, "Type
    sizes"), at the layout's minimum; everything a patient acts on at least 10 pt."""
    from pdfbuilder.people.clinic import load_clinic
    from pdfbuilder.render.pages import page_size
    from pdfbuilder.render.trifold import panels

    layout = load_layout("trifold")
    assert layout.type.body >= 10
    clinic = load_clinic(BACK_SPASMS.parent.parent / "examples" / "clinic.yaml")
    pdf = build_pdf(BACK_SPASMS, layout, paper=paper, clinic=clinic)
    width, height = page_size(layout, paper)
    back = next(p for p in panels(layout, width, height, 0.0) if p.name == "back")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = [c for c in doc.pages[0].chars if c["text"].strip()]
        small = [c for c in chars if c["size"] < layout.type.body - 0.01]
        on_back = [
            c for c in chars if back.x - 0.5 <= c["x0"] and c["x1"] <= back.x + back.width + 0.5
        ]
        lines: dict[int, list[dict[str, object]]] = {}
        for c in on_back:
            lines.setdefault(round(c["top"]), []).append(c)
        last_sign = plain(load_handout(BACK_SPASMS).seek_help.routine[-1]).replace(" ", "")[:16]
        box_end = max(
            top
            for top, line in lines.items()
            if last_sign in "".join(str(c["text"]) for c in sorted(line, key=lambda c: c["x0"]))
        )
        assert small, "the reference lines are there"
        assert all(c["size"] >= layout.type.minimum - 0.01 for c in small)
        assert [c["text"] for c in small if c not in on_back or c["top"] <= box_end] == []
        later = [c for page in doc.pages[1:] for c in page.chars if c["text"].strip()]
        assert [c["text"] for c in later if c["size"] < layout.type.body - 0.01] == []


@pytest.mark.parametrize("paper", PAPERS)
def test_trifold_text_stays_inside_its_panel(build: Callable[..., bytes], paper: str) -> None:
    from pdfbuilder.render.pages import page_size
    from pdfbuilder.render.trifold import panels

    layout = load_layout("trifold")
    width, height = page_size(layout, paper)
    sheet = panels(layout, width, height, 0.0)
    with pdfplumber.open(io.BytesIO(build("trifold", paper))) as doc:
        for number, page in enumerate(doc.pages):
            frames = sheet[number * 3 : number * 3 + 3]
            for ch in page.chars:
                inside = [
                    f for f in frames if f.x - 0.5 <= ch["x0"] and ch["x1"] <= f.x + f.width + 0.5
                ]
                assert inside, f"{ch['text']!r} at {ch['x0']:.1f} crosses a fold"


def test_trifold_that_cannot_fit_names_the_panel(tmp_path: pytest.TempPathFactory) -> None:
    text = BACK_SPASMS.read_text(encoding="utf-8")
    # A long introduction and every exercise core: no `if_room` block can give way enough.
    extra = " ".join(f"Extra sentence {i} that makes the leaflet far too long." for i in range(48))
    text = text.replace("    core: true\n    name: ", "    name: ")
    text = text.replace("    name: ", "    core: true\n    name: ")
    text = text.replace(
        "exercises_intro: Start gently", f"exercises_intro: {extra} Start gently", 1
    )
    path = tmp_path / "long.yaml"  # type: ignore[operator]
    path.write_text(text, encoding="utf-8")
    from pdfbuilder import HandoutError

    with pytest.raises(HandoutError) as caught:
        build_pdf(path, "trifold")
    message = str(caught.value)
    assert "the inside panels of the trifold overflow by about" in message
    assert re.search(r"cut about \d+ words", message)


@pytest.mark.parametrize("paper", PAPERS)
def test_booklet_sheets_hold_the_right_page_pairs(build: Callable[..., bytes], paper: str) -> None:
    pages = page_texts(build("booklet", paper, impose=False))
    total = padded_count(len(pages))
    sheets = read(build("booklet", paper))
    assert len(sheets.pages) * 2 == total and total % 4 == 0
    with pdfplumber.open(io.BytesIO(build("booklet", paper))) as doc:
        for side, (left, right) in zip(doc.pages, saddle_order(total), strict=True):
            assert side.width > side.height
            half = side.width / 2
            for number, crop in (
                (left, (0, 0, half, side.height)),
                (right, (half, 0, side.width, side.height)),
            ):
                text = " ".join((side.crop(crop).extract_text() or "").split())
                if number <= len(pages):
                    assert f"Page {number} of {len(pages)}" in text
                else:
                    assert text == "", "padding pages are blank"


def _colour_operands(reader: PdfReader) -> Iterator[tuple[str, list[float]]]:
    seen: set[int] = set()

    def walk(obj: object, resources: object) -> Iterator[tuple[str, list[float]]]:
        if obj is None:
            return
        content = ContentStream(obj, reader)
        for operands, operator in content.operations:
            op = operator.decode()
            if op in {"rg", "RG", "k", "K", "sc", "SC", "scn", "SCN"}:
                yield op, [float(v) for v in operands if not hasattr(v, "startswith")]
        for ref in ((resources or {}).get("/XObject") or {}).values():  # type: ignore[attr-defined]
            xobj = ref.get_object()
            if id(xobj) not in seen and xobj.get("/Subtype") == "/Form":
                seen.add(id(xobj))
                yield from walk(xobj, xobj.get("/Resources"))

    for page in reader.pages:
        yield from walk(page.get_contents(), page.get("/Resources"))


@pytest.mark.parametrize("paper", PAPERS)
def test_grayscale_has_no_colour_at_all(build: Callable[..., bytes], paper: str) -> None:
    found = list(_colour_operands(read(build("grayscale", paper))))
    assert found, "expected colour operators to check"
    for op, values in found:
        if op in ("k", "K"):
            assert values[:3] == [0, 0, 0], (op, values)
        else:
            assert max(values) - min(values) < 1e-3, (op, values)


def test_standard_layout_does_use_colour(build: Callable[..., bytes]) -> None:
    found = list(_colour_operands(read(build("standard", "a4"))))
    assert any(max(v) - min(v) > 0.1 for op, v in found if op in ("rg", "RG"))


@pytest.mark.parametrize("name", ["standard", "trifold"])
def test_print_marks_set_trim_and_bleed_boxes(name: str) -> None:
    plain_pdf = read(build_pdf(BACK_SPASMS, name))
    marked = read(build_pdf(BACK_SPASMS, name, print_marks=True))
    for before, after in zip(plain_pdf.pages, marked.pages, strict=True):
        trim, bleed, media = after.trimbox, after.bleedbox, after.mediabox
        assert float(trim.width) == pytest.approx(float(before.mediabox.width), abs=0.01)
        assert float(trim.height) == pytest.approx(float(before.mediabox.height), abs=0.01)
        assert float(trim.left) - float(bleed.left) == pytest.approx(3 * MM, abs=0.01)
        assert float(bleed.left) > float(media.left)


def test_title_band_runs_into_the_bleed_and_crop_marks_sit_outside_it() -> None:
    import pypdfium2 as pdfium

    pdf = build_pdf(BACK_SPASMS, "standard", print_marks=True)
    page = pdfium.PdfDocument(pdf)[0]
    scale = 2
    image = page.render(scale=scale).to_pil().convert("RGB")
    offset = (3 + 9) * MM  # bleed + slug, points
    px = lambda pt: int(pt * scale)  # noqa: E731
    # Just inside the bleed above the trim edge, over the title band: band colour, not white.
    assert image.getpixel((px(offset + 40), px(offset - 1.5 * MM))) != (255, 255, 255)
    # Beyond the bleed (in the slug), away from the marks: white paper.
    assert image.getpixel((px(offset + 40), px(offset - 6 * MM))) == (255, 255, 255)
    # A crop mark in the slug, in line with the left trim edge.
    marks = [
        image.getpixel((x, y))
        for x in range(px(offset) - 1, px(offset) + 2)
        for y in range(px(1 * MM), px(offset - 4 * MM))
    ]
    assert any(sum(c) < 600 for c in marks)


def test_easy_read_puts_a_picture_left_of_every_idea(
    build: Callable[..., bytes], handout: Handout
) -> None:
    import pypdfium2 as pdfium

    layout = load_layout("easy-read")
    pdf = build("easy-read", "a4")
    left = layout.page.margins.left * MM
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page_no = next(
            i
            for i, p in enumerate(doc.pages)
            if "What is a back spasm?" in (p.extract_text() or "")
        )
        page = doc.pages[page_no]
        column = left + (page.width - left - layout.page.margins.right * MM) / 3
        body = [
            c for c in page.chars if abs(c["size"] - layout.type.body) < 0.01 and c["text"].strip()
        ]
        assert body and all(c["x0"] >= column - 1 for c in body), "text stays right of the pictures"
    image = pdfium.PdfDocument(pdf)[page_no].render(scale=1).to_pil().convert("L")
    strip = image.crop((int(left), 60, int(column), image.height - 80))
    inked_rows = sum(
        1
        for y in range(strip.height)
        if min(strip.getpixel((x, y)) for x in range(strip.width)) < 128
    )
    assert inked_rows > strip.height * 0.3, "the picture column holds pictures"


def test_easy_read_one_sentence_per_line(build: Callable[..., bytes]) -> None:
    lines = [
        line
        for p in read(build("easy-read", "a4")).pages
        for line in (p.extract_text() or "").split("\n")
    ]
    assert any(line.strip() == "It can hurt a lot." for line in lines)
    assert not any("a lot. It can" in line for line in lines)
