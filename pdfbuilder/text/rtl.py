"""Right-to-left paragraphs (Arabic): shaped with HarfBuzz, ordered and drawn right to left.

ReportLab 5.1's own right-to-left support needs ``rlbidi``, which is not on PyPI, and with
mixed fonts or bold spans it puts words in the wrong order. This module does it instead:

1. the paragraph markup (``<b>``, ``<i>``, ``<font face>``) becomes runs of one font each;
2. each word is shaped by HarfBuzz (uharfbuzz), so Arabic letters take their joined forms;
3. words fill lines in reading order; each line is then laid out right to left, with runs of
   left-to-right words (numbers, "NHS 111") kept in their own order;
4. glyphs are drawn at their places but *written in reading order*, and each joined form
   maps back to the letters it stands for (ToUnicode), so text extraction and search give
   the logical text, not reversed or private-use characters.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from .scripts import prepare_markup
from .shaping import Glyph, draw_outline, shape


@dataclass(frozen=True)
class Piece:
    """Part of a word in one font, shaped; glyphs in visual (left-to-right) order."""

    font: str
    size: float
    glyphs: tuple[Glyph, ...]
    width: float
    start: int  # index of the piece's first character in its word


@dataclass(frozen=True)
class Word:
    """A word: its pieces, its width and its direction (True: right to left)."""

    pieces: tuple[Piece, ...]
    width: float
    rtl: bool
    space: float  # width of the space after it
    text: str
    glue: bool = False  # a no-break space after it: the next word stays on its line


_TAG = re.compile(r"<(/?)(b|i|font)\b([^>]*)>")
_FACE = re.compile(r'face="([^"]+)"')


def parse_runs(markup: str, base_font: str) -> list[tuple[str, str]]:
    """``markup`` as (text, font name) runs, from ``<b>``, ``<i>`` and ``<font face>``."""
    family, bold, italic = ps2tt(base_font)
    stack: list[tuple[str, int, int]] = [(family, bold, italic)]
    runs: list[tuple[str, str]] = []
    pos = 0
    for match in _TAG.finditer(markup):
        if match.start() > pos:
            runs.append((html.unescape(markup[pos : match.start()]), tt2ps(*stack[-1])))
        pos = match.end()
        closing, tag, attrs = match.groups()
        if closing:
            if len(stack) > 1:
                stack.pop()
            continue
        fam, b, i = stack[-1]
        if tag == "b":
            b = 1
        elif tag == "i":
            i = 1
        else:
            face = _FACE.search(attrs)
            fam = ps2tt(face.group(1))[0] if face else fam
        stack.append((fam, b, i))
    if pos < len(markup):
        runs.append((html.unescape(markup[pos:]), tt2ps(*stack[-1])))
    return [(text, font) for text, font in runs if text]


def _is_rtl(text: str) -> bool | None:
    """True if ``text`` has a right-to-left letter, False for a left-to-right one, else None."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return None


def words(runs: list[tuple[str, str]], size: float) -> list[Word]:
    """The words of ``runs`` (split at spaces), each shaped, in reading order."""
    out: list[Word] = []
    current: list[tuple[str, str]] = []

    def finish(space_font: str, glue: bool = False) -> None:
        """End the word; ``space_font`` is the font of the space after it, ``glue`` whether
        that space is a no-break one."""
        if not current:
            return
        pieces, start = [], 0
        text = "".join(t for t, _ in current)
        rtl = bool(_is_rtl(text))
        for part, font in current:
            glyphs, width = shape(part, font, size, rtl)
            pieces.append(Piece(font, size, glyphs, width, start))
            start += len(part)
        space = pdfmetrics.stringWidth(" ", space_font, size)
        width = sum(p.width for p in pieces)
        out.append(Word(tuple(pieces), width, rtl, space, text, glue))
        current.clear()

    for text, font in runs:
        parts = re.split(r"(\s+)", text)
        for part in parts:
            if not part:
                continue
            if part.isspace():
                finish(font, glue=not part.strip("\xa0"))
            else:
                current.append((part, font))
    finish(runs[-1][1] if runs else "")
    return out


def break_lines(ws: list[Word], widths: list[float]) -> list[list[Word]]:
    """Fill lines in reading order; ``widths[i]`` is line i's width (the last repeats).

    Words joined by a no-break space share a line; when together they are wider than a
    line they part, and a word wider than a line is broken where it fits (see
    :func:`break_word`), as ReportLab does for left-to-right text."""
    lines: list[list[Word]] = [[]]
    used = 0.0

    def limit() -> float:
        return widths[min(len(lines) - 1, len(widths) - 1)]

    for unit in _units(ws):
        line = lines[-1]
        width = sum(w.width for w in unit) + sum(w.space for w in unit[:-1])
        extra = (line[-1].space if line else 0) + width
        if not line or used + extra <= limit():
            if width <= limit():
                line.extend(unit)
                used += extra
                continue
        elif width <= widths[min(len(lines), len(widths) - 1)]:
            lines.append(list(unit))
            used = width
            continue
        for w in unit:  # too wide for any line: word by word, long words broken
            line = lines[-1]
            room = limit() - used - (line[-1].space if line else 0)
            for part in break_word(w, widths[-1], room if room > widths[-1] / 4 else None):
                line = lines[-1]
                extra = (line[-1].space if line else 0) + part.width
                if line and used + extra > limit():
                    lines.append([part])
                    used = part.width
                else:
                    line.append(part)
                    used += extra
    return [line for line in lines if line]


def _units(ws: list[Word]) -> list[list[Word]]:
    """The words in groups that share a line: each word with those glued after it."""
    units: list[list[Word]] = []
    for w in ws:
        if units and units[-1][-1].glue:
            units[-1].append(w)
        else:
            units.append([w])
    return units


#: Where a word too long for its line may break: after these (an address's parts).
_BREAK_AFTER = frozenset("/.-@_?&=")


def break_word(word: Word, width: float, first: float | None = None) -> list[Word]:
    """``word`` in parts no wider than ``width`` (the first no wider than ``first``, the
    room left on a line, when given), itself when it fits: each part as long as fits,
    ending after a ``/ . - @`` where there is one, otherwise after any letter.

    Only a left-to-right word (an address, an e-mail) is broken: an Arabic word broken
    loses its joined letters, so it keeps its line (its column must be made wide enough)."""
    if word.rtl or word.width <= width or len(word.text) < 2:
        return [word]
    parts: list[Word] = []
    start = 0
    text = word.text
    while start < len(text):
        end, room = len(text), first if first is not None and not parts else width
        while end - start > 1 and _part(word, start, end).width > room:
            end -= 1
        if end < len(text):
            soft = [i + 1 for i in range(start, end - 1) if text[i] in _BREAK_AFTER]
            if not soft and room != width:  # no place to break in the room left: next line
                return break_word(word, width)
            end = soft[-1] if soft else end
        parts.append(_part(word, start, end))
        start = end
    last = parts[-1]
    parts[-1] = Word(last.pieces, last.width, last.rtl, word.space, last.text, word.glue)
    return parts


def _part(word: Word, start: int, end: int) -> Word:
    """The letters ``start:end`` of ``word`` as a word of their own, shaped again."""
    pieces = []
    bounds = [p.start for p in word.pieces] + [len(word.text)]
    for piece, (a, b) in zip(word.pieces, itertools.pairwise(bounds), strict=True):
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            glyphs, w = shape(word.text[lo:hi], piece.font, piece.size, word.rtl)
            pieces.append(Piece(piece.font, piece.size, glyphs, w, lo - start))
    text = word.text[start:end]
    return Word(tuple(pieces), sum(p.width for p in pieces), word.rtl, 0.0, text)


def visual_order(line: list[Word]) -> list[int]:
    """Indexes of ``line``'s words from left to right, in a right-to-left paragraph.

    Neutral words (numbers, punctuation) between two left-to-right words join them, so
    "NHS 111" stays in that order, and so do numbers in a row; everything else is laid out
    right to left.
    """
    strong = [None if _is_neutral(w) else not w.rtl for w in line]  # True: left to right
    ltr = [bool(s) for s in strong]
    numbers = [_is_neutral(w) and _is_number(w) for w in line]
    for i, w in enumerate(line):
        if strong[i] is None:
            before = next((s for s in reversed(strong[:i]) if s is not None), False)
            after = next((s for s in strong[i + 1 :] if s is not None), False)
            # A number after a left-to-right word goes with it ("NHS 111"); other neutrals
            # only between two left-to-right words. Numbers in a row are one number read
            # left to right ("01632 960 123", a phone number), wherever they are.
            ltr[i] = bool(before) and (bool(after) or _is_number(w))
            beside = (numbers[j] for j in (i - 1, i + 1) if 0 <= j < len(line))
            ltr[i] = ltr[i] or (numbers[i] and any(beside))
    groups: list[list[int]] = []
    for i in range(len(line)):
        if groups and ltr[i] and ltr[groups[-1][-1]]:
            groups[-1].append(i)
        else:
            groups.append([i])
    return [i for group in reversed(groups) for i in group]


def _is_neutral(w: Word) -> bool:
    """A word with no letter: digits, punctuation, symbols."""
    return not w.rtl and not any(ch.isalpha() for ch in w.text)


def _is_number(w: Word) -> bool:
    return any(ch.isdigit() for ch in w.text)


class RtlPara(Paragraph):  # type: ignore[misc]
    """A right-to-left paragraph: right-aligned, bullet on the right, shaped and reordered."""

    def __init__(
        self,
        text: str | None,
        style: Any,
        bulletText: str | None = None,
        frags: Any = None,
        lines: list[list[Word]] | None = None,
        rtl: bool | None = None,
        **kw: Any,
    ) -> None:
        self.style = style
        self.bulletText = bulletText
        self.text = prepare_markup(text or "", style)
        self.caseSensitive = 1
        self._words = words(parse_runs(self.text, style.fontName), style.fontSize)
        self._lines = lines
        self._fixed = lines is not None
        # A paragraph with no right-to-left word (an address) reads left to right.
        # A split part reads as the paragraph it came from (``rtl``).
        self._rtl = (
            any(w.rtl for line in lines or [self._words] for w in line) if rtl is None else rtl
        )
        self.width = self.height = 0.0

    def _all_words(self) -> list[Word]:
        if self._fixed:  # a split part: the words of its lines
            return [w for line in self._lines or [] for w in line]
        return self._words

    def getPlainText(self, identify: Any = None) -> str:
        """The words in reading (logical) order, as a left-to-right paragraph gives them."""
        return " ".join(w.text for w in self._all_words())

    def word_widths(self) -> list[tuple[float, float]]:
        """Each word's shaped width and the width of the space after it, in reading order."""
        return [(w.width, w.space) for w in self._all_words()]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        st = self.style
        if not self._fixed:
            inner = availWidth - st.leftIndent - st.rightIndent
            self._lines = break_lines(self._words, [inner - st.firstLineIndent, inner])
        self.width = availWidth
        self.height = len(self._lines or []) * st.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self.wrap(availWidth, availHeight)
        lines = self._lines or []
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return []
        first = RtlPara(None, self.style, self.bulletText, lines=lines[:fit], rtl=self._rtl)
        rest = RtlPara(None, self.style, None, lines=lines[fit:], rtl=self._rtl)
        return [first, rest]

    def draw(self) -> None:
        st, canvas = self.style, self.canv
        right = self.width - st.rightIndent
        y = self.height - st.fontSize
        canvas.saveState()
        canvas.setFillColor(st.textColor)
        if self.bulletText:
            canvas.setFont(st.bulletFontName, st.bulletFontSize)
            canvas.drawRightString(self.width - st.bulletIndent, y, self.bulletText)
        for n, line in enumerate(self._lines or []):
            start = right - (st.firstLineIndent if n == 0 and not self._fixed else 0)
            _draw_line(canvas, line, start, y, rtl=self._rtl)
            y -= st.leading
        canvas.restoreState()


def draw_runs(
    canvas: Any,
    x: float,
    y: float,
    markup: str,
    font: str,
    size: float,
    *,
    rtl: bool,
    right: bool,
    centre: bool = False,
) -> None:
    """Draw one line of markup at ``x`` (its left end; ``right``: its right end; ``centre``:
    its middle), shaped, right to left when ``rtl``."""
    line = words(parse_runs(markup, font), size)
    if not line:
        return
    width = sum(w.width for w in line) + sum(w.space for w in line[:-1])
    end = x + width / 2 if centre else x if right else x + width
    _draw_line(canvas, line, end, y, rtl=rtl and any(w.rtl for w in line))


def _draw_line(canvas: Any, line: list[Word], right: float, y: float, rtl: bool = True) -> None:
    """Place the line's glyphs right-aligned at ``right``, then write them in reading order."""
    order = visual_order(line) if rtl else list(range(len(line)))
    gaps = _gaps(line, order)
    x = right - sum(w.width for w in line) - sum(gaps)
    placed: dict[int, float] = {}
    for k, i in enumerate(order):
        placed[i] = x
        x += line[i].width + (gaps[k] if k < len(gaps) else 0)
    text = canvas.beginText()
    for i, word in enumerate(line):
        _write_word(canvas, text, word, placed[i], y)
        if i < len(line) - 1:  # a real space, so extracted text has its word breaks
            piece = word.pieces[-1]
            gap = placed[i] - word.space if word.rtl else placed[i] + word.width
            text.setFont(piece.font, piece.size)
            text.setTextOrigin(gap, y)
            text.textOut(" ")
    canvas.drawText(text)


def _gaps(line: list[Word], order: list[int]) -> list[float]:
    """The space after each word of ``order`` (left to right) but the last.

    Two words side by side that follow each other in reading order are parted by the space
    between them (its font's width); the other pairs (where a left-to-right run meets the
    right-to-left text) take the spaces left over. So the gaps add up to what
    :func:`break_lines` measured, whatever the order, and a right-aligned line ends at its
    right edge."""
    pairs = list(itertools.pairwise(order))
    used = {min(a, b) for a, b in pairs if abs(a - b) == 1}
    spare = [line[i].space for i in range(len(line) - 1) if i not in used]
    spare.reverse()
    return [line[min(a, b)].space if abs(a - b) == 1 else spare.pop() for a, b in pairs]


def _write_word(canvas: Any, text: Any, word: Word, left: float, y: float) -> None:
    """Write ``word``'s glyphs in reading order, each at its visual place; glyphs that carry
    no letters of their own (a letter's separate dots) are drawn as outlines. A glyph with
    letters but no character code (plain mode: see :mod:`pdfbuilder.text.shaping`) is drawn
    as an outline too, with its letters written over it as invisible text."""
    pieces = list(reversed(word.pieces)) if word.rtl else list(word.pieces)
    positions: list[tuple[int, int, float, Glyph, Piece]] = []
    x = left
    for piece in pieces:
        for glyph in piece.glyphs:
            positions.append((piece.start, glyph.cluster, x, glyph, piece))
            x += glyph.advance
    positions.sort(key=lambda p: (p[0], p[1]))
    for _, _, gx, glyph, piece in positions:
        gx, gy = gx + glyph.x_offset, y + glyph.y_offset
        if glyph.code:
            text.setFont(piece.font, piece.size)
            text.setTextOrigin(gx, gy)
            text.textOut(glyph.code)
            continue
        draw_outline(canvas, piece.font, piece.size, glyph.gid, gx, gy)
        if glyph.letters:
            _write_invisibly(text, glyph, piece, gx, gy)


def _write_invisibly(text: Any, glyph: Glyph, piece: Piece, x: float, y: float) -> None:
    """Write the letters a glyph with no code stands for as invisible text over its outline,
    squeezed or stretched to the glyph's own width, so that they are found and copied where
    the glyph is seen."""
    width = pdfmetrics.stringWidth(glyph.letters, piece.font, piece.size)
    text.setTextRenderMode(3)  # invisible: read, copied and searched, not seen
    text.setFont(piece.font, piece.size)
    if width > 0 and glyph.advance > 0:
        text.setHorizScale(100 * glyph.advance / width)
    text.setTextOrigin(x, y)
    text.textOut(glyph.letters)
    text.setHorizScale(100)
    text.setTextRenderMode(0)
