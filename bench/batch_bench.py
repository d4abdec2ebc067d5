"""Batch printing: time and peak memory of ``handout batch`` for 200 and 1,000 patients.

Run from the project root (or as ``bench/bench.py --batch``)::

    .venv/bin/python bench/batch_bench.py            # 200 and 1,000 rows
    .venv/bin/python bench/batch_bench.py --large    # and 10,000 rows (about a minute more)

Each run is a fresh ``handout batch`` process building the back-spasm leaflet with the example
clinic profile, one PDF per row (each row: a name, a clinician, dates, a note and three chosen
exercises with doses). Peak memory is the largest memory of the whole process tree (the
command and its workers), sampled every 50 ms from ``/proc`` (Linux): the sum of their
proportional set sizes, so pages the forked workers share with the command count once.

Targets on a 2-core machine: 1,000 rows in at most 8 s; the peak for 1,000 rows no more than
10 % above the peak for 200 rows (memory must not grow with the number of rows).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANDOUT = ROOT / "handouts" / "back-spasms.yaml"
CLINIC = ROOT / "examples" / "clinic.yaml"
EXERCISES = ["knee-to-chest", "pelvic-tilt", "bridge", "cat-cow", "lower-trunk-rotation"]
TARGET_S = 8.0
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def write_csv(path: Path, rows: int) -> None:
    """``rows`` made-up patients, each with three exercises and their own doses."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["file", "patient", "clinician", "date", "follow_up", "note", "exercises"])
        for i in range(rows):
            chosen = [EXERCISES[(i + k) % len(EXERCISES)] for k in range(3)]
            exercises = f"{chosen[0]}:reps={5 + i % 10},per-day=2; {chosen[1]}; {chosen[2]}:hold=10"
            out.writerow(
                [
                    f"P{i:05d}",
                    f"Test Patient {i}",
                    "Sam Patel",
                    "2026-03-02",
                    "2026-03-16",
                    f"Walk for {5 + i % 20} minutes twice a day.",
                    exercises,
                ]
            )


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            tree.setdefault(parent, []).append(int(entry))
    return tree


def _resident(pid: int) -> int:
    """Bytes of memory ``pid`` holds: its proportional set size where Linux gives it (pages
    shared with other processes, such as forked workers' copy of the parent, counted once
    across them), else its resident set size."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


def tree_memory(pid: int) -> int:
    """Bytes held by ``pid`` and all its descendants (see :func:`_resident`)."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        current = todo.pop()
        total += _resident(current)
        todo.extend(tree.get(current, []))
    return total


def run(rows: int) -> tuple[float, float]:
    """(seconds, peak MB of the process tree) for one batch of ``rows`` rows."""
    with tempfile.TemporaryDirectory() as tmp:
        people, out = Path(tmp) / "people.csv", Path(tmp) / "out"
        out.mkdir()
        write_csv(people, rows)
        args = [sys.executable, "-m", "pdfbuilder", "batch", str(HANDOUT), str(people)]
        args += ["--clinic", str(CLINIC), "-o", str(out)]
        start = time.perf_counter()
        with subprocess.Popen(args, cwd=ROOT, env=ENV, stderr=subprocess.PIPE) as process:
            peak = 0
            while process.poll() is None:
                peak = max(peak, tree_memory(process.pid))
                time.sleep(0.05)
            seconds = time.perf_counter() - start
            errors = process.stderr.read().decode() if process.stderr else ""
        if process.returncode != 0:
            raise SystemExit(errors or "failed")
        assert len(list(out.iterdir())) == rows
    return seconds, peak / 2**20


def main(as_json: bool = False, large: int = 0) -> None:
    """Measure 200 and 1,000 rows (and ``large`` rows, if given) against the targets."""
    small_s, small_mb = run(200)
    big_s, big_mb = run(1000)
    results: dict[str, float | int | None] = {
        "batch_200_s": round(small_s, 2),
        "batch_1000_s": round(big_s, 2),
        "peak_tree_mb_200": round(small_mb, 1),
        "peak_tree_mb_1000": round(big_mb, 1),
        "cores": os.cpu_count(),
    }
    if large:
        large_s, large_mb = run(large)
        results |= {"large_rows": large, "large_s": round(large_s, 2)}
        results["peak_tree_mb_large"] = round(large_mb, 1)
    if as_json:
        print(json.dumps(results, indent=2))
        return
    ok = "ok" if big_s <= TARGET_S else "MISSED"
    print(
        f"batch 1000 rows  {big_s:6.2f} s   (200 rows {small_s:.2f} s)  target {TARGET_S:g} s {ok}"
    )
    grow = "ok" if big_mb <= small_mb * 1.1 else "GROWS"
    print(f"peak tree memory {big_mb:6.1f} MB  (200 rows {small_mb:.1f} MB)  {grow}")
    if large:
        grow = "ok" if large_mb <= small_mb * 1.1 else "GROWS"
        print(f"{large} rows      {large_s:6.2f} s   peak tree memory {large_mb:.1f} MB  {grow}")
    print(f"({os.cpu_count()} cores, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main("--json" in sys.argv, 10_000 if "--large" in sys.argv else 0)
