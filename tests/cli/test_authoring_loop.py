"""`handout preview` renders a page to PNG; `handout watch` rebuilds on every save."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from pdfbuilder.cli import main
from pdfbuilder.cli.authoring import watch_loop

PIL = pytest.importorskip("PIL.Image")
MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")


def test_preview_writes_the_page_asked_for_as_a_png(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p2.png"
    result = runner.invoke(
        main, ["preview", "neck-pain", "--page", "2", "--dpi", "50", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "page 2 of" in result.output
    with PIL.open(out) as image:
        assert image.format == "PNG"
        # A4 at 50 dpi: 8.27 x 11.69 inches.
        assert image.size == pytest.approx((413, 585), abs=2)
        # Page 2 of the neck leaflet is not blank: it holds the warning-signs box.
        assert image.convert("L").getextrema()[0] < 100


def test_preview_of_a_page_that_is_not_there_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p.png"
    result = runner.invoke(main, ["preview", "ankle-sprain", "--page", "40", "-o", str(out)])
    assert result.exit_code == 1 and "choose 1 to" in result.output
    assert not out.exists()


def test_the_loop_rebuilds_only_when_a_watched_file_changes(tmp_path: Path) -> None:
    watched = tmp_path / "a.yaml"
    watched.write_text("one", encoding="utf-8")
    builds: list[str] = []

    def build_once() -> list[str]:
        builds.append(watched.read_text(encoding="utf-8"))
        if len(builds) == 2:
            watched.write_text("three", encoding="utf-8")  # saved again during a build
        return [str(watched)]

    def ticks():  # type: ignore[no-untyped-def]
        yield 1  # first build
        yield 2  # nothing changed
        watched.write_text("two!", encoding="utf-8")
        yield 3  # rebuilt
        yield 4  # the save during the build is seen
        yield 5

    watch_loop(build_once, [str(watched)], poll=0, ticks=ticks())
    assert builds == ["one", "two!", "three"]


def test_the_loop_ends_at_its_next_look_once_it_is_told_to_stop(tmp_path: Path) -> None:
    # The flag set by the watch's Ctrl-C handler: it ends the loop even when the
    # KeyboardInterrupt itself was raised inside a finaliser and printed, not propagated.
    watched = tmp_path / "a.yaml"
    watched.write_text("one", encoding="utf-8")
    builds: list[str] = []
    stop: list[bool] = []

    def build_once() -> list[str]:
        builds.append(watched.read_text(encoding="utf-8"))
        watched.write_text(f"changed {len(builds)}", encoding="utf-8")  # always a change
        if len(builds) == 2:
            stop.append(True)
        return [str(watched)]

    watch_loop(
        build_once, [str(watched)], poll=0, ticks=iter(range(50)), stopped=lambda: bool(stop)
    )
    assert builds == ["one", "changed 1"]


def _wait_for(check, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_watch_rebuilds_on_save_and_reports_errors_without_stopping(tmp_path: Path) -> None:
    handout = tmp_path / "leaflet.yaml"
    handout.write_text(MINIMAL, encoding="utf-8")
    out, errors = tmp_path / "leaflet.pdf", tmp_path / "errors.txt"
    with errors.open("w") as err:
        watcher = subprocess.Popen(
            [sys.executable, "-m", "pdfbuilder", "watch", str(handout), "-o", str(out)],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )
    try:
        _wait_for(out.exists)
        first = out.stat().st_mtime_ns
        handout.write_text(MINIMAL.replace("title: A small", "title: [A small"), encoding="utf-8")
        _wait_for(lambda: "leaflet.yaml:" in errors.read_text(encoding="utf-8"))
        line = errors.read_text(encoding="utf-8").strip()
        assert line.count("\n") == 0 and "Traceback" not in line
        assert out.stat().st_mtime_ns == first  # the last good PDF is kept
        handout.write_text(MINIMAL.replace("A small test", "A changed test"), encoding="utf-8")
        _wait_for(lambda: out.stat().st_mtime_ns != first)
        assert watcher.poll() is None  # still watching
    finally:
        os.killpg(watcher.pid, signal.SIGINT)
        try:
            watcher.wait(timeout=20)
        except subprocess.TimeoutExpired:  # killed, so that no later test inherits it
            os.killpg(watcher.pid, signal.SIGKILL)
            watcher.wait(timeout=20)
            raise AssertionError("Ctrl-C did not stop the watch within 20 seconds") from None
    assert watcher.returncode == 0
