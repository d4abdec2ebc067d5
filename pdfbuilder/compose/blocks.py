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

from ..content.citations import citation, link
from ..content.model import Bullets, Section
from ..content.model import Paragraph as ParagraphBlock
from ..content.signoff import reviewer_line
from ..flowables.boxes import Band, Bookmark, Box
from ..flowables.columns import TwoColumns
from ..flowables.rows import Stack
from ..text.markup import plain, to_markup
from ..text.para import make_para
from .cards import exercise_cards
from .context import Context, section_heading
from .item_figures import beside, picture_column
from .looks import box_style


def title_block(ctx: Context) -> Iterator[Flowable]:
    h, st, g = ctx.handout, ctx.styles, ctx.geometry
    parts: list[Flowable] = [ctx.tag(ctx.para(h.title, "title"), "H1")]
    if h.subtitle:
        parts.append(ctx.tag(ctx.para(h.subtitle, "subtitle"), "P"))
    pad = st.space.title_padding
    yield Band(
        Stack(parts, gap=2),
        st.palette.accent,
        pad=pad,
        out_left=g.band_left,
        out_right=g.band_right,
        out_top=g.band_top,
    )


def purpose_block(ctx: Context) -> Iterator[Flowable]:
    yield ctx.tag(ctx.para(ctx.handout.purpose, "purpose"), "P")
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
            [ctx.tag(make_para(f"<b>{to_markup(n)}</b>", st.body), "P") for n in notes],
            box_style(ctx, "notice", border=st.palette.emergency),
            name="the draft notice",
        )


def takeaways_block(ctx: Context) -> Iterator[Flowable]:
    st = ctx.styles
    content: list[Flowable] = [
        Bookmark(ctx.labels("key_takeaways"), "key-points"),
        ctx.tag(ctx.para(ctx.labels("key_takeaways"), "box_heading"), "H2"),
    ]
    points = [ctx.item(t, "bullet", "•") for t in ctx.handout.key_takeaways]
    content += ctx.group("L", points, numbering="Disc")
    box = Box(
        content,
        box_style(ctx, "takeaways", background=st.palette.tint, bar=st.palette.accent),
        name="the key points box",
        field="key_takeaways",
    )
    yield Spacer(0, st.space.block)
    yield ctx.group("Sect", box)


def sections_block(ctx: Context) -> Iterator[Flowable]:
    flow: list[Flowable] = []
    for i, section in enumerate(ctx.handout.sections):
        flow.extend(_section(ctx, section, f"section-{i + 1}"))
    if ctx.layout.columns == 1:
        yield from flow
        return
    yield TwoColumns(flow, gap=ctx.styles.space.columns)


def _section(ctx: Context, section: Section, key: str) -> Iterator[Flowable]:
    flow = [section_heading(ctx, section.heading, key)]
    for block in section.body:
        if isinstance(block, ParagraphBlock):
            text = ctx.tag(ctx.para(block.text, "body"), "P")
            flow.append(beside(ctx, text, block.figure))
        elif isinstance(block, Bullets):
            items = [ctx.item(b, "bullet", "•") for b in block.bullets]
            ctx.group("L", items, numbering="Disc")
            figures = block.figures or (None,) * len(items)
            column = picture_column(ctx, figures)  # every figured item's text in line
            flow += [beside(ctx, i, f, column) for i, f in zip(items, figures, strict=True)]
    yield from ctx.group("Sect", flow)


def exercises_block(ctx: Context) -> Iterator[Flowable]:
    h = ctx.handout
    if not h.exercises:
        return
    flow = [section_heading(ctx, ctx.labels("exercises"), "exercises")]
    if h.exercises_intro:
        flow.append(ctx.tag(ctx.para(h.exercises_intro, "body"), "P"))
    for card in exercise_cards(ctx):
        flow += ctx.group("Sect", [card])
    yield from ctx.group("Sect", flow)


def sources_block(ctx: Context) -> Iterator[Flowable]:
    h, lab = ctx.handout, ctx.labels
    yield Spacer(0, ctx.styles.space.block)
    title = ctx.tag(ctx.para(lab("sources"), "card_heading"), "H2")
    heading = Stack([Bookmark(lab("sources"), "sources"), title], gap=0)
    heading.keepWithNext = 1
    flow: list[Flowable] = [heading]
    items = []
    listed = h.sources
    if ctx.layout.select.sources == "count" and ctx.shortened:
        # A short format: the full leaflet (its QR code, or the clinic) lists them.
        flow.append(ctx.tag(ctx.para(lab("sources_in_full", count=len(h.sources)), "small"), "P"))
        listed = ()
    for n, ref in enumerate(listed, 1):
        url = link(ref)
        contents = f"{plain(ref.title)}: {url}" if url else None
        text = citation(ref, lab)
        items.append(
            ctx.item(text, "small_bullet", f"{n}.", url=url, contents=contents, lang=ref.language)
        )
    flow += ctx.group("L", items, numbering="Decimal")
    r = h.review
    about = lab(
        "about_line",
        organisation=r.organisation,
        author=r.author,
        clinical_reviewer=reviewer_line(r),
        published=lab.date(r.published),
        next_review=lab.date(r.next_review),
    )
    flow += [Spacer(0, ctx.layout.type.small * 0.5), ctx.tag(ctx.para(about, "small"), "P")]
    if not ctx.layout.footer:
        # No page footer in this layout (a trifold): the document line goes here instead.
        line = lab(
            "document_line",
            document_id=r.document_id,
            version=r.version,
            next_review=lab.month_year(r.next_review),
        )
        flow.append(ctx.tag(ctx.para(line, "small"), "P"))
    yield from ctx.group("Sect", flow)
