"""What runs in a build process: leaflets as PDF bytes and preview pages as PNG, in memory.

In (:func:`start`): the :class:`~pdfbuilder.web.config.WebConfig`; the process loads the
catalogue and builds every offered layout once with invented details, so the first real
request is as fast as the rest. In (:func:`handle`): a job, ``("pdf", request)``,
``("preview", request)`` or ``("thumbnails", None)``. Out: ``("pdf", bytes)``,
``("preview", [png, ..., page count])``, ``("thumbnails", {layout id: png})``, ``("error", field,
message)`` for a :class:`HandoutError`, or ``("failed", None)`` for anything else.

Nothing is written to disk. A failure is logged by its type and place only, never its
message, which could hold a patient's details.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import sys
import traceback
from typing import Any

from .catalogue import Catalogue, load_catalogue
from .config import WebConfig
from .core import HandoutError, Layout, build_pdf, personal_from_strings
from .forms import LeafletRequest

log = logging.getLogger("handout.serve")

#: Preview pages: 0.55 pixel per point (about 40 dpi; an A4 page is 327 pixels wide).
PREVIEW_SCALE = 0.55
THUMBNAIL_SCALE = 0.2
#: Most preview pages rendered (a long large-print leaflet shows its first pages).
MAX_PREVIEW_PAGES = 12

_state: dict[str, Any] = {}


def start(config: WebConfig) -> None:
    """Load what the config names and build each layout once (a warm process)."""
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(message)s")
    catalogue = load_catalogue(config)
    _state["catalogue"] = catalogue
    _state["layouts"] = {
        (c.id, qr): (c.layout if qr else _without_qr(c.layout))
        for c in catalogue.layouts
        for qr in (True, False)
    }
    warm = personal_from_strings({"patient": "A", "note": "A", "date": "2026-01-01"})
    for choice in catalogue.layouts:
        _state["thumb_" + choice.id] = _render(_first_build(catalogue, choice.layout), 1)
        build_pdf(
            catalogue.leaflets[0].original, choice.layout, clinic=catalogue.clinic, personal=warm
        )


def _first_build(catalogue: Catalogue, layout: Layout) -> bytes:
    """The first leaflet in this layout, without personal details (for its thumbnail)."""
    return build_pdf(catalogue.leaflets[0].original, layout, clinic=catalogue.clinic)


def _without_qr(layout: Layout) -> Layout:
    return dataclasses.replace(layout, blocks=tuple(b for b in layout.blocks if b != "qr"))


def build(request: LeafletRequest) -> bytes:
    """The PDF bytes of a checked request."""
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
    )


def _render(pdf: bytes, pages: int, scale: float = THUMBNAIL_SCALE) -> list[bytes]:
    """The first ``pages`` pages as PNG images, then the page count as ASCII digits."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        out = []
        for index in range(min(pages, len(document))):
            page = document[index]
            image = page.render(scale=scale).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", compress_level=1)
            out.append(buffer.getvalue())
            page.close()
        return [*out, str(len(document)).encode()]
    finally:
        document.close()


def handle(job: tuple[str, Any]) -> tuple[Any, ...]:
    """Run one job; see the module docstring for what comes back."""
    kind, payload = job
    try:
        if kind == "pdf":
            return ("pdf", build(payload))
        if kind == "preview":
            return ("preview", _render(build(payload), MAX_PREVIEW_PAGES, PREVIEW_SCALE))
        if kind == "thumbnails":
            catalogue: Catalogue = _state["catalogue"]
            return ("thumbnails", {c.id: _state["thumb_" + c.id][0] for c in catalogue.layouts})
    except HandoutError as exc:
        return ("error", exc.field, exc.message)
    except Exception as exc:  # a bug: say where, never what (it could hold patient details)
        frames = traceback.extract_tb(exc.__traceback__)
        where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames[-4:])
        log.error("a build failed: %s at %s (message withheld)", type(exc).__name__, where)
        return ("failed", None)
    raise ValueError(f"unknown job {kind!r}")  # pragma: no cover - the server sends known jobs
