"""Stage 5, write (booklets): impose half-size pages two-up on sheets in saddle-stitch order.

In: the PDF of a booklet's pages in reading order (A5 or half-Letter). Out: a PDF of sheets
(A4 or Letter, landscape), each side holding two pages, so that printing double-sided
(flip on the short edge), stacking, folding and stapling gives the booklet in order.
Blank pages are added at the end to make the page count a multiple of four.

For n pages and sheet k (counting from 0), the front holds pages n-2k (left) and 2k+1
(right), and the back holds 2k+2 (left) and n-2k-1 (right), counting pages from 1.

Each page becomes a form XObject that its sheet draws, moved into place, with one ``Do``:
the pages' content streams are copied as they are, never parsed or rewritten, so imposing
costs a fraction of laying the booklet out. The sheet file is for the print shop; the
reading-order file (``--no-impose``) is the one to publish and the accessible one.
"""

from __future__ import annotations

import io
from typing import cast

import pikepdf


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


#: Document-level entries a sheet file keeps from the reading-order file.
_KEPT_CATALOG_KEYS = ("/Lang", "/ViewerPreferences")


def impose_booklet(pdf: bytes) -> bytes:
    """Put the pages of ``pdf`` two-up on landscape sheets in saddle-stitch order."""
    with pikepdf.open(io.BytesIO(pdf)) as source, pikepdf.new() as sheets:
        pages = list(source.pages)
        box = [float(v) for v in pages[0].mediabox]
        width, height = box[2] - box[0], box[3] - box[1]
        forms = [sheets.copy_foreign(page.as_form_xobject()) for page in pages]
        for left, right in saddle_order(padded_count(len(pages))):
            placed = [
                (f"/Page{number}", forms[number - 1], x)
                for number, x in ((left, 0.0), (right, width))
                if number <= len(pages)  # the padding pages are left blank
            ]
            drawing = " ".join(f"q 1 0 0 1 {x:g} 0 cm {name} Do Q" for name, _, x in placed)
            sheet = pikepdf.Dictionary(
                Type=pikepdf.Name.Page,
                MediaBox=[0, 0, 2 * width, height],
                Resources=pikepdf.Dictionary(
                    XObject=pikepdf.Dictionary({name: form for name, form, _ in placed})
                ),
                Contents=sheets.make_stream(drawing.encode("ascii")),
            )
            sheets.pages.append(pikepdf.Page(sheet))
        _copy_document_info(source, sheets)
        out = io.BytesIO()
        # No timestamps, and a file id made from the content: the same input, the same bytes.
        # Streams are written as the reading-order file has them (recompressing costs
        # four times the rest of imposing).
        sheets.save(out, deterministic_id=True, compress_streams=False)
        return out.getvalue()


def _copy_document_info(source: pikepdf.Pdf, sheets: pikepdf.Pdf) -> None:
    """Keep the title, author, language and viewer settings (the title bar shows the title)."""
    info = pikepdf.Dictionary({k: v for k, v in source.docinfo.items() if k != "/Producer"})
    if len(info):
        sheets.docinfo = cast(pikepdf.Dictionary, sheets.copy_foreign(source.make_indirect(info)))
    for key in _KEPT_CATALOG_KEYS:
        if key in source.Root:
            sheets.Root[key] = sheets.copy_foreign(source.make_indirect(source.Root[key]))
