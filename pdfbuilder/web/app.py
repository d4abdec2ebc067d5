"""The web app: routes over the catalogue, the checks in :mod:`.forms` and the build pool.

Routes (see docs/web.md):

- ``GET /``: find a leaflet (``?q=``), choose one (``?leaflet=ID``) and fill in the form.
- ``POST /``: the form without JavaScript: ``action=preview`` shows the page again with the
  preview, ``print`` answers the PDF to open in the browser, ``download`` the PDF to save.
- ``POST /preview``: the same fields, answered as JSON (preview pages, field errors), for
  the live preview.
- ``POST /api/leaflet``: JSON in, PDF out, for other systems; ``GET /api/openapi.json``.
- ``GET /thumbnails/ID.png``, ``GET /static/...``, ``GET /healthz``, and ``/login``,
  ``/logout`` when the config sets an access code.

Every form post carries a CSRF token; every body is size- and time-limited; every build runs
in a warm worker process under a time limit. Nothing is stored.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import openapi, worker
from .catalogue import Leaflet, load_catalogue
from .config import WebConfig
from .core import HandoutError
from .fields import MAX_BODY
from .forms import FieldError, Submission, check, from_form, from_json
from .forms import staff_message as staff
from .middleware import GuardMiddleware
from .pageids import new_key
from .pool import Busy, PoolError, TooSlow, WorkerPool
from .security import BodyTooLarge, BodyTooSlow, Guard, read_body, same_origin
from .signin import login, logout
from .state import HERE, Refused, StaleToken, Web, form_pairs
from .view import FormView, field_id, fresh, submitted, summary_text

log = logging.getLogger("handout.serve")


async def _build(web: Web, kind: str, payload: Any) -> tuple[Any, list[FieldError]]:
    """Run a build job (see :mod:`.worker`); a problem becomes field errors (or a general
    one, with no key)."""
    try:
        result = await web.pool.run((kind, payload))
    except PoolError as exc:
        status = 503 if isinstance(exc, Busy) else 504 if isinstance(exc, TooSlow) else 502
        raise Refused(status, staff(str(exc))) from None
    if result[0] == "error":
        return None, [_build_error(result[1], result[2])]
    if result[0] == "failed":
        message = (
            "The leaflet could not be made. Try again or another layout; if it goes on, tell IT."
        )
        return None, [FieldError("", "", message)]
    return result[1], []


def _build_error(where: str | None, message: str) -> FieldError:
    """A core error from a build, put on the form field it concerns."""
    key = (where or "").lstrip("-").replace("-", "_")
    key = "exercises" if key == "exercise" or key.startswith("exercises[") else key
    if key in ("patient", "clinician", "note", "date", "follow_up", "qr_url", "paper", "exercises"):
        return FieldError(key, key, staff(message))
    return FieldError("", "", "This leaflet cannot be made in this layout: " + staff(message))


def _pdf(pdf: bytes, name: str, inline: bool) -> Response:
    how = "inline" if inline else "attachment"
    headers = {"content-disposition": f'{how}; filename="{name}"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


def _data_urls(pages: list[bytes]) -> list[str]:
    """The preview's PNG pages as data: URLs (the worker's list ends with the page count)."""
    return ["data:image/png;base64," + base64.b64encode(p).decode("ascii") for p in pages[:-1]]


def _total(pages: list[bytes] | None) -> int:
    return int(pages[-1]) if pages else 0


# --- the page --------------------------------------------------------------------------------


async def index(request: Request) -> Response:
    web: Web = request.app.state.web
    query = request.query_params.get("q", "")[:100]
    ident = request.query_params.get("leaflet", "")[:100]
    results = web.catalogue.search(query)
    leaflet = web.catalogue.leaflet(ident) if ident else None
    view = None
    if leaflet is not None:
        version = next((v for v in leaflet.versions if v.id == ident), leaflet.versions[0])
        view = fresh(web.catalogue, leaflet, version)
    missing = bool(ident) and leaflet is None
    return web.page(
        request,
        "index.html",
        404 if missing else 200,
        query=query,
        results=results,
        view=view,
        pages=[],
        total=0,
        missing=missing,
    )


def _show(
    web: Web, request: Request, leaflet: Leaflet | None, sub: Submission, **context: Any
) -> Response:
    errors: list[FieldError] = context.pop("errors", [])
    view: FormView | None = None
    if leaflet is not None:
        view = submitted(web.catalogue, leaflet, sub, errors)
    status = context.pop("status", 422 if errors else 200)
    context.setdefault("pages", [])
    context.setdefault("total", 0)
    context.setdefault("missing", False)
    results = web.catalogue.search("")
    return web.page(request, "index.html", status, query="", results=results, view=view, **context)


async def submit(request: Request) -> Response:
    web: Web = request.app.state.web
    try:
        pairs = await form_pairs(request, web, header_token=False)
    except StaleToken as exc:  # show the form again, as sent, with a fresh token
        sub = from_form(exc.pairs)
        leaflet = web.catalogue.leaflet(sub.get("handout"))
        return _show(web, request, leaflet, sub, status=exc.status, errors=[_general(exc)])
    except Refused as exc:
        return web.page(request, "refused.html", exc.status, message=exc.message)
    sub = from_form(pairs)
    action = next((v for k, v in pairs if k == "action"), "preview")
    leaflet = web.catalogue.leaflet(sub.get("handout"))
    req, errors = check(sub, web.catalogue)
    result: Any = None
    if req is not None:
        job = ("preview", (req, ())) if action == "preview" else ("pdf", req)
        try:
            result, errors = await _build(web, *job)
        except Refused as exc:
            return _show(web, request, leaflet, sub, status=exc.status, errors=[_general(exc)])
    if errors or req is None or result is None:
        return _show(web, request, leaflet, sub, errors=errors)
    if action in ("print", "download"):
        return _pdf(result, req.filename, inline=action == "print")
    pages = result[0]  # every page drawn: the page shows no earlier pictures to keep
    return _show(web, request, leaflet, sub, pages=_data_urls(pages), total=_total(pages))


def _general(exc: Refused) -> FieldError:
    return FieldError("", "", exc.message)


async def preview(request: Request) -> Response:
    """The live preview: the form's fields in, JSON out (pages, or errors by field id)."""
    web: Web = request.app.state.web
    try:
        pairs = await form_pairs(request, web, header_token=True)
        sub = from_form(pairs)
        req, errors = check(sub, web.catalogue)
        leaflet = web.catalogue.leaflet(sub.get("handout"))
        version = leaflet.version(sub.get("language") or None) if leaflet else None
        pages, ids = None, []
        if req is not None:
            shown, errors = await _build(web, "preview", (req, held_ids(pairs)))
            pages, ids = shown or (None, [])
    except Refused as exc:
        return JSONResponse({"pages": [], "errors": [], "general": [exc.message]}, exc.status)
    body = {
        "total": _total(pages),
        "ids": ids,
        "errors": [
            {"id": field_id(e.key), "message": e.message, "summary": summary_text(e, version)}
            for e in errors
            if e.key
        ],
        "general": [e.message for e in errors if not e.key],
    }
    return _preview_json(pages or [], body, 422 if errors else 200)


def held_ids(pairs: list[tuple[str, str]]) -> tuple[str, ...]:
    """The page ids the browser sent (``page_ids``: the ids of the pictures it shows, in
    page order, separated by spaces). Anything that is not a list of at most
    :data:`~.worker.MAX_PREVIEW_PAGES` ids of 32 hex digits counts as none held."""
    sent = next((v for k, v in pairs if k == "page_ids"), "")
    ids = tuple(sent.split())
    if len(sent) > 40 * worker.MAX_PREVIEW_PAGES or len(ids) > worker.MAX_PREVIEW_PAGES:
        return ()
    if not all(len(i) == 32 and all(c in "0123456789abcdef" for c in i) for i in ids):
        return ()
    return ids


def _preview_json(pages: list[bytes], rest: dict[str, Any], status: int) -> Response:
    """``{"pages": [data: URL or null], **rest}`` as JSON: null for a page the browser
    keeps (its id was the one held). The pages (about 300 KB of base64) are put in as they
    are rather than scanned by the JSON encoder: base64's letters, digits, ``+``, ``/`` and
    ``=`` never need escaping in a JSON string (1.5 ms of server CPU less a preview)."""
    urls = b",".join(
        b'"data:image/png;base64,' + base64.b64encode(p) + b'"' if p else b"null"
        for p in pages[:-1]
    )
    others = json.dumps(rest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    comma = b"," if len(others) > 2 else b""
    content = b'{"pages":[' + urls + b"]" + comma + others[1:]
    return Response(content, status, media_type="application/json")


# --- the API ---------------------------------------------------------------------------------


def _api_errors(status: int, errors: list[FieldError]) -> JSONResponse:
    return JSONResponse({"errors": [e.as_json() for e in errors]}, status)


async def api_leaflet(request: Request) -> Response:
    """``POST /api/leaflet``: a JSON object in, the PDF out (see ``/api/openapi.json``)."""
    web: Web = request.app.state.web
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        return _api_errors(415, [FieldError("", "", "Send the request as application/json.")])
    if not same_origin(request):
        return _api_errors(403, [FieldError("", "", "Requests from other sites are refused.")])
    try:
        data = json.loads(await read_body(request, MAX_BODY))
    except BodyTooLarge:
        return _api_errors(413, [FieldError("", "", f"The body is over {MAX_BODY} bytes.")])
    except BodyTooSlow:
        return _api_errors(408, [FieldError("", "", "The body took too long to arrive.")])
    except (ValueError, RecursionError):
        return _api_errors(400, [FieldError("", "", "The body is not valid JSON.")])
    sub, errors = from_json(data)
    req = None
    if not errors:
        req, errors = check(sub, web.catalogue)
    if req is None or errors:
        return _api_errors(422, errors)
    try:
        pdf, errors = await _build(web, "pdf", req)
    except Refused as exc:
        return _api_errors(exc.status, [_general(exc)])
    if errors:
        return _api_errors(422, errors)
    return _pdf(pdf, req.filename, inline=False)


async def api_schema(request: Request) -> Response:
    web: Web = request.app.state.web
    return JSONResponse(openapi.document(web.catalogue))


# --- sign-in, thumbnails, health -------------------------------------------------------------


async def thumbnail(request: Request) -> Response:
    web: Web = request.app.state.web
    png = web.thumbnails.get(request.path_params["layout"])
    if png is None:
        return Response("No such layout.", 404, media_type="text/plain")
    return Response(png, media_type="image/png")


async def health(request: Request) -> Response:
    web: Web = request.app.state.web
    alive = web.pool.alive
    return JSONResponse({"status": "ok" if alive else "starting", "workers": alive})


def create_app(config: WebConfig, host: str, *, tls: bool = False) -> Any:
    """The app, with its build processes started and warm (blocking until they are)."""
    catalogue = load_catalogue(config)
    pool = WorkerPool(
        config.worker_count(),
        worker.start,
        (config, new_key()),  # one key for the preview's page ids, in every build process
        worker.handle,
        timeout=float(config.build_seconds),
        preload=("pdfbuilder.web.worker",),
        pin=config.pin_workers,
    )
    try:
        pool.start()
    except PoolError as exc:
        pool.close()
        if exc.kind == "HandoutError":  # a leaflet that cannot be built in an offered layout
            raise HandoutError(exc.detail) from None
        raise
    guard = Guard(config.token, config.session_hours * 3600, secure=tls)
    web = Web(config, catalogue, pool, guard)
    web.thumbnails = pool.first().exchange(("thumbnails", None))[1]
    for line in pool.first().exchange(("problems", None))[1]:
        log.warning("%s", line)  # content and layout names only: no patient details

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.close()

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/", submit, methods=["POST"]),
        Route("/preview", preview, methods=["POST"]),
        Route("/api/leaflet", api_leaflet, methods=["POST"]),
        Route("/api/openapi.json", api_schema, methods=["GET"]),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/thumbnails/{layout}.png", thumbnail, methods=["GET"]),
        Route("/healthz", health, methods=["GET"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.web = web
    hosts = frozenset({"127.0.0.1", "localhost", "::1", host.lower(), *config.allowed_hosts})
    return GuardMiddleware(app, guard, hosts, tls), pool
