"""Stage 5, write (booklets): impose half-size pages two-up on sheets in saddle-stitch order.

In: the PDF of a booklet's pages in reading order (A5 or half-Letter). Out: a PDF of sheets
(A4 or Letter, landscape), each side holding two pages, so that printing double-sided
(flip on the short edge), stacking, folding and stapling gives the booklet in order.
Blank pages are added at the end to make the page count a multiple of four.

For n pages and sheet k (counting from 0), the front holds pages n-2k (left) and 2k+1
(right), and the back holds 2k+2 (left) and n-2k-1 (right), counting pages from 1.
"""

from __future__ import annotations

import io
from typing import cast

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import DictionaryObject, NameObject, TextStringObject


def saddle_order(pages: int) -> list[tuple[int, int]]:
    """The (left, right) page numbers (1-based) of each sheet side, front then back.

    ``pages`` must be a multiple of four.
    """
    if pages % 4:
        raise ValueError("a saddle-stitched booklet has a multiple of four pages")
    sides = []
    for k in range(pages // 4):
        sides.append((pages - 2 * k, 2 * k + 1))
        sides.append((2 * k + 2, pages - 2 * k - 1))
    return sides


def padded_count(pages: int) -> int:
    """The page count rounded up to a multiple of four."""
    return -(-pages // 4) * 4


def impose_booklet(pdf: bytes) -> bytes:
    """Put the pages of ``pdf`` two-up on landscape sheets in saddle-stitch order."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = list(reader.pages)
    width = float(pages[0].mediabox.width)
    height = float(pages[0].mediabox.height)
    total = padded_count(len(pages))
    writer = PdfWriter()
    for left, right in saddle_order(total):
        sheet = writer.add_blank_page(width=2 * width, height=height)
        for number, x in ((left, 0.0), (right, width)):
            if number <= len(pages):
                _place(sheet, pages[number - 1], x)
    _copy_document_info(reader, writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _place(sheet: PageObject, page: PageObject, x: float) -> None:
    sheet.merge_transformed_page(page, Transformation().translate(tx=x, ty=0))


def _copy_document_info(reader: PdfReader, writer: PdfWriter) -> None:
    """Keep the title, language and viewer settings. No file id is written, so the same
    input gives the same bytes."""
    if reader.metadata:
        writer.add_metadata({k: v for k, v in reader.metadata.items() if k != "/Producer"})
    root = cast(DictionaryObject, reader.trailer["/Root"])
    for key in ("/Lang", "/ViewerPreferences"):
        if key in root:
            writer._root_object[NameObject(key)] = (  # pypdf has no setter for these
                TextStringObject(str(root[key])) if key == "/Lang" else root[key].clone(writer)
            )
