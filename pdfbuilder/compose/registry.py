"""Which builder makes each block, and running them in the layout's order.

In: a :class:`~pdfbuilder.compose.context.Context`. Out: each block's name and flowables,
in the order the layout's ``blocks`` gives. Easy Read layouts build five of the blocks as
rows of picture and text (:mod:`~pdfbuilder.compose.easyread`); the rest are the same in
every layout. This module imports every builder; no builder imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reportlab.platypus import Flowable

from .blocks import (
    exercises_block,
    purpose_block,
    sections_block,
    sources_block,
    takeaways_block,
    title_block,
)
from .clinic_blocks import (
    clinic_block,
    clinic_footer_block,
    exercise_log_block,
    personal_block,
    qr_block,
)
from .context import Block, Context
from .easyread import EASY_READ_BUILDERS
from .seekhelp import seek_help_block


def compose(ctx: Context) -> list[Flowable]:
    """The leaflet's flowables, in the order the layout's ``blocks`` gives."""
    return [f for _, flowables in compose_blocks(ctx) for f in flowables]


def compose_blocks(ctx: Context) -> list[Block]:
    """Each block's name and flowables, in the order the layout's ``blocks`` gives."""
    builders = _EASY_READ if ctx.layout.template == "easy-read" else BUILDERS
    return [(name, ctx.refs.block(name, list(builders[name](ctx)))) for name in ctx.layout.blocks]


BUILDERS: dict[str, Callable[[Context], Iterator[Flowable]]] = {
    "title": title_block,
    "purpose": purpose_block,
    "takeaways": takeaways_block,
    "sections": sections_block,
    "exercises": exercises_block,
    "seek_help": seek_help_block,
    "sources": sources_block,
    "clinic": clinic_block,
    "personal": personal_block,
    "exercise_log": exercise_log_block,
    "qr": qr_block,
    "clinic_footer": clinic_footer_block,
}


#: Easy Read's own builders over the others.
_EASY_READ = {**BUILDERS, **EASY_READ_BUILDERS}
