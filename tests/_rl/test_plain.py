"""Plain mode: ReportLab as shipped gives the same leaflet, read back and looked at.

With ``PDFBUILDER_PLAIN_REPORTLAB=1`` (or on a ReportLab version not tested) nothing is
installed: no paragraph cache or replay, ReportLab's own compression level, no private codes
for joined Arabic letters. The bytes differ; the extracted text, every character's position
and the rendered pages must not (Arabic joined forms are drawn as outlines in plain mode, so
their pixels may differ at the edges, by the rasteriser, never by more than 2 device pixels
at 288 dpi).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import types
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2
import pytest
from helpers import page_texts, requires_rl
from PIL import Image, ImageChops, ImageFilter

from pdfbuilder import _rl, build_pdf
from pdfbuilder._rl import tounicode

ROOT = Path(__file__).resolve().parents[2]
CASES = [
    ("handouts/back-spasms.yaml", "standard"),
    ("handouts/back-spasms.yaml", "easy-read"),
    ("handouts/samples/back-spasms.ar.yaml", "standard"),  # joined forms as outlines
]
_BUILD_PLAIN = (
    "import sys, pdfbuilder; sys.stdout.buffer.write(pdfbuilder.build_pdf(*sys.argv[1:]))"
)


@cache
def _plain(handout: str, layout: str) -> bytes:
    """The leaflet built in a fresh interpreter in plain mode."""
    env = {**os.environ, _rl.PLAIN_ENV: "1"}
    done = subprocess.run(
        [sys.executable, "-c", _BUILD_PLAIN, handout, layout],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    return done.stdout


def _chars(pdf: bytes, ends: bool = True) -> list[list[tuple[Any, ...]]]:
    """Each page's characters: text, font size and where they are (x0, top and, with
    ``ends``, x1), to 0.01 pt."""
    keys = ("size", "x0", "x1", "top") if ends else ("size", "x0", "top")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [[(c["text"], *(round(c[k], 2) for k in keys)) for c in p.chars] for p in doc.pages]


def _ink(page: Any) -> Image.Image:
    """The page at 288 dpi as a mask of its dark pixels."""
    return page.render(scale=4).to_pil().convert("L").point(lambda v: 255 if v < 128 else 0)


def _ink_outside(a: Image.Image, b: Image.Image) -> int:
    """How many dark pixels of ``a`` are more than 2 pixels from any dark pixel of ``b``."""
    return ImageChops.subtract(a, b.filter(ImageFilter.MaxFilter(5))).histogram()[255]


@requires_rl
@pytest.mark.parametrize(("handout", "layout"), CASES)
def test_plain_reportlab_gives_the_same_text_positions_and_pages(handout: str, layout: str) -> None:
    assert _rl.install(), "these tests compare with the patched build"
    ours, plain = build_pdf(handout, layout), _plain(handout, layout)
    assert ours != plain  # the compression differs at least, so this is a real comparison
    assert page_texts(plain) == page_texts(ours)
    # A joined Arabic form's code has one width, its first occurrence's (kerning included);
    # in plain mode each occurrence's letters get that occurrence's width. Where each
    # character starts is the same either way.
    arabic = ".ar." in handout
    assert _chars(plain, ends=not arabic) == _chars(ours, ends=not arabic)
    mine, theirs = pypdfium2.PdfDocument(ours), pypdfium2.PdfDocument(plain)
    assert len(mine) == len(theirs)
    for a, b in zip(mine, theirs, strict=True):
        if not arabic:
            left, right = a.render(scale=1).to_pil(), b.render(scale=1).to_pil()
            assert ImageChops.difference(left, right).getbbox() is None  # the same pixels
            continue
        ink_a, ink_b = _ink(a), _ink(b)
        total = ink_a.histogram()[255]
        assert _ink_outside(ink_a, ink_b) < total / 1000
        assert _ink_outside(ink_b, ink_a) < total / 1000


def test_plain_mode_installs_nothing_and_says_why() -> None:
    code = (
        "import pdfbuilder, reportlab; from pdfbuilder import _rl\n"
        "pdfbuilder.build_pdf('handouts/back-spasms.yaml')\n"
        "from reportlab.pdfbase import pdfdoc, ttfonts\n"
        "print(_rl.installed(), _rl.plain_reason())\n"
        "print(pdfdoc.zlib.__name__, ttfonts.makeToUnicodeCMap.__module__)\n"
    )
    env = {**os.environ, _rl.PLAIN_ENV: "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    ).stdout.splitlines()
    assert out == [f"False {_rl.PLAIN_ENV}=1 is set", "zlib reportlab.pdfbase.ttfonts"]


def test_an_untested_reportlab_version_gets_nothing_installed() -> None:
    code = (
        "import reportlab; reportlab.Version = '9.9.9'\n"
        "import pdfbuilder; from pdfbuilder import _rl\n"
        "pdf = pdfbuilder.build_pdf('handouts/samples/back-spasms.ar.yaml')\n"
        "print(_rl.installed(), pdf.startswith(b'%PDF'))\n"
        "print(_rl.plain_reason())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != _rl.PLAIN_ENV}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    ).stdout.splitlines()
    assert out[0] == "False True"
    assert out[1].startswith("ReportLab 9.9.9 is not one of the versions tested (")


def test_the_tounicode_fix_refuses_a_cmap_it_does_not_know(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import ttfonts

    def other_format(fontname: str, subset: list[int]) -> str:
        return "\n".join(f"<{i:04X}> <{c:06X}>" for i, c in enumerate(subset))

    monkeypatch.setattr(ttfonts, "makeToUnicodeCMap", other_format)
    with pytest.raises(RuntimeError, match=r"not what pdfbuilder's ToUnicode fix expects.*"):
        tounicode.verify()


@requires_rl
def test_the_tounicode_fix_fails_loudly_when_an_entry_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _rl.install()
    font = types.SimpleNamespace(
        fontName="Probe-Missing",
        face=types.SimpleNamespace(charToGlyph={}, charWidths={}, name=b"Probe-Missing"),
        pdfScale=lambda v: v,
    )
    code = ord(tounicode.private_code(font, 7, 500, "لا"))
    monkeypatch.setattr(tounicode, "_original_cmap", lambda name, subset: "begincmap\nendcmap")
    with pytest.raises(RuntimeError, match="is missing from a CMap"):
        tounicode._to_unicode_cmap("AAAAAA+Probe-Missing", [0x41, code])


def test_private_codes_are_unique_and_stable_across_threads() -> None:
    face = types.SimpleNamespace(charToGlyph={}, charWidths={}, name=b"Probe-Threads")
    font = types.SimpleNamespace(fontName="Probe-Threads", face=face, pdfScale=lambda v: v)
    got: list[list[tuple[int, str]]] = []
    start = threading.Barrier(8)

    def work() -> None:
        start.wait()
        got.append([(gid, tounicode.private_code(font, gid, 500, f"x{gid}")) for gid in range(300)])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(run == got[0] for run in got)  # each glyph got one code, whoever asked first
    codes = [ord(code) for _, code in got[0]]
    assert len(set(codes)) == 300 and min(codes) >= tounicode.FIRST_PRIVATE
    assert all(face.charToGlyph[ord(code)] == gid for gid, code in got[0])
