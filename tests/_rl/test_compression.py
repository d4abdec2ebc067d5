"""Page streams compressed quickly inside a build, by libdeflate where it is installed, and by
ReportLab's own choice everywhere else (pdfbuilder/_rl/compression.py)."""

from __future__ import annotations

import io
import re
import threading
import zlib
from pathlib import Path

import deflate
import pikepdf
import pytest
from helpers import assert_same_pdf, requires_rl
from reportlab.pdfbase import pdfdoc

from pdfbuilder import _rl, build_pdf
from pdfbuilder._rl import compression

pytestmark = requires_rl

ROOT = Path(__file__).resolve().parents[2]
TEXT = b"BT /F1 12 Tf 72 720 Td (Stretch gently, twice a day.) Tj ET\n" * 400


def test_inside_a_build_libdeflate_level_1_writes_the_stream() -> None:
    _rl.install()
    assert compression.QUICK == "libdeflate-1"  # a dependency: the fast path is the one run
    with compression.quick_compression():
        quick = pdfdoc.zlib.compress(TEXT)
    assert quick == deflate.zlib_compress(TEXT, 1)
    assert zlib.decompress(quick) == TEXT  # the zlib format every reader decodes


def test_the_same_stream_is_always_compressed_to_the_same_bytes() -> None:
    """Whatever was compressed before in the process and wherever the bytes lie: ISA-L,
    used before, wrote a 95-byte form one byte longer in the ``handout build`` process of
    two CI runs in three (pdfbuilder/_rl/compression.py)."""
    _rl.install()
    form = b"1 0 0 1 0 0 cm \n.290196 .290196 .290196 rg\nBT 1 0 0 1 0 0 Tm /F1+0 9 Tf 10.8 TL"
    samples = [form + b" (%d) Tj T* ET" % n for n in range(40)] + [TEXT, TEXT[:5000]]
    with compression.quick_compression():
        first = [pdfdoc.zlib.compress(bytes(s)) for s in samples]
        for round_ in range(30):
            for i, sample in enumerate(samples[round_ % 7 :] + samples[: round_ % 7]):
                pdfdoc.zlib.compress(sample[::-1])  # other data through the compressor
                again = pdfdoc.zlib.compress(bytearray(sample))  # a fresh copy, elsewhere
                assert type(again) is bytes and again == first[samples.index(sample)], (round_, i)


def test_outside_a_build_and_in_other_threads_the_default_is_kept() -> None:
    _rl.install()
    assert pdfdoc.zlib.compress(TEXT) == zlib.compress(TEXT)
    assert pdfdoc.zlib.compress(TEXT, 9) == zlib.compress(TEXT, 9)
    seen: list[bytes] = []
    with compression.quick_compression():
        worker = threading.Thread(target=lambda: seen.append(pdfdoc.zlib.compress(TEXT)))
        worker.start()
        worker.join()
        assert pdfdoc.zlib.compress(TEXT, 6) == zlib.compress(TEXT, 6)  # a level asked for
    assert seen == [zlib.compress(TEXT)]


def test_a_leaflets_streams_are_libdeflates_decode_and_are_deterministic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    handout = ROOT / "handouts" / "back-spasms.yaml"
    build_pdf(handout, "standard")  # warm: font subsets made and remembered
    written: list[bytes] = []

    class Spy:
        @staticmethod
        def zlib_compress(data: bytes, level: int) -> bytes:
            out = deflate.zlib_compress(data, level)
            written.append(out)
            return out

    monkeypatch.setattr(compression, "_fast", Spy)
    pdf = build_pdf(handout, "standard")
    assert_same_pdf(build_pdf(handout, "standard"), pdf)  # byte-identical run to run
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        streams = [page.obj.Contents for page in doc.pages]
        assert all(isinstance(s, pikepdf.Stream) for s in streams)
        for stream in streams:
            text = stream.read_bytes()  # every filter undone: the page's operators
            assert re.search(rb"\bBT\b", text)
            assert zlib.compress(text, 1) != deflate.zlib_compress(text, 1)  # tells them apart
            assert any(zlib.decompress(out) == text for out in written)  # libdeflate wrote it
