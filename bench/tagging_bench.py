"""What tagging costs: a warm build of a leaflet-like document, tagged and untagged.

Run from the project root::

    .venv/bin/python bench/tagging_bench.py            # 300 builds of each (about 30 s)
    .venv/bin/python bench/tagging_bench.py --quick    # 60 of each
    .venv/bin/python bench/tagging_bench.py --json     # the figures as JSON
    .venv/bin/python bench/tagging_bench.py --instructions  # counted, not timed (valgrind)

The document is the tagging tests' sample (tests/tagging/leaflet_sample.py): four A4 pages
with a title, sections whose paragraphs split across pages, two lists, a vector figure, a
photo, a table, a boxed section with a link, and a "Page X of Y" footer. Its paragraphs
are the project's caching ``Para`` (parse, line breaks and drawing remembered), so the
untagged build is as fast as a warm leaflet build gets and tagging's share is not flattered.

Then the real thing: the back-spasm leaflet built from its YAML file in the standard,
trifold, large-print and easy-read layouts, through ``build_pdf`` as ``handout build`` does
(read, validate, compose, render, and for the tagged build the marks and finishing pass),
tagged and untagged (``tagged=False``, as print-shop files are built).

``--handout FILE`` (or a shipped handout's id) measures another leaflet in the same four
layouts: what tagging costs depends on the content as much as on the layout (a leaflet
of ~200 structure elements and one of ~400 show about the same ratio;
docs/accessibility.md#cost, "Ninth round").

Tagged and untagged builds alternate in one process, after warming up; times are the
process's CPU time (``time.process_time``), so other work on a shared machine does not
count. The sample compares the medians; each leaflet's ratio is the median of the rounds'
ratios (a round: one tagged and one untagged build, in alternating order), with the middle
half of them in brackets. ``finish_ms`` is the finishing pass alone.
Target: tagged / untagged <= 1.15, for the sample and for each leaflet.

``--instructions`` counts instead of timing: each leaflet's warm builds run under
valgrind's cachegrind, in child processes with ``PYTHONHASHSEED=0``, and a build's count is
the difference between a run of ``1 + N`` builds and a run of one, over N (start-up, imports
and the warm-up builds cancel out, as long as no child compiles a module the other found
compiled: a child of each layout is run once uncounted first, to write the bytecode,
and counted children write none). The same code gives the same count to within about
0.1 % from run to run and machine to machine, where CPU time moves by a third between
minutes on a shared machine; the ratio of the counts is within a few hundredths of the
ratio of CPU times measured on a quiet machine (docs/accessibility.md#cost). Three kinds of
build are counted: untagged, tagged, and tagged without the finishing pass (``finish``
given back ReportLab's bytes unchanged), which splits what tagging adds into the finishing
pass and everything before it (structure nodes while composing, wrappers in layout, marks
while drawing). Needs ``valgrind`` (Debian's package of that name); about four minutes
(``--smoke``: the standard leaflet, one build counted, under a minute).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "tagging"))
sys.path.insert(0, str(ROOT))

TARGET = 1.15
HANDOUT = ROOT / "handouts" / "back-spasms.yaml"
LAYOUTS = ("standard", "trifold", "large-print", "easy-read")


def use_handout(ref: str) -> None:
    """Measure ``ref`` (a handout file, or a shipped handout's id) from now on, in place of
    the back-spasm leaflet; SystemExit with one line if there is no such handout or it
    does not validate. Counted children are given the same file (:func:`handout_args`)."""
    global HANDOUT
    from pdfbuilder.content.model import load_handout
    from pdfbuilder.content.shipped import handout_path
    from pdfbuilder.errors import HandoutError

    try:
        path = handout_path(ref)
        if str(path) == "-":
            raise HandoutError("a file or a shipped id, not standard input", field="--handout")
        load_handout(path)
    except HandoutError as error:
        raise SystemExit(f"--handout: {error}") from None
    HANDOUT = path.resolve()


def handout_args() -> list[str]:
    """The option that gives a child process the handout measured here."""
    return ["--handout", str(HANDOUT)]


def handout_name() -> str:
    """The measured handout as a report names it: relative to the project when inside it."""
    return str(HANDOUT.relative_to(ROOT)) if HANDOUT.is_relative_to(ROOT) else str(HANDOUT)


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


def warm_up(layout: str) -> None:
    """Three builds of ``layout`` of each kind, so fonts, figures and caches are warm."""
    from pdfbuilder import build_pdf

    for _ in range(3):
        build_pdf(HANDOUT, layout, tagged=False)
        build_pdf(HANDOUT, layout)


def measure_leaflets(n: int) -> dict[str, dict[str, float]]:
    """Median ms per warm ``build_pdf`` of the leaflet (:data:`HANDOUT`), untagged and tagged."""
    from pdfbuilder import build_pdf

    results: dict[str, dict[str, float]] = {}
    for layout in LAYOUTS:
        warm_up(layout)
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


#: What a counted child process builds: ``--count-child LAYOUT KIND N``.
KINDS = ("untagged", "tagged", "unfinished")
#: The total line of cachegrind's and callgrind's output files.
_TOTAL = re.compile(rb"^(?:summary|totals): (\d+)", re.MULTILINE)


def count_child(layout: str, kind: str, builds: int) -> None:
    """The counted process: warm builds of ``layout`` as :func:`measure_leaflets` makes
    them, then ``builds`` builds of ``kind`` (see the module docstring)."""
    from pdfbuilder import build_pdf, pipeline

    if kind not in KINDS or layout not in LAYOUTS:
        raise SystemExit(f"--count-child: a layout of {LAYOUTS} and a kind of {KINDS}")
    if kind == "unfinished":  # the tagged build up to the finishing pass, not through it
        pipeline.finish = lambda pdf, tree, recorder, **options: pdf  # type: ignore[assignment]
    warm_up(layout)
    for _ in range(builds):
        build_pdf(HANDOUT, layout, tagged=kind != "untagged")


#: What every counted child runs with: the same hash seed, and no bytecode written (see
#: :func:`_compile_first`).
_COUNTED_ENV = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}


def _compile_first(layouts: tuple[str, ...]) -> None:
    """Run a child of each layout once, uncounted, writing the bytecode of every module
    it imports, so no counted child compiles one. A module compiled from source costs its
    process far more than a build (the whole package: about 880 M instructions), and a
    count is the difference of two processes: when some other process (another test
    suite sharing the checkout, ``bench/bench.py``'s children) writes bytecode between the
    two, the difference is that compiling, not a build. CI once counted a tagged build
    31 M instructions short, and once a build without the finishing pass 806 M short."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    script = str(Path(__file__).resolve())
    for layout in layouts:  # its warm-up builds both kinds: every module a child imports
        command = [sys.executable, script, "--count-child", layout, "tagged", "0", *handout_args()]
        subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=300)


def _counted(layout: str, kind: str, builds: int, folder: str) -> int:
    """Instructions a whole child process ran (cachegrind's summary line)."""
    out = Path(folder, f"{layout}-{kind}-{builds}.out")
    tool = ["--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}"]
    script = str(Path(__file__).resolve())
    child = [script, "--count-child", layout, kind, str(builds), *handout_args()]
    return valgrind_count(tool, out, child, f"{layout} {kind}")


def valgrind_count(tool: list[str], out: Path, child: list[str], what: str) -> int:
    """The instructions valgrind (run with ``tool``'s options, writing ``out``) counted for
    the Python child process ``child`` (a script and its arguments), run as every counted
    child is (:data:`_COUNTED_ENV`); SystemExit with one line if it failed."""
    command = ["valgrind", *tool, sys.executable, *child]
    done = subprocess.run(command, cwd=ROOT, env=_COUNTED_ENV, capture_output=True, timeout=900)
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-3:]
        raise SystemExit(f"counting {what} failed: {' / '.join(tail)}")
    found = _TOTAL.search(out.read_bytes())
    if found is None:
        raise SystemExit(f"counting {what}: no total in valgrind's output")
    return int(found.group(1))


def count_leaflets(layouts: tuple[str, ...], builds: int) -> dict[str, dict[str, float]]:
    """Millions of instructions per warm build of each leaflet, by kind, and the ratio."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (Debian: apt-get install valgrind)")
    _compile_first(layouts)
    runs = [(layout, kind, n) for layout in layouts for kind in KINDS for n in (1, 1 + builds)]
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        counts = dict(zip(runs, pool.map(lambda run: _counted(*run, folder), runs), strict=True))
    results: dict[str, dict[str, float]] = {}
    for layout in layouts:
        per = {
            kind: (counts[layout, kind, 1 + builds] - counts[layout, kind, 1]) / builds / 1e6
            for kind in KINDS
        }
        results[layout] = {
            "untagged_M": per["untagged"],
            "tagged_M": per["tagged"],
            "ratio": per["tagged"] / per["untagged"],
            "finishing_M": per["tagged"] - per["unfinished"],
            "before_finishing_M": per["unfinished"] - per["untagged"],
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
    parser.add_argument(
        "--rounds",
        type=int,
        help="rounds of each leaflet (default 40); with --instructions, builds counted (8)",
    )
    parser.add_argument("--leaflets-only", action="store_true", help="skip the sample")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions (valgrind) instead"
    )
    parser.add_argument(
        "--handout", help="a handout file or shipped id (default: handouts/back-spasms.yaml)"
    )
    parser.add_argument("--count-child", nargs=3, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.handout is not None:
        use_handout(opts.handout)
    if opts.count_child:
        layout, kind, builds = opts.count_child
        count_child(layout, kind, int(builds))
        return
    if opts.instructions:
        report_counts(opts)
        return
    n = 3 if opts.smoke else 60 if opts.quick else 300
    rounds = opts.rounds or (2 if opts.smoke else 10 if opts.quick else 40)
    if opts.leaflets_only:
        print(f"leaflet: {handout_name()}")
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
    print(f"leaflet: {handout_name()}")
    for layout, ms in leaflets.items():
        verdict = "ok" if ms["ratio"] <= TARGET else "MISSED"
        print(
            f"{layout:12} untagged {ms['untagged_ms']:6.2f} ms, tagged {ms['tagged_ms']:6.2f} ms,"
            f" ratio {ms['ratio']:5.3f} [{ms['ratio_low']:5.3f}-{ms['ratio_high']:5.3f}]"
            f" ({verdict})"
        )


def report_counts(opts: argparse.Namespace) -> None:
    """``--instructions``: the counts, as JSON or a table (smoke: the standard leaflet, one
    build of each kind)."""
    layouts = LAYOUTS[:1] if opts.smoke else LAYOUTS
    builds = 1 if opts.smoke else opts.rounds or 8
    counts = count_leaflets(layouts, builds)
    if opts.json:
        print(json.dumps(counts, indent=2))
        return
    print(
        f"instructions per warm build of {handout_name()}, millions"
        f" (cachegrind, {builds} builds of each kind)"
    )
    for layout, c in counts.items():
        verdict = "ok" if c["ratio"] <= TARGET else "MISSED"
        print(
            f"{layout:12} untagged {c['untagged_M']:6.2f}, tagged {c['tagged_M']:6.2f},"
            f" ratio {c['ratio']:5.3f} ({verdict}); tagging adds"
            f" {c['tagged_M'] - c['untagged_M']:5.2f}: {c['before_finishing_M']:5.2f} before"
            f" the finishing pass, {c['finishing_M']:5.2f} in it"
            f" (at {TARGET}: {c['untagged_M'] * (TARGET - 1):5.2f} in all)"
        )


if __name__ == "__main__":
    main()
