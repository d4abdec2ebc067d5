"""Compose, Easy Read: a picture column on the left beside short text on the right.

In: the compose :class:`~pdfbuilder.compose.context.Context` of a layout with
``template: easy-read``. Out: the same blocks as the other layouts, built as rows: each idea
(a paragraph, a bullet, a key point, an exercise, a tier of the seek-help box) is one row
with its picture on the left, about a third of the width, and its words on the right, a
sentence to a line.

Pictures come from the content: ``picture:`` on a section, a paragraph or a bullet, the
exercise figures, and ``pictures:`` for the purpose line, the key points, the exercises'
introduction and the seek-help tiers (see docs/content-format.md). A row without a picture
gives its words the full width.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..content.model import Bullets, Paragraph
from ..figures import Figure, icon_flowable, render_figure
from ..flowables.boxes import Rule
from ..flowables.rows import SideBySide, Stack
from ..flowables.tiers import Slice, TierGroup
from .context import Context, card_parts, repeated, section_heading
from .seekhelp import tier_pieces, tier_words, tiers

#: The picture column's share of the text width.
PICTURE_SHARE = 1 / 3
#: The largest pictogram, however wide the column.
MAX_PICTURE = 34 * mm
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9¿¡\"'(*])")


def _picture_width(ctx: Context) -> float:
    return ctx.geometry.frame_width * PICTURE_SHARE


def picture(ctx: Context, name: str | None) -> Flowable | None:
    """A pictogram sized for the picture column (None when there is none)."""
    if name is None:
        return None
    size = min(_picture_width(ctx) - ctx.layout.type.body, MAX_PICTURE)
    icon = icon_flowable(name, size, ctx.styles.figure)
    return ctx.tag(icon, "Figure", alt=picture_alt(ctx, name))


def picture_alt(ctx: Context, name: str) -> str:
    """What a pictogram shows, in words, in the leaflet's language (``picture_<name>``)."""
    return ctx.labels(f"picture_{name.replace('-', '_')}")


def row(ctx: Context, left: Flowable | None, right: list[Flowable]) -> Flowable:
    """One idea: ``left`` in the picture column, ``right`` stacked beside it; never split.
    Without a picture the words take the whole width."""
    words = Stack(right, gap=ctx.styles.space.easy_read_gap)
    if left is None:
        line: Flowable = words
    else:
        line = SideBySide(left, _picture_width(ctx), words, gap=ctx.styles.space.easy_read_gap)
    line.spaceBefore = ctx.styles.space.easy_read_row
    return line


def sentences(ctx: Context, text: str, style: str = "body") -> list[Flowable]:
    """A paragraph as one line per sentence: Easy Read keeps to one short idea a line."""
    parts = [p for p in _SENTENCE_END.split(" ".join(text.split())) if p]
    return [ctx.tag(ctx.para(p, style), "P") for p in parts]


def purpose_block(ctx: Context) -> Iterator[Flowable]:
    pictured = ctx.handout.pictures.purpose
    yield row(ctx, picture(ctx, pictured), sentences(ctx, ctx.handout.purpose, "purpose"))


def takeaways_block(ctx: Context) -> Iterator[Flowable]:
    flow = [section_heading(ctx, ctx.labels("key_takeaways"), "key-points")]
    for point in ctx.handout.key_takeaways:
        flow.append(
            row(ctx, picture(ctx, ctx.handout.pictures.key_takeaways), sentences(ctx, point))
        )
    yield from ctx.group("Sect", flow)


def sections_block(ctx: Context) -> Iterator[Flowable]:
    for number, section in enumerate(ctx.handout.sections, 1):
        heading = section_heading(ctx, section.heading, f"section-{number}")
        first, flow = True, []
        for block in section.body:
            for text, name, figure in _ideas(block):
                words = sentences(ctx, text)
                if first:
                    # The heading rides in the first row, beside the section's picture.
                    words, first = [heading, *words], False
                    name = name or section.picture
                flow.append(row(ctx, _left(ctx, name, figure), words))
        yield from ctx.group("Sect", flow)


def _left(ctx: Context, name: str | None, figure: Figure | None) -> Flowable | None:
    """An item's figure (it shows more than a pictogram), else its pictogram, else nothing."""
    if figure is None:
        return picture(ctx, name)
    width = _picture_width(ctx) - ctx.layout.type.body
    height = width * ctx.layout.figure.height / ctx.layout.figure.width
    drawn = render_figure(figure, width, height, ctx.styles.figure)
    return ctx.tag(drawn, "Figure", alt=figure.alt)


def _ideas(block: Paragraph | Bullets) -> Iterator[tuple[str, str | None, Figure | None]]:
    if isinstance(block, Paragraph):
        yield block.text, block.picture, block.figure
        return
    none = (None,) * len(block.bullets)
    yield from zip(block.bullets, block.pictures or none, block.figures or none, strict=True)


def exercises_block(ctx: Context) -> Iterator[Flowable]:
    h = ctx.handout
    if not h.exercises:
        return
    flow = [section_heading(ctx, ctx.labels("exercises"), "exercises")]
    if h.exercises_intro:
        intro = picture(ctx, h.pictures.exercises_intro)
        flow.append(row(ctx, intro, sentences(ctx, h.exercises_intro)))
    width = _picture_width(ctx) - ctx.layout.type.body
    height = width * ctx.layout.figure.height / ctx.layout.figure.width
    for ex in h.exercises:
        figure, steps = card_parts(ctx, ex)
        dose = figure[1:]  # the dose line, under the picture
        drawn = render_figure(ex.figure, width, height, ctx.styles.figure)
        left = Stack([ctx.tag(drawn, "Figure", alt=ex.figure.alt), *dose], gap=2)
        name = ctx.tag(ctx.para(ex.name, "card_heading"), "H3")
        flow.append(ctx.group("Sect", row(ctx, left, [name, *steps])))
        rule = Rule(ctx.styles.palette.card_border, 1.0, space=ctx.styles.space.easy_read_rule)
        flow.append(rule)
    yield from ctx.group("Sect", flow)


def seek_help_block(ctx: Context) -> Iterator[Flowable]:
    """Each tier a whole box: its pictogram on the left, its words and signs on the right.
    Tiers stay whole; a page that cannot take the next one ends, and the box goes on under
    a "continued" heading. A tier taller than a page starts where its heading and first
    sign fit and goes on between two signs, its picture again beside each later piece (see
    :func:`~pdfbuilder.compose.seekhelp.tier_pieces`)."""
    body, space = ctx.layout.type.body, ctx.styles.space
    heading = section_heading(ctx, ctx.labels("seek_help"), "seek-help")
    continued = repeated(ctx, ctx.para(ctx.labels("seek_help_continued"), "heading"))
    size = ctx.layout.type.card_heading * 1.4
    chosen = tiers(ctx)
    # The note as one line a sentence, like every Easy Read paragraph.
    words = [
        [
            *tier_words(ctx, dataclasses.replace(tier, note=None), size),
            *(sentences(ctx, tier.note) if tier.note else []),
        ]
        for tier in chosen
    ]
    pictures = [getattr(ctx.handout.pictures, tier.name) for tier in chosen]
    lefts = [picture(ctx, name) for name in pictures]  # a Figure each, on the first piece
    again: dict[int, Flowable | None] = {}  # a later piece's picture: furniture, made once

    def arrange(i: int, content: list[Flowable], continuing: bool) -> list[Flowable]:
        if continuing and i not in again:
            copy = picture(dataclasses.replace(ctx, tagged=False), pictures[i])
            again[i] = None if copy is None else repeated(ctx, copy)
        left = again[i] if continuing else lefts[i]
        inner = Stack(content, gap=space.easy_read_lines)
        if left is None:
            return [inner]
        gap = space.easy_read_tier_gap
        return [SideBySide(left, _picture_width(ctx) - body, inner, gap=gap)]

    whole, piece = tier_pieces(ctx, chosen, words, size, arrange)

    def build(cuts: Sequence[Slice], more: bool, across: bool) -> Flowable:
        top = continued if more else heading
        return Stack([top, *[piece(c) for c in cuts]], gap=space.seek_help)

    group = TierGroup(
        build,
        [t.name for t in chosen],
        keep_box=False,
        across=False,
        page_height=ctx.geometry.frame_height,
        signs=[len(t.items) for t in chosen],
        parts=[heading, continued, *whole],
    )
    yield ctx.group("Sect", group)


#: The blocks built differently in Easy Read; the others are the same as in every layout.
EASY_READ_BUILDERS: dict[str, Callable[[Context], Iterator[Flowable]]] = {
    "purpose": purpose_block,
    "takeaways": takeaways_block,
    "sections": sections_block,
    "exercises": exercises_block,
    "seek_help": seek_help_block,
}
