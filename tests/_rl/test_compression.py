"""Page streams compressed quickly inside a build, by ISA-L where it is installed, and by
ReportLab's own choice everywhere else (pdfbuilder/_rl/compression.py)."""

from __future__ import annotations

import io
import re
import threading
import zlib
from pathlib import Path

import pikepdf
import pytest
from helpers import assert_same_pdf, requires_rl
from isal import isal_zlib
from reportlab.pdfbase import pdfdoc

from pdfbuilder import _rl, build_pdf
from pdfbuilder._rl import compression

pytestmark = requires_rl

ROOT = Path(__file__).resolve().parents[2]
TEXT = b"BT /F1 12 Tf 72 720 Td (Stretch gently, twice a day.) Tj ET\n" * 400


def test_inside_a_build_isal_level_1_writes_the_stream() -> None:
    _rl.install()
    assert compression.QUICK == "isal-1"  # isal is a dependency: the fast path is the one run
    with compression.quick_compression():
        quick = pdfdoc.zlib.compress(TEXT)
    assert quick == isal_zlib.compress(TEXT, 1)
    assert zlib.decompress(quick) == TEXT  # the zlib format every reader decodes


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


def test_a_leaflets_streams_are_isals_decode_and_are_deterministic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    handout = ROOT / "handouts" / "back-spasms.yaml"
    build_pdf(handout, "standard")  # warm: font subsets made and remembered
    written: list[bytes] = []

    class Spy:
        @staticmethod
        def compress(data: bytes, level: int) -> bytes:
            out = isal_zlib.compress(data, level)
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
            assert zlib.compress(text, 1) != isal_zlib.compress(text, 1)  # tells them apart
            assert any(zlib.decompress(out) == text for out in written)  # ISA-L wrote it
