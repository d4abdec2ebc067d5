"""Font subsets made once and reused give exactly the bytes ReportLab makes each time, keep
no text, and stay bounded (pdfbuilder/_rl/subsets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import requires_rl
from reportlab.pdfbase.ttfonts import TTFontFile

from pdfbuilder import build_pdf
from pdfbuilder._rl import compression, subsets
from pdfbuilder.people.personal import Personal

pytestmark = requires_rl

ROOT = Path(__file__).resolve().parents[2]
HANDOUTS = [
    ROOT / "handouts" / "back-spasms.yaml",
    ROOT / "handouts" / "samples" / "back-spasms.ar.yaml",
]


@pytest.mark.parametrize("handout", HANDOUTS, ids=lambda p: p.name)
@pytest.mark.parametrize("layout", ["standard", "trifold", "easy-read"])
def test_a_remembered_subset_gives_the_same_bytes(
    handout: Path, layout: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_pdf(handout, layout)  # makes and remembers this leaflet's subsets
    remembered = build_pdf(handout, layout)
    monkeypatch.setattr(subsets, "REMEMBER", False)
    assert build_pdf(handout, layout) == remembered


def test_the_next_build_makes_no_subset() -> None:
    build_pdf(HANDOUTS[0])
    before = subsets.kept()
    calls: list[int] = []
    original = TTFontFile.makeSubset

    def spy(self: TTFontFile, subset: list[int]) -> bytes:
        calls.append(len(subset))
        return original(self, subset)

    TTFontFile.makeSubset = spy  # type: ignore[method-assign]
    try:
        build_pdf(HANDOUTS[0])
    finally:
        TTFontFile.makeSubset = original  # type: ignore[method-assign]
    assert calls  # the leaflet embeds its fonts ...
    assert subsets.kept() == before  # ... all of them from memory


def test_a_patients_name_is_never_kept() -> None:
    name = "Zebedee Quillfeather-Example"
    personal = Personal(patient=name, clinician="Dr Ada Example")
    build_pdf(HANDOUTS[0], personal=personal)
    kept = [data for data, _ in compression._REMEMBERED.values()]
    assert kept and len(kept) == subsets.kept()  # only the subsets' font data is kept
    for data in kept:
        assert name.encode("latin-1") not in data
        assert name.encode("utf-16-be") not in data


def test_memory_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(subsets, "LIMIT", 2)
    subsets.clear()
    for layout in ("standard", "trifold", "easy-read", "large-print"):
        build_pdf(HANDOUTS[1], layout)
    assert subsets.kept() <= 2
    assert subsets.kept() == 2
    assert len(compression._REMEMBERED) == 2  # dropped subsets are forgotten
