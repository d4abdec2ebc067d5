"""The tests' report of two PDFs that should be the same names what differs (tests/helpers.py)."""

from __future__ import annotations

import base64
import re
import zlib

import deflate
import pytest
from helpers import BACK_SPASMS, assert_same_pdf, pdf_difference

from pdfbuilder import build_pdf


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return build_pdf(BACK_SPASMS, "standard")


def _page_stream(pdf: bytes) -> tuple[re.Match[bytes], bytes]:
    """The first ASCII85 + Flate stream (the page-total form, then the pages), decoded."""
    found = re.search(
        rb"\n(\d+) 0 obj\n<<\n/BBox [^\n]*/Filter \[ /ASCII85Decode /FlateDecode \][^\n]*"
        rb"/Length (\d+) [^>]*>>[^>]*>>\nstream\n",
        pdf,
    )
    assert found is not None
    raw = pdf[found.end() : found.end() + int(found.group(2))]
    return found, zlib.decompress(base64.a85decode(raw.removesuffix(b"~>")))


def _with_stream(pdf: bytes, found: re.Match[bytes], packed: bytes) -> bytes:
    encoded = base64.a85encode(packed) + b"~>"
    head = pdf[found.start() : found.end()].replace(
        b"/Length %s " % found.group(2), b"/Length %d " % len(encoded)
    )
    return pdf[: found.start()] + head + encoded + pdf[found.end() + int(found.group(2)) :]


def test_the_same_pdf_passes(pdf: bytes) -> None:
    assert_same_pdf(pdf, bytes(pdf))


def test_a_stream_compressed_otherwise_is_named_with_its_compressor(pdf: bytes) -> None:
    found, content = _page_stream(pdf)
    other = _with_stream(pdf, found, zlib.compress(content, 9))
    report = pdf_difference(other, pdf)
    assert f"in object {found.group(1).decode()}" in report
    assert "its decoded content is the same: only the compression differs" in report
    assert "as libdeflate level 1 compresses it" in report  # the expected one: this build's
    assert "as zlib level" in report  # levels 4-9 write the same bytes for so short a stream
    assert deflate.zlib_compress(content, 1) != zlib.compress(content, 9)


def test_a_changed_operator_is_shown_decoded(pdf: bytes) -> None:
    found, content = _page_stream(pdf)
    assert b" Tf" in content
    changed = _with_stream(pdf, found, deflate.zlib_compress(content.replace(b" Tf", b" Tz"), 1))
    with pytest.raises(AssertionError) as caught:
        assert_same_pdf(changed, pdf, "the standard leaflet")
    report = str(caught.value)
    assert report.startswith("the standard leaflet: PDFs differ:")
    assert re.search(rb"got +b'.*Tz", report.encode()) and "decoded:" in report
    assert len(report.splitlines()) < 10  # a few lines, not pytest's diff of the bytes


def test_a_difference_outside_any_object_is_shown_in_place(pdf: bytes) -> None:
    changed = pdf.replace(b"%PDF-1.4", b"%PDF-1.7", 1)
    report = pdf_difference(changed, pdf)
    assert "first at byte 7" in report and "1.7" in report and "in object" not in report
