"""A frozen value's bounds are walked once per value, never once per build, and never for a
value that changed or could change (pdfbuilder/source/checked.py)."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable
from typing import Any

import pytest
from helpers import ROOT

from pdfbuilder import build_pdf, load_handout
from pdfbuilder.content import limits
from pdfbuilder.errors import HandoutError
from pdfbuilder.source import checked
from pdfbuilder.source.checked import check_once

MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"


@dataclasses.dataclass(frozen=True)
class Frozen:
    text: str


@dataclasses.dataclass
class Loose:
    text: str


def _counting() -> tuple[list[str], Callable[[], None]]:
    calls: list[str] = []
    return calls, lambda: calls.append("checked")


def test_the_same_frozen_value_is_checked_once() -> None:
    value = Frozen("walk")
    calls, check = _counting()
    for _ in range(3):
        check_once("test", value, check)
    assert calls == ["checked"]


def test_an_equal_copy_is_checked_again() -> None:
    value = Frozen("walk")
    calls, check = _counting()
    check_once("test", value, check)
    check_once("test", dataclasses.replace(value), check)
    assert calls == ["checked", "checked"]


def test_a_mutable_value_is_checked_every_time() -> None:
    value = Loose("walk")
    calls, check = _counting()
    check_once("test", value, check)
    value.text = "run"
    check_once("test", value, check)
    assert calls == ["checked", "checked"]


def test_a_value_that_failed_is_checked_again() -> None:
    value = Frozen("walk")

    def refuse() -> None:
        raise HandoutError("too long")

    for _ in range(2):
        with pytest.raises(HandoutError):
            check_once("test", value, refuse)


def test_a_value_is_forgotten_when_it_is_gone() -> None:
    before = checked.remembered()
    value = Frozen("walk")
    check_once("test", value, lambda: None)
    assert checked.remembered() == before + 1
    del value
    gc.collect()
    assert checked.remembered() == before


def test_a_build_walks_a_loaded_handout_once(monkeypatch: pytest.MonkeyPatch) -> None:
    handout = load_handout(MINIMAL)
    walks: list[int] = []
    real = limits.check_limits

    def counted(*args: Any) -> None:
        walks.append(1)
        real(*args)

    monkeypatch.setattr("pdfbuilder.pipeline.check_limits", counted)
    first = build_pdf(handout, tagged=False)
    assert build_pdf(handout, tagged=False) == first
    assert len(walks) == 1


def test_an_edited_copy_of_a_checked_handout_is_still_refused() -> None:
    handout = load_handout(MINIMAL)
    build_pdf(handout, tagged=False)
    longer = dataclasses.replace(handout, title="Lift " * 100)
    with pytest.raises(HandoutError, match="title: is 500 characters long"):
        build_pdf(longer, tagged=False)
