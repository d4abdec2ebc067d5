"""Shaping with HarfBuzz for text ReportLab draws glyph by glyph (see :mod:`pdfbuilder.text.rtl`).

In: a word and a registered TrueType font. Out: its glyphs in visual order, each with the
character code ReportLab writes it with. A joined form or ligature the font's character map
does not reach gets a private code whose ToUnicode entry reads back as the letters the glyph
stands for (:mod:`pdfbuilder._rl.tounicode`), so copied or extracted text is the logical
text; in plain mode (nothing installed) it gets no code and carries its letters instead, and
is drawn as an outline with its letters written invisibly over it. A glyph that only adds to
its cluster (Noto Sans Arabic draws a letter's dots as a glyph of their own) is drawn as an
outline, so each letter is in the text once.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Any

import uharfbuzz
from reportlab.pdfbase import pdfmetrics

from .. import _rl
from .._rl.tounicode import private_code


@dataclass(frozen=True)
class Glyph:
    """One glyph: the character code ReportLab draws it with, where, and what it stands for."""

    code: str
    advance: float
    x_offset: float
    y_offset: float
    cluster: int  # index in the word's text of the first character it stands for
    gid: int  # the glyph's id in the font
    letters: str = ""  # plain mode: the letters a glyph with no code stands for


def _code_for(ttf: Any, gid: int, advance: int, text: str, private: bool) -> str:
    """The character ReportLab writes glyph ``gid`` with, such that the PDF's text reads it
    back as ``text``, the letters it stands for; "" when there is none (plain mode)."""
    chars = ttf.face.glyphToChar.get(gid) or []
    if any(chr(c) == text for c in chars):
        return text
    return private_code(ttf, gid, advance, text) if private else ""


def shape(text: str, font: str, size: float, rtl: bool = False) -> tuple[tuple[Glyph, ...], float]:
    """Shape ``text`` in ``font``: its glyphs in visual order and its width in points.

    The first glyph of each cluster carries the cluster's letters as text; any further
    glyphs of it (the dots Noto Sans Arabic draws apart from a letter's body) get ``code``
    "" and are drawn as outlines, so the text layer holds each letter exactly once.

    ``rtl``: the text is part of a right-to-left word. A piece with neither letters nor
    digits (a bracket or a stop in the Latin font, after Arabic letters) then takes that
    direction too, so that HarfBuzz mirrors brackets as the Unicode bidirectional rules say:
    the ")" that closes "(تتمة)" is drawn as "(" (and still reads back as ")"). Digits keep
    their own left-to-right order, as those rules also say.
    """
    return _shape(text, font, size, _rl.installed(), rtl and _neutral(text))


def _neutral(text: str) -> bool:
    """Whether ``text`` has no letter and no digit (only punctuation, symbols, spaces)."""
    strong = ("L", "R", "AL", "EN", "AN")
    return not any(unicodedata.bidirectional(ch) in strong for ch in text)


@functools.lru_cache(maxsize=8192)
def _shape(
    text: str, font: str, size: float, private: bool, rtl: bool
) -> tuple[tuple[Glyph, ...], float]:
    ttf = pdfmetrics.getFont(font)
    hb_font = ttf.hbFont(size)
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    if rtl:
        buf.direction = "rtl"
    uharfbuzz.shape(hb_font, buf, {"kern": True, "liga": True})
    scale = size / 1000
    clusters = [*sorted({info.cluster for info in buf.glyph_infos}), len(text)]
    seen: set[int] = set()
    glyphs = []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        first = info.cluster not in seen and (
            pos.x_advance > 0 or _last_of(buf, info.cluster, info)
        )
        code = letters = ""
        if first:
            seen.add(info.cluster)
            end = clusters[clusters.index(info.cluster) + 1]
            letters = text[info.cluster : end]
            code = _code_for(ttf, info.codepoint, pos.x_advance, letters, private)
        glyphs.append(
            Glyph(
                code,
                ttf.pdfScale(pos.x_advance) * scale,
                ttf.pdfScale(pos.x_offset) * scale,
                ttf.pdfScale(pos.y_offset) * scale,
                info.cluster,
                info.codepoint,
                "" if code else letters,
            )
        )
    return tuple(glyphs), sum(g.advance for g in glyphs)


def _last_of(buf: Any, cluster: int, info: Any) -> bool:
    """Whether ``info`` is the last glyph of ``cluster`` (a cluster of zero-width glyphs)."""
    last = [i for i in buf.glyph_infos if i.cluster == cluster][-1]
    return last is info


@functools.lru_cache(maxsize=4096)
def outline(font: str, gid: int) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """Glyph ``gid``'s outline as pen operations, in thousandths of the font size."""
    ttf = pdfmetrics.getFont(font)
    hb_font = uharfbuzz.Font(ttf.hbFace)
    k = 1000 / ttf.hbFace.upem
    ops: list[tuple[str, tuple[float, ...]]] = []
    pen = _Pen(ops, k)
    hb_font.draw_glyph_with_pen(gid, pen)
    return tuple(ops)


class _Pen:
    """Collects a glyph outline, quadratic curves made cubic (ReportLab draws cubics)."""

    def __init__(self, ops: list[tuple[str, tuple[float, ...]]], k: float) -> None:
        self.ops, self.k, self.at = ops, k, (0.0, 0.0)

    def moveTo(self, p: tuple[float, float]) -> None:
        self.at = p
        self.ops.append(("m", (p[0] * self.k, p[1] * self.k)))

    def lineTo(self, p: tuple[float, float]) -> None:
        self.at = p
        self.ops.append(("l", (p[0] * self.k, p[1] * self.k)))

    def curveTo(
        self, a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]
    ) -> None:
        self.at = c
        self.ops.append(("c", tuple(v * self.k for v in (*a, *b, *c))))

    def qCurveTo(self, a: tuple[float, float], c: tuple[float, float]) -> None:
        (x0, y0), (x1, y1), (x2, y2) = self.at, a, c
        b1 = (x0 + 2 / 3 * (x1 - x0), y0 + 2 / 3 * (y1 - y0))
        b2 = (x2 + 2 / 3 * (x1 - x2), y2 + 2 / 3 * (y1 - y2))
        self.curveTo(b1, b2, c)

    def closePath(self) -> None:
        self.ops.append(("z", ()))


def draw_outline(canvas: Any, font: str, size: float, gid: int, x: float, y: float) -> None:
    """Fill glyph ``gid`` of ``font`` at ``x``, ``y`` as a vector outline (not as text)."""
    k = size / 1000
    path = canvas.beginPath()
    for op, v in outline(font, gid):
        p = [x + v[i] * k if i % 2 == 0 else y + v[i] * k for i in range(len(v))]
        if op == "m":
            path.moveTo(*p)
        elif op == "l":
            path.lineTo(*p)
        elif op == "c":
            path.curveTo(*p)
        else:
            path.close()
    canvas.drawPath(path, stroke=0, fill=1)
