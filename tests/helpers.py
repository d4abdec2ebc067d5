"""Helpers the tests in every folder share: where things are, and built PDFs read back.

A plain module (not ``conftest.py``), so that a folder may have a ``conftest.py`` of its own
without hiding these: ``from helpers import ROOT, page_texts``.
"""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
BACK_SPASMS = ROOT / "handouts" / "back-spasms.yaml"


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with runs of whitespace made single spaces."""
    return [" ".join((p.extract_text() or "").split()) for p in read(pdf).pages]


def squash(text: str) -> str:
    """Text as the PDF shows it: markup markers gone, whitespace single."""
    return " ".join(text.replace("**", "").split())
