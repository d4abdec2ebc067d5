"""The layer around every request: host check, sign-in, security headers, a log line.

In: an ASGI request. Out: the app's response with the security headers and
``Cache-Control: no-store`` added, or a refusal (unknown host: 400; not signed in: a
redirect to the sign-in page, or 401 for the API). The log line names the method, the path
(one of the app's own, without the query string), the status and the time: never a field,
never a body. An error in
the app is logged by its type and place only and answered with a plain 500 page.
"""

from __future__ import annotations

import logging
import time
import traceback
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .security import CSP, HEADERS, PDF_CSP, Guard, host_allowed

log = logging.getLogger("handout.serve")

#: Paths open without signing in.
OPEN_PATHS = ("/login", "/static/", "/healthz")
#: Responses without patient data that browsers may keep.
CACHEABLE = ("/static/", "/thumbnails/")
#: The paths the log names as they are; any other is logged as "(other path)", so that
#: whatever a client puts in a URL never reaches the log.
LOGGED = {"/", "/preview", "/api/leaflet", "/api/openapi.json", "/login", "/logout", "/healthz"}


def shown_path(path: str) -> str:
    """The path as the log shows it."""
    if path in LOGGED or (path.startswith(CACHEABLE) and len(path) < 80 and path.isascii()):
        return path
    return "(other path)"


class GuardMiddleware:
    """See the module docstring."""

    def __init__(self, app: ASGIApp, guard: Guard, hosts: frozenset[str], tls: bool) -> None:
        self.app, self.guard, self.hosts, self.tls = app, guard, hosts, tls

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        path: str = scope["path"]
        status, started = 500, False

        async def send_with_headers(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                message["headers"] = self._headers(path, message.get("headers", []))
            await send(message)

        try:
            refusal = self._refusal(Request(scope))
            if refusal is not None:
                await refusal(scope, receive, send_with_headers)
            else:
                await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # never the message: it could hold a patient's details
            frames = traceback.extract_tb(exc.__traceback__)
            where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames[-4:])
            name = type(exc).__name__
            log.error("error in %s %s: %s at %s", scope["method"], shown_path(path), name, where)
            if not started:  # Starlette has usually answered 500 already
                page = PlainTextResponse("Something went wrong; please try again.", 500)
                await page(scope, receive, send_with_headers)
        finally:
            ms = (time.perf_counter() - start) * 1000
            log.info("%s %s %d %.0f ms", scope["method"], shown_path(path), status, ms)

    def _refusal(self, request: Request) -> Response | None:
        if not host_allowed(request, self.hosts):
            return PlainTextResponse("Unknown host name.", 400)
        path = request.url.path
        if self.guard.signed_in(request) or path.startswith(OPEN_PATHS):
            return None
        if path.startswith("/api/"):
            return JSONResponse(
                {"errors": [{"field": "", "message": "Send the access code as a Bearer token."}]},
                401,
                headers={"www-authenticate": "Bearer"},
            )
        return RedirectResponse("/login", 303)

    def _headers(self, path: str, headers: Any) -> list[tuple[bytes, bytes]]:
        out = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
        pdf = any(k.lower() == b"content-type" and v.startswith(b"application/pdf") for k, v in out)
        policy = PDF_CSP if pdf else CSP
        extra = {**HEADERS, "content-security-policy": policy}
        extra["cache-control"] = "no-store"
        if path.startswith(CACHEABLE):
            extra["cache-control"] = "private, max-age=3600"
        if self.tls:
            extra["strict-transport-security"] = "max-age=31536000"
        return out + [(k.encode(), v.encode()) for k, v in extra.items()]
