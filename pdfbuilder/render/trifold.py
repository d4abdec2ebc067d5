"""Render a trifold: one landscape sheet, printed on both sides and folded in three.

In: a render job whose layout has ``template: trifold``. Out: a two-page PDF.

Panels in true fold order (a roll fold). Page 1 is the outside of the sheet: the inside flap
(the panel that folds in, a little narrower), the back panel and the front cover, left to
right. Page 2 is the inside: three panels read left to right, the narrow one on the right
(it is the other side of the flap). The layout says which blocks go on the cover and the
back; every other block flows from the inside flap on through the three inside panels.

Content that does not fit is first set smaller, step by step, down to the audience's minimum
type size; if it still does not fit, the build fails naming the panel that overflows and
about how much to cut.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, FrameBreak, NextPageTemplate, PageTemplate

from ..compose.context import Geometry
from ..errors import HandoutError
from ..flowables.columns import Placed, fill_column
from ..layout.model import Layout
from ..tagging.flowables import InRegion
from ..tagging.marks import begin_mark, end_mark
from .job import RenderJob, build_document, source_file
from .pages import doc_template, draw_crop_marks, page_setup

#: How much narrower the folding-in panel is than the other two.
FLAP_INSET = 2 * mm
#: Space between a fold line and the text on either side of it.
GUTTER = 5 * mm
SCALE_STEP = 0.05
WORDS_PER_MM2 = 0.03  # rough words per square millimetre of 9 pt text, for the overflow hint
#: The panels in the order a reader meets them: the cover, the flap inside it, the inside
#: left to right, the back (the order of the tagged PDF's structure tree).
READING_ORDER = ("cover", "flap", "inside-1", "inside-2", "inside-3", "back")


@dataclass(frozen=True)
class Panel:
    """A panel's name and its text frame on the page, in points."""

    name: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Placement:
    """What goes in each panel, and whatever did not fit."""

    panels: dict[str, Placed]
    overflow: dict[str, float]  # panel name -> height in points that did not fit


def panels(layout: Layout, width: float, height: float, offset: float) -> list[Panel]:
    """The six panels: outside (flap, back, cover) then inside (1, 2, 3)."""
    m = layout.page.margins
    narrow = width / 3 - FLAP_INSET
    wide = (width - narrow) / 2
    outside = [("flap", narrow), ("back", wide), ("cover", wide)]
    inside = [("inside-1", wide), ("inside-2", wide), ("inside-3", narrow)]
    out: list[Panel] = []
    for sides in (outside, inside):
        x = 0.0
        for i, (name, w) in enumerate(sides):
            left = m.left * mm if i == 0 else GUTTER
            right = m.right * mm if i == len(sides) - 1 else GUTTER
            top, bottom = m.top * mm, m.bottom * mm
            out.append(
                Panel(
                    name,
                    offset + x + left,
                    offset + bottom,
                    w - left - right,
                    height - top - bottom,
                )
            )
            x += w
    return out


def folds(layout: Layout, width: float) -> tuple[list[float], list[float]]:
    """The x positions of the two fold lines on the outside and on the inside page."""
    narrow = width / 3 - FLAP_INSET
    wide = (width - narrow) / 2
    return [narrow, narrow + wide], [wide, 2 * wide]


def scaled(layout: Layout, factor: float) -> Layout:
    """``layout`` with every type size and the figures scaled by ``factor``, never below the
    layout's minimum type size."""
    t, floor = layout.type, layout.type.minimum
    sizes = {
        name: max(floor, getattr(t, name) * factor)
        for name in ("body", "title", "subtitle", "heading", "card_heading", "small")
    }
    figure = dataclasses.replace(
        layout.figure, width=layout.figure.width * factor, height=layout.figure.height * factor
    )
    return dataclasses.replace(layout, type=dataclasses.replace(t, **sizes), figure=figure)


def render_trifold(job: RenderJob) -> bytes:
    """Fit the content to the panels (shrinking type if needed) and draw the two pages."""
    setup = page_setup(job.layout, job.paper, print_marks=job.print_marks)
    sheet = panels(job.layout, setup.trim_width, setup.trim_height, setup.offset)
    factor, attempt, fitting = 1.0, None, job
    # Tagged, trial fits after the first are composed without structure (thrown away anyway);
    # the one that fits is then composed again with it: the same layout, so the same fit.
    trial = dataclasses.replace(job, compose=job.trial_compose) if job.trial_compose else job
    while True:
        layout = scaled(job.layout, factor)
        attempt = place(fitting, layout, sheet, setup.bleed)
        if not attempt.overflow or layout.type.body <= job.layout.type.minimum + 1e-6:
            break
        factor -= SCALE_STEP
        fitting = trial
    if attempt.overflow:
        raise _overflow_error(job, attempt, layout)
    if fitting is not job:
        attempt = place(job, layout, sheet, setup.bleed)
    return _draw(job, sheet, setup, attempt)


def place(job: RenderJob, layout: Layout, sheet: list[Panel], bleed: float) -> Placement:
    """Compose the blocks for ``layout`` and fill the panels with them.

    The flowing blocks fill the inside flap and the three inside panels, and whatever is
    left (the sources, at the end) goes on under the back panel's own blocks: the back is
    read last.
    """
    by_name = {p.name: p for p in sheet}
    fixed = {"cover": layout.trifold.cover, "back": layout.trifold.back}
    placed: dict[str, Placed] = {}
    used: dict[str, float] = {}
    overflow: dict[str, float] = {}
    for name, blocks in fixed.items():
        panel = by_name[name]
        items = _compose(job, layout, panel, blocks, bleed, cover=name == "cover")
        placed[name], rest, used[name] = fill_column(items, panel.width, panel.height)
        if rest:
            overflow[name] = _height(rest, panel.width)
    flowing = tuple(b for b in layout.blocks if b not in fixed["cover"] + fixed["back"])
    items = _compose(job, layout, by_name["inside-1"], flowing, bleed, cover=False)
    for name in ("flap", "inside-1", "inside-2", "inside-3"):
        panel = by_name[name]
        placed[name], items, _ = fill_column(items, panel.width, panel.height)
    if items and "back" not in overflow:
        gap = layout.type.body * layout.spacing.panel_gap
        items = _fill_below(items, by_name["back"], placed, used["back"] + gap)
    if items:
        overflow["inside"] = _height(items, by_name["inside-3"].width)
    return Placement(placed, overflow)


def _fill_below(
    items: list[Flowable], panel: Panel, placed: dict[str, Placed], below: float
) -> list[Flowable]:
    """Fill the space under a panel's own content with ``items``; return what is left."""
    more, rest, _ = fill_column(items, panel.width, panel.height - below)
    placed[panel.name] = [*placed[panel.name], *((item, top + below) for item, top in more)]
    return rest


def _compose(
    job: RenderJob,
    layout: Layout,
    panel: Panel,
    blocks: tuple[str, ...],
    bleed: float,
    cover: bool,
) -> list[Flowable]:
    m = layout.page.margins
    # A band on the cover runs to the fold on its left and into the bleed at the top and right.
    geometry = Geometry(
        frame_width=panel.width,
        frame_height=panel.height,
        band_left=GUTTER if cover else 0.0,
        band_right=(m.right * mm + bleed) if cover else 0.0,
        band_top=m.top * mm + bleed,
    )
    only = dataclasses.replace(layout, blocks=tuple(b for b in layout.blocks if b in blocks))
    return [f for _, flowables in job.compose(only, geometry) for f in flowables]


def _height(items: list[Flowable], width: float) -> float:
    return float(sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() for f in items))


def _overflow_error(job: RenderJob, attempt: Placement, layout: Layout) -> HandoutError:
    names = {
        "cover": "the front cover",
        "back": "the back panel",
        "inside": "the inside panels",
    }
    worst = max(attempt.overflow, key=lambda k: attempt.overflow[k])
    over = attempt.overflow[worst] / mm
    words = round(over * 60 * WORDS_PER_MM2 / 10) * 10 or 10
    return HandoutError(
        f"{names[worst]} of the trifold overflow by about {over:.0f} mm even at "
        f"{layout.type.body:g} pt (the smallest this layout allows); cut about {words} words "
        "there, or use a layout with more pages",
        file=source_file(job.handout),
    )


class PanelContent(Flowable):  # type: ignore[misc]
    """A panel's placed flowables, drawn at the positions found when fitting."""

    def __init__(self, placed: Placed, width: float, height: float) -> None:
        super().__init__()
        self.placed, self.width, self.height = placed, width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height - 1e-3

    def draw(self) -> None:
        for item, top in self.placed:
            _, h = item.wrap(self.width, 1e6)
            item.drawOn(self.canv, 0, self.height - top - h)


def _draw(job: RenderJob, sheet: list[Panel], setup: Any, attempt: Placement) -> bytes:
    outside, inside = folds(job.layout, setup.trim_width)

    def on_page(fold_xs: list[float]) -> Any:
        def draw(canvas: Any, doc: Any) -> None:
            if job.layout.trifold.fold_guides:
                _fold_guides(canvas, setup, fold_xs)
            draw_crop_marks(canvas, setup, job.layout.grayscale)
            if doc.page == 1:
                canvas.showOutline()

        return draw

    def frames(names: list[str]) -> list[Frame]:
        chosen = [p for p in sheet if p.name in names]
        return [
            Frame(p.x, p.y, p.width, p.height, 0, 0, 0, 0, id=p.name, showBoundary=0)
            for p in sorted(chosen, key=lambda p: p.x)
        ]

    templates = [
        PageTemplate("outside", frames(["flap", "back", "cover"]), onPage=on_page(outside)),
        PageTemplate(
            "inside", frames(["inside-1", "inside-2", "inside-3"]), onPage=on_page(inside)
        ),
    ]
    story: list[Flowable] = []
    for name in ("flap", "back", "cover", "inside-1", "inside-2", "inside-3"):
        panel = next(p for p in sheet if p.name == name)
        content = PanelContent(attempt.panels[name], panel.width, panel.height)
        story.append(InRegion(content, READING_ORDER.index(name)))
        if name == "cover":
            story.append(NextPageTemplate("inside"))
        if name != "inside-3":
            story.append(FrameBreak())
    buffer = io.BytesIO()
    doc = doc_template(buffer, job.handout, job.styles, job.labels, setup, templates)
    build_document(doc, story, job)
    return buffer.getvalue()


def _fold_guides(canvas: Any, setup: Any, xs: list[float]) -> None:
    """Short light marks at each fold, at the top and bottom edges of the page."""
    begin_mark(canvas)
    canvas.saveState()
    canvas.setStrokeGray(0.55)
    canvas.setLineWidth(0.5)
    o, h = setup.offset, setup.trim_height
    for x in xs:
        canvas.line(o + x, o, o + x, o + 4 * mm)
        canvas.line(o + x, o + h - 4 * mm, o + x, o + h)
    canvas.restoreState()
    end_mark(canvas)
