"""The benchmark script keeps working (its numbers are not tested: see docs/performance.md)."""

from __future__ import annotations

import sys

from helpers import ROOT, bench_json


def test_benchmark_runs_and_reports_every_measure() -> None:
    results = bench_json("bench.py")
    assert set(results) == {"warm_ms", "cold_ms", "peak_mb", "booklet_ms"}
    for ours, baseline in results.values():
        assert ours > 0 and baseline > 0


def test_batch_benchmark_runs_a_real_batch_and_measures_its_memory() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import batch_bench
    finally:
        sys.path.remove(str(ROOT / "bench"))
    seconds, peak_mb = batch_bench.run(8)  # asserts that every row's PDF was written
    assert seconds > 0
    assert 20 < peak_mb < 1000  # a Python process tree with ReportLab loaded, in MB


def test_limits_benchmark_runs_and_reports_before_and_after() -> None:
    results = bench_json("limits_bench.py")
    assert set(results) == {"baseline_build", "after", "before", "inside"}
    assert {"paragraph_1mb_text", "title_50mb_file", "title_50mb_python"} <= set(results["after"])
    assert {"paragraph_10kb", "paragraph_1mb_extrapolated"} <= set(results["before"])
    assert results["before"]["paragraph_10kb"] > 0 and results["after"]["paragraph_1mb_text"] > 0
