"""Render a trifold: one landscape sheet, printed on both sides and folded in three.

In: a render job whose layout has ``template: trifold``. Out: a two-page PDF.

Panels in true fold order (a roll fold). Page 1 is the outside of the sheet: the inside flap
(the panel that folds in, a little narrower), the back panel and the front cover, left to
right. Page 2 is the inside: three panels read left to right, the narrow one on the right
(it is the other side of the flap). A reader sees the cover, then the flap, then the inside
panels, and turns the leaflet over to the back last: that is the order content flows in.

- The cover holds the layout's ``trifold.cover`` blocks, spread down the panel.
- The ``trifold.back`` blocks (the when-to-get-help box first) end on the back panel; when
  they do not fit it they start on the panel before (the right inside panel), each tier of
  the box whole and the back's part under a "continued" heading.
- Every other block flows from the flap through the inside panels, balanced so a short
  leaflet spreads over them instead of leaving panels empty.

Type is never made smaller to fit: short formats choose content (``select`` in the layout,
``core:`` and ``summary:`` in the handout). What does not fit is an error naming the panel
and what to mark.
"""

from __future__ import annotations

import contextvars
import dataclasses
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, FrameBreak, NextPageTemplate, PageTemplate

from ..compose.context import Geometry
from ..compose.references import References
from ..compose.selection import chosen_by_patient, select
from ..errors import HandoutError
from ..flowables.columns import Placed, is_spacer
from ..layout.model import Layout
from ..tagging.flowables import InRegion
from ..tagging.marks import begin_mark, end_mark
from .job import RenderJob, build_document, refuse_too_tall, source_file, too_tall_error
from .pages import doc_template, draw_crop_marks, page_setup
from .paginate import Filled, FrameContent, TooTall, fill, paginate
from .references import Pass, settle

#: How much narrower the folding-in panel is than the other two.
FLAP_INSET = 2 * mm
#: Space between a fold line and the text on either side of it.
GUTTER = 5 * mm
#: The most space the cover puts between two of its blocks when spreading them out.
COVER_GAP = 12 * mm
WORDS_PER_MM2 = 0.025  # rough words per square millimetre of 10 pt text, for the hint
#: Panels in the order they are read; the flowing blocks use the middle four.
READING = ("cover", "flap", "inside-1", "inside-2", "inside-3", "back")
NAMES = {
    "cover": "the front cover",
    "flap": "the inside flap",
    "inside-1": "the left inside panel",
    "inside-2": "the middle inside panel",
    "inside-3": "the right inside panel",
    "back": "the back panel",
}


@dataclass(frozen=True)
class Panel:
    """A panel's name and its text frame on the page, in points."""

    name: str
    x: float
    y: float
    width: float
    height: float


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


def render_trifold(job: RenderJob) -> bytes:
    """Place the content in the panels and draw the two pages."""
    setup = page_setup(job.layout, job.paper, print_marks=job.print_marks)
    sheet = panels(job.layout, setup.trim_width, setup.trim_height, setup.offset)
    try:
        return settle(job, lambda refs: _draw(job, sheet, setup, refs), _locator(sheet))
    finally:
        _worked.pop(id(job), None)


def _locator(sheet: list[Panel]) -> Callable[[int, float], tuple[int, str]]:
    """Names the panel a point of page 1 or 2 is in, with its place in reading order."""

    def locate(page: int, x: float) -> tuple[int, str]:
        side = sheet[:3] if page == 1 else sheet[3:]
        panel = min(side, key=lambda p: 0 if p.x - 1 <= x <= p.x + p.width else abs(p.x - x))
        return READING.index(panel.name), f"panel:{panel.name}"

    return locate


def place(job: RenderJob, sheet: list[Panel], bleed: float, refs: References) -> dict[str, Placed]:
    """What goes in each panel: the cover's blocks, the back's (ending on the back panel),
    and the rest over the flap and the inside panels before them. When that does not fit,
    the layout's ``select.if_room`` blocks are left out one at a time, in its order; if it
    never fits, the error is the one for the whole leaflet."""
    first: HandoutError | None = None
    trials = list(_trials(job))
    start = _worked.get(id(job), 0)  # a later pass (new cross-reference words) starts there
    # Tagged, the trials after the first are composed without structure (thrown away if
    # they fail); the one that fits is composed again with it: the same layout, the same fit.
    trial = dataclasses.replace(job, compose=job.trial_compose) if job.trial_compose else job
    for n, layout in enumerate(trials[start:], start):
        trying = job if n == start else trial
        depths: list[float | None] = []
        token = _depths.set((depths, False))
        try:
            placed = _place(dataclasses.replace(trying, layout=layout), sheet, bleed, refs)
        except HandoutError as exc:
            first = first or exc
            continue
        finally:
            _depths.reset(token)
        _worked[id(job)] = n
        if trying is not job:  # the same fit again, tagged: the depths found are tried first
            token = _depths.set((depths, True))
            try:
                placed = _place(dataclasses.replace(job, layout=layout), sheet, bleed, refs)
            finally:
                _depths.reset(token)
        return placed
    assert first is not None
    raise first


#: Which of a job's trial layouts worked, while its passes run (cleared by render_trifold).
_worked: dict[int, int] = {}

#: The depths :func:`_balanced` settled on in a trial, in order, and whether they are being
#: replayed: the trial that fitted, composed untagged, is placed again tagged, and the same
#: content at the same widths has the same heights, so each search starts at its answer.
_depths: contextvars.ContextVar[tuple[list[float | None], bool] | None] = contextvars.ContextVar(
    "trifold_depths", default=None
)


def _trials(job: RenderJob) -> Iterator[Layout]:
    """The layout, then with each of its ``select.if_room`` blocks left out in turn (the
    sections one at a time, the last first, so the first ones stay when they can)."""
    layout = job.layout
    yield layout
    for block in (b for b in layout.select.if_room if b in layout.blocks):
        if block == "sections":
            count = len(_shown(job).sections)
            for most in range(count - 1, -1, -1):
                select = dataclasses.replace(layout.select, most_sections=most)
                yield dataclasses.replace(layout, select=select)
            layout = dataclasses.replace(layout, blocks=_but(layout.blocks, block))
        elif block == "exercises" and not chosen_by_patient(job.personal):
            select = dataclasses.replace(layout.select, exercises="none")
            layout = dataclasses.replace(layout, select=select)
            yield layout
        else:
            layout = dataclasses.replace(layout, blocks=_but(layout.blocks, block))
            yield layout


def _but(blocks: tuple[str, ...], block: str) -> tuple[str, ...]:
    return tuple(b for b in blocks if b != block)


def _place(job: RenderJob, sheet: list[Panel], bleed: float, refs: References) -> dict[str, Placed]:
    by_name = {p.name: p for p in sheet}
    layout = job.layout
    cover = _compose(job, by_name["cover"], layout.trifold.cover, bleed, refs, cover=True)
    placed = {"cover": _spread(job, cover, by_name["cover"])}
    back = _compose(job, by_name["back"], layout.trifold.back, bleed, refs, cover=False)
    flowing_blocks = tuple(
        b for b in layout.blocks if b not in layout.trifold.cover + layout.trifold.back
    )
    flowing = _compose(job, by_name["inside-1"], flowing_blocks, bleed, refs, cover=False)
    run = [by_name[n] for n in READING[1:]]  # flap, inside 1 to 3, back
    placed.update(_arrange(job, run, flowing, back))
    for name in READING:
        placed.setdefault(name, [])
    return placed


def _arrange(
    job: RenderJob, run: list[Panel], flowing: list[list[Flowable]], back: list[list[Flowable]]
) -> dict[str, Placed]:
    """Where the flowing blocks and the back's blocks go, in the first way that works:

    1. the back's blocks on the back panel, the rest balanced over the four panels before;
    2. everything in one run balanced over the five panels (a short leaflet that would
       leave a panel empty, or back blocks longer than the back panel), so the back's
       blocks come right after the rest and end on the back panel;
    3. the back's blocks in the last few panels, the rest balanced over those before.
    """
    middle, last = run[:-1], run[-1]
    alone = _fit([last], back)
    first: dict[str, Placed] | None = None
    if alone is not None:
        filled = _balanced(middle, flowing)
        if filled is not None:
            first = {**_named(middle, filled), last.name: alone[0].placed}
            if len(filled) == len(middle) or not flowing:
                return first
    together = _balanced(run, [*flowing, *back])
    if together is not None and len(together) == len(run):
        return _named(run, together)
    spread = _partition(run, _flat([*flowing, *back]))
    if spread is not None:
        return _named(run, spread)
    if first is not None:
        return first
    if alone is not None:
        raise _overflow_error(job, flowing, middle, back=[])
    for share in range(2, len(run) + 1):
        tail = _fit(run[len(run) - share :], back)
        if tail is None:
            continue
        free = middle[: len(middle) - share + 1]
        filled = _balanced(free, flowing) if free else None
        if filled is None:
            break
        return {**_named(free, filled), **_named(run[len(run) - share :], tail)}
    if _fit(run, back) is None:
        raise _back_error(job, back, last)
    raise _overflow_error(job, flowing, run, back=back)


def _named(run: list[Panel], frames: list[Filled]) -> dict[str, Placed]:
    return {panel.name: frame.placed for panel, frame in zip(run, frames, strict=False)}


def _compose(
    job: RenderJob,
    panel: Panel,
    blocks: tuple[str, ...],
    bleed: float,
    refs: References,
    cover: bool,
) -> list[list[Flowable]]:
    """Each of ``blocks`` (in the layout's order) composed for ``panel``, a list apiece."""
    m = job.layout.page.margins
    # A band on the cover runs to the fold on its left and into the bleed at the top and right.
    geometry = Geometry(
        frame_width=panel.width,
        frame_height=panel.height,
        band_left=GUTTER if cover else 0.0,
        band_right=(m.right * mm + bleed) if cover else 0.0,
        band_top=m.top * mm + bleed,
    )
    only = dataclasses.replace(
        job.layout, blocks=tuple(b for b in job.layout.blocks if b in blocks)
    )
    composed = job.compose(only, geometry, refs)
    for _, flowables in composed:
        refuse_too_tall(flowables, geometry, job.handout, "a panel")
    return [flowables for _, flowables in composed if flowables]


def _flat(blocks: list[list[Flowable]]) -> list[Flowable]:
    return [f for block in blocks for f in block]


def _fit(run: list[Panel], blocks: list[list[Flowable]]) -> list[Filled] | None:
    """``blocks`` laid out through the panels ``run``, or None if they need more."""
    try:
        frames = paginate(_flat(blocks), lambda i: _size(run, i))
    except TooTall:
        return None
    return frames if len(frames) <= len(run) else None


def _size(run: list[Panel], index: int) -> tuple[float, float]:
    panel = run[min(index, len(run) - 1)]
    return panel.width, panel.height


def _balanced(run: list[Panel], blocks: list[list[Flowable]]) -> list[Filled] | None:
    """``blocks`` through ``run`` with every panel filled to about the same depth (the
    least depth that still holds everything), so no panel is left empty."""
    items = _flat(blocks)
    memo = _depths.get()
    if memo is not None and memo[1] and memo[0]:  # replaying: the depth found last time
        known = memo[0].pop(0)
        if known is None:  # no depth under the panels' own held it all
            return _fit(run, blocks)
        again = _depth_fit(run, items, known) if items else None
        if again is not None:
            return again
    full = _fit(run, blocks)
    found: float | None = None
    if full is not None and items:
        low, high = 0.0, max(p.height for p in run)
        for _ in range(9):
            depth = (low + high) / 2
            trial = _depth_fit(run, items, depth)
            if trial is None:
                low = depth
            else:
                full, high, found = trial, depth, depth
    if memo is not None and not memo[1]:
        memo[0].append(found)
    return full


def _depth_fit(run: list[Panel], items: list[Flowable], depth: float) -> list[Filled] | None:
    def size(i: int) -> tuple[float, float]:
        width, height = _size(run, i)
        return width, min(height, depth)

    try:
        frames = paginate(items, size)
    except TooTall:
        return None
    if len(frames) > len(run) or any(_stranded(frame) for frame in frames[:-1]):
        return None
    return frames


def _stranded(frame: Filled) -> bool:
    """A frame ending with a heading (a shallow trial frame can hold only the heading)."""
    return bool(frame.placed) and bool(getattr(frame.placed[-1][0], "keepWithNext", False))


def _partition(run: list[Panel], items: list[Flowable]) -> list[Filled] | None:
    """A short leaflet's pieces shared out over every panel of ``run``, each panel holding
    at least one, in order, none ending with a heading, the fullest as empty as it can be;
    None when there are fewer pieces than panels or they cannot fit so."""
    pieces = [f for f in items if not is_spacer(f)]
    n, count = len(pieces), len(run)
    if n < count:
        return None
    heights = [f.wrap(run[0].width, 1e6)[1] + f.getSpaceBefore() for f in pieces]
    best: dict[tuple[int, int], tuple[float, int]] = {(0, 0): (0.0, -1)}
    for k in range(1, count + 1):
        room = run[k - 1].height
        for end in range(k, n - (count - k) + 1):
            if k < count and getattr(pieces[end - 1], "keepWithNext", False):
                continue
            options = []
            for start in range(k - 1, end):
                if (start, k - 1) not in best:
                    continue
                used = sum(heights[start:end]) - pieces[start].getSpaceBefore()
                if used <= room:
                    options.append((max(best[(start, k - 1)][0], used / room), start))
            if options:
                best[(end, k)] = min(options)
    if (n, count) not in best:
        return None
    bounds, end = [], n
    for k in range(count, 0, -1):
        start = best[(end, k)][1]
        bounds.append((start, end))
        end = start
    frames = []
    for panel, (start, stop) in zip(run, reversed(bounds), strict=True):
        frame, rest = fill(pieces[start:stop], panel.width, panel.height)
        if rest:
            return None
        frames.append(frame)
    return frames


def _spread(job: RenderJob, blocks: list[list[Flowable]], panel: Panel) -> Placed:
    """The cover's blocks down the panel, so a short cover does not leave its lower half
    bare: the first (the title) at the top, a little space before each of the others, and
    with three or more blocks the last one (key points, the clinic) at the foot."""
    frames = _fit([panel], blocks)
    if frames is None:
        raise _cover_error(job, blocks, panel)
    frame = frames[0]
    starts = [id(block[0]) for block in blocks[1:]]
    if not starts:
        return frame.placed
    left = frame.space_left
    gaps = dict.fromkeys(starts, min(COVER_GAP, left / (len(starts) + 2)))
    if len(starts) >= 2:  # the last block sits at the foot of the cover
        gaps[starts[-1]] = left - sum(gaps[s] for s in starts[:-1])
    out: Placed = []
    shift = 0.0
    for item, top in frame.placed:
        shift += gaps.get(id(item), 0.0)
        out.append((item, top + shift))
    return out


def _height(items: list[Flowable], width: float) -> float:
    return float(sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() for f in items))


def _words(over_mm: float, width_mm: float) -> int:
    return round(over_mm * width_mm * WORDS_PER_MM2 / 10) * 10 or 10


def _overflow_error(
    job: RenderJob, flowing: list[list[Flowable]], run: list[Panel], back: list[list[Flowable]]
) -> HandoutError:
    """How much did not fit in the panels (the back's blocks after the rest), and what to
    mark out."""
    frames = paginate(_flat([*flowing, *back]), lambda i: _size(run, i))
    left = [f for frame in frames[len(run) :] for f, _ in frame.placed]
    last = run[-1]
    over = max(1.0, _height(left, last.width) / mm)
    full, shown = job.handout, _shown(job)
    counts = (
        f"{len(shown.sections)} of {len(full.sections)} sections and "
        f"{len(shown.exercises)} of {len(full.exercises)} exercises are shown"
    )
    return HandoutError(
        f"the inside panels of the trifold overflow by about {over:.0f} mm after "
        f"{NAMES[last.name]}, at {job.layout.type.body:g} pt; {counts}: mark only the "
        "sections and exercises that belong in a short leaflet with `core: true`, give "
        f"long sections a `summary:`, or cut about {_words(over, last.width / mm)} words "
        "(or use a layout with more pages)",
        file=source_file(job.handout),
    )


def _shown(job: RenderJob) -> Any:
    return select(job.handout, job.layout.select, job.personal)


def _cover_error(job: RenderJob, blocks: list[list[Flowable]], panel: Panel) -> HandoutError:
    over = max(1.0, (_height(_flat(blocks), panel.width) - panel.height) / mm)
    return HandoutError(
        f"the front cover of the trifold overflows by about {over:.0f} mm; shorten the "
        "title, purpose or key points, or move a block off the cover (trifold.cover in "
        "the layout)",
        file=source_file(job.handout),
    )


def _back_error(job: RenderJob, blocks: list[list[Flowable]], panel: Panel) -> HandoutError:
    try:
        paginate(_flat(blocks), lambda _: (panel.width, panel.height))
    except TooTall as exc:
        return too_tall_error(job, exc, "a panel")
    return HandoutError(
        "the back panel's blocks (trifold.back) need more panels than the trifold has; "
        "shorten the warning signs, or use a layout with more pages",
        file=source_file(job.handout),
    )


def _draw(job: RenderJob, sheet: list[Panel], setup: Any, refs: References) -> Pass:
    outside, inside = folds(job.layout, setup.trim_width)
    placed = place(job, sheet, setup.bleed, refs)

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
        content = FrameContent(placed[name], panel.width, panel.height)
        story.append(InRegion(content, READING.index(name)))  # the tagged reading order
        if name == "cover":
            story.append(NextPageTemplate("inside"))
        if name != "inside-3":
            story.append(FrameBreak())
    buffer = io.BytesIO()
    doc = doc_template(buffer, job.handout, job.styles, job.labels, setup, templates)
    seen = refs.recording()
    build_document(doc, story, job)
    return Pass(buffer.getvalue(), seen.positions, placed)


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
