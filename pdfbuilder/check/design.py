"""Design rules for the chosen layout: colour contrast, type size, and tiers told apart by words.

In: a :class:`~.context.CheckContext` (its layout, and the handout's language for labels).
Out: findings located in the layout (``file`` is ``layout <name>``) or the labels file.

Contrast follows WCAG 2.1: text needs 4.5:1, large text (18 pt, or 14 pt bold) and graphics
that carry meaning (the tier borders and icons) need 3:1.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..content.labels import labels_for
from ..errors import HandoutError
from ..layout.contrast import WHITE, contrast, required_ratio
from ..layout.model import Layout
from .context import CheckContext
from .findings import Finding

_HEX = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
#: Type fields that are not sizes.
_NOT_SIZES = frozenset({"leading", "minimum", "italics"})


@dataclass(frozen=True)
class Pair:
    """A colour printed on a background. ``size`` names a ``layout.type`` field; ``None``
    means a graphic (border, icon), which needs 3:1."""

    colour: str
    background: str | None
    what: str
    size: str | None = None
    bold: bool = False


#: Every colour the standard page structure prints, on the background it prints on
#: (``None``: white paper). Text colours are judged at the smallest size they are used at.
PAIRS = (
    Pair("text", None, "body text", "body"),
    Pair("muted", None, "footer, sources and small text", "small"),
    Pair("accent", None, "headings and dose lines", "body"),
    Pair("on_accent", "accent", "the title and subtitle on the title band", "subtitle"),
    Pair("text", "tint", "text in the key points box", "body"),
    Pair("emergency", None, "the emergency tier's border and icon"),
    Pair("urgent", None, "the urgent tier's border and icon"),
    Pair("routine", None, "the routine tier's border and icon"),
)


def _layout_ref(layout: Layout) -> str:
    return f"layout {layout.name}"


def colour_contrast(ctx: CheckContext) -> Iterator[Finding]:
    """``design.contrast``: every colour pair in :data:`PAIRS` meets its WCAG ratio."""
    layout = ctx.layout
    colours = layout.colours
    bad = [
        name
        for name in {p.colour for p in PAIRS} | {p.background or "text" for p in PAIRS}
        if not _HEX.match(getattr(colours, name))
    ]
    for name in sorted(bad):
        yield Finding(
            "design.contrast",
            "error",
            f'"{getattr(colours, name)}" is not a colour; write it as #rrggbb',
            f"colours.{name}",
            None,
            _layout_ref(layout),
        )
    for pair in PAIRS:
        if pair.colour in bad or (pair.background or "") in bad:
            continue
        size = getattr(layout.type, pair.size) if pair.size else None
        need = required_ratio(size, pair.bold)
        back = getattr(colours, pair.background) if pair.background else WHITE
        ratio = contrast(getattr(colours, pair.colour), back)
        if ratio < need:
            on = f"colours.{pair.background}" if pair.background else "white"
            at = f" at {size:g} pt" if size is not None else ""
            yield Finding(
                "design.contrast",
                "error",
                f"colours.{pair.colour} on {on} ({pair.what}{at}) has contrast "
                f"{ratio:.2f}:1; it needs at least {need:g}:1",
                f"colours.{pair.colour}",
                None,
                _layout_ref(layout),
            )


def audience_minimum(layout: Layout) -> float:
    """The smallest type size the layout's audience can read: ``type.minimum`` if the layout
    has one, else 18 pt for a large-print layout (its name contains "large") and 9 pt."""
    minimum = getattr(layout.type, "minimum", None)
    if isinstance(minimum, int | float):
        return float(minimum)
    return 18.0 if "large" in layout.name.lower() else 9.0


def type_sizes(ctx: CheckContext) -> Iterator[Finding]:
    """``design.type-size``: no type size in the layout is below the audience's minimum."""
    layout = ctx.layout
    minimum = audience_minimum(layout)
    for f in dataclasses.fields(layout.type):
        value = getattr(layout.type, f.name)
        if f.name in _NOT_SIZES or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if value < minimum:
            yield Finding(
                "design.type-size",
                "error",
                f"type.{f.name} is {value:g} pt, below the {minimum:g} pt minimum for "
                f"this layout's audience; make it at least {minimum:g} pt",
                f"type.{f.name}",
                None,
                _layout_ref(layout),
            )


def tier_labels(ctx: CheckContext) -> Iterator[Finding]:
    """``design.tier-labels``: the three tiers have non-empty, different heading words,
    so their meaning never rests on colour alone."""
    language = ctx.handout.language
    labels = labels_for(language, ctx.handout.labels)
    where = f"labels {labels.language}"
    own = dict(ctx.handout.labels)
    seen: dict[str, str] = {}
    for tier in ("emergency", "urgent", "routine"):
        key = f"{tier}_heading"
        try:
            text = labels(key).strip()
        except HandoutError:
            text = ""
        if not text:
            yield Finding(
                "design.tier-labels",
                "error",
                f"the {tier} tier has no heading words, so only its colour tells it "
                f"apart; give {key} a heading",
                key,
                None,
                where,
            )
            continue
        norm = re.sub(r"\W+", " ", text.lower()).strip()
        if norm in seen:
            message = (
                f'the {tier} and {seen[norm]} tiers have the same heading "{text}", so '
                "only colour tells them apart; give each its own words"
            )
            if key in own:  # the handout's own labels: point at its file
                yield ctx.finding("design.tier-labels", "error", ("labels", key), message)
            else:
                yield Finding("design.tier-labels", "error", message, key, None, where)
        seen.setdefault(norm, tier)
