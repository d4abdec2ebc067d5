"""The trifold's fit search: a trial that fitted is placed again with structure starting at
the depths it found, and comes out exactly as a full search makes it."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import BACK_SPASMS, ROOT

from pdfbuilder import build_pdf
from pdfbuilder.people.personal import load_personal
from pdfbuilder.render import trifold


class _NoMemo:
    """Stands in for the depths' context variable: nothing recorded, nothing replayed."""

    def set(self, value: Any) -> None:
        return None

    def reset(self, token: Any) -> None:
        return None

    def get(self) -> None:
        return None


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_trifold_with_a_plan_is_the_same_with_or_without_the_remembered_depths(
    monkeypatch: pytest.MonkeyPatch, paper: str
) -> None:
    plan = load_personal(ROOT / "examples" / "plan.yaml")
    build_pdf(BACK_SPASMS, "trifold", paper=paper, personal=plan)  # caches warm for both
    calls: list[int] = []
    real = trifold._depth_fit

    def counted(*args: Any) -> Any:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(trifold, "_depth_fit", counted)
    remembered = build_pdf(BACK_SPASMS, "trifold", paper=paper, personal=plan)
    fewer = len(calls)
    calls.clear()
    monkeypatch.setattr(trifold, "_depths", _NoMemo())
    searched = build_pdf(BACK_SPASMS, "trifold", paper=paper, personal=plan)
    assert remembered == searched
    assert fewer < len(calls)  # the second placement of the fitting trial searched less
