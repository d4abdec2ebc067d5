"""Bounded work: how long a huge paragraph or title takes, before and after the limits.

Run from the project root::

    .venv/bin/python bench/limits_bench.py           # full run (about a minute)
    .venv/bin/python bench/limits_bench.py --smoke   # the small sizes only
    .venv/bin/python bench/limits_bench.py --json    # the figures as JSON

Everything is measured in the same process beside a baseline measured in the same run (the
small test handout, built to PDF), and reported as a ratio to it, so the figures compare
across machines:

- **after**: a paragraph of 100 KB and of 1 MB, and a 50 MB title, given to the tool as a
  file, as YAML text and as a handout made in Python. Each is refused with its limit
  message; the time to refuse grows in proportion to the length (1 MB / 100 KB is about
  10), and even 1 MB is refused in about the time of one small build.
- **before**: the same paragraph laid out with the limits switched off (the build's check
  replaced by nothing), at 10, 20 and 40 KB (and 80 KB in a full run). ReportLab lays a
  paragraph out again on each page it runs onto, so each doubling costs about three to
  four times as much (in a full run, also 80 and 160 KB); the 1 MB figure is extrapolated
  from the largest size measured with the growth measured between the two largest, and
  as the square of the length (the issue's 1 MB paragraph took more than 20 minutes).
- **inside the limits**: handouts holding 10,000 and 90,000 characters of paragraphs of
  up to 3,000 characters (the longest allowed): nine times the content takes at most about
  nine times as long (a square would be 81 times).

No figure here is asserted by a test (``tests/test_bench.py`` only checks that the script
runs); ``docs/security.md`` gives the figures of a run.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import json
import math
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfbuilder.pipeline as pipeline
from pdfbuilder import HandoutError, build_pdf, handout_from_text, load_handout
from pdfbuilder.content.model import Handout, Paragraph, Section

ROOT = Path(__file__).resolve().parent.parent

MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"
SENTENCE = "Walk a little every day. "  # 25 characters


def _seconds(action: Callable[[], Any], repeats: int = 3) -> float:
    """The median time of ``action`` (an action that is refused counts as done)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        with contextlib.suppress(HandoutError):
            action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _with_paragraph(handout: Handout, length: int) -> Handout:
    section = dataclasses.replace(
        handout.sections[0], body=(Paragraph((SENTENCE * (length // 25 + 1))[:length]),)
    )
    return dataclasses.replace(handout, sections=(section,))


def _with_paragraphs(handout: Handout, total: int) -> Handout:
    """The handout with ``total`` characters of text in paragraphs of 3,000 (the limit)."""
    texts = [(SENTENCE * 120)[:3000]] * (total // 3000)
    texts += [(SENTENCE * 120)[: total % 3000]] if total % 3000 else []
    sections = tuple(
        Section(heading=f"Part {n + 1}", body=tuple(Paragraph(t) for t in texts[n : n + 5]))
        for n in range(0, len(texts), 5)
    )
    return dataclasses.replace(handout, sections=sections)


def _refused(action: Callable[[], Any]) -> str:
    try:
        action()
    except HandoutError as exc:
        return str(exc)
    raise AssertionError("the tool did not refuse it")


def after(base: float, small: Handout, folder: Path) -> dict[str, float]:
    text = MINIMAL.read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for name, length in (("100kb", 100_000), ("1mb", 1_000_000)):
        yaml_text = text.replace("- A short paragraph.", "- " + (SENTENCE * (length // 25)))
        from_text = functools.partial(handout_from_text, yaml_text)
        _refused(from_text)
        out[f"paragraph_{name}_text"] = _seconds(from_text)
        made = functools.partial(build_pdf, _with_paragraph(small, length))
        _refused(made)
        out[f"paragraph_{name}_python"] = _seconds(made)
    big_file = folder / "title.yaml"
    big_file.write_text("schema: 1\ntitle: " + "x" * 50_000_000 + "\n", encoding="utf-8")
    _refused(lambda: load_handout(big_file))
    out["title_50mb_file"] = _seconds(lambda: load_handout(big_file))
    titled = dataclasses.replace(small, title="Lift " * 10_000_000)
    _refused(lambda: build_pdf(titled))
    out["title_50mb_python"] = _seconds(lambda: build_pdf(titled))
    out["paragraph_1mb_vs_100kb_text_ratio"] = (
        out["paragraph_1mb_text"] / out["paragraph_100kb_text"]
    )
    return {**out, **{f"{k}_ratio": v / base for k, v in list(out.items()) if "ratio" not in k}}


def before(base: float, small: Handout, sizes: list[int]) -> dict[str, float]:
    """Paragraphs laid out with the build's limit check switched off."""
    saved = pipeline.check_bounded
    pipeline.check_bounded = lambda *_args: None
    try:
        out = {}
        for size in sizes:
            made = functools.partial(build_pdf, _with_paragraph(small, size))
            out[f"paragraph_{size // 1000}kb"] = _seconds(made, repeats=1)
    finally:
        pipeline.check_bounded = saved
    largest = sizes[-1]
    measured = out[f"paragraph_{largest // 1000}kb"]
    out["doubling_ratio"] = measured / out[f"paragraph_{sizes[-2] // 1000}kb"]
    out["exponent"] = math.log2(out["doubling_ratio"])  # time ~ length ** exponent
    # At least the measured growth (it still rises with the length), at most the square.
    out["paragraph_1mb_extrapolated"] = measured * (1_000_000 / largest) ** out["exponent"]
    out["paragraph_1mb_extrapolated_square"] = measured * (1_000_000 / largest) ** 2
    return {**out, **{f"{k}_ratio": v / base for k, v in list(out.items()) if "kb" in k}}


def inside(base: float, small: Handout) -> dict[str, float]:
    ten, ninety = _with_paragraphs(small, 10_000), _with_paragraphs(small, 90_000)
    out = {"content_10k": _seconds(lambda: build_pdf(ten))}
    out["content_90k"] = _seconds(lambda: build_pdf(ninety))
    # Nine times the content: about nine times the time at most (a fixed part does not
    # grow), where a time that grew with the square of the content would be 81 times.
    out["content_90k_vs_10k_ratio"] = out["content_90k"] / out["content_10k"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="small sizes only: the script runs")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    small = load_handout(MINIMAL)
    build_pdf(small)  # warm: fonts, ReportLab's speed-ups
    base = _seconds(lambda: build_pdf(small), repeats=5)
    with tempfile.TemporaryDirectory() as folder:
        results: dict[str, Any] = {"baseline_build": base}
        results["after"] = after(base, small, Path(folder))
    sizes = [10_000, 20_000] if args.smoke else [10_000, 20_000, 40_000, 80_000, 160_000]
    results["before"] = before(base, small, sizes)
    results["inside"] = inside(base, small)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"baseline: the small handout built in {base * 1000:.0f} ms")
    for group in ("after", "before", "inside"):
        for key, value in results[group].items():
            unit = "" if "ratio" in key or key == "exponent" else " s"
            print(f"{group:7} {key:34} {value:10.3f}{unit}")


if __name__ == "__main__":
    main()
