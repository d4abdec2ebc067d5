"""ReportLab's PDF writer with the short way for plain values writes exactly the bytes its own
``format`` writes (pdfbuilder/_rl/serialise.py)."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import ROOT, requires_rl
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfdoc

from pdfbuilder import build_pdf
from pdfbuilder._rl import serialise

pytestmark = requires_rl

ORIGINAL = getattr(pdfdoc.format, "__wrapped__", pdfdoc.format)
FAST = serialise._fast(ORIGINAL)


def _same(value: Any) -> None:
    try:
        expected = ORIGINAL(value, None)
    except Exception as exc:  # ReportLab refuses it: so must the short way
        with pytest.raises(type(exc)):
            FAST(value, None)
        return
    assert FAST(value, None) == expected


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers(value: int) -> None:
    _same(value)


@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_floats(value: float) -> None:
    _same(value)


@given(st.text(max_size=40))
def test_any_text(value: str) -> None:
    _same(value)  # non-ASCII and control characters go to ReportLab's own function


@given(st.binary(max_size=40))
def test_bytes(value: bytes) -> None:
    _same(value)


def test_pdf_objects_and_other_types_go_to_reportlab() -> None:
    doc = pdfdoc.PDFDocument()
    array = pdfdoc.PDFArray([1, 2.5, "/Name", pdfdoc.PDFName("Widths")])
    assert FAST(array, doc) == ORIGINAL(array, doc)
    assert FAST(True, doc) == ORIGINAL(True, doc)  # a bool is not formatted as a number
    assert FAST(None, doc) == ORIGINAL(None, doc)


def test_a_leaflet_is_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    arabic = ROOT / "handouts" / "samples" / "back-spasms.ar.yaml"
    build_pdf(arabic, "trifold")
    assert serialise.installed()
    fast = build_pdf(arabic, "trifold")
    monkeypatch.setattr(pdfdoc, "format", ORIGINAL)
    assert build_pdf(arabic, "trifold") == fast


def test_a_different_format_function_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def other(element: Any, document: Any) -> bytes:
        return b""

    monkeypatch.setattr(pdfdoc, "format", other)
    with pytest.raises(RuntimeError, match="does not fit this version"):
        serialise.verify()


def test_a_format_that_writes_numbers_otherwise_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def other(element: Any, document: Any, toplevel: int = 0) -> bytes:
        return str(element).encode() if type(element) is float else ORIGINAL(element, document)

    monkeypatch.setattr(pdfdoc, "format", other)
    with pytest.raises(RuntimeError, match=r"formats 0\.5 differently"):
        serialise.verify()
