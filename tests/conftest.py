"""Shared fixtures: a click runner, the back-spasm handout, and built PDFs read back."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from pdfbuilder import build_pdf, load_handout
from pdfbuilder.model import Handout

ROOT = Path(__file__).resolve().parent.parent
BACK_SPASMS = ROOT / "handouts" / "back-spasms.yaml"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def handout() -> Handout:
    return load_handout(BACK_SPASMS)


@pytest.fixture(scope="session")
def build() -> Callable[..., bytes]:
    """Build the back-spasm leaflet (memoised per layout and paper for the session)."""
    cache: dict[tuple[str, str | None, bool], bytes] = {}

    def _build(layout: str = "standard", paper: str | None = None, impose: bool = True) -> bytes:
        key = (layout, paper, impose)
        if key not in cache:
            cache[key] = build_pdf(BACK_SPASMS, layout, paper=paper, impose=impose)
        return cache[key]

    return _build


@pytest.fixture(scope="session")
def a4_pdf(build: Callable[..., bytes]) -> bytes:
    return build("standard", "a4")


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with runs of whitespace made single spaces."""
    return [" ".join((p.extract_text() or "").split()) for p in read(pdf).pages]


def squash(text: str) -> str:
    """Text as the PDF shows it: markup markers gone, whitespace single."""
    return " ".join(text.replace("**", "").split())
