"""Render, the footer every flowing page carries, fitted to the page whatever its text.

In: the handout (document id, version, review date), the layout's small type and minimum
size, the labels, the text width and a clinic's footer line. Out: a :class:`Footer` whose
lines are planned once, before the pages are laid out (its height sets the text frame's),
and drawn on every page with "Page X of Y".

Each line of text must fit the page: the page label and the document line share a line
when both fit side by side; otherwise each takes its own. A line that is still too wide is
set a little smaller, never under the layout's minimum size, and otherwise wraps between
words (a word wider than the page, such as a long document id, breaks between letters).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..content.labels import Labels
from ..content.model import Handout
from ..layout.model import Layout
from ..layout.styles import Styles
from ..tagging.marks import FOOTER, begin_mark, end_mark
from ..text.draw import draw_string
from .pages import PageSetup

#: Line spacing of the footer, as a multiple of its size.
LEADING = 1.3
#: A line may be set this much smaller to fit on one line, never under the layout minimum.
SHRINK = 0.85
#: The widest page numbers the page label is planned for.
WIDEST_PAGES = 88


def document_line(handout: Handout, labels: Labels) -> str:
    """ "MSK-001 · Version 2.0 · Review by December 2029"."""
    r = handout.review
    return labels(
        "document_line",
        document_id=r.document_id,
        version=r.version,
        next_review=labels.month_year(r.next_review),
    )


def fit_lines(
    text: str, font: str, size: float, minimum: float, width: float
) -> tuple[float, list[str]]:
    """The size and lines to set ``text`` in ``width``: one line at ``size`` if it fits, else
    one line a little smaller (down to ``minimum``), else wrapped at ``size``."""
    if stringWidth(text, font, size) <= width:
        return size, [text]
    smaller = max(minimum, size * SHRINK)
    if smaller < size and stringWidth(text, font, smaller) <= width:
        fitted = size * width / stringWidth(text, font, size)
        return max(smaller, min(size, fitted)), [text]
    return size, wrap_words(text, font, size, width)


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``: between words, and between
    letters inside a word that is wider than the line on its own."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        for piece in _pieces(word, font, size, width):
            trial = f"{line} {piece}" if line else piece
            if line and stringWidth(trial, font, size) > width:
                lines.append(line)
                line = piece
            else:
                line = trial
    if line:
        lines.append(line)
    return lines or [""]


def _pieces(word: str, font: str, size: float, width: float) -> list[str]:
    if stringWidth(word, font, size) <= width:
        return [word]
    pieces, piece = [], ""
    for ch in word:
        if piece and stringWidth(piece + ch, font, size) > width:
            pieces.append(piece)
            piece = ""
        piece += ch
    return [*pieces, piece] if piece else pieces


@dataclass(frozen=True)
class Line:
    """One footer line: its text pieces (left and right), font and size."""

    left: str
    right: str
    font: str
    size: float
    #: This line shows line ``page_part`` of "Page {page} of {pages}", filled in per page
    #: (-1: it does not).
    page_part: int = -1


@dataclass(frozen=True)
class Footer:
    """The footer's lines, planned once for the page width; drawn on every page."""

    lines: tuple[Line, ...]
    styles: Styles
    labels: Labels
    rule_gap: float

    @property
    def height(self) -> float:
        """The room the footer takes above the bottom margin, rule included."""
        text = sum(line.size * LEADING for line in self.lines)
        return text + self.rule_gap * 2.2

    def draw(self, canvas: Any, setup: PageSetup, layout: Layout, page: int, total: int) -> None:
        """The rule, then the lines, from the top down, with this page's number."""
        m = layout.page.margins
        left_x = setup.offset + m.left * mm
        right_x = setup.offset + setup.trim_width - m.right * mm
        y = setup.offset + m.bottom * mm + self.rule_gap * 0.4
        chain, rtl = self.styles.chain, self.labels.rtl
        begin_mark(canvas, FOOTER)  # the footer is page furniture: never read mid-sentence
        canvas.saveState()
        heights = [line.size * LEADING for line in self.lines]
        top = y + sum(heights[1:])
        canvas.setStrokeColor(self.styles.palette.card_border)
        canvas.setLineWidth(0.6)
        rule_y = top + self.lines[0].size + self.rule_gap * 0.6
        canvas.line(left_x, rule_y, right_x, rule_y)
        canvas.setFillColor(self.styles.palette.muted)
        baseline = top
        label = self.labels("page_of", page=page, pages=total)
        width = right_x - left_x
        for line, h in zip(self.lines, heights, strict=True):
            canvas.setFont(line.font, line.size)
            text = line.left
            if line.page_part >= 0:
                parts = fit_lines(label, line.font, line.size, line.size, width)[1]
                text = parts[line.page_part] if line.page_part < len(parts) else ""
            if text:
                draw_string(canvas, left_x, baseline, text, chain, rtl=rtl)
            if line.right:
                canvas.setFont(self.styles.fonts.regular, line.size)
                draw_string(canvas, right_x, baseline, line.right, chain, rtl=rtl, right=True)
            baseline -= h
        canvas.restoreState()
        end_mark(canvas, FOOTER)


def plan_footer(
    handout: Handout,
    layout: Layout,
    styles: Styles,
    labels: Labels,
    width: float,
    note: str | None,
) -> Footer:
    """Lines that fit ``width``: the clinic's line (wrapped), then the page label and the
    document line, side by side when both fit, else one under the other."""
    size, minimum = layout.type.small, layout.type.minimum
    regular, bold = styles.fonts.regular, styles.fonts.bold
    lines: list[Line] = []
    if note:
        note_size, texts = fit_lines(" ".join(note.split()), regular, size, minimum, width)
        lines += [Line(text, "", regular, note_size) for text in texts]
    label = labels("page_of", page=WIDEST_PAGES, pages=WIDEST_PAGES)
    document = document_line(handout, labels)
    gap = size * 2
    if stringWidth(label, bold, size) + gap + stringWidth(document, regular, size) <= width:
        lines.append(Line("", document, bold, size, page_part=0))
    else:
        label_size, parts = fit_lines(label, bold, size, minimum, width)
        lines += [Line("", "", bold, label_size, page_part=i) for i in range(len(parts))]
        doc_size, texts = fit_lines(document, regular, size, minimum, width)
        lines += [Line(text, "", regular, doc_size) for text in texts]
    return Footer(tuple(lines), styles, labels, rule_gap=size)
