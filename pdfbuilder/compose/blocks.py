"""Compose, the blocks every layout has: title band, purpose, key points, sections,
exercises (cards, or open for large type) and sources.

In: a :class:`~pdfbuilder.compose.context.Context`. Out: each block's flowables, in reading
order. The seek-help box is :mod:`~pdfbuilder.compose.seekhelp`; the clinic, personal,
exercise-log and QR blocks are :mod:`~pdfbuilder.compose.clinic_blocks`; Easy Read's rows
are :mod:`~pdfbuilder.compose.easyread`.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.platypus import Flowable, Spacer

from ..content.model import Bullets, Section
from ..content.model import Paragraph as ParagraphBlock
from ..flowables.boxes import Band, Bookmark, Box, BoxStyle
from ..flowables.columns import TwoColumns
from ..flowables.rows import Stack
from ..text.markup import to_markup
from ..text.para import make_para
from .cards import exercise_cards
from .context import Context, section_heading


def title_block(ctx: Context) -> Iterator[Flowable]:
    h, st, g = ctx.handout, ctx.styles, ctx.geometry
    parts: list[Flowable] = [ctx.para(h.title, "title")]
    if h.subtitle:
        parts.append(ctx.para(h.subtitle, "subtitle"))
    pad = ctx.layout.type.body * 1.1
    yield Band(
        Stack(parts, gap=2),
        st.palette.accent,
        pad=pad,
        out_left=g.band_left,
        out_right=g.band_right,
        out_top=g.band_top,
    )


def purpose_block(ctx: Context) -> Iterator[Flowable]:
    yield ctx.para(ctx.handout.purpose, "purpose")
    yield from _status_notices(ctx)


def _status_notices(ctx: Context) -> Iterator[Flowable]:
    """A visible warning on a draft, or on a translation no qualified translator has checked."""
    h, st = ctx.handout, ctx.styles
    notes = []
    if h.review.status == "draft":
        notes.append(ctx.labels("draft_notice"))
    if h.translation is not None and not h.translation.reviewed:
        notes.append(ctx.labels("unreviewed_translation"))
    if notes:
        yield Box(
            [make_para(f"<b>{to_markup(n)}</b>", st.body) for n in notes],
            BoxStyle(
                padding=ctx.layout.type.body * 0.5,
                border=st.palette.emergency,
                border_width=1.5,
                dash=(5.0, 3.0),
                radius=2,
                space_between=0,
            ),
            name="the draft notice",
        )


def takeaways_block(ctx: Context) -> Iterator[Flowable]:
    st = ctx.styles
    content: list[Flowable] = [
        Bookmark(ctx.labels("key_takeaways"), "key-points"),
        ctx.para(ctx.labels("key_takeaways"), "box_heading"),
    ]
    content += [ctx.para(t, "bullet", bulletText="•") for t in ctx.handout.key_takeaways]
    box = Box(
        content,
        BoxStyle(
            padding=ctx.layout.type.body * 0.8,
            background=st.palette.tint,
            left_bar=st.palette.accent,
            radius=2,
            space_between=0,
        ),
        name="the key points box",
        field="key_takeaways",
    )
    yield Spacer(0, ctx.layout.type.body * 0.6)
    yield box


def sections_block(ctx: Context) -> Iterator[Flowable]:
    flow: list[Flowable] = []
    for i, section in enumerate(ctx.handout.sections):
        flow.extend(_section(ctx, section, f"section-{i + 1}"))
    if ctx.layout.columns == 1:
        yield from flow
        return
    yield TwoColumns(flow, gap=ctx.layout.type.body * 1.6)


def _section(ctx: Context, section: Section, key: str) -> Iterator[Flowable]:
    yield section_heading(ctx, section.heading, key)
    for block in section.body:
        if isinstance(block, ParagraphBlock):
            yield ctx.para(block.text, "body")
        elif isinstance(block, Bullets):
            yield from (ctx.para(b, "bullet", bulletText="•") for b in block.bullets)


def exercises_block(ctx: Context) -> Iterator[Flowable]:
    h = ctx.handout
    if not h.exercises:
        return
    yield section_heading(ctx, ctx.labels("exercises"), "exercises")
    if h.exercises_intro:
        yield ctx.para(h.exercises_intro, "body")
    yield from exercise_cards(ctx)


def sources_block(ctx: Context) -> Iterator[Flowable]:
    h, lab = ctx.handout, ctx.labels
    yield Spacer(0, ctx.layout.type.body * 0.6)
    heading = Stack(
        [Bookmark(lab("sources"), "sources"), ctx.para(lab("sources"), "card_heading")], gap=0
    )
    heading.keepWithNext = 1
    yield heading
    listed = h.sources
    if ctx.layout.select.sources == "count" and ctx.shortened:
        # A short format: the full leaflet (its QR code, or the clinic) lists them.
        yield ctx.para(lab("sources_in_full", count=len(h.sources)), "small")
        listed = ()
    for n, ref in enumerate(listed, 1):
        text = f"{ref.title}. {ref.publisher}, {ref.year}."
        if ref.url:
            text += f" {ref.url}"
        yield ctx.para(text, "small_bullet", bulletText=f"{n}.")
    r = h.review
    about = lab(
        "about_line",
        organisation=r.organisation,
        author=r.author,
        clinical_reviewer=r.clinical_reviewer,
        published=lab.date(r.published),
        next_review=lab.date(r.next_review),
    )
    yield Spacer(0, ctx.layout.type.small * 0.5)
    yield ctx.para(about, "small")
    if not ctx.layout.footer:
        # No page footer in this layout (a trifold): the document line goes here instead.
        line = lab(
            "document_line",
            document_id=r.document_id,
            version=r.version,
            next_review=lab.month_year(r.next_review),
        )
        yield ctx.para(line, "small")
