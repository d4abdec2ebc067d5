"""What runs in a build process: leaflets as PDF bytes and preview pages as PNG, in memory.

In (:func:`start`): the :class:`~pdfbuilder.web.config.WebConfig`; the process loads the
catalogue and builds every offered layout once with invented details, so the first real
request is as fast as the rest. A leaflet that cannot be made in an offered layout (too long
for a trifold, say) does not stop the page: it is remembered, the server logs it once at
start, and staff who choose it get the reason. In (:func:`handle`): a job, ``("pdf",
request)``, ``("preview", (request, held))``, ``("thumbnails", None)`` or ``("problems",
None)``; ``held`` is the page ids (:mod:`.pageids`) of the preview pictures the browser
shows, page by page (empty: none). Out: ``("pdf", bytes)``, ``("preview", ([png, ...,
page count], [page id, ...]))`` where a page whose id is the one held comes back as ``b""``
(the browser keeps its picture), ``("thumbnails", {layout id: png})``, ``("problems",
[line, ...])``, ``("error", field, message)`` for a :class:`HandoutError`, or ``("failed",
None)`` for anything else.

Nothing is written to disk. A failure is logged by its type and place only, never its
message, which could hold a patient's details.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import traceback
from typing import Any

from .catalogue import Catalogue, load_catalogue
from .config import WebConfig
from .core import HandoutError, Layout, build_pdf, personal_from_strings
from .forms import LeafletRequest
from .pageids import new_key, page_ids
from .png import render_flags, render_png

log = logging.getLogger("handout.serve")

#: Preview pages: 0.55 pixel per point (about 40 dpi; an A4 page is 327 pixels wide).
PREVIEW_SCALE = 0.55
THUMBNAIL_SCALE = 0.2
#: Most preview pages rendered (a long large-print leaflet shows its first pages).
MAX_PREVIEW_PAGES = 12
#: The picture of a layout none of the leaflets can be made in: a white 1x1 PNG.
_BLANK_THUMBNAIL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082"
)

_state: dict[str, Any] = {}


def _salt() -> bytes:
    """What else decides a preview page's pixels: the scale, how pdfium is asked to draw,
    and pdfium's build (so an id from another version or setting never matches)."""
    import pypdfium2

    versions = f"{pypdfium2.PYPDFIUM_INFO} {pypdfium2.PDFIUM_INFO}"
    return f"preview {PREVIEW_SCALE} {render_flags()} {versions}".encode()


def start(config: WebConfig, key: bytes | None = None) -> None:
    """Load what the config names and build every leaflet in every layout once (a warm
    process); note the ones that cannot be made, and make each layout's thumbnail. ``key``:
    the server's secret for page ids (:func:`~.pageids.new_key`; one of this process's own
    if not given), the same in every build process so any of them can answer a preview."""
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(message)s")
    _state["key"], _state["salt"] = key or new_key(), _salt()
    catalogue = load_catalogue(config)
    _state["catalogue"] = catalogue
    _state["layouts"] = {
        (c.id, qr): (c.layout if qr else _without_qr(c.layout))
        for c in catalogue.layouts
        for qr in (True, False)
    }
    warm = personal_from_strings({"patient": "A", "note": "A", "date": "2026-01-01"})
    problems: list[str] = []
    for choice in catalogue.layouts:
        thumbnail: bytes | None = None
        for leaflet in catalogue.leaflets:
            for version in leaflet.versions:
                try:
                    build_pdf(
                        version.handout, choice.layout, clinic=catalogue.clinic, personal=warm
                    )
                    if thumbnail is None:  # the first leaflet it can make, with no details
                        pdf = build_pdf(  # untagged, as previews are: that path warm too
                            version.handout, choice.layout, clinic=catalogue.clinic, tagged=False
                        )
                        thumbnail = _render(pdf, 1)[0]
                except HandoutError as exc:
                    problems.append(f"{exc} (so it is not offered in the {choice.id} layout)")
        _state["thumb_" + choice.id] = thumbnail or _BLANK_THUMBNAIL
    _state["problems"] = problems


def _without_qr(layout: Layout) -> Layout:
    return dataclasses.replace(layout, blocks=tuple(b for b in layout.blocks if b != "qr"))


def build(request: LeafletRequest, *, tagged: bool = True) -> bytes:
    """The PDF bytes of a checked request. ``tagged=False`` for a preview: the pages are
    drawn the same, pixel for pixel (tests/web/test_preview.py), without the structure tree
    a screen reader needs and a picture does not (a quarter of the build's time)."""
    catalogue: Catalogue = _state["catalogue"]
    version = next(v for lf in catalogue.leaflets for v in lf.versions if v.id == request.version)
    layout = _state["layouts"][(request.layout, request.qr)]
    personal = personal_from_strings(request.personal) if request.personal else None
    return build_pdf(
        version.handout,
        layout,
        paper=request.paper,
        clinic=catalogue.clinic,
        personal=personal,
        tagged=tagged,
    )


def _render(
    pdf: bytes, pages: int, scale: float = THUMBNAIL_SCALE, skip: frozenset[int] = frozenset()
) -> list[bytes]:
    """The first ``pages`` pages as PNG images (``b""`` for a page in ``skip``, which is
    not even loaded), then the page count as ASCII digits."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        out = []
        for index in range(min(pages, len(document))):
            if index in skip:
                out.append(b"")
                continue
            page = document[index]
            out.append(render_png(page, scale))
            page.close()
        return [*out, str(len(document)).encode()]
    finally:
        document.close()


def _preview(request: LeafletRequest, held: tuple[str, ...]) -> tuple[Any, ...]:
    """The preview job: the untagged build's pages drawn, except those the browser holds."""
    pdf = build(request, tagged=False)
    ids = page_ids(pdf, _state["key"], _state["salt"])
    if ids is None:  # not laid out as expected: draw every page, and give no ids
        return ("preview", (_render(pdf, MAX_PREVIEW_PAGES, PREVIEW_SCALE), []))
    ids = ids[:MAX_PREVIEW_PAGES]
    skip = frozenset(
        i for i, (mine, theirs) in enumerate(zip(ids, held, strict=False)) if mine == theirs
    )
    return ("preview", (_render(pdf, MAX_PREVIEW_PAGES, PREVIEW_SCALE, skip), ids))


def handle(job: tuple[str, Any]) -> tuple[Any, ...]:
    """Run one job; see the module docstring for what comes back."""
    kind, payload = job
    try:
        if kind == "pdf":
            return ("pdf", build(payload))
        if kind == "preview":
            request, held = payload
            return _preview(request, held)
        if kind == "thumbnails":
            catalogue: Catalogue = _state["catalogue"]
            return ("thumbnails", {c.id: _state["thumb_" + c.id] for c in catalogue.layouts})
        if kind == "problems":
            return ("problems", list(_state["problems"]))
    except HandoutError as exc:
        return ("error", exc.field, exc.message)
    except Exception as exc:  # a bug: say where, never what (it could hold patient details)
        frames = traceback.extract_tb(exc.__traceback__)
        where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames[-4:])
        log.error("a build failed: %s at %s (message withheld)", type(exc).__name__, where)
        return ("failed", None)
    raise ValueError(f"unknown job {kind!r}")  # pragma: no cover - the server sends known jobs
