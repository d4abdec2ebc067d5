"""The ``fonts:`` part of a layout: a main font family and fallback families per script.

Kept apart from :mod:`pdfbuilder.text.fonts` so that reading a layout does not load ReportLab.
Every family named here ships inside the package (see ``pdfbuilder/text/fonts/``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

#: The built-in font families a layout can name.
FamilyName = Literal["Atkinson Hyperlegible", "Noto Sans", "Noto Sans Arabic"]


def _doc(text: str, **more: Any) -> dict[str, Any]:
    return {"doc": text, **more}


@dataclass(frozen=True)
class Fonts:
    """The main font, and the fonts for characters it lacks, tried in order."""

    main: FamilyName = field(
        default="Atkinson Hyperlegible",
        metadata=_doc("The family text is set in (embedded)."),
    )
    fallbacks: tuple[FamilyName, ...] = field(
        default=("Noto Sans", "Noto Sans Arabic"),
        metadata=_doc(
            "Families tried in order for a character the main one lacks: Noto Sans covers "
            "Latin (with Vietnamese and Central European letters), Greek and Cyrillic; "
            "Noto Sans Arabic covers Arabic. A character none of them has is an error."
        ),
    )


def main_family(font: str | None, fonts: Fonts) -> str:
    """The main family: the old single ``font:`` field when a layout still gives it."""
    return font if font is not None else fonts.main
