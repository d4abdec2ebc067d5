"""Paragraph styles and colours derived from a layout, built once per layout and cached."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from ..figures import FigureStyle
from ..text.fonts import FontChain, FontFamily, font_chain
from ..text.scripts import right_to_left
from .fonts import main_family
from .looks import Spacing, in_points
from .model import Layout, Type


@dataclass(frozen=True)
class Palette:
    """The layout's colours as ReportLab colours."""

    text: Color
    muted: Color
    accent: Color
    on_accent: Color
    tint: Color
    card_border: Color
    emergency: Color
    urgent: Color
    routine: Color


@dataclass(frozen=True)
class Styles:
    """Everything compose needs to know about how text looks."""

    fonts: FontFamily
    palette: Palette
    body: ParagraphStyle
    bullet: ParagraphStyle
    step: ParagraphStyle
    purpose: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    box_heading: ParagraphStyle
    card_heading: ParagraphStyle
    tier_heading: ParagraphStyle
    dose: ParagraphStyle
    small: ParagraphStyle
    small_bullet: ParagraphStyle
    figure: FigureStyle
    space: Spacing  # the layout's spacing in points (layout.spacing is in em)
    chain: FontChain | None = None  # main font and fallbacks, for <font> runs


def _colour(hex_value: str, grayscale: bool) -> Color:
    """A layout colour; on a grayscale layout, the gray of the same relative luminance."""
    colour = HexColor(hex_value)
    if not grayscale:
        return colour
    level = gray_level(colour)
    return Color(level, level, level)


def gray_level(colour: Color) -> float:
    """The sRGB gray (0 to 1) with the same WCAG relative luminance as ``colour``."""

    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) + 0.0722 * linear(colour.blue)
    gray = lum * 12.92 if lum <= 0.0031308 else 1.055 * lum ** (1 / 2.4) - 0.055
    return round(gray, 4)


@functools.lru_cache(maxsize=32)
def styles_for(layout: Layout, rtl: bool = False) -> Styles:
    """Build (once per layout and direction) the paragraph styles and palette for ``layout``.

    ``rtl``: right-to-left text (Arabic): right-aligned, shaped, indents and bullets mirrored.
    """
    chain = font_chain(main_family(layout.font, layout.fonts), layout.fonts.fallbacks)
    fonts = chain.main
    c = layout.colours
    palette = Palette(
        *(_colour(getattr(c, name), layout.grayscale) for name in Palette.__dataclass_fields__)
    )
    t = layout.type
    style = _style_maker(layout, chain, palette, rtl)
    return Styles(
        chain=chain,
        fonts=fonts,
        palette=palette,
        space=in_points(layout.spacing, t.body),
        figure=FigureStyle(
            line_width=layout.figure.line_width,
            font_name=fonts.regular,
            font_size=t.small,
            grayscale=layout.grayscale,
        ),
        **_text_styles(t, in_points(layout.spacing, t.body), fonts, palette, style),
    )


StyleMaker = Callable[..., ParagraphStyle]


def _style_maker(layout: Layout, chain: FontChain, palette: Palette, rtl: bool) -> StyleMaker:
    """A function making paragraph styles with the layout's defaults (font, leading, colour,
    no widows or orphans, long words split, fallback fonts, direction)."""
    fonts, lead = chain.main, layout.type.leading

    def style(name: str, size: float, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": fonts.regular,
            "fontSize": size,
            "leading": size * lead,
            "bulletFontSize": size,
            "bulletFontName": fonts.regular,
            "textColor": palette.text,
            "alignment": TA_LEFT,
            "splitLongWords": 1,
            "allowWidows": 0,
            "allowOrphans": 0,
        }
        base.update(kw)
        base["fontChain"] = chain  # read by Para to set characters the main font lacks
        return ParagraphStyle(name, **(right_to_left(base) if rtl else base))

    return style


def _text_styles(
    t: Type, sp: Spacing, fonts: FontFamily, palette: Palette, style: StyleMaker
) -> dict[str, ParagraphStyle]:
    """Every paragraph style a leaflet uses, by name (``sp``: the spacing in points)."""
    lead = t.leading
    return dict(
        body=style("body", t.body, spaceBefore=sp.paragraph),
        bullet=style(
            "bullet",
            t.body,
            leftIndent=sp.bullet_indent,
            bulletIndent=sp.bullet_mark,
            bulletFontName=fonts.bold,
            spaceBefore=sp.list_item,
        ),
        step=style(
            "step",
            t.body,
            leftIndent=sp.step_indent,
            bulletIndent=0,
            bulletFontName=fonts.bold,
            spaceBefore=sp.list_item,
        ),
        purpose=style(
            "purpose",
            t.subtitle,
            leading=t.subtitle * lead,
            fontName=fonts.bold,
            spaceBefore=sp.purpose_before,
            spaceAfter=sp.purpose_after,
        ),
        title=style(
            "title",
            t.title,
            leading=t.title * 1.15,
            fontName=fonts.bold,
            textColor=palette.on_accent,
        ),
        subtitle=style(
            "subtitle",
            t.subtitle,
            leading=t.subtitle * 1.3,
            textColor=palette.on_accent,
            spaceBefore=t.subtitle * 0.3,
        ),
        heading=style(
            "heading",
            t.heading,
            leading=t.heading * 1.2,
            fontName=fonts.bold,
            textColor=palette.accent,
            spaceBefore=t.heading * 0.9,
            keepWithNext=1,
        ),
        box_heading=style(
            "box_heading",
            t.heading,
            leading=t.heading * 1.2,
            fontName=fonts.bold,
            textColor=palette.text,
        ),
        card_heading=style(
            "card_heading",
            t.card_heading,
            leading=t.card_heading * 1.2,
            fontName=fonts.bold,
            textColor=palette.accent,
        ),
        tier_heading=style(
            "tier_heading", t.card_heading, leading=t.card_heading * 1.2, fontName=fonts.bold
        ),
        dose=style("dose", t.body, textColor=palette.accent),
        small=style("small", t.small, leading=t.small * 1.3, textColor=palette.muted),
        small_bullet=style(
            "small_bullet",
            t.small,
            leading=t.small * 1.3,
            textColor=palette.muted,
            leftIndent=t.small * 1.6,
            bulletIndent=0,
            spaceBefore=t.small * 0.2,
        ),
    )
