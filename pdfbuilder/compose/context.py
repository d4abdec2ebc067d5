"""What every compose builder reads, and the helpers several of them share.

In: the handout, the layout with its styles and labels, the page geometry, and the clinic
and patient when given. Out: a :class:`Context`; and the shared pieces builders make from
it: a section heading with its bookmark, an exercise's figure-and-dose and steps, the dose
as one line.

Builders import this module, never :mod:`~pdfbuilder.compose.registry` (which imports them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from ..content.labels import Labels
from ..content.model import Exercise, Handout
from ..figures import render_figure
from ..flowables.boxes import Bookmark
from ..flowables.rows import Stack
from ..layout.model import Layout
from ..layout.styles import Styles
from ..tagging import structure
from ..tagging.flowables import AsArtifact
from ..tagging.lists import item_style, list_entry
from ..tagging.marks import HEADER
from ..text.markup import plain, to_markup
from ..text.para import make_para
from .references import References
from .selection import shortened

_F = TypeVar("_F")


@dataclass(frozen=True)
class Geometry:
    """The text frame's size, and how far a background band may run out beyond it (to the
    page edge and into any bleed, or to a fold line), in points."""

    frame_width: float
    frame_height: float
    band_left: float
    band_right: float
    band_top: float


@dataclass(frozen=True)
class Context:
    """Everything the block builders read."""

    handout: Handout
    layout: Layout
    styles: Styles
    labels: Labels
    geometry: Geometry
    clinic: Any = None  # a clinic profile, when given (logo, numbers, colours)
    personal: Any = None  # print-time details for one patient, when given
    tagged: bool = False  # give the flowables structure nodes (a tagged PDF)
    #: The words for the content's cross-references ({where:...}), and where they land.
    refs: References = field(default_factory=References)
    #: The whole handout, when the layout prints only part of it (``handout`` is that part).
    full: Handout | None = None

    @property
    def shortened(self) -> bool:
        """Whether this layout leaves out some of the handout (a short format)."""
        return self.full is not None and shortened(self.full, self.handout)

    def para(self, text: str, style_name: str, bulletText: str | None = None) -> Paragraph:
        style = getattr(self.styles, style_name)
        return self.markup_para(text, "", style, bulletText)

    def markup_para(
        self, text: str, before: str, style: Any, bulletText: str | None = None
    ) -> Paragraph:
        """Content ``text`` as a paragraph after ready-made markup ``before``, its
        cross-references filled in (and the paragraph anchored to find where it lands)."""
        text, key = self.refs.filled(text)
        markup = before + to_markup(text, italics=self.layout.type.italics)
        para = make_para(markup, style, bulletText)
        return para if key is None else self.refs.anchor(para, key)

    # -- structure (tagged PDF): see pdfbuilder.tagging.structure ---------------------------

    def tag(self, flowable: Flowable, role: str, **attributes: Any) -> Flowable:
        """``flowable`` as the content of a new ``role`` node (P, H2, Figure with ``alt``...);
        ``url=`` and ``contents=`` make it a link. Untagged: the flowable itself."""
        if not self.tagged:
            return flowable
        if "alt" in attributes:
            attributes["alt"] = plain(attributes["alt"])
        return structure.tag(flowable, role, **attributes)

    def group(self, role: str, flowables: _F, **attributes: Any) -> _F:
        """``flowables`` (one, or a list) unchanged, their nodes grouped in a new ``role``
        node (Sect, L, Div...) in reading order. Untagged: nothing to group."""
        if self.tagged:
            found = flowables if isinstance(flowables, list) else [flowables]
            structure.group(role, found, **attributes)
        return flowables

    def item(
        self,
        text: str,
        style_name: str,
        label: str,
        *,
        url: str | None = None,
        contents: str | None = None,
        lang: str | None = None,
    ) -> Flowable:
        """A list item: ``label`` (a bullet or number) where the style puts bullets, beside
        the text; tagged LI → Lbl + LBody (with a Link to ``url`` described by
        ``contents`` inside, when given; in language ``lang`` when it is not the
        handout's). Group items with ``group("L", ...)``."""
        style = item_style(getattr(self.styles, style_name), label)
        body = self.markup_para(text, "", style)  # cross-references filled in
        if lang == self.handout.language:
            lang = None  # the document's language is the catalog's
        return list_entry(body, label, tagged=self.tagged, url=url, contents=contents, lang=lang)


def repeated(ctx: Context, flowable: Flowable) -> Flowable:
    """A line repeated where a box or card goes on ("... (continued)"): page furniture
    for a screen reader, like a running header, never read again and again."""
    return AsArtifact(flowable, HEADER) if ctx.tagged else flowable


#: A block's name and its flowables, in reading order.
Block = tuple[str, list[Flowable]]


def section_heading(ctx: Context, text: str, key: str) -> Flowable:
    # The bookmark rides inside the heading's block so it lands on the heading's page.
    heading = ctx.para(text, "heading")
    block = Stack([Bookmark(plain(text), key), ctx.tag(heading, "H2")], gap=0)
    block.keepWithNext = 1
    block.spaceBefore = heading.style.spaceBefore
    return block


def card_parts(ctx: Context, ex: Exercise) -> tuple[list[Flowable], list[Flowable]]:
    """The figure with its dose line, and the numbered steps with the feel and stop-if lines."""
    st, look = ctx.styles, ctx.layout.figure
    figure: list[Flowable] = [
        ctx.tag(
            render_figure(ex.figure, look.width * mm, look.height * mm, st.figure),
            "Figure",
            alt=ex.figure.alt,
        )
    ]
    return [*figure, *dose_lines(ctx, ex)], step_lines(ctx, ex)


def dose_lines(ctx: Context, ex: Exercise) -> list[Flowable]:
    """The dose as one bold line under the figure (nothing when the exercise has none)."""
    dose = dose_text(ex, ctx.labels)
    return [ctx.tag(make_para(f"<b>{to_markup(dose)}</b>", ctx.styles.dose), "P")] if dose else []


def step_lines(ctx: Context, ex: Exercise) -> list[Flowable]:
    """The numbered steps, then the feel and stop-if lines."""
    steps: list[Flowable] = ctx.group(
        "L",
        [ctx.item(step, "step", f"{n}.") for n, step in enumerate(ex.steps, 1)],
        numbering="Decimal",
    )
    if ex.feel:
        steps.append(ctx.tag(_labelled(ctx, ctx.labels("feel"), ex.feel), "P"))
    if ex.stop_if:
        steps.append(ctx.tag(_labelled(ctx, ctx.labels("stop_if"), ex.stop_if), "P"))
    return steps


def _labelled(ctx: Context, label: str, text: str) -> Paragraph:
    return ctx.markup_para(text, f"<b>{to_markup(label)}:</b> ", ctx.styles.step)


def dose_text(ex: Exercise, labels: Labels) -> str:
    """The dose as one line: "Repeat 10 times · Hold for 20 seconds · Twice a day".

    A single set is left out: "1 set" tells the reader nothing."""
    if ex.dose is None:
        return ""
    d = ex.dose
    parts = [
        labels.count(key, n)
        for key, n in (
            ("dose_reps", d.reps),
            ("dose_hold", d.hold_seconds),
            ("dose_sets", d.sets),
            ("dose_per_day", d.times_per_day),
        )
        if n is not None and not (key == "dose_sets" and n == 1)
    ]
    return " · ".join(parts)
