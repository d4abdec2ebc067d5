"""WCAG 2.1 colour contrast: the one implementation, for brand colours and ``handout check``.

In: colours as ``#rrggbb`` (or ``#rgb``). Out: relative luminance (0 black to 1 white) and
the contrast ratio of two colours (1 to 21). Text needs 4.5:1; large text (18 pt, or 14 pt
bold) and graphics that carry meaning need 3:1.
"""

from __future__ import annotations

WHITE = "#ffffff"
TEXT_RATIO = 4.5
LARGE_RATIO = 3.0


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb`` (or ``#rgb``), from 0 (black) to 1 (white)."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def required_ratio(size: float | None, bold: bool) -> float:
    """4.5 for text, 3 for large text (18 pt, or 14 pt bold) and for graphics (``None``)."""
    if size is None or size >= 18 or (bold and size >= 14):
        return LARGE_RATIO
    return TEXT_RATIO
