"""The finishing pass takes the pages from ReportLab's document, and falls back to reading them.

With ReportLab patched (a tested version), the pass learns each page's object number and
dictionary from the canvas that saved the file (``_rl.saved``) instead of parsing the pages
with pikepdf. Both ways must give the same file as any reader sees it: the same objects,
object by object, only the page dictionaries' spelling differs.
"""

from __future__ import annotations

import io
from typing import Any

import pikepdf
import pytest
from leaflet_sample import build_leaflet

from pdfbuilder import _rl
from pdfbuilder import tagging as t
from pdfbuilder._rl.saved import saved_pages
from pdfbuilder.check.pdfua import check_pdfua


def _objects(pdf: bytes) -> dict[tuple[int, int], bytes]:
    """Every object as pikepdf reads it back (dictionaries spelt its way), by number."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert not doc.get_warnings()
        found = {}
        for obj in doc.objects:
            if obj.objgen == (0, 0):
                continue
            text = bytes(obj.unparse(resolved=True))
            if isinstance(obj, pikepdf.Stream):
                text += obj.read_raw_bytes()
            found[obj.objgen] = text
        found[(0, 0)] = bytes(doc.trailer.unparse(resolved=True))
        return found


def _reportlab_bytes(pdf: bytes) -> bytes:
    """ReportLab's part of a finished file (up to its first %%EOF)."""
    return pdf[: pdf.index(b"%%EOF") + len(b"%%EOF\n")]


@pytest.fixture(scope="module")
def sample() -> Any:
    if not _rl.install():
        pytest.skip("ReportLab is left plain here: the pages are always read with pikepdf")
    return build_leaflet()


def test_the_saved_pages_are_the_pages_pikepdf_finds(sample: Any) -> None:
    plain = _reportlab_bytes(sample.pdf)
    saved = saved_pages(sample.recorder.canvas, plain)
    assert saved is not None
    with pikepdf.open(io.BytesIO(plain)) as doc:
        assert [num for num, _ in saved] == [page.obj.objgen[0] for page in doc.pages]
        for (_, body), page in zip(saved, doc.pages, strict=True):
            assert body.startswith(b"<<") and not body.endswith(b">>")  # open for entries
            for key in page.obj:
                assert f"{key} ".encode() in body
            for key in ("/Contents", "/Parent"):
                assert f"{key} {page.obj[key].objgen[0]} 0 R".encode() in body


def test_both_ways_give_the_same_objects(sample: Any) -> None:
    plain = _reportlab_bytes(sample.pdf)
    fast = t.finish(plain, sample.root, sample.recorder)
    canvas, sample.recorder.canvas = sample.recorder.canvas, None  # pikepdf reads the pages
    try:
        read = t.finish(plain, sample.root, sample.recorder)
    finally:
        sample.recorder.canvas = canvas
    assert fast != read  # the page dictionaries are spelt as ReportLab wrote them...
    assert _objects(fast) == _objects(read)  # ...and are the same dictionaries
    assert b"/StructParents" in fast[len(plain) :]
    assert check_pdfua(fast) == []


def test_other_bytes_than_the_canvas_saved_are_read_with_pikepdf(sample: Any) -> None:
    plain = _reportlab_bytes(build_leaflet().pdf)
    canvas = build_leaflet(sections=3).recorder.canvas  # another document's canvas
    assert saved_pages(canvas, plain) is None
    assert saved_pages(None, plain) is None
    shifted = b"%" + plain  # every offset one byte off
    assert saved_pages(build_leaflet().recorder.canvas, shifted) is None
