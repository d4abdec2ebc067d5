"""Helpers the tests in every folder share: where things are, and built PDFs read back.

A plain module (not ``conftest.py``), so that a folder may have a ``conftest.py`` of its own
without hiding these: ``from helpers import ROOT, page_texts``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
BACK_SPASMS = ROOT / "handouts" / "back-spasms.yaml"
SPANISH = ROOT / "handouts" / "back-spasms.es.yaml"


def spanish_copy(tmp_path: Path, edits: dict[str, str]) -> Path:
    """The shipped Spanish leaflet with ``edits`` (each old text must be there; first
    occurrence replaced), written beside a copy of its English original in ``tmp_path``, so
    the translation checks find the original as they would in handouts/."""
    (tmp_path / BACK_SPASMS.name).write_text(
        BACK_SPASMS.read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = SPANISH.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    copy = tmp_path / SPANISH.name
    copy.write_text(text, encoding="utf-8")
    return copy


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with runs of whitespace made single spaces."""
    return [" ".join((p.extract_text() or "").split()) for p in read(pdf).pages]


def squash(text: str) -> str:
    """Text as the PDF shows it: markup markers gone, whitespace single."""
    return " ".join(text.replace("**", "").split())


def _plain_reason() -> str | None:
    from pdfbuilder import _rl

    return _rl.plain_reason()


#: For tests of the patches in ``pdfbuilder._rl``: skipped, saying why, when ReportLab is left
#: plain (``PDFBUILDER_PLAIN_REPORTLAB=1``, or a ReportLab version the patches were not
#: tested with); every other test runs either way.
requires_rl = pytest.mark.skipif(
    _plain_reason() is not None,
    reason=f"tests pdfbuilder's ReportLab patches, not installed here: {_plain_reason()}",
)


def bench_json(script: str) -> Any:
    """What ``bench/<script> --smoke --json`` prints, run as a user runs it (fails if it fails)."""
    done = subprocess.run(
        [sys.executable, f"bench/{script}", "--smoke", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)


def assert_same_pdf(got: bytes, expected: bytes, what: str = "") -> None:
    """``got == expected``, or an AssertionError that says where they part, after ``what``
    (naming the case) when given: the object (its number and dictionary in each) and, for a
    compressed stream, the first place its decoded content differs, or which compressor
    made each. pytest's own report of two unequal PDFs is thousands of lines of xref
    offsets that never reach the object that changed."""
    if got == expected:
        return
    raise AssertionError(f"{what}: " * bool(what) + pdf_difference(got, expected))


def pdf_difference(got: bytes, expected: bytes) -> str:
    """Where two PDFs first differ, in a few lines (see :func:`assert_same_pdf`)."""
    import base64
    import re
    import zlib

    at = next((i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), None)
    if at is None:
        at = min(len(got), len(expected))
    lines = [f"PDFs differ: {len(got)} bytes against {len(expected)}, first at byte {at}"]
    heads = list(re.finditer(rb"(?m)^(\d+) 0 obj", got[:at] or b" "))
    if not heads:
        lines.append(f"  got      {got[max(0, at - 40) : at + 60]!r}")
        lines.append(f"  expected {expected[max(0, at - 40) : at + 60]!r}")
        return "\n".join(lines)
    start, number = heads[-1].start(), heads[-1].group(1).decode()
    lines.append(f"  in object {number} (starting at byte {start} in both)")
    bodies = []
    for pdf in (got, expected):
        end = pdf.find(b"endobj", start)
        bodies.append(pdf[start : end if end >= 0 else len(pdf)])
    for name, body in zip(("got", "expected"), bodies, strict=True):
        head = body.split(b"stream\n", 1)[0]  # the dictionary, not a stream's binary
        lines.append(f"  {name:8} {head[:200]!r}")
    decoded, packed = [], []
    for body in bodies:
        begin, stop = body.find(b"stream\n"), body.rfind(b"endstream")
        if b"/FlateDecode" not in body[:begin] or begin < 0 or stop < 0:
            return "\n".join(lines)
        data = body[begin + 7 : stop].rstrip(b"\r\n")
        try:
            if b"/ASCII85Decode" in body[:begin]:  # ReportLab's page streams
                data = base64.a85decode(data.removesuffix(b"~>"), ignorechars=b" \t\n\r\v")
            decoded.append(zlib.decompress(data))
            packed.append(data)
        except (ValueError, zlib.error):
            return "\n".join(lines)
    one, two = decoded
    inner = next((i for i, (a, b) in enumerate(zip(one, two, strict=False)) if a != b), None)
    if inner is None:
        inner = min(len(one), len(two))
        if len(one) == len(two):
            lines.append("  its decoded content is the same: only the compression differs")
            for name, data in zip(("got", "expected"), packed, strict=True):
                lines.append(f"  {name:8} {len(data)} bytes compressed, {_compressor(one, data)}")
            return "\n".join(lines)
    lines.append(f"  decoded: {len(one)} bytes against {len(two)}, first at {inner}")
    lines.append(f"  got      {one[max(0, inner - 60) : inner + 60]!r}")
    lines.append(f"  expected {two[max(0, inner - 60) : inner + 60]!r}")
    return "\n".join(lines)


def _compressor(content: bytes, packed: bytes) -> str:
    """Which compressor and level turn ``content`` into ``packed`` here, if any tried does."""
    import zlib

    import deflate
    from isal import isal_zlib  # the web page's previews still use it

    tried = [
        (f"libdeflate level {n}", lambda c, n=n: deflate.zlib_compress(c, n)) for n in range(1, 13)
    ]
    tried += [(f"zlib level {n}", lambda c, n=n: zlib.compress(c, n)) for n in range(10)]
    tried += [(f"ISA-L level {n}", lambda c, n=n: isal_zlib.compress(c, n)) for n in range(4)]
    for name, compress in tried:
        if compress(content) == packed:
            return f"as {name} compresses it in this process"
    return f"by none of libdeflate 1-12, zlib 0-9 or ISA-L 0-3 here (starts {packed[:24].hex()})"
