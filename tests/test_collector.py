"""The garbage collector is paused while a leaflet is built, and only then
(pdfbuilder/collector.py)."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

import pytest
from helpers import BACK_SPASMS

from pdfbuilder import build_pdf, collector, load_handout, pipeline
from pdfbuilder.errors import HandoutError


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_the_block_and_as_before_after_it() -> None:
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # nested: still paused, and still after the inner one
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()  # a program that turned it off keeps it off
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


@contextlib.contextmanager
def _another_build() -> Iterator[None]:
    """Another thread inside a paused block for as long as the ``with`` lasts."""
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collector.paused():
            entered.set()
            leave.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    entered.wait(10)
    try:
        yield
    finally:
        leave.set()
        thread.join(10)


def test_enabled_again_only_when_the_last_thread_leaves() -> None:
    with _another_build():
        with collector.paused():
            pass
        assert not gc.isenabled()  # the other thread is still building
    assert gc.isenabled()


def test_a_build_runs_no_collection_and_leaves_the_collector_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    handout = load_handout(BACK_SPASMS)
    build_pdf(handout, "standard")  # warm
    inside, passes, seen = [False], [], []
    stages = pipeline._build

    def stage(*args: object) -> bytes:
        inside[0] = True
        seen.append(gc.isenabled())
        try:
            return stages(*args)  # type: ignore[arg-type]
        finally:
            inside[0] = False

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and inside[0]:
            passes.append(info["generation"])

    monkeypatch.setattr(pipeline, "_build", stage)
    gc.callbacks.append(count)
    try:
        pdf = build_pdf(handout, "standard")  # tagged: thousands of objects kept a while
    finally:
        gc.callbacks.remove(count)
    assert pdf.startswith(b"%PDF")
    assert seen == [False] and passes == []
    assert gc.isenabled()


def test_a_refused_build_enables_it_again() -> None:
    with pytest.raises(HandoutError):
        build_pdf(BACK_SPASMS, "standard", paper="a3")
    assert gc.isenabled()


def test_builds_in_threads_that_always_overlap_still_free_their_cycles() -> None:
    passes: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    with _another_build():
        gc.callbacks.append(count)
        try:
            for _ in range(10):  # each ends while the other is still building
                with collector.paused():
                    cycle: list[object] = []
                    cycle.append(cycle)  # garbage only a pass can free
                    del cycle
                assert not gc.isenabled()
        finally:
            gc.callbacks.remove(count)
    assert len(passes) == 10  # a pass as each ended, though the collector stayed paused
    assert sorted(passes)[:9] == [0] * 9 and passes.count(0) == 9  # older ones every tenth
    assert gc.isenabled()
