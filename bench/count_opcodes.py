"""Where tagging's extra work goes, function by function: bytecodes counted, in seconds.

Run from the project root::

    .venv/bin/python bench/count_opcodes.py                      # standard, top 30
    .venv/bin/python bench/count_opcodes.py --layout easy-read --top 60
    .venv/bin/python bench/count_opcodes.py --json               # every function, as JSON
    .venv/bin/python bench/count_opcodes.py --handout neck-pain  # another leaflet

One warm tagged and one warm untagged build of the back-spasm leaflet (or ``--handout``'s),
as ``bench/tagging_bench.py`` builds it after its warm-up, each under a tracer that counts
the Python bytecodes every function runs (``sys.settrace`` with opcode events). Printed:
the totals, the functions whose count the tagged build raised most, tagged minus
untagged, with both counts, and the few it lowered most. A function's ``<listcomp>`` or
``<genexpr>`` is its own line.

What it is for: finding which Python code tagging adds, all of it in one run of a few
seconds. ``bench/count_inside.py`` counts the machine instructions inside one function
(C work included, about a minute each) and ``bench/tagging_bench.py --instructions`` the
whole build's (the figure item 7 of the tagging issue is judged by); bytecodes are a
proxy for both: a ``CALL`` costs far more than a ``LOAD_FAST``, and work done in C
(ReportLab's accelerators, compression, ``str.join``) counts as the one bytecode that
called it. On the back-spasm leaflet, 3 December 2026, the tagged build's extra bytecodes
ran about 70-75 instructions each. Count a change's instructions before keeping it: six
attribute tests in ``Tree.objects`` made one ``operator.attrgetter`` call ran 4,100
bytecodes fewer a build and 0.56 M instructions more (the getter reads each slot the
generic way and makes a tuple; the bytecodes it replaced were specialised slot reads).

The counts do not depend on the machine or its load. They depend on the order of sets and
dictionaries of strings, so the script runs itself again with ``PYTHONHASHSEED=0`` when
the seed is not fixed: then two runs of the same code give the same counts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import tagging_bench  # noqa: E402 (after the path is set)

#: A function: its file (relative to the project or to site-packages), first line, name.
Key = tuple[str, int, str]


def _where(filename: str) -> str:
    path = Path(filename)
    packages = [Path(p) for p in sys.path if p.endswith("site-packages")]
    for base in (*packages, ROOT):  # (the virtualenv's packages may lie inside the project)
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return filename


def count(build: Callable[[], Any]) -> Counter[Key]:
    """The bytecodes each function ran while ``build()`` ran (in this thread)."""
    counts: Counter[Key] = Counter()
    keys: dict[Any, Key] = {}  # code object -> key, worked out once

    def per_frame(frame: FrameType, event: str, arg: Any) -> Any:
        frame.f_trace_opcodes = True
        code = frame.f_code
        key = keys.get(code)
        if key is None:
            key = keys[code] = (_where(code.co_filename), code.co_firstlineno, code.co_qualname)

        def per_opcode(frame: FrameType, event: str, arg: Any) -> Any:
            if event == "opcode":
                counts[key] += 1
            return per_opcode

        return per_opcode

    sys.settrace(per_frame)
    try:
        build()
    finally:
        sys.settrace(None)
    return counts


def compare(layout: str) -> dict[str, Any]:
    """Bytecodes of one warm tagged and one warm untagged build of ``layout``, by function."""
    from pdfbuilder import build_pdf

    if layout not in tagging_bench.LAYOUTS:
        raise SystemExit(f"--layout: one of {', '.join(tagging_bench.LAYOUTS)}")
    tagging_bench.warm_up(layout)
    tagged = count(lambda: build_pdf(tagging_bench.HANDOUT, layout))
    untagged = count(lambda: build_pdf(tagging_bench.HANDOUT, layout, tagged=False))
    rows: list[dict[str, Any]] = [
        {
            "function": f"{where}:{line} {name}",
            "tagged": tagged[key],
            "untagged": untagged[key],
            "added": tagged[key] - untagged[key],
        }
        for key in tagged.keys() | untagged.keys()
        for where, line, name in [key]
    ]
    rows.sort(key=lambda row: (-row["added"], row["function"]))
    total_tagged, total_untagged = sum(tagged.values()), sum(untagged.values())
    return {
        "handout": tagging_bench.handout_name(),
        "layout": layout,
        "tagged": total_tagged,
        "untagged": total_untagged,
        "added": total_tagged - total_untagged,
        "functions": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", default="standard", help="a built-in layout (standard)")
    parser.add_argument("--top", type=int, default=30, help="functions printed (30)")
    parser.add_argument("--json", action="store_true", help="every function, as JSON")
    parser.add_argument("--handout", help="a handout file or shipped id (back-spasms)")
    opts = parser.parse_args()
    if opts.handout is not None:
        tagging_bench.use_handout(opts.handout)
    result = compare(opts.layout)
    if opts.json:
        print(json.dumps(result))
        return
    added, untagged = result["added"], result["untagged"]
    print(
        f"{result['handout']}, {opts.layout}: {result['tagged']:,} bytecodes tagged, "
        f"{untagged:,} untagged, {added:,} added ({added / untagged:.0%})"
    )
    print(f"{'added':>9} {'tagged':>9} {'untagged':>9}  function")
    rows = result["functions"]
    for row in rows[: max(opts.top, 0)]:
        print(f"{row['added']:9,} {row['tagged']:9,} {row['untagged']:9,}  {row['function']}")
    fewer = [row for row in rows[::-1][:5] if row["added"] < 0]
    if fewer:  # what tagging saved (a wrapper's shortcut doing what a paragraph did)
        print("fewer when tagged:")
        for row in fewer:
            print(f"{row['added']:9,} {row['tagged']:9,} {row['untagged']:9,}  {row['function']}")


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":  # the same order of sets, run to run
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, *sys.argv], env)
    os.chdir(ROOT)
    main()
