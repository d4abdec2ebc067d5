"""The pipeline in one place: read, validate, compose, render, write.

:func:`build_pdf` returns PDF bytes without touching the disk; :func:`build_file` writes
them atomically. Each stage lives in its own module and can be called on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import _rl
from .collector import paused
from .compose.context import Block, Context, Geometry
from .compose.references import References
from .compose.registry import compose_blocks
from .compose.selection import select
from .content.fields import text_fields
from .content.labels import Labels, labels_for
from .content.limits import check_limits
from .content.model import Handout, load_handout
from .errors import HandoutError
from .flowables.mirror import mirror
from .layout.files import layout_files, load_layout
from .layout.model import Layout
from .layout.styles import Styles, styles_for
from .output.write import write_atomic
from .people.clinic import brand_layout
from .people.personal import check_personal, personalise
from .render.blame import TooTall, locate
from .render.dispatch import render
from .render.job import Compose, RenderJob
from .render.pages import PAPER_SIZES
from .source import schema
from .source.checked import check_once
from .source.files import FileId, file_id, recording
from .source.reader import Source
from .tagging import Recorder, collect, document, finish, release
from .text.fonts import FontChain, glyph_problem


@dataclass(frozen=True)
class BuildOptions:
    """How to build, beyond the content and the layout.

    ``paper``: ``"a4"`` or ``"letter"`` (default: the layout's own). ``print_marks``: add
    3 mm bleed and crop marks for a print shop. ``impose``: for booklet layouts, put the pages
    two-up on sheets in saddle-stitch order (False gives the pages in reading order).
    ``clinic``: a clinic profile (logo, numbers, colours). ``personal``: print-time details
    for one patient; never stored. ``tagged``: a tagged PDF (PDF/UA-1) with a structure
    tree for screen readers; False only to measure what tagging costs. A booklet imposed
    on sheets is never tagged: it is for the print shop (docs/accessibility.md).
    """

    paper: str | None = None
    print_marks: bool = False
    impose: bool = True
    clinic: Any = None
    personal: Any = None
    tagged: bool = True


def build_pdf(
    handout: Handout | str | Path,
    layout: Layout | str | Path = "standard",
    *,
    paper: str | None = None,
    print_marks: bool = False,
    impose: bool = True,
    clinic: Any = None,
    personal: Any = None,
    root: Any = None,
    tagged: bool = True,
) -> bytes:
    """Build a leaflet and return the PDF bytes, without touching the disk.

    ``handout`` is a loaded :class:`Handout` or the path of a handout file; ``layout`` a
    :class:`Layout`, a built-in layout name or a layout file path. ``root``: folders (one or
    several) where files named inside them may lie besides their own folders (see
    ``docs/security.md``). The other arguments are those of :class:`BuildOptions`.
    """
    options = BuildOptions(paper, print_marks, impose, clinic, personal, tagged)
    h = handout if isinstance(handout, Handout) else load_handout(handout, root=root)
    lay = layout if isinstance(layout, Layout) else load_layout(layout, root=root)
    return build(h, lay, options)


def build(handout: Handout, layout: Layout, options: BuildOptions) -> bytes:
    """The stages in order: brand the layout, check the glyphs, personalise, compose and
    render, and impose a booklet's pages on sheets; with the garbage collector paused
    (:mod:`~pdfbuilder.collector`: its passes found nothing to free mid-build)."""
    with paused():
        return _build(handout, layout, options)


def _build(handout: Handout, layout: Layout, options: BuildOptions) -> bytes:
    _rl.install()  # ReportLab's speed-ups and the ToUnicode fix, once, on a tested version
    paper = (options.paper or layout.page.paper).lower()
    if paper not in PAPER_SIZES:
        raise HandoutError(f'unknown paper "{options.paper}"; use a4 or letter', field="paper")
    check_bounded(handout, layout, options)
    layout = brand_layout(layout, options.clinic)
    labels = labels_for(handout.language, handout.labels)
    styles = styles_for(layout, labels.rtl)
    check_glyphs(handout, styles, labels)
    handout = personalise(handout, options.clinic, options.personal, styles)
    note = options.clinic.footer if options.clinic is not None and layout.footer else None
    imposed = layout.imposition == "booklet" and options.impose and not options.print_marks
    recorder = Recorder() if options.tagged and not imposed else None
    compose = _composer(handout, labels, options, tagged=recorder is not None)
    job = RenderJob(
        compose,
        handout,
        layout,
        styles,
        labels,
        paper,
        options.print_marks,
        options.impose,
        note,
        recorder,
        _composer(handout, labels, options, tagged=False) if recorder is not None else None,
        options.personal,
    )
    try:
        pdf = render(job)
    except TooTall as exc:  # blamed on the field whose text is too tall: a note, a title...
        raise locate(exc, handout, options.personal, options.clinic) from None
    if recorder is not None:  # the structure tree, ParentTree and XMP metadata
        tree = document(recorder)
        pdf = finish(pdf, tree, recorder)
        release(tree, recorder)  # freed now, not left to the garbage collector
    if imposed:
        from .output.impose import impose_booklet  # pikepdf loads only for booklets

        pdf = impose_booklet(pdf)
    return pdf


def check_bounded(handout: Handout, layout: Layout, options: BuildOptions) -> None:
    """The limits of ``docs/security.md`` on everything a build is given, however it was
    made: values read from files were checked as they were read, and values built in
    Python (``dataclasses.replace(handout, title=...)``) are checked here, in milliseconds,
    before any layout work whose time grows with the text; a frozen value that passed is
    not walked again (:mod:`~pdfbuilder.source.checked`)."""
    check_once(
        "handout", handout, lambda: check_limits(handout, handout.origin or Source({}, "<handout>"))
    )
    check_once("layout", layout, lambda: schema.check_bounds(layout, (), Source({}, layout.name)))
    clinic, personal = options.clinic, options.personal
    if clinic is not None:
        origin = getattr(clinic, "origin", None) or Source({}, "<clinic>")
        check_once("clinic", clinic, lambda: schema.check_bounds(clinic, (), origin))
    if personal is not None:  # never remembered: a patient's details are checked every time
        check_personal(personal)


def _composer(handout: Handout, labels: Labels, options: BuildOptions, *, tagged: bool) -> Compose:
    """The compose stage for this leaflet: blocks for a layout (the render stage may scale
    its type) and a page geometry, mirrored for a right-to-left language; tagged, every
    block's structure nodes gathered in one document node, in the blocks' order."""

    def compose(lay: Layout, geometry: Geometry, refs: References) -> list[Block]:
        styles = styles_for(lay, labels.rtl)
        shown = select(handout, lay.select, options.personal)  # a short format chooses
        context = Context(
            shown,
            lay,
            styles,
            labels,
            geometry,
            options.clinic,
            options.personal,
            tagged,
            refs=refs,
            full=handout,
        )
        blocks = compose_blocks(context)
        if labels.rtl:  # right-to-left language: mirror boxes, rows and columns
            mirror(flow for _, flows in blocks for flow in flows)
        if tagged:
            collect(flow for _, flows in blocks for flow in flows)
        return blocks

    return compose


def _image(exercise: Any) -> bool:
    return isinstance(getattr(getattr(exercise, "figure", None), "image", None), str)


def build_file(
    handout: Handout | str | Path,
    output: str | Path,
    layout: Layout | str | Path = "standard",
    **options: Any,
) -> Path:
    """Build a leaflet and write it to ``output`` atomically; return the path written.

    ``options`` are the keyword arguments of :func:`build_pdf`. ``output`` must not be any
    file the build read (the handout, layout, clinic profile, images...), nor a special file.
    """
    with recording() as inputs:
        inputs += input_files(handout, layout, options.get("clinic"), options.get("personal"))
        pdf = build_pdf(handout, layout, **options)
    return write_atomic(output, pdf, inputs=inputs)


def input_files(*values: Any) -> list[FileId]:
    """The files that values loaded before the run were read from (a handout and its
    images, a layout and those it extends, a clinic and its logo, a plan), for the output
    check; paths are read during the run and recorded then."""
    found: list[FileId] = []
    for value in values:
        if isinstance(value, Layout):
            found += layout_files(value)
            continue
        origin = getattr(value, "origin", None)
        paths = [getattr(origin, "file", None), getattr(value, "logo", None)]
        paths += [ex.figure.image for ex in getattr(value, "exercises", ()) if _image(ex)]
        for path in paths:
            if isinstance(path, str) and path and not path.startswith("<"):
                found += file_id(path)
    return found


_glyphs_checked: set[tuple[Handout, Any, str]] = set()


def check_glyphs(handout: Handout, styles: Styles, labels: Labels) -> None:
    """Refuse text with a character the layout's fonts cannot draw (instead of a blank box)."""
    key = (handout, styles.chain, labels.language)
    if key in _glyphs_checked:
        return
    _check_glyphs(handout, styles)
    if len(_glyphs_checked) > 1000:
        _glyphs_checked.clear()
    _glyphs_checked.add(key)


def _check_glyphs(handout: Handout, styles: Styles) -> None:
    chain = styles.chain or FontChain(styles.fonts)
    for path, text in text_fields(handout, ()):
        message = glyph_problem(text, chain)
        if message:
            if handout.origin is not None:
                raise handout.origin.error(path, message)
            raise HandoutError(message, field=path)
