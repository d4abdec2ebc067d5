"""Shaping with HarfBuzz for text ReportLab draws glyph by glyph (see :mod:`pdfbuilder.rtl`).

In: a word and a registered TrueType font. Out: its glyphs in visual order, each with the
character code ReportLab writes it with. A joined form or ligature the font's character map
does not reach gets a private code, and the PDF's ToUnicode map (patched in here) reads
that code back as the letters the glyph stands for, so copied or extracted text is the
logical text. A glyph that only adds to its cluster (Noto Sans Arabic draws a letter's dots
as a glyph of their own) is drawn as an outline instead, so each letter is in the text once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import uharfbuzz
from reportlab.pdfbase import pdfmetrics, ttfonts


@dataclass(frozen=True)
class Glyph:
    """One glyph: the character code ReportLab draws it with, where, and what it stands for."""

    code: str
    advance: float
    x_offset: float
    y_offset: float
    cluster: int  # index in the word's text of the first character it stands for
    gid: int  # the glyph's id in the font


# What each private code stands for, per font (PostScript name): written into ToUnicode.
_ACTUAL: dict[str, dict[int, str]] = {}
_PRIVATE: dict[tuple[str, int, str], int] = {}
_NEXT_PRIVATE = 0xF0000  # supplementary private use: clear of the fonts' own code points


def _code_for(ttf: Any, gid: int, advance: int, text: str) -> str:
    """The character ReportLab writes glyph ``gid`` with, such that the PDF's ToUnicode map
    reads it back as ``text``, the letters it stands for (a joined form, a ligature)."""
    global _NEXT_PRIVATE
    chars = ttf.face.glyphToChar.get(gid) or []
    if any(chr(c) == text for c in chars):
        return text
    key = (ttf.fontName, gid, text)
    code = _PRIVATE.get(key)
    if code is None:
        code = _PRIVATE[key] = _NEXT_PRIVATE
        _NEXT_PRIVATE += 1
        face = ttf.face
        face.charToGlyph[code] = gid
        face.charWidths[code] = ttf.pdfScale(advance)
        _ACTUAL.setdefault(face.name.decode("latin-1"), {})[code] = text
    return chr(code)


@functools.lru_cache(maxsize=8192)
def shape(text: str, font: str, size: float) -> tuple[tuple[Glyph, ...], float]:
    """Shape ``text`` in ``font``: its glyphs in visual order and its width in points.

    The first glyph of each cluster carries the cluster's letters as text; any further
    glyphs of it (the dots Noto Sans Arabic draws apart from a letter's body) get ``code``
    "" and are drawn as outlines, so the text layer holds each letter exactly once.
    """
    ttf = pdfmetrics.getFont(font)
    hb_font = ttf.hbFont(size)
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(hb_font, buf, {"kern": True, "liga": True})
    scale = size / 1000
    clusters = [*sorted({info.cluster for info in buf.glyph_infos}), len(text)]
    seen: set[int] = set()
    glyphs = []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        first = info.cluster not in seen and (
            pos.x_advance > 0 or _last_of(buf, info.cluster, info)
        )
        code = ""
        if first:
            seen.add(info.cluster)
            end = clusters[clusters.index(info.cluster) + 1]
            code = _code_for(ttf, info.codepoint, pos.x_advance, text[info.cluster : end])
        glyphs.append(
            Glyph(
                code,
                ttf.pdfScale(pos.x_advance) * scale,
                ttf.pdfScale(pos.x_offset) * scale,
                ttf.pdfScale(pos.y_offset) * scale,
                info.cluster,
                info.codepoint,
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


_make_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with joined forms mapped to the letters they stand for."""
    cmap: str = _make_cmap(fontname, subset)
    actual = _ACTUAL.get(fontname.split("+", 1)[-1])
    if not actual:
        return cmap
    for i, code in enumerate(subset):
        if code in actual:
            utf16 = actual[code].encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{utf16}>")
    return cmap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap
