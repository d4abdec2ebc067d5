"""Instructions a warm leaflet build spends inside one function, counted (callgrind).

Run from the project root::

    .venv/bin/python bench/count_inside.py pdfbuilder.tagging.structure:adopt
    .venv/bin/python bench/count_inside.py pdfbuilder.tagging.marks:Recorder.begin \
        --layout easy-read
    .venv/bin/python bench/count_inside.py pdfbuilder.text.rtl:RtlPara.wrap --untagged --builds 4

``bench/tagging_bench.py --instructions`` says how much tagging adds to a build; this says
where inside the build it goes, one function at a time, to the same precision (the count
does not move with the machine's load). The back-spasm leaflet (or ``--handout``'s) is
built as ``tagging_bench`` builds it (warm, ``PYTHONHASHSEED=0``, no bytecode written), in child
processes under valgrind's callgrind.

How: after the warm-up builds, the function is replaced (in its module or class, and in
every loaded module that imported it by name) by one that calls it through
``operator.call``, and callgrind collects only while that C function is on the stack
(``--toggle-collect``): everything the function runs, Python or C, down to the garbage
collector's passes it happens to trigger, and nothing else. A build's figure is the
difference between a run of ``1 + N`` builds and a run of one, over N. The wrapper's own
call is counted too (a few hundred instructions a call): a function called thousands of
times a build is overcounted by that much. A function imported later, inside another
function (``from .x import f`` at call time), is not replaced there. Needs ``valgrind``;
about a minute.
"""

from __future__ import annotations

import argparse
import importlib
import operator
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import tagging_bench  # noqa: E402 (after the path is set)


def find(target: str) -> tuple[Any, str, Callable[..., Any]]:
    """``module:name`` or ``module:Class.name`` as (where it is kept, its name, the
    function); SystemExit with one line for anything else."""
    module_name, _, qualname = target.partition(":")
    parts = qualname.split(".")
    if not module_name or not qualname or len(parts) > 2:
        raise SystemExit(f"{target}: give module:function or module:Class.method")
    try:
        owner: Any = importlib.import_module(module_name)
    except ImportError as exc:
        raise SystemExit(f"{target}: no module {module_name} ({exc})") from None
    if len(parts) == 2:
        owner = getattr(owner, parts[0], None)
        if not isinstance(owner, type):
            raise SystemExit(f"{target}: {module_name} has no class {parts[0]}")
    name = parts[-1]
    function = owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name, None)
    if not callable(function) or not hasattr(function, "__code__"):
        raise SystemExit(f"{target}: not a plain Python function or method")
    return owner, name, function


def wrap(target: str) -> int:
    """Replace the function by one that calls it through ``operator.call``; return how
    many places now hold the wrapper."""
    owner, name, function = find(target)

    def counted(*args: Any, **kwargs: Any) -> Any:
        return operator.call(function, *args, **kwargs)

    setattr(owner, name, counted)
    places = 1
    if not isinstance(owner, type):
        for module in list(sys.modules.values()):
            if module is not owner and getattr(module, name, None) is function:
                setattr(module, name, counted)
                places += 1
    return places


def child(target: str, layout: str, tagged: bool, builds: int) -> None:
    """The counted process: warm builds, the function wrapped, then ``builds`` builds."""
    from pdfbuilder import build_pdf

    tagging_bench.warm_up(layout)
    wrap(target)
    for _ in range(builds):
        build_pdf(tagging_bench.HANDOUT, layout, tagged=tagged)


def _counted(target: str, layout: str, tagged: bool, builds: int, folder: str) -> int:
    out = Path(folder, f"{builds}.out")
    tool = [
        "--tool=callgrind",
        "--collect-atstart=no",
        "--toggle-collect=_operator_call",
        f"--callgrind-out-file={out}",
    ]
    kind = "tagged" if tagged else "untagged"
    script = str(Path(__file__).resolve())
    child = [script, target, "--child", layout, kind, str(builds), *tagging_bench.handout_args()]
    return tagging_bench.valgrind_count(tool, out, child, f"inside {target}")


def count_inside(target: str, layout: str, tagged: bool, builds: int) -> float:
    """Millions of instructions a warm build of ``layout`` spends inside ``target``."""
    find(target)  # refused here, in one line, before any child starts
    if layout not in tagging_bench.LAYOUTS:
        raise SystemExit(f"--layout: one of {', '.join(tagging_bench.LAYOUTS)}")
    if shutil.which("valgrind") is None:
        raise SystemExit("counting needs valgrind (Debian: apt-get install valgrind)")
    tagging_bench._compile_first((layout,))
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(2) as pool:
        one, more = pool.map(lambda n: _counted(target, layout, tagged, n, folder), (1, 1 + builds))
    return (more - one) / builds / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", help="module:function or module:Class.method")
    parser.add_argument("--layout", default="standard", help="a built-in layout (standard)")
    parser.add_argument("--untagged", action="store_true", help="count untagged builds")
    parser.add_argument("--builds", type=int, default=8, help="builds counted (8)")
    parser.add_argument("--handout", help="a handout file or shipped id (back-spasms)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.handout is not None:
        tagging_bench.use_handout(opts.handout)
    if opts.child:
        layout, kind, builds = opts.child
        child(opts.target, layout, kind == "tagged", int(builds))
        return
    if opts.builds < 1:
        raise SystemExit("--builds: at least 1")
    figure = count_inside(opts.target, opts.layout, not opts.untagged, opts.builds)
    kind = "untagged" if opts.untagged else "tagged"
    where = f"{tagging_bench.handout_name()}, {opts.layout}"
    print(f"{opts.target}: {figure:.3f} M instructions a warm {kind} build ({where})")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
