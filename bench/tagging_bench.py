"""What tagging costs: a warm build of a leaflet-like document, tagged and untagged.

Run from the project root::

    .venv/bin/python bench/tagging_bench.py            # 300 builds of each (about 30 s)
    .venv/bin/python bench/tagging_bench.py --quick    # 60 of each
    .venv/bin/python bench/tagging_bench.py --json     # the figures as JSON

The document is the tagging tests' sample (tests/tagging/leaflet_sample.py): four A4 pages
with a title, sections whose paragraphs split across pages, two lists, a vector figure, a
photo, a table, a boxed section with a link, and a "Page X of Y" footer. Its paragraphs
are the project's caching ``Para`` (parse, line breaks and drawing remembered), so the
untagged build is as fast as a warm leaflet build gets and tagging's share is not flattered.

Tagged and untagged builds alternate in one process, after warming up; times are the
process's CPU time (``time.process_time``), so other work on a shared machine does not
count, and the medians are compared. ``finish_ms`` is the finishing pass alone.
Target: tagged / untagged <= 1.15.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "tagging"))
sys.path.insert(0, str(ROOT))

TARGET = 1.15


def measure(n: int) -> dict[str, float]:
    """Median ms per build, untagged and tagged, and of the finishing pass alone."""
    import leaflet_sample

    from pdfbuilder import _rl, tagging
    from pdfbuilder.text.para import Para

    _rl.install()  # the paragraph cache and replay, as a leaflet build has them
    leaflet_sample.PARAGRAPH[0] = Para
    for _ in range(5):  # warm: fonts, caches, imports
        leaflet_sample.build_leaflet(tagged=False)
        leaflet_sample.build_leaflet()
    times: dict[bool, list[float]] = {False: [], True: []}
    for i in range(n):
        for tag in (False, True) if i % 2 else (True, False):  # neither always goes first
            start = time.process_time()
            leaflet_sample.build_leaflet(tagged=tag)
            times[tag].append(time.process_time() - start)
    plain, tagged = times[False], times[True]
    sample = leaflet_sample.build_leaflet()
    untagged_pdf = _untagged_bytes(sample)
    finish = []
    for _ in range(n):
        start = time.process_time()
        tagging.finish(untagged_pdf, sample.root, sample.recorder)
        finish.append(time.process_time() - start)
    ms = {
        "untagged_ms": statistics.median(plain) * 1000,
        "tagged_ms": statistics.median(tagged) * 1000,
        "finish_ms": statistics.median(finish) * 1000,
    }
    ms["ratio"] = ms["tagged_ms"] / ms["untagged_ms"]
    ms["best_ratio"] = min(tagged) / min(plain)
    return ms


def _untagged_bytes(sample: object) -> bytes:
    """The tagged sample's bytes before the finishing pass (its first %%EOF)."""
    pdf: bytes = sample.pdf  # type: ignore[attr-defined]
    end = pdf.index(b"%%EOF") + len(b"%%EOF\n")
    return pdf[:end]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="60 builds of each")
    parser.add_argument("--smoke", action="store_true", help="3 builds: checks the script runs")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    opts = parser.parse_args()
    n = 3 if opts.smoke else 60 if opts.quick else 300
    results = measure(n)
    if opts.json:
        print(json.dumps(results, indent=2))
        return
    verdict = "ok" if results["ratio"] <= TARGET else "MISSED"
    print(f"untagged  {results['untagged_ms']:6.2f} ms per build")
    print(f"tagged    {results['tagged_ms']:6.2f} ms per build")
    print(f"finish    {results['finish_ms']:6.2f} ms (the finishing pass alone)")
    print(f"ratio     {results['ratio']:6.3f}  (target <= {TARGET}: {verdict}; median of {n})")
    print(f"best      {results['best_ratio']:6.3f}  (fastest tagged / fastest untagged)")


if __name__ == "__main__":
    main()
