"""Booklet imposition: each sheet half shows exactly its page, and the file keeps its metadata."""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2
import pytest
from helpers import read
from PIL import Image, ImageChops

from pdfbuilder.output.impose import padded_count, saddle_order

PAPERS = ("a4", "letter")
PAGE_PIXELS = 300  # a page's width in pixels (about 50 dpi): enough to see a line out of place


def _pictures(pdf: bytes, pages_across: int) -> list[Image.Image]:
    """Every page as a picture, scaled so that one booklet page is a whole number of pixels
    wide (then the right half of a sheet starts on a pixel boundary, as the left does)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        scale = PAGE_PIXELS * pages_across / document[0].get_width()
        return [page.render(scale=scale).to_pil().convert("L") for page in document]
    finally:
        document.close()


def _differs(a: Image.Image, b: Image.Image) -> int:
    """How many pixels differ by more than anti-aliasing makes them.

    Text drawn through a form can be smoothed a little differently; a line of text out of
    place or missing changes thousands of pixels.
    """
    return sum(ImageChops.difference(a, b).histogram()[97:])


@pytest.mark.parametrize("paper", PAPERS)
def test_each_sheet_half_looks_exactly_like_its_page(
    build: Callable[..., bytes], paper: str
) -> None:
    pages = _pictures(build("booklet", paper, impose=False), 1)
    sheets = _pictures(build("booklet", paper), 2)
    blank = Image.new("L", pages[0].size, 255)
    sides = saddle_order(padded_count(len(pages)))
    assert len(sheets) == len(sides)
    for sheet, (left, right) in zip(sheets, sides, strict=True):
        width, height = pages[0].size
        assert abs(sheet.width - 2 * width) <= 1 and abs(sheet.height - height) <= 1
        for number, x in ((left, 0), (right, sheet.width - width)):
            expected = pages[number - 1] if number <= len(pages) else blank
            half = sheet.crop((x, 0, x + width, height))
            assert _differs(half, expected) < 40, f"page {number} on its sheet"


def test_imposed_sheets_keep_title_language_and_the_title_bar(
    build: Callable[..., bytes],
) -> None:
    sheets = read(build("booklet", "a4"))
    pages = read(build("booklet", "a4", impose=False))
    assert sheets.metadata is not None and pages.metadata is not None
    assert sheets.metadata.title == pages.metadata.title == "Back spasms"
    assert sheets.metadata.author == pages.metadata.author
    root = sheets.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 (a PDF boolean)


def test_imposing_gives_the_same_bytes_every_time(build: Callable[..., bytes]) -> None:
    from pdfbuilder.output.impose import impose_booklet

    pages = build("booklet", "a4", impose=False, tagged=False)  # sheets are never tagged
    assert impose_booklet(pages) == impose_booklet(pages) == build("booklet", "a4")


def test_the_sheets_are_untagged_and_the_reading_order_file_is_tagged(
    build: Callable[..., bytes],
) -> None:
    """The sheet file is for the print shop: no structure tree and no marked content left
    in its page forms for a checker to trip over; the --no-impose file is the tagged one."""
    sheets = read(build("booklet", "a4"))
    assert "/StructTreeRoot" not in sheets.trailer["/Root"]
    assert "/MarkInfo" not in sheets.trailer["/Root"]
    for sheet in sheets.pages:
        forms = sheet["/Resources"]["/XObject"]
        for name in forms:
            assert b"BDC" not in forms[name].get_object().get_data()
    pages = read(build("booklet", "a4", impose=False))
    assert bool(pages.trailer["/Root"]["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in pages.trailer["/Root"]


def test_sheets_draw_each_page_once_as_a_form(build: Callable[..., bytes]) -> None:
    """Pages are placed as form XObjects, not merged into the sheet's own content."""
    sheets = read(build("booklet", "a4"))
    count = len(read(build("booklet", "a4", impose=False)).pages)
    drawn = []
    for sheet in sheets.pages:
        forms = sheet["/Resources"]["/XObject"]
        drawn.extend(forms[name].get_object().indirect_reference.idnum for name in forms)
        assert sheet.get_contents().get_data().count(b" Do ") == len(forms)
    assert len(drawn) == len(set(drawn)) == count
