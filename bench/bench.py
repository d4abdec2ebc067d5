"""Speed and memory of building the back-spasm leaflet, against plain ReportLab.

Run from the project root::

    .venv/bin/python bench/bench.py            # full run (about a minute)
    .venv/bin/python bench/bench.py --quick    # fewer repeats
    .venv/bin/python bench/bench.py --batch    # handout batch: 200 and 1,000 rows (batch_bench.py)
    .venv/bin/python bench/bench.py --batch --large   # and 10,000 rows

It measures, each beside the plain ReportLab baseline of ``bench/baseline.py`` in the same run:

- cold: the whole ``handout build`` process, start to exit (median of several runs);
- warm: per leaflet, building the leaflet 200 times in one process, from the YAML file to
  PDF bytes (every build reads, validates, composes and renders again);
- peak memory: the maximum resident set size of the warm process;
- booklet: a warm booklet build imposed on sheets, against the same pages unimposed (the
  baseline column), so the ratio is what imposing costs.

Targets on a 2-core machine: warm <= 12 ms, cold <= 220 ms, peak memory <= 80 MB, booklet
ratio <= 1.5.
Each measurement runs in its own fresh Python process, so one does not warm up another.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANDOUT = ROOT / "handouts" / "back-spasms.yaml"
TARGETS = {"warm_ms": 12.0, "cold_ms": 220.0, "peak_mb": 80.0, "booklet_ratio": 1.5}

WARM_OURS = """
import resource, sys, time
from pdfbuilder import build_pdf
path, n = sys.argv[1], int(sys.argv[2])
build_pdf(path)
t = time.perf_counter()
for _ in range(n):
    build_pdf(path)
ms = (time.perf_counter() - t) * 1000 / n
print(ms, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

WARM_BASE = """
import resource, sys, time
sys.path.insert(0, sys.argv[3])
import baseline, yaml
from pathlib import Path
path, n = Path(sys.argv[1]), int(sys.argv[2])
def once():
    return baseline.build(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
once()
t = time.perf_counter()
for _ in range(n):
    once()
ms = (time.perf_counter() - t) * 1000 / n
print(ms, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

WARM_BOOKLET = """
import sys, time
from pdfbuilder import build_pdf, load_handout, load_layout
handout, layout, n = load_handout(sys.argv[1]), load_layout("booklet"), int(sys.argv[2])
def best(impose):
    build_pdf(handout, layout, impose=impose)
    times = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            build_pdf(handout, layout, impose=impose)
        times.append((time.perf_counter() - t) * 1000 / n)
    return min(times)
print(best(True), best(False))
"""

# Installed packages carry compiled bytecode; let the project's own modules have it too
# (some shells set PYTHONDONTWRITEBYTECODE, which would make every cold start recompile).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(args: list[str]) -> str:
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True, env=ENV)
    return done.stdout


def warm(code: str, n: int) -> tuple[float, float]:
    """(ms per leaflet, peak MB) for ``n`` builds in one fresh process."""
    out = _run([sys.executable, "-c", code, str(HANDOUT), str(n), str(ROOT / "bench")])
    ms, mb = out.split()
    return float(ms), float(mb)


def cold(args: list[str], runs: int) -> float:
    """Median wall time in ms of a whole process, over ``runs`` runs (after one unmeasured)."""
    _run(args)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _run(args)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument(
        "--smoke", action="store_true", help="two repeats of everything: checks the script runs"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--batch", action="store_true", help="measure handout batch instead")
    parser.add_argument(
        "--large", action="store_true", help="with --batch: also 10,000 rows (a minute more)"
    )
    opts = parser.parse_args()
    if opts.batch:
        from batch_bench import main as batch_main  # bench/ is on the path when run as a script

        batch_main(opts.json, 10_000 if opts.large else 0)
        return
    n, runs = (2, 1) if opts.smoke else (50, 5) if opts.quick else (200, 15)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "leaflet.pdf")
        # The installed `handout` command, as a user runs it (python -m pdfbuilder without it).
        script = Path(sys.executable).with_name("handout")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "pdfbuilder"]
        cold_ours = cold([*command, "build", str(HANDOUT), "-o", out], runs)
        cold_base = cold([sys.executable, str(ROOT / "bench" / "baseline.py")], runs)
    warm_ours, peak_ours = warm(WARM_OURS, n)
    warm_base, peak_base = warm(WARM_BASE, n)
    booklet = [sys.executable, "-c", WARM_BOOKLET, str(HANDOUT), str(max(1, n // 10))]
    imposed, unimposed = map(float, _run(booklet).split())
    results = {
        "warm_ms": [warm_ours, warm_base],
        "cold_ms": [cold_ours, cold_base],
        "peak_mb": [peak_ours, peak_base],
        "booklet_ms": [imposed, unimposed],
    }
    if opts.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'measure':<10} {'handout':>9} {'plain RL':>9} {'ratio':>6} {'target':>8}")
    for key, (ours, base) in results.items():
        if key == "booklet_ms":  # its target is the ratio to the unimposed pages
            target, ok = TARGETS["booklet_ratio"], ours / base <= TARGETS["booklet_ratio"]
        else:
            target, ok = TARGETS[key], ours <= TARGETS[key]
        print(
            f"{key:<10} {ours:9.1f} {base:9.1f} {ours / base:6.2f} {target:8.1f} "
            f"{'ok' if ok else 'MISSED'}"
        )
    print(
        f"({n} warm builds; cold = median of {runs} runs; booklet: the plain RL column is "
        f"unimposed; Python {sys.version.split()[0]}, {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
