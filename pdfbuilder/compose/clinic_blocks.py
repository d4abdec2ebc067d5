"""Compose builders for the print-time blocks: clinic, personal, exercise log, QR codes.

In: a compose :class:`~pdfbuilder.compose.context.Context` (its ``clinic`` and ``personal`` may be
``None``). Out: flowables, or nothing when the block has nothing to print, so a layout can
list every block and a plain build still looks plain.

Personal text is set with ReportLab's own ``Paragraph``, not the caching ``Para``: it is
different for every patient, so caching it would only grow memory in a batch run.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..content.urls import shown_url
from ..flowables.boxes import Bookmark, Box, BoxStyle, Rule
from ..flowables.exercise_log import ChartLook, LogChart
from ..flowables.qr import QrFlowable
from ..flowables.rows import SideBySide, Stack
from ..tagging.table import table_nodes
from ..text.markup import escape, plain, to_markup
from ..text.para import make_para
from .context import Context, dose_text
from .looks import box_style
from .qr_address import qr_address

NO_BORDER = BoxStyle(padding=0, space_between=0)


def _personal_para(text: str, style: object) -> Paragraph:
    """Personal text printed exactly as written (no markup), line breaks kept."""
    lines = [escape(" ".join(line.split())) for line in text.strip().splitlines()]
    return Paragraph("<br/>".join(line for line in lines if line), style)


# --- clinic ---------------------------------------------------------------------------------


def clinic_block(ctx: Context) -> Iterator[Flowable]:
    """The clinic's logo beside its name, address and contact details; then a rule."""
    clinic = ctx.clinic
    if clinic is None:
        return
    st, lab = ctx.styles, ctx.labels
    text: list[Flowable] = [ctx.tag(make_para(to_markup(clinic.name), st.card_heading), "P")]
    if clinic.address:
        address = ", ".join(line.strip() for line in clinic.address.splitlines() if line.strip())
        text.append(ctx.tag(make_para(to_markup(address), st.body), "P"))
    logo: Flowable | None = None
    room = full = ctx.geometry.frame_width
    if clinic.logo:
        logo, width = _logo(clinic.logo, st.space.logo_height, 48 * mm, ctx.layout.grayscale)
        logo = ctx.tag(logo, "Figure", alt=lab("logo_alt", name=clinic.name))
        room -= width + st.space.figure_gap
    # Beside the logo, unless a way to reach the clinic breaks there but not under it (then
    # the logo stands above, at the start of the line: mirrored, on the right); a value too
    # long for any line breaks beside a logo in a wide frame.
    fits_under = _parts_fit(ctx, full)
    beside = logo is not None and (_parts_fit(ctx, room) or (room >= 0.6 * full and not fits_under))
    text += _contact_lines(ctx, room if beside else full)
    body: Flowable = Stack(text, gap=1)
    if logo is not None:
        body = (
            SideBySide(logo, width, body, gap=st.space.figure_gap)
            if beside
            else Stack([SideBySide(logo, width, Spacer(0, 0), 0), body], gap=st.space.figure_gap)
        )
    yield Spacer(0, st.space.block)
    yield ctx.group("Div", body)
    yield Rule(st.palette.card_border, 0.8, space=st.space.clinic_rule)


def _contact(ctx: Context) -> list[str]:
    """Each way to reach the clinic as "<b>Label:</b> value" markup (joined by a no-break
    space, so a label never parts from its value)."""
    return [
        f"<b>{escape(ctx.labels('clinic_' + kind))}:</b>&nbsp;{escape(value)}"
        for kind, value in ctx.clinic.contact_parts()
    ]


def _one_line(ctx: Context, markup: str, room: float) -> bool:
    return bool(
        make_para(markup, ctx.styles.body).wrap(room, 1e6)[1] < 1.5 * ctx.styles.body.leading
    )


def _parts_fit(ctx: Context, room: float) -> bool:
    """Whether each way to reach the clinic fits one line of ``room``."""
    return all(_one_line(ctx, part, room) for part in _contact(ctx))


def _contact_lines(ctx: Context, room: float) -> list[Flowable]:
    """The phone on a line of its own, then the website and email on one line, or each on
    its own when together they would not fit ``room`` (a narrow panel); a label never parts
    from its value."""
    st = ctx.styles
    contact = _contact(ctx)
    lines: list[Flowable] = []
    if contact and ctx.clinic.phone:
        lines.append(ctx.tag(make_para(contact.pop(0), st.body), "P"))
    if not contact:
        return lines
    joined = " · ".join(contact)
    if len(contact) == 1 or _one_line(ctx, joined, room):
        return [*lines, _contact_line(ctx, make_para(joined, st.body))]
    website = f"{ctx.clinic.website}" if ctx.clinic.website else None
    for part in contact:
        para = make_para(part, st.body)
        lines.append(
            _contact_line(ctx, para)
            if website and part.endswith(escape(website))
            else ctx.tag(para, "P")
        )
    return lines


def _contact_line(ctx: Context, line: Flowable) -> Flowable:
    """The line with the clinic's website (and email) as a paragraph that links to the site."""
    website = ctx.clinic.website
    if not website:
        return ctx.tag(line, "P")
    url = website if "://" in website else f"https://{website}"
    link = ctx.tag(line, "Link", url=url, contents=f"{ctx.clinic.name}: {website}")
    return ctx.group("P", link)


def _logo(path: str, height: float, max_width: float, gray: bool = False) -> tuple[Flowable, float]:
    """The logo fitted to ``height`` (narrower if wider than ``max_width``), and its width;
    ``gray`` for a layout without colour."""
    from ..figures.images import (
        DrawingFlowable,
        ImageFlowable,
        _raster_size,
        _svg,
        svg_drawing,
    )
    from ..figures.replay import FigureFlowable

    if path.lower().endswith(".svg"):
        source = _svg(path)
        w, h = (source.width, source.height) if source is not None else (1.0, 1.0)
    else:
        w, h = _raster_size(path)
    width = min(max_width, height * w / h)
    height = width * h / w
    if path.lower().endswith(".svg"):
        drawing = svg_drawing(path, width, height)
        if gray:
            from ..figures.gray import gray_drawing

            drawing = gray_drawing(drawing)
        if _has_text(drawing):  # text belongs to one document's fonts: draw it live
            return DrawingFlowable(drawing, width, height), width
        return FigureFlowable(drawing, width, height), width  # shapes replayed, made once
    return ImageFlowable(path, width, height, gray=gray), width


@functools.lru_cache(maxsize=16)
def _has_text(drawing: object) -> bool:
    from reportlab.graphics.shapes import String

    def walk(node: object) -> bool:
        if isinstance(node, String):
            return True
        return any(walk(child) for child in getattr(node, "contents", ()))

    return walk(drawing)


def clinic_footer_block(ctx: Context) -> Iterator[Flowable]:
    """The clinic's footer line, small, at the end of a leaflet without page footers (a
    trifold); other layouts print it in every page's footer."""
    clinic = ctx.clinic
    if clinic is None or not clinic.footer or ctx.layout.footer:
        return
    yield Spacer(0, ctx.layout.type.small * 0.6)
    yield ctx.tag(make_para(to_markup(clinic.footer), ctx.styles.small), "P")


# --- personal -------------------------------------------------------------------------------


def personal_block(ctx: Context) -> Iterator[Flowable]:
    """ "For: Ana Ruiz · From: ... · Date ... · Follow-up ...", then the note in a box
    headed "Your plan"."""
    personal = ctx.personal
    if personal is None or not personal.has_details():
        return
    st, lab = ctx.styles, ctx.labels
    parts = [
        (lab("personal_for"), personal.patient),
        (lab("personal_from"), personal.clinician),
        (lab("personal_date"), personal.date and lab.date(personal.date)),
        (lab("personal_follow_up"), personal.follow_up and lab.date(personal.follow_up)),
    ]
    line = " · ".join(
        f"<b>{escape(label)}:</b> {escape(' '.join(value.split()))}"
        for label, value in parts
        if value
    )
    yield Spacer(0, st.space.personal)
    if line:
        yield ctx.tag(Paragraph(line, st.body), "P")
    if personal.note:
        yield Spacer(0, st.space.personal)
        yield ctx.group(
            "Sect",
            Box(
                [
                    ctx.tag(make_para(to_markup(lab("your_plan")), st.box_heading), "H2"),
                    ctx.tag(_personal_para(personal.note, st.body), "P"),
                ],
                box_style(ctx, "plan", border=st.palette.accent, background=st.palette.tint),
                name='the "Your plan" box',
                field="note",
            ),
        )


# --- exercise log ---------------------------------------------------------------------------


def exercise_log_block(ctx: Context) -> Iterator[Flowable]:
    """A week of tick boxes for the leaflet's (or the patient's chosen) exercises."""
    exercises = ctx.handout.exercises
    if not exercises:
        return
    st, lab, size = ctx.styles, ctx.labels, ctx.layout.type.body
    names: list[Flowable] = []
    for ex in exercises:
        dose = dose_text(ex, lab)
        cell: list[Flowable] = [make_para(f"<b>{to_markup(ex.name)}</b>", st.body)]
        if dose:
            cell.append(make_para(to_markup(dose), st.small))
        names.append(Stack(cell, gap=0))
    header = (
        make_para(f"<b>{escape(lab('exercise_log_exercise'))}</b>", st.body),
        make_para(escape(lab("exercise_log_per_day")), _bold(st.body, st.fonts.bold)),
    )
    per_day = [ex.dose.times_per_day if ex.dose else None for ex in exercises]
    look = ChartLook(
        st.fonts.regular,
        st.fonts.bold,
        size,
        st.palette.text,
        st.palette.card_border,
        st.palette.tint,
        st.chain,
        lab.rtl,
    )
    days = (lab.words("weekdays"), lab.words("weekdays_short"))
    cells = table_nodes(len(names) + 1, 9, header_columns=1) if ctx.tagged else None
    chart = LogChart(names, per_day, header, days, look, cells)
    week = f"<b>{escape(lab('exercise_log_week'))}</b> ____________________"
    heading = Stack(
        [
            Bookmark(lab("exercise_log"), "exercise-log"),
            ctx.tag(make_para(to_markup(lab("exercise_log")), st.heading), "H2"),
            ctx.tag(
                make_para(f"{escape(lab('exercise_log_intro'))}  {week}", st.body),
                "P",  # read without the blank line, which a screen reader spells out
                actual_text=f"{lab('exercise_log_intro')} {lab('exercise_log_week')}",
            ),
            Spacer(0, size * 0.1),
        ],
        gap=size * 0.3,
    )
    heading.keepWithNext = 1
    heading.spaceBefore = size * 0.6
    yield from ctx.group("Sect", [heading, chart])


@functools.lru_cache(maxsize=16)
def _bold(style: object, font: str) -> object:
    """``style`` in the bold font (made once per style: styles are cached per layout)."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{getattr(style, 'name', 'body')}-bold", parent=style, fontName=font)


# --- QR codes -------------------------------------------------------------------------------


def qr_block(ctx: Context) -> Iterator[Flowable]:
    """A QR code to the leaflet online (:func:`~.qr_address.qr_address` says which address)
    and one per exercise video, each with its address in words beneath it."""
    h = ctx.handout
    url = qr_address(h, ctx.clinic, ctx.personal)
    lab = ctx.labels
    short = ctx.shortened  # a short format: the code leads to the full leaflet
    tiles = [(lab("qr_full" if short else "qr_online"), url)] if url else []
    tiles += [
        (lab("qr_video", name=plain(ex.name)), ex.video_url) for ex in h.exercises if ex.video_url
    ]
    if short and not url:
        yield Spacer(0, ctx.styles.space.qr)
        yield ctx.tag(make_para(f"<b>{escape(lab('full_leaflet'))}</b>", ctx.styles.body), "P")
    if not tiles:
        return
    size = max(26 * mm, ctx.styles.space.qr_size)
    cells = [_qr_tile(ctx, caption, link, size) for caption, link in tiles]
    yield Spacer(0, ctx.styles.space.qr)
    yield Box([Tiles(cells, size, gap=ctx.styles.space.figure_gap)], NO_BORDER, name="the QR codes")


def _qr_tile(ctx: Context, caption: str, url: str, size: float) -> Flowable:
    """Caption, code and address; tagged: a P, then a Link holding the code (a Figure) and
    the address, each with a clickable link annotation."""
    st, shown = ctx.styles, shown_url(url)
    contents = f"{caption}: {shown}"
    code, alt = QrFlowable(url, size, st.palette.text), ctx.labels("qr_alt", url=shown)
    figure = ctx.tag(code, "Figure", alt=alt, url=url, contents=contents)
    address = ctx.tag(make_para(escape(shown), st.small), "Span", url=url, contents=contents)
    return ctx.group(
        "Div",
        Stack(
            [
                ctx.tag(make_para(f"<b>{escape(caption)}</b>", st.small), "P"),
                *ctx.group("Link", [figure, address]),
            ],
            gap=2,
        ),
    )


class Tiles(Flowable):  # type: ignore[misc]
    """Equal-width cells in rows, as many to a row as fit (at least ``min_width`` each)."""

    def __init__(self, cells: Sequence[Flowable], min_width: float, gap: float) -> None:
        super().__init__()
        self.cells, self.min_width, self.gap = list(cells), min_width, gap
        self._layout: list[tuple[Flowable, float, float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        per_row = max(
            1, min(len(self.cells), 3, int((avail_width + self.gap) // (self.min_width + self.gap)))
        )
        cell_w = (avail_width - self.gap * (per_row - 1)) / per_row
        self._layout, y = [], 0.0
        for start in range(0, len(self.cells), per_row):
            row = self.cells[start : start + per_row]
            heights = [c.wrap(cell_w, 1e6)[1] for c in row]
            for i, cell in enumerate(row):
                self._layout.append((cell, i * (cell_w + self.gap), y + heights[i]))
            y += max(heights) + self.gap
        self.width, self.height = avail_width, y - self.gap
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        for cell, x, bottom in self._layout:
            cell.drawOn(self.canv, x, self.height - bottom)
