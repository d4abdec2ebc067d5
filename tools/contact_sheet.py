"""Contact sheets: every page of some leaflets in every layout, as one PNG grid per leaflet.

Run from the project root (needs the test extra, for pypdfium2 and Pillow)::

    .venv/bin/python tools/contact_sheet.py OUT_DIR                       # back spasms, neck pain
    .venv/bin/python tools/contact_sheet.py OUT_DIR handouts/ankle-sprain.yaml --scale 0.5
    .venv/bin/python tools/contact_sheet.py OUT_DIR --pages              # also each page's PNG

For each handout it builds every built-in layout on A4 and Letter (booklets in reading
order, so every page is seen at its own size) and writes ``OUT_DIR/<id>.png``: one row per
layout and paper, labelled, each page a thumbnail with a thin border. A build that fails is
a red row with the error's text, so a sheet never hides a layout that no longer builds.
With ``--pages`` each page is also written full size, to look at closely.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pdfbuilder import HandoutError, build_pdf, builtin_layout_names, load_handout  # noqa: E402

DEFAULT = [ROOT / "handouts" / "back-spasms.yaml", ROOT / "handouts" / "neck-pain.yaml"]
PAPERS = ("a4", "letter")
LABEL_WIDTH = 150
GAP = 12


def _pages(pdf: bytes, scale: float) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=scale).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def _row(label: str, pages: list[Image.Image] | str, height: int) -> Image.Image:
    font = ImageFont.load_default()
    if isinstance(pages, str):  # a build that failed: say why, in red
        row = Image.new("RGB", (LABEL_WIDTH + 900, 60), (255, 225, 225))
        ImageDraw.Draw(row).text((LABEL_WIDTH, 8), pages[:150], fill=(150, 0, 0), font=font)
        ImageDraw.Draw(row).text((8, 8), label, fill=(0, 0, 0), font=font)
        return row
    width = LABEL_WIDTH + sum(p.width + GAP for p in pages)
    row = Image.new("RGB", (width, height + GAP), (225, 225, 225))
    draw = ImageDraw.Draw(row)
    draw.text((8, 8), label, fill=(0, 0, 0), font=font)
    x = LABEL_WIDTH
    for number, page in enumerate(pages, 1):
        row.paste(page, (x, GAP // 2))
        draw.rectangle((x - 1, GAP // 2 - 1, x + page.width, GAP // 2 + page.height), outline=0)
        draw.text((x, GAP // 2 + page.height - 12), str(number), fill=(200, 0, 0), font=font)
        x += page.width + GAP
    return row


def sheet(handout: Path, scale: float, pages_dir: Path | None) -> Image.Image:
    """One handout in every layout and paper, a row each."""
    h = load_handout(handout)
    rows: list[Image.Image] = []
    for layout in builtin_layout_names():
        for paper in PAPERS:
            label = f"{layout}\n{paper}"
            try:
                pdf = build_pdf(h, layout, paper=paper, impose=False)
            except HandoutError as exc:
                rows.append(_row(label, str(exc), 0))
                continue
            images = _pages(pdf, scale)
            if pages_dir is not None:
                for number, page in enumerate(_pages(pdf, 1.0), 1):
                    page.save(pages_dir / f"{h.id}-{h.language}-{layout}-{paper}-{number}.png")
            rows.append(_row(label, images, max(i.height for i in images)))
    width = max(r.width for r in rows)
    out = Image.new("RGB", (width, sum(r.height for r in rows)), (255, 255, 255))
    y = 0
    for r in rows:
        out.paste(r, (0, y))
        y += r.height
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("handouts", nargs="*", type=Path)
    parser.add_argument("--scale", type=float, default=0.32, help="thumbnail scale (1 = 72 dpi)")
    parser.add_argument("--pages", action="store_true", help="also write each page full size")
    args = parser.parse_intermixed_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    pages_dir = args.out / "pages" if args.pages else None
    if pages_dir is not None:
        pages_dir.mkdir(exist_ok=True)
    for handout in args.handouts or DEFAULT:
        try:
            image = sheet(handout, args.scale, pages_dir)
        except HandoutError as exc:  # the handout itself does not load: one line, as handout does
            print(f"Error: {exc}", file=sys.stderr)
            return 1
        target = args.out / f"{handout.name.removesuffix('.yaml')}.png"
        image.save(target)
        print(f"wrote {target} ({image.width}x{image.height})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
