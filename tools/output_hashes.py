"""SHA-256 of every built-in leaflet, to show a refactoring changed no output byte.

Builds each built-in layout on A4 and Letter in English, Spanish and Arabic, plus a
clinic-branded, a personalised, a print-shop and an unimposed booklet build and the figure
gallery, and prints one ``name sha256`` line each (or compares with an earlier run)::

    .venv/bin/python tools/output_hashes.py > before.txt
    # ... change the code ...
    .venv/bin/python tools/output_hashes.py --compare before.txt

The hashes depend on the ReportLab version: compare runs made with the same one.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HANDOUTS = {
    "en": ROOT / "handouts" / "back-spasms.yaml",
    "es": ROOT / "handouts" / "back-spasms.es.yaml",
    "ar": ROOT / "handouts" / "samples" / "back-spasms.ar.yaml",
}
CLINIC = ROOT / "examples" / "clinic.yaml"
PLAN = ROOT / "examples" / "plan.yaml"


def _first(*names: str) -> Any:
    """The first of ``module:attribute`` names that imports (the module moved in 0.2)."""
    for name in names:
        module, _, attribute = name.partition(":")
        try:
            return getattr(importlib.import_module(module), attribute)
        except ImportError:
            continue
    raise ImportError(names[0])


def cases() -> Iterator[tuple[str, Callable[[], bytes]]]:
    """(name, build) for every leaflet compared."""
    import pdfbuilder

    build = pdfbuilder.build_pdf
    load_clinic = _first("pdfbuilder.people.clinic:load_clinic", "pdfbuilder.clinic:load_clinic")
    load_personal = _first(
        "pdfbuilder.people.personal:load_personal", "pdfbuilder.personal:load_personal"
    )
    for layout in pdfbuilder.builtin_layout_names():
        for paper in ("a4", "letter"):
            for language, path in HANDOUTS.items():
                yield f"{layout}-{paper}-{language}", _bound(build, path, layout, paper=paper)
    clinic, personal = load_clinic(CLINIC), load_personal(PLAN)
    for layout in ("standard", "trifold", "easy-read"):
        yield f"{layout}-clinic", _bound(build, HANDOUTS["en"], layout, clinic=clinic)
        yield (
            f"{layout}-clinic-personal",
            _bound(build, HANDOUTS["en"], layout, clinic=clinic, personal=personal),
        )
    yield "standard-personal", _bound(build, HANDOUTS["en"], "standard", personal=personal)
    yield "standard-clinic-ar", _bound(build, HANDOUTS["ar"], "standard", clinic=clinic)
    yield "standard-marks", _bound(build, HANDOUTS["en"], "standard", print_marks=True)
    yield "booklet-unimposed", _bound(build, HANDOUTS["en"], "booklet", impose=False)
    gallery = _first("pdfbuilder.figures:gallery_pdf")
    yield "figure-gallery", gallery


def _bound(build: Callable[..., bytes], *args: Any, **kwargs: Any) -> Callable[[], bytes]:
    return lambda: build(*args, **kwargs)


def _digest(make: Callable[[], bytes]) -> str:
    """The SHA-256 of one build, or ``refused:<hash of the message>`` when it does not build
    (a refusal that stays the same is the same output)."""
    from pdfbuilder.errors import HandoutError

    try:
        return hashlib.sha256(make()).hexdigest()
    except HandoutError as exc:
        return "refused:" + hashlib.sha256(str(exc).encode()).hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=Path, help="an earlier run's output to compare with")
    opts = parser.parse_args()
    hashes = {name: _digest(make) for name, make in cases()}
    if opts.compare is None:
        for name, digest in hashes.items():
            print(name, digest)
        return 0
    before = dict(line.split() for line in opts.compare.read_text().splitlines() if line.strip())
    changed = [name for name in before if hashes.get(name) != before[name]]
    for name in changed:
        print(f"differs: {name}")
    for name in sorted(set(hashes) - set(before)):
        print(f"new: {name}")
    print(f"{len(before) - len(changed)} of {len(before)} identical")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
