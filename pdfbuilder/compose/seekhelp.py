"""Compose, the when-to-get-help box: three tiers that differ by words, icon, border and colour.

In: the compose context. Out: the box (whole on one page, three tiers across or stacked), or,
for layouts whose type is too large for one page, each tier as its own unsplittable box.
Easy Read builds its rows from the same tier words (see :mod:`pdfbuilder.compose.easyread`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Spacer

from ..flowables.boxes import Bookmark, Box, TierIcon
from ..flowables.rows import Row, SideBySide, Stack
from ..text.markup import to_markup
from ..text.para import make_para
from .context import Context
from .looks import BoxKind, box_style

SEEK_HELP_BOX = "seek_help"


@dataclass(frozen=True)
class Tier:
    """One urgency tier: its name, signs, colour and border (weight and dash)."""

    name: str
    items: tuple[str, ...]
    colour: Color
    kind: BoxKind  # its box in the layout's ``boxes:`` (border weight and dash)


def tiers(ctx: Context) -> list[Tier]:
    """Emergency, urgent and routine, heaviest border first; routine dashed."""
    help_, palette = ctx.handout.seek_help, ctx.styles.palette
    return [
        Tier("emergency", help_.emergency, palette.emergency, "emergency"),
        Tier("urgent", help_.urgent, palette.urgent, "urgent"),
        Tier("routine", help_.routine, palette.routine, "routine"),
    ]


def tier_words(ctx: Context, tier: Tier, icon_size: float) -> list[Flowable]:
    """The tier's icon and heading, its lead line (naming the numbers to call), its signs."""
    st, lab, h = ctx.styles, ctx.labels, ctx.handout
    contacts = {"emergency": h.contacts.emergency, "urgent": h.contacts.urgent}
    heading = make_para(to_markup(lab(f"{tier.name}_heading", **contacts)), st.tier_heading)
    icon = TierIcon(tier.name, tier.colour, icon_size, st.palette.text)
    lead = make_para(f"<b>{to_markup(lab(f'{tier.name}_lead', **contacts))}</b>", st.body)
    items = [ctx.item(item, "bullet", "•") for item in tier.items]
    return [
        SideBySide(icon, icon_size, ctx.tag(heading, "H3"), gap=icon_size * 0.4),
        ctx.tag(lead, "P"),
        *ctx.group("L", items, numbering="Disc"),
    ]


def tier_box(ctx: Context, tier: Tier, content: list[Flowable]) -> Box:
    """A tier's own bordered box, which never splits."""
    box = Box(
        content,
        box_style(ctx, tier.kind, border=tier.colour),
        name=f"the {tier.name} part of the when-to-get-help box",
        field=f"seek_help.{tier.name}",
    )
    return ctx.group("Sect", box)


def seek_help_block(ctx: Context) -> Iterator[Flowable]:
    """The three tiers in one box that never splits (or each whole, with ``tier`` keeping)."""
    space, lab = ctx.styles.space, ctx.labels
    size = ctx.layout.type.card_heading * 1.5
    boxes = [tier_box(ctx, t, tier_words(ctx, t, size)) for t in tiers(ctx)]
    gap = space.tiers
    title = ctx.tag(ctx.para(lab("seek_help"), "box_heading"), "H2")
    heading = [Bookmark(lab("seek_help"), "seek-help"), title]
    yield Spacer(0, space.seek_help)
    if ctx.layout.seek_help_keep == "tier":
        # Too tall for one page in this layout: each tier stays whole, the heading stays
        # with the first tier.
        first = Stack(heading, gap=0)
        first.keepWithNext = 1
        for box in boxes:
            box.spaceBefore = gap
        yield from ctx.group("Sect", [first, *boxes])
        return
    across = ctx.layout.seek_help_tiers == "across"
    content: list[Flowable] = [*heading, *([Row(boxes, gap)] if across else boxes)]
    yield ctx.group(
        "Sect",
        Box(
            content,
            box_style(ctx, "seek_help", border=ctx.styles.palette.text),
            name=SEEK_HELP_BOX,
            field="seek_help",
        ),
    )
