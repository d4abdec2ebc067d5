"""The tagging benchmark keeps working (its figures are not tested: see docs/accessibility.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from helpers import ROOT, bench_json


def test_tagging_benchmark_runs_and_reports_its_ratio() -> None:
    results = bench_json("tagging_bench.py")
    leaflets = results.pop("leaflets")
    assert set(results) == {"untagged_ms", "tagged_ms", "finish_ms", "ratio", "best_ratio"}
    assert all(value > 0 for value in results.values())
    assert set(leaflets) == {"standard", "trifold", "large-print", "easy-read"}
    for figures in leaflets.values():
        assert set(figures) == {"untagged_ms", "tagged_ms", "ratio", "ratio_low", "ratio_high"}
        assert all(value > 0 for value in figures.values())


def test_counted_child_builds_every_kind() -> None:
    """What --instructions runs under valgrind: warm builds of each kind, exit 0."""
    for kind in ("untagged", "tagged", "unfinished"):
        done = subprocess.run(
            [sys.executable, "bench/tagging_bench.py", "--count-child", "standard", kind, "1"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""


def test_counted_child_refuses_a_kind_it_does_not_know() -> None:
    """A mistyped kind is refused, not counted as a tagged build under another name."""
    done = subprocess.run(
        [sys.executable, "bench/tagging_bench.py", "--count-child", "standard", "taged", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "--count-child: a layout of ('standard', 'trifold', 'large-print', 'easy-read') and "
        "a kind of ('untagged', 'tagged', 'unfinished')"
    ]


def test_instruction_counts_split_what_tagging_adds() -> None:
    """--instructions under valgrind (CI installs it): the standard leaflet's counts, and
    the finishing pass and what comes before it adding up to what tagging adds."""
    _valgrind_or_skip()
    done = subprocess.run(
        [sys.executable, "bench/tagging_bench.py", "--instructions", "--smoke", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    counts = json.loads(done.stdout)
    assert set(counts) == {"standard"}
    c = counts["standard"]
    assert set(c) == {"untagged_M", "tagged_M", "ratio", "finishing_M", "before_finishing_M"}
    # A warm standard build is tens of millions of instructions, tagged more than untagged;
    # the two parts are each real work, and together they are the difference.
    assert 10 < c["untagged_M"] < c["tagged_M"] < 3 * c["untagged_M"]
    assert c["ratio"] == pytest.approx(c["tagged_M"] / c["untagged_M"])
    assert c["finishing_M"] > 0.5 and c["before_finishing_M"] > 0.5
    added = c["tagged_M"] - c["untagged_M"]
    assert c["finishing_M"] + c["before_finishing_M"] == pytest.approx(added)


def _valgrind_or_skip() -> None:
    if shutil.which("valgrind") is None:
        reason = "valgrind is not installed (Debian: apt-get install valgrind)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{reason}; CI must have it: .ci/run installs it")
        pytest.skip(reason)


FINISH = ["pdfbuilder.tagging.finishing:finish"]


def test_counting_inside_the_finishing_pass() -> None:
    """bench/count_inside.py under valgrind: the finishing pass of a warm tagged standard
    build is millions of instructions, a part of the whole build (tens of millions)."""
    _valgrind_or_skip()
    done = subprocess.run(
        [sys.executable, "bench/count_inside.py", *FINISH, "--builds", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    line = done.stdout.strip()
    assert line.startswith("pdfbuilder.tagging.finishing:finish: "), line
    assert line.endswith(" M instructions a warm tagged standard build"), line
    assert 1 < float(line.split()[1]) < 30


def test_counting_inside_replaces_every_name_the_function_goes_by(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The wrapper takes the function's place in its module and in every module that
    imported it by name (the pipeline calls ``finish`` by its own name), and calls it."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import count_inside
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from pdfbuilder import pipeline
    from pdfbuilder.tagging import finishing, marks

    monkeypatch.setattr(finishing, "finish", finishing.finish)  # restored afterwards
    monkeypatch.setattr(pipeline, "finish", pipeline.finish)
    monkeypatch.setattr(marks.Recorder, "end", marks.Recorder.end)
    original = finishing.finish
    assert count_inside.wrap("pdfbuilder.tagging.finishing:finish") >= 2
    assert finishing.finish is pipeline.finish and finishing.finish is not original
    assert count_inside.wrap("pdfbuilder.tagging.marks:Recorder.end") == 1
    from pdfbuilder import build_pdf
    from pdfbuilder.check.pdfua import check_pdfua

    assert check_pdfua(build_pdf(ROOT / "handouts" / "back-spasms.yaml")) == []


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("nope:x", "nope:x: no module nope"),
        ("pdfbuilder.tagging.marks:Nothing.end", "has no class Nothing"),
        ("pdfbuilder.tagging.marks:Recorder.nothing", "not a plain Python function"),
        ("pdfbuilder.tagging.marks", "give module:function or module:Class.method"),
    ],
)
def test_counting_inside_refuses_what_it_cannot_find(target: str, says: str) -> None:
    done = subprocess.run(
        [sys.executable, "bench/count_inside.py", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], done.stderr
