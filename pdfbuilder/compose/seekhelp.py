"""Compose, the when-to-get-help box: three tiers that differ by words, icon, border and colour.

In: the compose context. Out: the box (whole on one page, three tiers across or stacked) as a
:class:`~pdfbuilder.flowables.tiers.TierGroup`, which keeps each tier whole and continues
under a "continued" heading when the whole box cannot fit a page (or the layout keeps only
tiers whole, for large type). A tier taller than a page is cut between its signs where
each page ends (:func:`tier_pieces` draws the pieces the group asks for).
Easy Read builds its rows from the same tier words and pieces (see
:mod:`pdfbuilder.compose.easyread`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Spacer

from ..flowables.boxes import Bookmark, Box, TierIcon
from ..flowables.rows import Row, SideBySide, Stack
from ..flowables.tiers import Slice, TierGroup
from ..text.markup import to_markup
from ..text.para import make_para
from .context import Context, repeated
from .looks import BoxKind, box_style

SEEK_HELP_BOX = "the when-to-get-help box"


@dataclass(frozen=True)
class Tier:
    """One urgency tier: its name, signs, colour and border (weight and dash)."""

    name: str
    items: tuple[str, ...]
    colour: Color
    kind: BoxKind  # its box in the layout's ``boxes:`` (border weight and dash)
    #: Advice printed after the signs (``seek_help.notes``), after the last one.
    note: str | None = None


def tiers(ctx: Context) -> list[Tier]:
    """Emergency, urgent and routine, heaviest border first; routine dashed."""
    help_, palette = ctx.handout.seek_help, ctx.styles.palette
    notes = help_.notes
    return [
        Tier("emergency", help_.emergency, palette.emergency, "emergency", note=notes.emergency),
        Tier("urgent", help_.urgent, palette.urgent, "urgent", note=notes.urgent),
        Tier("routine", help_.routine, palette.routine, "routine", note=notes.routine),
    ]


def tier_words(ctx: Context, tier: Tier, icon_size: float) -> list[Flowable]:
    """The tier's icon and heading, its lead line (naming the numbers to call), its signs,
    and its note (a paragraph after the list, never one more sign)."""
    top = tier_top(ctx, tier, icon_size)
    items = [ctx.item(item, "bullet", "•") for item in tier.items]
    return [
        *top,
        *ctx.group("L", items, numbering="Disc"),
        *note_lines(ctx, tier.note),
    ]


def tier_top(
    ctx: Context, tier: Tier, icon_size: float, *, continuing: bool = False
) -> list[Flowable]:
    """The tier's icon and heading, and its lead line; ``continuing`` (a later piece of a
    tier cut over pages): the heading marked "continued", both lines then page furniture
    (read once, where the tier starts)."""
    st, lab, h = ctx.styles, ctx.labels, ctx.handout
    contacts = {"emergency": h.contacts.emergency, "urgent": h.contacts.urgent}
    words = lab(f"{tier.name}_heading", **contacts)
    if continuing:
        words = lab("continued_name", name=words)
    heading = make_para(to_markup(words), st.tier_heading)
    icon = TierIcon(tier.name, tier.colour, icon_size, st.palette.text)
    lead = make_para(f"<b>{to_markup(lab(f'{tier.name}_lead', **contacts))}</b>", st.body)

    def mark(flowable: Flowable, role: str) -> Flowable:
        return repeated(ctx, flowable) if continuing else ctx.tag(flowable, role)

    return [
        SideBySide(icon, icon_size, mark(heading, "H3"), gap=icon_size * 0.4),
        mark(lead, "P"),
    ]


def note_lines(ctx: Context, note: str | None) -> list[Flowable]:
    """A tier's note as a paragraph of its own, after the signs (none without a note)."""
    return [] if note is None else [ctx.tag(ctx.para(note, "body"), "P")]


def tier_frame(ctx: Context, tier: Tier, content: list[Flowable]) -> Box:
    """A tier's own bordered box around ``content``, which never splits."""
    return Box(
        content,
        box_style(ctx, tier.kind, border=tier.colour),
        name=f"the {tier.name} part of the when-to-get-help box",
        field=f"seek_help.{tier.name}",
    )


def tier_box(ctx: Context, tier: Tier, content: list[Flowable]) -> Box:
    """A tier's own bordered box, which never splits: one section of the structure."""
    return ctx.group("Sect", tier_frame(ctx, tier, content))


#: ``arrange(tier, content, continuing)``: what a tier's box holds around its ``content`` (its
#: heading, lead, signs and note, or some of them); ``continuing``: a later piece of the tier.
Arrange = Callable[[int, list[Flowable], bool], list[Flowable]]


def tier_pieces(
    ctx: Context,
    chosen: list[Tier],
    words: list[list[Flowable]],
    icon_size: float,
    arrange: Arrange | None = None,
) -> tuple[list[Flowable], Callable[[Slice], Flowable]]:
    """The tiers' whole boxes (one section each), and what draws a piece of a tier (a
    :class:`~pdfbuilder.flowables.tiers.Slice`) at split time: the tier's whole box when it
    is all of it, else a box of its own around the same flowables ``words`` made at compose
    time (so each sign is the same structure node on whichever page it lands): the tier's
    heading and lead on its first piece, on a later one the heading marked "continued" and
    the lead again, both page furniture; its note after its last sign. ``arrange`` puts
    more around the words (Easy Read: the tier's picture beside them)."""

    def around(i: int, content: list[Flowable], continuing: bool) -> list[Flowable]:
        return content if arrange is None else arrange(i, content, continuing)

    whole = [
        tier_box(ctx, tier, around(i, w, False))
        for i, (tier, w) in enumerate(zip(chosen, words, strict=True))
    ]
    tops: dict[int, list[Flowable]] = {}

    def top(i: int) -> list[Flowable]:  # a later piece's heading and lead, made once
        if i not in tops:
            tops[i] = tier_top(ctx, chosen[i], icon_size, continuing=True)
        return tops[i]

    def piece(cut: Slice) -> Flowable:
        tier, w = chosen[cut.tier], words[cut.tier]
        count = len(tier.items)
        if cut.first == 0 and cut.stop == count:
            return whole[cut.tier]
        head = w[:2] if cut.first == 0 else top(cut.tier)
        note = w[2 + count :] if cut.stop == count else []
        content = [*head, *w[2 + cut.first : 2 + cut.stop], *note]
        return tier_frame(ctx, tier, around(cut.tier, content, cut.first > 0))

    return list(whole), piece


def seek_help_block(ctx: Context) -> Iterator[Flowable]:
    """The three tiers in one box, whole on one page when it fits one (``box`` keeping),
    else each tier whole, later parts under a "continued" heading; a tier taller than a
    page starts where its heading and first sign fit and goes on between two of its signs
    under its own heading marked "continued" (see
    :class:`~pdfbuilder.flowables.tiers.TierGroup`)."""
    space, lab = ctx.styles.space, ctx.labels
    size = ctx.layout.type.card_heading * 1.5
    gap = space.tiers
    # The bookmark rides with the heading, so it lands on the heading's page.
    title = ctx.tag(ctx.para(lab("seek_help"), "box_heading"), "H2")
    heading = [Stack([Bookmark(lab("seek_help"), "seek-help"), title], gap=0)]
    continued = [repeated(ctx, ctx.para(lab("seek_help_continued"), "box_heading"))]
    boxed = ctx.layout.seek_help_keep == "box"
    style = box_style(ctx, "seek_help", border=ctx.styles.palette.text)

    def around(top: list[Flowable], some: list[Flowable], across: bool) -> Flowable:
        if not boxed:  # no outer border: the heading, then the tiers' own boxes
            return Stack([*top, *some], gap=gap)
        content: list[Flowable] = [*top, *([Row(some, gap, balance=True)] if across else some)]
        return Box(content, style, name=SEEK_HELP_BOX, field="seek_help")

    chosen = tiers(ctx)
    whole, piece = tier_pieces(ctx, chosen, [tier_words(ctx, t, size) for t in chosen], size)

    def build(cuts: Sequence[Slice], more: bool, across: bool) -> Flowable:
        return around(continued if more else heading, [piece(c) for c in cuts], across)

    yield Spacer(0, space.seek_help)
    group = TierGroup(
        build,
        [t.name for t in chosen],
        keep_box=boxed,
        across=ctx.layout.seek_help_tiers == "across",
        page_height=ctx.geometry.frame_height,
        signs=[len(t.items) for t in chosen],
        parts=[*heading, *continued, *whole],
    )
    yield ctx.group("Sect", group)
