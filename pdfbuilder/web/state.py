"""What every route shares: the running page (:class:`Web`), refusals, and reading a posted
form within the size, time and CSRF checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .catalogue import Catalogue
from .config import WebConfig
from .core import __version__
from .fields import MAX_BODY, MAX_FORM_FIELDS
from .pool import WorkerPool
from .security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    BodyTooLarge,
    BodyTooSlow,
    Guard,
    read_body,
    same_origin,
)
from .view import field_id

HERE = Path(__file__).resolve().parent


class Refused(Exception):
    """A request refused before its fields are looked at (status and words for staff)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class StaleToken(Refused):
    """A post from this site whose CSRF token is out of date (the page was open across a
    restart, or its cookie expired): its fields are kept to show the form again."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        super().__init__(
            403,
            "Nothing was made: this page had been open too long, or the server was restarted. "
            "Check the details and press the button again.",
        )
        self.pairs = pairs


@dataclass
class Web:
    """The running page: what it offers and the parts that serve it."""

    config: WebConfig
    catalogue: Catalogue
    pool: WorkerPool
    guard: Guard
    thumbnails: dict[str, bytes] = field(default_factory=dict)
    templates: jinja2.Environment = field(init=False)

    def __post_init__(self) -> None:
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
        self.templates.globals.update(field_id=field_id, version=__version__)

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        """Render a template with a CSRF token (setting its cookie on first visit)."""
        nonce = request.cookies.get(CSRF_COOKIE)
        new = nonce is None
        nonce = nonce or self.guard.new_nonce()
        context.update(
            csrf=self.guard.csrf_token(nonce),
            clinic=self.catalogue.clinic,
            catalogue=self.catalogue,
            signed_in=self.guard.token is not None and self.guard.signed_in(request),
        )
        html = self.templates.get_template(name).render(**context)
        response = HTMLResponse(html, status)
        if new:
            response.set_cookie(CSRF_COOKIE, nonce, **self.guard.cookie_flags())  # type: ignore[arg-type]
        return response


async def form_pairs(request: Request, web: Web, header_token: bool) -> list[tuple[str, str]]:
    """The posted form's fields, after the size, encoding and CSRF checks."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise Refused(415, "Send the form as application/x-www-form-urlencoded.")
    try:
        body = (await read_body(request, MAX_BODY)).decode("utf-8")
        pairs = parse_qsl(body, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS)
    except BodyTooLarge:
        raise Refused(413, "The form is too large to send.") from None
    except BodyTooSlow:
        raise Refused(408, "The form took too long to arrive; send it again.") from None
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, "The form could not be read; reload the page and try again.") from None
    sent = request.headers.get(CSRF_HEADER) if header_token else None
    sent = sent or next((v for k, v in pairs if k == CSRF_FIELD), None)
    if not same_origin(request):
        raise Refused(403, "This form came from another site, so it was not accepted.")
    if not web.guard.csrf_ok(request, sent):
        raise StaleToken(pairs)
    return pairs
