"""Compose, exercise cards: one exercise as a :class:`~pdfbuilder.flowables.cards.Card`.

In: the compose context and an exercise. Out: a card in the layout's arrangement:

- ``beside``: a bordered box, the figure with its dose under it beside the numbered steps;
- ``above``: for large type, the name, the figure across the width and the dose, then the
  steps, then a rule (no border: it would take width from the text);
- ``compact``: for narrow panels, the figure beside the name and dose, the steps under both.

The card stays whole; it may make its figure smaller to share a page (down to the layout's
``figure.min_height``), and only a card taller than a page splits, between steps, never
between the last step and its feel and stop lines; later parts start "<name> (continued)".
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..content.model import Exercise
from ..figures import render_figure
from ..flowables.boxes import Box, BoxStyle, Rule
from ..flowables.cards import Card
from ..flowables.rows import SideBySide, Stack
from ..tagging import Node
from ..tagging.structure import tag_node
from ..text.markup import plain
from .context import Context, dose_lines, repeated, step_lines
from .looks import box_style


def exercise_cards(ctx: Context) -> list[Flowable]:
    """Every exercise's card. With a smallest figure height in the layout, the figures are
    all made as small as it takes (never under it) for any two cards to share a page."""
    exercises = ctx.handout.exercises
    cards = _paired(ctx, [exercise(ctx, ex, i) for i, ex in enumerate(exercises)])
    return [
        ctx.refs.block(f"exercise:{ex.id}", [card])[0]
        for ex, card in zip(exercises, cards, strict=True)
    ]


def _paired(ctx: Context, cards: list[Card]) -> list[Card]:
    look = ctx.layout.figure
    if look.min_height is None or look.min_height >= look.height or len(cards) < 2:
        return cards
    if look.position != "above":  # a figure beside the steps: smaller frees no height
        return cards
    width, half = ctx.geometry.frame_width, ctx.geometry.frame_height / 2
    half -= ctx.styles.space.exercise  # the space between the two cards
    tallest = max(card.wrap(width, 1e6)[1] for card in cards)
    if tallest <= half:
        return cards
    smaller = round(look.height * mm - min(tallest - half, (look.height - look.min_height) * mm))
    shrunk = [card.shrunk(smaller) for card in cards]
    if max(card.wrap(width, 1e6)[1] for card in shrunk) > half:
        return cards  # too long to pair even so: each keeps its full figure
    return shrunk


def exercise(ctx: Context, ex: Exercise, index: int) -> Card:
    """The exercise's card, for any of the three arrangements."""
    look = ctx.layout.figure
    steps = step_lines(ctx, ex)
    groups = _groups(ex, steps)
    name = ctx.tag(ctx.para(ex.name, "card_heading"), "H3")
    more = repeated(ctx, ctx.para(ctx.labels("continued_name", name=ex.name), "card_heading"))
    dose = dose_lines(ctx, ex)
    # One structure node for the figure, whatever size it is drawn at.
    figure_node = Node("Figure", alt=plain(ex.figure.alt)) if ctx.tagged else None

    def build(figure_height: float, start: int, stop: int, continued: bool) -> Flowable:
        chosen = [f for group in groups[start:stop] for f in group]
        last = stop == len(groups)
        if continued:
            return _continued(ctx, more, chosen, last)
        top = [name, _figure(ctx, ex, figure_height, figure_node), *dose]
        return _arranged(ctx, top, chosen, last)

    card = Card(
        build,
        len(groups),
        figure_height=look.height * mm,
        smallest_figure=(look.min_height or look.height) * mm,
        page_height=ctx.geometry.frame_height,
        name=f'the exercise card "{plain(ex.name)}"',
        field=f"exercises[{index}]",
        fill=look.position == "above",  # large type: steps go on rather than leave a gap
    )
    card.spaceBefore = ctx.styles.space.exercise
    # The pieces the card arranges, for the structure walk of a tagged PDF.
    card.content = [name, _figure(ctx, ex, look.height * mm, figure_node), *dose, *steps, more]
    return card


def _groups(ex: Exercise, steps: list[Flowable]) -> list[list[Flowable]]:
    """Each step on its own, except the last, which keeps the feel and stop lines."""
    count = len(ex.steps)
    groups = [[step] for step in steps[: count - 1]]
    groups.append(steps[count - 1 :])
    return groups


def _figure(ctx: Context, ex: Exercise, height: float, node: Node | None) -> Flowable:
    """The exercise's figure ``height`` points tall, as the card's one Figure node."""
    look = ctx.layout.figure
    width = look.width * mm
    if look.position == "above":
        width = min(width, ctx.geometry.frame_width)
    figure = render_figure(ex.figure, width, height, ctx.styles.figure)
    return figure if node is None else tag_node(figure, node)


def _arranged(ctx: Context, top: list[Flowable], steps: list[Flowable], last: bool) -> Flowable:
    space, look = ctx.styles.space, ctx.layout.figure
    name, figure, dose = top[0], top[1], top[2:]
    if look.position == "beside":
        steps_stack = Stack(steps, gap=1)
        side = SideBySide(
            Stack([figure, *dose], gap=2), look.width * mm, steps_stack, space.figure_gap
        )
        return _boxed(ctx, [name, side])
    gap = space.exercise_parts
    if look.position == "compact":
        beside = Stack([name, *dose], gap=gap)
        head: Flowable = SideBySide(figure, look.width * mm, beside, gap=gap * 2)
        return _open(ctx, [head, *steps], last)
    return _open(ctx, [Stack([name, figure, *dose], gap=gap), *steps], last)


def _continued(ctx: Context, name: Flowable, steps: list[Flowable], last: bool) -> Flowable:
    if ctx.layout.figure.position == "beside":
        return _boxed(ctx, [name, Stack(steps, gap=1)])
    return _open(ctx, [name, *steps], last)


def _boxed(ctx: Context, content: list[Flowable]) -> Flowable:
    return Box(
        content,
        box_style(ctx, "card", border=ctx.styles.palette.card_border),
        name="an exercise card",
    )


def _open(ctx: Context, content: list[Flowable], last: bool) -> Flowable:
    """No border: the parts one under another (steps keep their own space above), and a
    rule under the card's last part."""
    parts = list(content)
    if last:
        parts.append(
            Rule(ctx.styles.palette.card_border, 1.0, space=ctx.styles.space.exercise_rule)
        )
    return Box(parts, BoxStyle(padding=0, space_between=0), name="an exercise")
