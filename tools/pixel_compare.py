"""Render every leaflet of tools/output_hashes.py to pixels, to show a change moved nothing.

Where ``output_hashes.py`` compares bytes, this compares what a reader sees: each page
rendered with pdfium at ``--dpi`` (default 100), and the raw RGB pixels compared exactly.
Use it for changes that alter the bytes but must not alter the look (tagging adds marked
content around the drawing; a bullet drawn by another flowable is the same glyph at the
same place)::

    .venv/bin/python tools/pixel_compare.py --save /tmp/before   # on the old code
    # ... change the code ...
    .venv/bin/python tools/pixel_compare.py --compare /tmp/before

A leaflet that fails to build is listed as failing (in both runs, it compares equal).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import output_hashes


def page_pixels(pdf: bytes, dpi: float) -> list[tuple[int, int, bytes]]:
    """(width, height, RGB bytes) of each page."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    pages = []
    for index in range(len(document)):
        bitmap = document[index].render(scale=dpi / 72)
        image = bitmap.to_pil().convert("RGB")
        pages.append((image.width, image.height, image.tobytes()))
    document.close()
    return pages


def digests(dpi: float, only: str | None) -> dict[str, str]:
    """Per leaflet and page, the SHA-256 of its pixels (or ``failed: message``)."""
    out: dict[str, str] = {}
    for name, make in output_hashes.cases():
        if only and only not in name:
            continue
        try:
            pdf = make()
        except Exception as exc:  # a leaflet that does not build is reported, not fatal
            out[name] = f"failed:{type(exc).__name__}"
            continue
        for number, (w, h, pixels) in enumerate(page_pixels(pdf, dpi), 1):
            out[f"{name}#{number}"] = f"{w}x{h}:{hashlib.sha256(pixels).hexdigest()}"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=float, default=100)
    parser.add_argument("--only", help="only leaflets whose name contains this")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the digests to this file")
    group.add_argument("--compare", type=Path, help="compare with a file written by --save")
    opts = parser.parse_args()
    found = digests(opts.dpi, opts.only)
    if opts.save:
        opts.save.write_text("".join(f"{k} {v}\n" for k, v in found.items()))
        print(f"{len(found)} pages saved")
        return 0
    before = dict(line.split(" ", 1) for line in opts.compare.read_text().splitlines())
    if opts.only:
        before = {k: v for k, v in before.items() if opts.only in k}
    changed = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
    for key in changed:
        print(f"differs: {key} ({before.get(key, 'absent')} -> {found.get(key, 'absent')})")
    print(f"{len(before) - len(changed)} of {len(before)} pages identical")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
