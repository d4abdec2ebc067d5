"""Signing in with the config's access code, and out (only when the config sets one).

Nothing is recorded: a sign-in is a signed cookie with its expiry (see
:class:`~pdfbuilder.web.security.Guard`); a wrong code waits a second before the answer.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from .security import ACCESS_COOKIE
from .state import Refused, Web, form_pairs


async def login(request: Request) -> Response:
    web: Web = request.app.state.web
    if web.guard.token is None:
        return RedirectResponse("/", 303)
    if request.method == "GET":
        return web.page(request, "login.html", error=None)
    try:
        pairs = await form_pairs(request, web, header_token=False)
    except Refused as exc:
        return web.page(request, "refused.html", exc.status, message=exc.message)
    given = next((v for k, v in pairs if k == "access_code"), "")
    if not web.guard.token_ok(given):
        await asyncio.sleep(1.0)  # slows guessing; nothing is recorded
        error = "That access code is not right. Check it with IT and type it again."
        return web.page(request, "login.html", 401, error=error)
    response = RedirectResponse("/", 303)
    cookie = web.guard.access_cookie()
    flags = web.guard.cookie_flags()
    response.set_cookie(ACCESS_COOKIE, cookie, max_age=web.guard.session_seconds, **flags)  # type: ignore[arg-type]
    return response


async def logout(request: Request) -> Response:
    web: Web = request.app.state.web
    try:
        await form_pairs(request, web, header_token=False)
    except Refused as exc:
        return web.page(request, "refused.html", exc.status, message=exc.message)
    response = RedirectResponse("/login" if web.guard.token else "/", 303)
    response.delete_cookie(ACCESS_COOKIE, path="/")
    return response
