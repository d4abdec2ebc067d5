"""The page's guards: signed tokens for CSRF and sign-in, host and origin checks, security
headers, and reading a request body within a size and time limit.

Nothing here is stored on the server: a CSRF token is an HMAC of a random cookie, a sign-in
is a cookie holding its expiry and an HMAC of it, both under a key made at start (so a
restart signs everyone out and old pages must be reloaded).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, field

from starlette.requests import Request

CSRF_COOKIE = "handout_csrf"
ACCESS_COOKIE = "handout_access"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
#: Seconds a client gets to send its whole request body.
BODY_SECONDS = 10.0

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
#: A PDF opens in the browser's own viewer, which a page policy would get in the way of.
PDF_CSP = "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
HEADERS = {
    "x-content-type-options": "nosniff",
    # not no-referrer: with it, Chrome sends "Origin: null" on the page's own form posts
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


class BodyTooLarge(Exception):
    """The request body is over the limit."""


class BodyTooSlow(Exception):
    """The request body did not arrive in time."""


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused past ``limit`` bytes or :data:`BODY_SECONDS`."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0

    async def collect() -> None:
        nonlocal size
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise BodyTooLarge
            chunks.append(chunk)

    try:
        await asyncio.wait_for(collect(), BODY_SECONDS)
    except TimeoutError:
        raise BodyTooSlow from None
    return b"".join(chunks)


@dataclass
class Guard:
    """Signs and checks the CSRF and sign-in tokens; knows the access code, if any."""

    token: str | None = None
    session_seconds: int = 12 * 3600
    secure: bool = False
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def _mac(self, text: str) -> str:
        return hmac.new(self.key, text.encode(), hashlib.sha256).hexdigest()

    # CSRF: the form carries the HMAC of a random cookie the page set.
    def new_nonce(self) -> str:
        return secrets.token_urlsafe(24)

    def csrf_token(self, nonce: str) -> str:
        return self._mac("csrf:" + nonce)

    def csrf_ok(self, request: Request, sent: str | None) -> bool:
        nonce = request.cookies.get(CSRF_COOKIE)
        if not nonce or not sent:
            return False
        return hmac.compare_digest(self.csrf_token(nonce), sent)

    # Sign-in: a cookie with its expiry, signed.
    def access_cookie(self) -> str:
        expires = str(int(time.time()) + self.session_seconds)
        return f"{expires}.{self._mac('access:' + expires)}"

    def signed_in(self, request: Request) -> bool:
        if self.token is None:
            return True
        bearer = request.headers.get("authorization", "")
        if bearer.lower().startswith("bearer "):
            return self.token_ok(bearer[7:].strip())
        expires, _, mac = request.cookies.get(ACCESS_COOKIE, "").partition(".")
        if not expires.isdigit() or int(expires) < time.time():
            return False
        return hmac.compare_digest(self._mac("access:" + expires), mac)

    def token_ok(self, given: str) -> bool:
        if self.token is None:
            return True
        return hmac.compare_digest(given.encode(), self.token.encode())

    def cookie_flags(self) -> dict[str, object]:
        return {"httponly": True, "samesite": "strict", "secure": self.secure, "path": "/"}


def same_origin(request: Request) -> bool:
    """False if the browser says the request came from another site (Sec-Fetch-Site, Origin).

    A client that sends neither (an old browser, a script) still needs the CSRF token."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    _, sep, host = origin.partition("://")
    return bool(sep) and host == request.headers.get("host", "")


def host_name(host: str) -> str:
    """The name part of a Host header (``[::1]:8000`` -> ``::1``)."""
    if host.startswith("["):
        return host[1 : host.find("]")].lower()
    return host.rsplit(":", 1)[0].lower() if host.count(":") == 1 else host.lower()


def host_allowed(request: Request, allowed: frozenset[str]) -> bool:
    """Whether the Host header names this server (a guard against DNS rebinding)."""
    return host_name(request.headers.get("host", "")) in allowed
