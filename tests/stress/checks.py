"""What a designer checks on every page, read back from the PDF (and the layout's record).

Each check returns a list of problems (empty: fine), so a failing test says all of them.
Regions are where text may go: a flowing page's text frame (margins and footer aside), or
one of a trifold's six panels.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pdfplumber

from pdfbuilder.content.model import Handout
from pdfbuilder.layout.model import Layout
from pdfbuilder.render.pages import page_size
from pdfbuilder.render.paginate import Filled
from pdfbuilder.render.trifold import panels
from pdfbuilder.text.markup import plain

MM = 72 / 25.4
FILL = 0.35


@dataclass
class Region:
    """Where text may be: a page's frame or a panel (PDF coordinates, top-down)."""

    name: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    chars: list[dict[str, Any]]
    rtl: bool = False

    def text(self) -> str:
        """The region's text in reading order, as it was drawn (a box's lines in turn, even
        when boxes stand side by side); right-to-left lines read from the right."""
        chars = self.chars
        if self.rtl:  # each drawn line read from the right, the lines in drawing order
            chars = [
                c for line in _drawn_lines(chars) for c in sorted(line, key=lambda c: -c["x0"])
            ]
        out, previous = [], None
        for ch in chars:
            if previous is not None and (
                abs(ch["bottom"] - previous["bottom"]) > 1.0
                or ch["x0"] - previous["x1"] > ch["size"] * 0.15
            ):
                out.append(" ")
            out.append(ch["text"])
            previous = ch
        return squash("".join(out))

    def key(self) -> str:
        """The text's letters alone: words a line break split are found whole, and
        right-to-left lines (whose stops and digits a PDF reader puts at the other end) too."""
        return _letters(self.text())

    def lines(self) -> list[list[dict[str, Any]]]:
        """The region's lines of text, top to bottom."""
        rows: list[list[dict[str, Any]]] = []
        for ch in sorted(self.chars, key=lambda c: (round(c["bottom"], 0), c["x0"])):
            if rows and abs(rows[-1][0]["bottom"] - ch["bottom"]) < 1.0:
                rows[-1].append(ch)
            else:
                rows.append([ch])
        return rows


def _drawn_lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for ch in chars:
        if lines and abs(lines[-1][-1]["bottom"] - ch["bottom"]) < 1.0:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return lines


def squash(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def _ordered(chars: list[dict[str, Any]], rtl: bool = False) -> Iterator[str]:
    rows: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (round(c["bottom"], 0), c["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - ch["bottom"]) < 1.0:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    for row in rows:
        previous = None
        for ch in sorted(row, key=lambda c: -c["x0"] if rtl else c["x0"]):
            gap = previous["x0"] - ch["x1"] if rtl and previous else 0
            if previous is not None and not rtl:
                gap = ch["x0"] - previous["x1"]
            if previous is not None and gap > ch["size"] * 0.15:
                yield " "
            yield ch["text"]
            previous = ch
        yield " "


def regions(pdf: bytes, layout: Layout, paper: str, rtl: bool = False) -> list[Region]:
    """The text regions of every page, with the characters in each (and one region named
    "outside" per page for characters in none)."""
    out: list[Region] = []
    m = layout.page.margins
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            chars = [c for c in page.chars if c["text"].strip()]
            if layout.template == "trifold":
                width, height = page_size(layout, paper)
                sheet = panels(layout, width, height, 0.0)[(number - 1) * 3 : number * 3]
                boxes = [
                    (p.name, p.x, p.x + p.width, height - p.y - p.height, height - p.y)
                    for p in sheet
                ]
            else:
                bottom = page.height - m.bottom * MM
                boxes = [
                    (f"page {number}", m.left * MM, page.width - m.right * MM, m.top * MM, bottom)
                ]
            taken: set[int] = set()
            for name, x0, x1, top, bottom in boxes:
                inside = [
                    c
                    for c in chars
                    if c["x0"] >= x0 - 0.6
                    and c["x1"] <= x1 + 0.6
                    and c["top"] >= top - 0.6 - c["size"] * 0.3
                    # the baseline: a font's deep descent (Arabic) is not text past the frame
                    and page.height - c["matrix"][5] <= bottom + 0.6
                ]
                taken.update(id(c) for c in inside)
                out.append(Region(name, number, x0, x1, top, bottom, inside, rtl))
            rest = [c for c in chars if id(c) not in taken]
            out.append(Region("outside", number, 0, page.width, 0, page.height, rest, rtl))
    return out


def text_outside(found: list[Region]) -> list[str]:
    """Characters outside every frame or panel (crossing a fold, over a margin)."""
    return [
        f"page {r.page}: {r.text()[:60]!r} outside the text frames"
        for r in found
        if r.name == "outside" and r.chars
    ]


def type_too_small(found: list[Region], layout: Layout) -> list[str]:
    sizes = [c["size"] for r in found for c in r.chars]
    small = [s for s in sizes if s < layout.type.minimum - 0.01]
    return (
        [f"{len(small)} characters under {layout.type.minimum} pt (smallest {min(small):.2f})"]
        if small
        else []
    )


def stranded_headings(found: list[Region], layout: Layout) -> list[str]:
    """A heading (section or card heading size, bold) as the last line of a page or panel."""
    sizes = {round(layout.type.heading, 1), round(layout.type.card_heading, 1)}
    problems = []
    for r in found:
        if r.name in ("outside", "cover") or not r.chars:
            continue
        body_lines = [line for line in r.lines() if not _footer_line(line, layout)]
        if not body_lines:
            continue
        last = body_lines[-1]
        if all(round(c["size"], 1) in sizes and "Bold" in c["fontname"] for c in last):
            words = squash("".join(c["text"] for c in sorted(last, key=lambda c: c["x0"])))
            problems.append(f"{r.name}: heading {words!r} ends it")
    return problems


def _footer_line(line: list[dict[str, Any]], layout: Layout) -> bool:
    return False


def empty_panels(found: list[Region]) -> list[str]:
    return [f"{r.name} is empty" for r in found if r.name != "outside" and not r.chars]


def seek_help_rule(
    found: list[Region], handout: Handout, heading: str, continued: str, more: str = ""
) -> list[str]:
    """Each tier whole in one region, or (a tier taller than a page) each later part headed
    ``more`` (the "(continued)" words); the first region holding tiers starts the box (its
    heading), every later one is headed "continued"."""
    problems = []
    texts = [(r, r.key()) for r in found if r.name != "outside"]
    holding: list[Region] = []
    h = handout.seek_help
    for tier, items in (("emergency", h.emergency), ("urgent", h.urgent), ("routine", h.routine)):
        where = {id(r): r for r, t in texts for item in items if _key(item) in t}
        parts = list(where.values())
        later_headed = bool(more) and all(_key(more) in r.key() for r in parts[1:])
        if not parts or (len(parts) > 1 and not later_headed):
            problems.append(f"the {tier} tier is in {len(where)} regions")
        holding += [r for r in where.values() if r not in holding]
    for i, r in enumerate(holding):
        t = r.key()
        if i == 0 and _key(heading) not in t:
            problems.append(f"{r.name}: the box's first part has no heading")
        if i > 0 and _key(continued) not in t:
            problems.append(f"{r.name}: a later part of the box is not headed {continued!r}")
    return problems


def _words(text: str) -> str:
    return squash(plain(re.sub(r"\s*\{where:[^}]*\}", "", text)))


def _key(text: str) -> str:
    return _letters(_words(text))


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def split_cards(found: list[Region], handout: Handout, continued: str) -> list[str]:
    """Each exercise's steps in order after its name, in the region of its name or in the
    next one headed "<name> (continued)"; its last step with its stop line; a card in two
    regions only with the "continued" heading there.

    A step is looked for after the card's name and the step before it, not anywhere in the
    region: a short step ("Hold, then relax.") may be another card's too, and the name may be
    printed elsewhere (the exercise log), so a card is only where its name comes right
    before its first step."""
    problems = []
    texts = [r.key() for r in found if r.name != "outside"]
    for ex in handout.exercises:
        pieces = [_key(step)[:40] for step in ex.steps]
        start = _card_start(texts, _key(ex.name), pieces[0])
        if start is None:
            if any(pieces[0] in t for t in texts):
                problems.append(f"{ex.id}: step 1 is not beside its name")
            continue
        k, pos = start
        more = _key(continued.format(name=ex.name))
        for i, piece in enumerate(pieces):
            at = texts[k].find(piece, pos)
            if at < 0 and k + 1 < len(texts) and piece in texts[k + 1]:
                k, heading = k + 1, texts[k + 1].find(more)
                at = texts[k].find(piece, heading + len(more)) if heading >= 0 else -1
                if at < 0:
                    problems.append(f"{ex.id}: split without a continued heading")
                    break
            if at < 0:
                problems.append(f"{ex.id}: step {i + 1} is not beside its name")
                break
            pos = at + len(piece)
        else:
            if ex.stop_if and _key(ex.stop_if)[:30] not in texts[k][pos:]:
                problems.append(f"{ex.id}: the last step is parted from its stop line")
    return problems


def _card_start(texts: list[str], name: str, first: str) -> tuple[int, int] | None:
    """(region, place) where the card's first step begins: the occurrence of ``first``
    closest after an occurrence of ``name``."""
    best: tuple[int, int, int] | None = None
    for k, t in enumerate(texts):
        i = t.find(name)
        while i >= 0:
            j = t.find(first, i + len(name))
            if j >= 0 and (best is None or j - i < best[2]):
                best = (k, j, j - i)
            i = t.find(name, i + 1)
    return None if best is None else (best[0], best[1])


def page_fill(frames: list[Filled]) -> list[str]:
    """No page but the last more than FILL empty, unless the next piece (a card, the
    seek-help box or a tier, never text that could split) is taller than the space left."""
    problems = []
    for number, frame in enumerate(frames[:-1], 1):
        if frame.empty_share <= FILL:
            continue
        *kept, item = frame.waiting
        kind = type(getattr(item, "flowable", item)).__name__
        if kind in ("Para", "Paragraph", "RtlPara", "TwoColumns"):
            problems.append(
                f"page {number}: {frame.empty_share:.0%} empty before text that could split"
            )
            continue
        first = getattr(item, "first_piece", None)
        need = first(frame.width) if first else item.wrap(frame.width, frame.height)[1]
        need += item.getSpaceBefore() if frame.placed else 0.0  # kept under what is there
        need += sum(k.wrap(frame.width, frame.height)[1] + k.getSpaceBefore() for k in kept)
        if need <= frame.space_left + 0.5:
            problems.append(
                f"page {number}: {frame.empty_share:.0%} empty, though the next piece "
                f"({kind}, {need / MM:.0f} mm) fits the {frame.space_left / MM:.0f} mm left"
            )
    return problems
