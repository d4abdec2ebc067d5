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

Then the real thing: the back-spasm leaflet built from its YAML file in the standard,
trifold, large-print and easy-read layouts, through ``build_pdf`` as ``handout build`` does
(read, validate, compose, render, and for the tagged build the marks and finishing pass),
tagged and untagged (``tagged=False``, as print-shop files are built).

Tagged and untagged builds alternate in one process, after warming up; times are the
process's CPU time (``time.process_time``), so other work on a shared machine does not
count. The sample compares the medians; each leaflet's ratio is the median of the rounds'
ratios (a round: one tagged and one untagged build, in alternating order), with the middle
half of them in brackets. ``finish_ms`` is the finishing pass alone.
Target: tagged / untagged <= 1.15, for the sample and for each leaflet.
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
HANDOUT = ROOT / "handouts" / "back-spasms.yaml"
LAYOUTS = ("standard", "trifold", "large-print", "easy-read")


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


def measure_leaflets(n: int) -> dict[str, dict[str, float]]:
    """Median ms per warm ``build_pdf`` of the back-spasm leaflet, untagged and tagged."""
    from pdfbuilder import build_pdf

    results: dict[str, dict[str, float]] = {}
    for layout in LAYOUTS:
        for _ in range(3):  # warm: fonts, figures, caches
            build_pdf(HANDOUT, layout, tagged=False)
            build_pdf(HANDOUT, layout)
        times: dict[bool, list[float]] = {False: [], True: []}
        ratios = []
        for i in range(n):
            for tag in (False, True) if i % 2 else (True, False):
                start = time.process_time()
                build_pdf(HANDOUT, layout, tagged=tag)
                times[tag].append(time.process_time() - start)
            ratios.append(times[True][-1] / times[False][-1])  # this round's pair
        plain, tagged = statistics.median(times[False]), statistics.median(times[True])
        low, _, high = statistics.quantiles(ratios, n=4) if n > 1 else (ratios[0],) * 3
        results[layout] = {
            "untagged_ms": plain * 1000,
            "tagged_ms": tagged * 1000,
            "ratio": statistics.median(ratios),
            "ratio_low": low,
            "ratio_high": high,
        }
    return results


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
    parser.add_argument("--rounds", type=int, help="rounds of each leaflet (default 40)")
    parser.add_argument("--leaflets-only", action="store_true", help="skip the sample")
    opts = parser.parse_args()
    n = 3 if opts.smoke else 60 if opts.quick else 300
    rounds = opts.rounds or (2 if opts.smoke else 10 if opts.quick else 40)
    if opts.leaflets_only:
        for layout, ms in measure_leaflets(rounds).items():
            print(f"{layout:12} {json.dumps(ms)}")
        return
    sample = measure(n)
    leaflets = measure_leaflets(rounds)
    if opts.json:
        print(json.dumps({**sample, "leaflets": leaflets}, indent=2))
        return
    verdict = "ok" if sample["ratio"] <= TARGET else "MISSED"
    print(f"sample: untagged {sample['untagged_ms']:6.2f} ms, tagged {sample['tagged_ms']:6.2f} ms")
    print(f"finish    {sample['finish_ms']:6.2f} ms (the finishing pass alone)")
    print(f"ratio     {sample['ratio']:6.3f}  (target <= {TARGET}: {verdict}; median of {n})")
    print(f"best      {sample['best_ratio']:6.3f}  (fastest tagged / fastest untagged)")
    for layout, ms in leaflets.items():
        verdict = "ok" if ms["ratio"] <= TARGET else "MISSED"
        print(
            f"{layout:12} untagged {ms['untagged_ms']:6.2f} ms, tagged {ms['tagged_ms']:6.2f} ms,"
            f" ratio {ms['ratio']:5.3f} [{ms['ratio_low']:5.3f}-{ms['ratio_high']:5.3f}]"
            f" ({verdict})"
        )


if __name__ == "__main__":
    main()
