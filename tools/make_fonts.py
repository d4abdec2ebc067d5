"""Make the vendored fallback fonts in ``pdfbuilder/text/fonts/`` (run at development time only).

ReportLab embeds static TrueType fonts; the Noto fonts on PyPI (``fontpkg-noto-sans``,
``fontpkg-noto-sans-arabic``, SIL Open Font License 1.1) are variable fonts. This script cuts
static Regular and Bold instances from them with fontTools' instancer and subsets each to the
scripts it is there for, so the wheel stays small:

    pip download --no-deps fontpkg-noto-sans fontpkg-noto-sans-arabic  # then unzip both
    pip install fonttools
    python tools/make_fonts.py NotoSans[wdth,wght].ttf NotoSansArabic[wdth,wght].ttf

fontTools is not a runtime dependency: the output files are committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parent.parent / "pdfbuilder" / "text" / "fonts"

COMMON = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2116, 0x2122)]
LATIN_GREEK_CYRILLIC = [
    *COMMON,
    (0x100, 0x17F),  # Latin Extended-A: Central European, Baltic, Turkish, Maltese...
    (0x180, 0x24F),  # Latin Extended-B: Romanian, Croatian digraphs, Pinyin...
    (0x300, 0x36F),  # combining diacritics
    (0x370, 0x3FF),  # Greek (modern, monotonic)
    (0x400, 0x4FF),  # Cyrillic
    (0x1EA0, 0x1EF9),  # Latin Extended Additional: the Vietnamese letters
]
ARABIC = [
    *COMMON,
    (0x600, 0x6FF),  # Arabic
    (0x750, 0x77F),  # Arabic Supplement
    (0x8A0, 0x8FF),  # Arabic Extended-A
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
]


def codepoints(ranges: list[tuple[int, int]]) -> list[int]:
    """Every code point in the inclusive ranges."""
    return [cp for lo, hi in ranges for cp in range(lo, hi + 1)]


def make(source: str, family: str, ranges: list[tuple[int, int]]) -> None:
    """Write ``<family>-Regular.ttf`` and ``<family>-Bold.ttf`` from a variable font."""
    for weight, style in ((400, "Regular"), (700, "Bold")):
        font = TTFont(source)
        axes = {"wght": weight}
        if "wdth" in [a.axisTag for a in font["fvar"].axes]:
            axes["wdth"] = 100
        static = instancer.instantiateVariableFont(font, axes, updateFontNames=True)
        options = subset.Options()
        options.layout_features = ["*"]  # keep joining forms, ligatures and mark positioning
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False  # printed output: hints only cost bytes
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints(ranges))
        subsetter.subset(static)
        target = OUT / f"{family}-{style}.ttf"
        static.save(str(target))
        print(f"{target.name}: {target.stat().st_size // 1024} KB")


def main() -> None:
    """Make both families from the two variable fonts named on the command line."""
    latin, arabic = sys.argv[1:3]
    make(latin, "NotoSans", LATIN_GREEK_CYRILLIC)
    make(arabic, "NotoSansArabic", ARABIC)


if __name__ == "__main__":
    main()
