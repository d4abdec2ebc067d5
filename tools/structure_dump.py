"""Print a tagged PDF's structure tree in reading order, each element with its text.

The leaflet as a screen reader meets it: headings, paragraphs, lists, figures with their
alt text, links with where they go. Read it through to catch what no checker can (an order
that makes no sense, an alt text that says nothing, a footer read mid-sentence)::

    .venv/bin/python tools/structure_dump.py leaflet.pdf
    .venv/bin/python tools/structure_dump.py --full leaflet.pdf     # texts not shortened
    .venv/bin/python tools/structure_dump.py --build handouts/back-spasms.yaml trifold

``handout check --structure`` prints the same for the leaflet it checks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", help="a PDF file (or, with --build, a handout file)")
    parser.add_argument("layout", nargs="?", default="standard", help="with --build: the layout")
    parser.add_argument("--build", action="store_true", help="build the handout first")
    parser.add_argument("--full", action="store_true", help="do not shorten long texts")
    opts = parser.parse_args()
    from pdfbuilder.check.structure import structure_lines

    if opts.build:
        from pdfbuilder import build_pdf

        data = build_pdf(opts.pdf, opts.layout, impose=False)
    else:
        data = Path(opts.pdf).read_bytes()
    for line in structure_lines(data, width=None if opts.full else 100):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
