"""Compose, the blocks every layout has: title band, purpose, key points, sections,
exercises (cards, or open for large type) and sources.

In: a :class:`~pdfbuilder.compose.context.Context`. Out: each block's flowables, in reading
order. The seek-help box is :mod:`~pdfbuilder.compose.seekhelp`; the clinic, personal,
exercise-log and QR blocks are :mod:`~pdfbuilder.compose.clinic_blocks`; Easy Read's rows
are :mod:`~pdfbuilder.compose.easyread`.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..content.model import Bullets, Exercise, Section
from ..content.model import Paragraph as ParagraphBlock
from ..flowables.boxes import Band, Bookmark, Box, Rule
from ..flowables.columns import TwoColumns
from ..flowables.rows import SideBySide, Stack
from ..text.markup import plain, to_markup
from ..text.para import make_para
from .context import Context, card_parts, section_heading
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
            flow.append(ctx.tag(ctx.para(block.text, "body"), "P"))
        elif isinstance(block, Bullets):
            items = [ctx.item(b, "bullet", "•") for b in block.bullets]
            flow += ctx.group("L", items, numbering="Disc")
    yield from ctx.group("Sect", flow)


def exercises_block(ctx: Context) -> Iterator[Flowable]:
    h = ctx.handout
    if not h.exercises:
        return
    flow = [section_heading(ctx, ctx.labels("exercises"), "exercises")]
    if h.exercises_intro:
        intro = ctx.para(h.exercises_intro, "body")
        intro.keepWithNext = 1  # never leave the heading and intro without the first exercise
        flow.append(ctx.tag(intro, "P"))
    for ex in h.exercises:
        if ctx.layout.figure.position in ("above", "compact"):
            parts = list(open_exercise(ctx, ex))
        else:
            parts = [exercise_card(ctx, ex)]
        parts[0].spaceBefore = ctx.styles.space.exercise
        flow += ctx.group("Sect", parts)
    yield from ctx.group("Sect", flow)


def open_exercise(ctx: Context, ex: Exercise) -> Iterator[Flowable]:
    """An exercise for one-column, large type: name, figure and dose kept together, then the
    steps flow (a page may break between steps, never inside one), then a rule."""
    figure, steps = card_parts(ctx, ex)
    name = ctx.tag(ctx.para(ex.name, "card_heading"), "H3")
    gap = ctx.styles.space.exercise_parts
    if ctx.layout.figure.position == "compact":
        # Narrow panels: the name and dose beside the figure, the steps under both.
        width = ctx.layout.figure.width * mm
        beside = Stack([name, *figure[1:]], gap=gap)
        top: Flowable = SideBySide(figure[0], width, beside, gap=gap * 2)
    else:
        top = Stack([name, *figure], gap=gap)
    top.keepWithNext = 1
    yield top
    yield from steps
    yield Rule(ctx.styles.palette.card_border, 1.0, space=ctx.styles.space.exercise_rule)


def exercise_card(ctx: Context, ex: Exercise) -> Flowable:
    """A card: the name; the figure with the dose under it, beside the numbered steps and the
    feel and stop-if lines. The card never splits."""
    figure, steps = card_parts(ctx, ex)
    body = SideBySide(
        Stack(figure, gap=2),
        ctx.layout.figure.width * mm,
        Stack(steps, gap=1),
        gap=ctx.styles.space.figure_gap,
    )
    return Box(
        [ctx.tag(ctx.para(ex.name, "card_heading"), "H3"), body],
        box_style(ctx, "card", border=ctx.styles.palette.card_border),
        name=f'the exercise card "{plain(ex.name)}"',
    )


def sources_block(ctx: Context) -> Iterator[Flowable]:
    h, lab = ctx.handout, ctx.labels
    yield Spacer(0, ctx.styles.space.block)
    title = ctx.tag(ctx.para(lab("sources"), "card_heading"), "H2")
    heading = Stack([Bookmark(lab("sources"), "sources"), title], gap=0)
    heading.keepWithNext = 1
    flow: list[Flowable] = [heading]
    items = []
    for n, ref in enumerate(h.sources, 1):
        text = f"{ref.title}. {ref.publisher}, {ref.year}."
        if ref.url:
            text += f" {ref.url}"
        contents = f"{plain(ref.title)}: {ref.url}" if ref.url else None
        items.append(
            ctx.item(
                text, "small_bullet", f"{n}.", url=ref.url, contents=contents, lang=ref.language
            )
        )
    flow += ctx.group("L", items, numbering="Decimal")
    r = h.review
    about = lab(
        "about_line",
        organisation=r.organisation,
        author=r.author,
        clinical_reviewer=r.clinical_reviewer,
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
