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
    if shutil.which("valgrind") is None:
        reason = "valgrind is not installed (Debian: apt-get install valgrind)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{reason}; CI must have it: .ci/run installs it")
        pytest.skip(reason)
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
