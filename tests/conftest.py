"""Shared fixtures: a click runner, the back-spasm handout, and built PDFs read back.

Plain helpers (paths, reading a PDF back) are in ``helpers.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner
from helpers import BACK_SPASMS

from pdfbuilder import build_pdf, load_handout
from pdfbuilder.content.model import Handout


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def handout() -> Handout:
    return load_handout(BACK_SPASMS)


@pytest.fixture(scope="session")
def build() -> Callable[..., bytes]:
    """Build the back-spasm leaflet (memoised per layout and paper for the session)."""
    cache: dict[tuple[str, str | None, bool, bool], bytes] = {}

    def _build(
        layout: str = "standard", paper: str | None = None, impose: bool = True, tagged: bool = True
    ) -> bytes:
        key = (layout, paper, impose, tagged)
        if key not in cache:
            cache[key] = build_pdf(BACK_SPASMS, layout, paper=paper, impose=impose, tagged=tagged)
        return cache[key]

    return _build


@pytest.fixture(scope="session")
def a4_pdf(build: Callable[..., bytes]) -> bytes:
    return build("standard", "a4")
