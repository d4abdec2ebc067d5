"""Embedded TrueType fonts: registration once per process, and glyph coverage checks.

Every font the PDF uses is a TrueType font shipped inside the package and embedded (subset)
in the output; the unembedded base-14 fonts are never used.
"""

from __future__ import annotations

import functools
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


_BUILTIN_FAMILIES = {
    "Atkinson Hyperlegible": {
        "regular": "AtkinsonHyperlegible-Regular.ttf",
        "bold": "AtkinsonHyperlegible-Bold.ttf",
        "italic": "AtkinsonHyperlegible-Italic.ttf",
        "bold_italic": "AtkinsonHyperlegible-BoldItalic.ttf",
    },
}

DEFAULT_FAMILY = "Atkinson Hyperlegible"


@functools.cache
def register_family(name: str = DEFAULT_FAMILY) -> FontFamily:
    """Register a built-in family's four faces with ReportLab (once) and return their names."""
    files = _BUILTIN_FAMILIES[name]
    base = name.replace(" ", "")
    faces = {face: f"{base}-{face.replace('_', '').title()}" for face in files}
    for face, filename in files.items():
        pdfmetrics.registerFont(TTFont(faces[face], str(FONT_DIR / filename)))
    family = FontFamily(**faces)
    pdfmetrics.registerFontFamily(
        base,
        normal=family.regular,
        bold=family.bold,
        italic=family.italic,
        boldItalic=family.bold_italic,
    )
    for face_name in faces.values():
        # Paragraph markup looks fonts up by (name, bold, italic); map every face to the family.
        for bold in (0, 1):
            for italic in (0, 1):
                target = [[family.regular, family.italic], [family.bold, family.bold_italic]]
                addMapping(face_name, bold, italic, target[bold][italic])
    return family


def missing_glyphs(text: str, font_name: str) -> list[str]:
    """The characters of ``text`` that the registered font ``font_name`` has no glyph for."""
    font = pdfmetrics.getFont(font_name)
    cmap = font.face.charToGlyph
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in seen and not ch.isspace() and ord(ch) not in cmap:
            seen[ch] = None
    return list(seen)
