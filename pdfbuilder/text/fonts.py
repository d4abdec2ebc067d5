"""Embedded TrueType fonts: registration once per process, glyph coverage, and fallbacks.

Every font the PDF uses is a TrueType font shipped inside the package and embedded (subset)
in the output; the unembedded base-14 fonts are never used.

A layout names a *main* family and a chain of *fallback* families. Text is set in the main
family; a run of characters the main family has no glyphs for is wrapped in
``<font face="...">`` for the first fallback family that has them (:func:`apply_fallbacks`).
All-ASCII text, and text the main family covers, comes back unchanged at almost no cost.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).parent / "fonts"


@dataclass(frozen=True)
class FontFamily:
    """The ReportLab names of one registered family's four faces."""

    regular: str
    bold: str
    italic: str
    bold_italic: str

    @property
    def name(self) -> str:
        """The family's display name, e.g. "Noto Sans"."""
        return _DISPLAY_NAMES.get(self.regular, self.regular.split("-")[0])


# A family without italics maps its italic faces to the upright ones (Arabic has no italics).
_BUILTIN_FAMILIES: dict[str, dict[str, str]] = {
    "Atkinson Hyperlegible": {
        "regular": "AtkinsonHyperlegible-Regular.ttf",
        "bold": "AtkinsonHyperlegible-Bold.ttf",
        "italic": "AtkinsonHyperlegible-Italic.ttf",
        "bold_italic": "AtkinsonHyperlegible-BoldItalic.ttf",
    },
    "Noto Sans": {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf"},
    "Noto Sans Arabic": {
        "regular": "NotoSansArabic-Regular.ttf",
        "bold": "NotoSansArabic-Bold.ttf",
    },
}

DEFAULT_FAMILY = "Atkinson Hyperlegible"
#: Latin (with Vietnamese and Central European letters), Greek and Cyrillic; then Arabic.
DEFAULT_FALLBACKS = ("Noto Sans", "Noto Sans Arabic")
_DISPLAY_NAMES: dict[str, str] = {}


def builtin_family_names() -> list[str]:
    """The names of the font families shipped with the package."""
    return list(_BUILTIN_FAMILIES)


@functools.cache
def register_family(name: str = DEFAULT_FAMILY) -> FontFamily:
    """Register a built-in family's faces with ReportLab (once) and return their names."""
    files = _BUILTIN_FAMILIES[name]
    base = name.replace(" ", "")
    faces = {face: f"{base}-{face.replace('_', '').title()}" for face in files}
    for face, filename in files.items():
        pdfmetrics.registerFont(TTFont(faces[face], str(FONT_DIR / filename)))
    faces.setdefault("italic", faces["regular"])
    faces.setdefault("bold_italic", faces["bold"])
    family = FontFamily(**faces)
    _DISPLAY_NAMES[family.regular] = name
    pdfmetrics.registerFontFamily(
        base,
        normal=family.regular,
        bold=family.bold,
        italic=family.italic,
        boldItalic=family.bold_italic,
    )
    target = [[family.regular, family.italic], [family.bold, family.bold_italic]]
    for face_name in set(faces.values()):
        # Paragraph markup looks fonts up by (name, bold, italic); map every face to the family.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(face_name, bold, italic, target[bold][italic])
    return family


@dataclass(frozen=True)
class FontChain:
    """A main family and the families tried, in order, for characters it lacks.

    The fallback families are read from disk only when a character needs one: most
    leaflets never do, and parsing a font costs several milliseconds.
    """

    main: FontFamily
    fallback_names: tuple[str, ...] = ()

    @property
    def fallbacks(self) -> tuple[FontFamily, ...]:
        """The fallback families, registered with ReportLab on first use."""
        return tuple(register_family(name) for name in self.fallback_names)

    @property
    def families(self) -> tuple[FontFamily, ...]:
        """The main family, then the fallbacks."""
        return (self.main, *self.fallbacks)

    def family_for(self, ch: str) -> FontFamily | None:
        """The first family in the chain that can print ``ch`` (None: no family can)."""
        cp = ord(ch)
        for family in self.families:
            if cp in family_coverage(family):
                return family
        return None


def font_chain(main: str = DEFAULT_FAMILY, fallbacks: tuple[str, ...] = ()) -> FontChain:
    """Register the main built-in family and return it as a chain with ``fallbacks``."""
    return FontChain(register_family(main), tuple(fallbacks))


@functools.cache
def coverage(font_name: str) -> frozenset[int]:
    """The code points the registered font ``font_name`` has glyphs for."""
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


@functools.cache
def family_coverage(family: FontFamily) -> frozenset[int]:
    """The code points both the regular and the bold face of ``family`` have."""
    return coverage(family.regular) & coverage(family.bold)


def missing_glyphs(text: str, font_name: str) -> list[str]:
    """The characters of ``text`` that the registered font ``font_name`` has no glyph for."""
    cmap = coverage(font_name)
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in seen and not ch.isspace() and ord(ch) not in cmap:
            seen[ch] = None
    return list(seen)


def unprintable(text: str, chain: FontChain) -> list[str]:
    """The characters of ``text`` that no family in ``chain`` can print, in order."""
    main = family_coverage(chain.main)
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) in main or ch in seen or ch.isspace():
            continue
        if chain.family_for(ch) is None:
            seen[ch] = None
    return list(seen)


def describe_char(ch: str) -> str:
    """``"ก" (U+0E01 THAI CHARACTER KO KAI)``: a character, its code point and its name."""
    return f'"{ch}" (U+{ord(ch):04X} {unicodedata.name(ch, "unnamed character")})'


_TAG = re.compile(r"(<[^>]*>)")


def apply_fallbacks(markup: str, chain: FontChain) -> str:
    """Wrap each run of ``markup``'s text that the main family lacks in a ``<font>`` tag.

    ``markup`` is ReportLab paragraph markup whose tags and entities are ASCII. Spaces and
    punctuation between two runs set in the same fallback family join that run, so a
    Greek sentence is one run, not one per word.
    """
    if not chain.fallback_names or markup.isascii():
        return markup
    return _apply_fallbacks(markup, chain)


@functools.lru_cache(maxsize=4096)
def _apply_fallbacks(markup: str, chain: FontChain) -> str:
    main = family_coverage(chain.main)
    if all(ord(ch) in main for ch in markup):
        return markup
    return "".join(
        token if token.startswith("<") else _wrap_runs(token, chain) for token in _TAG.split(markup)
    )


def _wrap_runs(text: str, chain: FontChain) -> str:
    """``text`` (no tags) with its fallback runs wrapped in ``<font face>``."""
    main = family_coverage(chain.main)
    # The family of each character: None for a neutral (space, punctuation) the main has.
    fams: list[FontFamily | None] = []
    for ch in text:
        if ord(ch) in main:
            neutral = not unicodedata.category(ch).startswith(("L", "M", "N")) and ch != "&"
            fams.append(None if neutral else chain.main)
        else:
            fams.append(chain.family_for(ch) or chain.main)
    _whole_words(text, fams, chain.main)
    _settle_neutrals(text, fams, chain.main)
    out: list[str] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or fams[i] is not fams[start]:
            run, fam = text[start:i], fams[start]
            face = fam.regular if fam is not None and fam is not chain.main else None
            out.append(f'<font face="{face}">{run}</font>' if face else run)
            start = i
    return "".join(out)


def _whole_words(text: str, fams: list[FontFamily | None], main: FontFamily) -> None:
    """Set a whole word in the fallback family one of its letters needs, if it has them
    all, so that a word never mixes two typefaces ("Việt", not "Vi" + "ệ" + "t")."""
    for word in _WORD.finditer(text):
        start, end = word.span()
        needed = next((f for f in fams[start:end] if f is not None and f is not main), None)
        if needed is not None and all(ord(ch) in family_coverage(needed) for ch in word[0]):
            fams[start:end] = [needed] * (end - start)


_WORD = re.compile(r"[^\W_]+")


def _settle_neutrals(text: str, fams: list[FontFamily | None], main: FontFamily) -> None:
    """Give each neutral the family on both sides of it when they agree and it has the
    character; otherwise the main family."""
    n = len(fams)
    i = 0
    while i < n:
        if fams[i] is not None:
            i += 1
            continue
        j = i
        while j < n and fams[j] is None:
            j += 1
        left = fams[i - 1] if i > 0 else None
        right = fams[j] if j < n else None
        for k in range(i, j):
            joins = left is not None and left is right and left is not main
            fams[k] = (
                left
                if left is not None and joins and ord(text[k]) in family_coverage(left)
                else main
            )
        i = j


def glyph_problem(text: str, chain: FontChain) -> str | None:
    """Why ``text`` cannot be printed with ``chain`` (its first such character), or None."""
    missing = unprintable(text, chain)
    if not missing:
        return None
    names = ", ".join(f.name for f in chain.families)
    return (
        f"the character {describe_char(missing[0])} is not in any of the layout's fonts "
        f"({names}); replace it, or add a font that has it to the layout's fonts.fallbacks"
    )
