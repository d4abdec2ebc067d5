"""The tagging benchmark keeps working (its figures are not tested: see docs/accessibility.md)."""

from __future__ import annotations

from helpers import bench_json


def test_tagging_benchmark_runs_and_reports_its_ratio() -> None:
    results = bench_json("tagging_bench.py")
    leaflets = results.pop("leaflets")
    assert set(results) == {"untagged_ms", "tagged_ms", "finish_ms", "ratio", "best_ratio"}
    assert all(value > 0 for value in results.values())
    assert set(leaflets) == {"standard", "trifold", "large-print", "easy-read"}
    for figures in leaflets.values():
        assert set(figures) == {"untagged_ms", "tagged_ms", "ratio", "ratio_low", "ratio_high"}
        assert all(value > 0 for value in figures.values())
