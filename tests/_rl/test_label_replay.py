"""Remembered list labels (bullets, step numbers) give exactly the bytes drawing them gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import assert_same_pdf, requires_rl

from pdfbuilder import build_pdf
from pdfbuilder._rl import paragraphs, replay

pytestmark = requires_rl

ROOT = Path(__file__).resolve().parents[2]
HANDOUT = ROOT / "handouts" / "back-spasms.yaml"


def test_labels_are_replayed_and_byte_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[str] = []
    record = replay._record_drawing

    def spy(canvas: Any, key: Any, owner: Any, draw: Any) -> None:
        drawn.append(key)
        record(canvas, key, owner, draw)

    monkeypatch.setattr(replay, "_record_drawing", spy)
    monkeypatch.setattr(replay, "_DRAWN", {})
    first = build_pdf(HANDOUT, "standard")
    paragraphs.REPLAY = False
    try:
        fresh = build_pdf(HANDOUT, "standard")  # recorded labels there, but none replayed
    finally:
        paragraphs.REPLAY = True
    recorded = len(drawn)
    assert 0 < recorded < 60  # a few distinct labels, not one per item (about 75)
    replays: list[bool] = []
    fits = paragraphs.Drawing.fits

    def counted(self: paragraphs.Drawing, doc: Any) -> bool:
        replays.append(fits(self, doc))
        return replays[-1]

    monkeypatch.setattr(paragraphs.Drawing, "fits", counted)
    paragraphs.REPLAY = False
    try:
        build_pdf(HANDOUT, "standard")
    finally:
        paragraphs.REPLAY = True
    assert not replays  # replay off: every label drawn for real
    assert_same_pdf(first, fresh)
    assert_same_pdf(build_pdf(HANDOUT, "standard"), first)
    assert True in replays  # replay on: labels came from memory
    assert len(drawn) == recorded  # the second build recorded nothing new: all replayed
    assert b"/S /Lbl" in first  # still tagged: each label its own Lbl element


def test_a_standard_pdf_font_is_never_replayed() -> None:
    # Its name in the document is not checked when replaying, so it is drawn every time.
    assert not replay._replayable(("Helvetica",), ())
