"""Web addresses in content, clinic profiles and print-time options: checked when read.

In: a value from a file or an option. Out: the address (http or https, of a length a QR
code stays readable at), or a located :class:`~pdfbuilder.errors.HandoutError`; and the
address as printed for people to type. The QR code itself is drawn by
:mod:`pdfbuilder.flowables.qr`.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import FieldPath, HandoutError
from ..source.reader import Source

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
#: Long addresses make dense codes that print badly small; a short link is better.
MAX_URL = 300


def check_url(value: Any) -> str:
    """``value`` if it is an http(s) web address of sensible length; else a HandoutError."""
    if not isinstance(value, str) or not _URL.match(value.strip()):
        shown = f'"{value}"' if isinstance(value, str) else "something else"
        raise HandoutError(f"expected a web address starting with https://, got {shown}")
    if len(value) > MAX_URL:
        raise HandoutError(
            f"the address is {len(value)} characters long; use a short link "
            f"(at most {MAX_URL}) so the QR code stays readable"
        )
    return value.strip()


def parse_url(value: Any, path: FieldPath, source: Source) -> str:
    """A field parser (see :mod:`pdfbuilder.source.schema`) for web addresses."""
    try:
        return check_url(value)
    except HandoutError as exc:
        raise source.error(path, exc.message) from None


def url_schema() -> dict[str, Any]:
    """The JSON Schema of a web-address field."""
    return {"type": "string", "pattern": "^https?://", "maxLength": MAX_URL}


def shown_url(url: str) -> str:
    """The address as printed for people to type: without ``https://`` or a final slash."""
    return re.sub(r"^https?://", "", url, flags=re.IGNORECASE).rstrip("/")
