"""Colour values as the author wrote them: ``#rrggbb`` or ``#rgb``, nothing else.

In: a value read from a layout or a clinic profile. Out: the colour as ``#rrggbb`` in
lower case, or a located error that says how to write it. Every colour field of every
format goes through :func:`parse_colour`, so a colour the PDF library cannot read
(``nan``, ``1e308``, ``#zzzzzz``) is refused at its line instead of failing mid-build.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import FieldPath
from .reader import Source
from .schema import describe

HEX = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def parse_colour(value: Any, path: FieldPath, source: Source) -> str:
    """``value`` as ``#rrggbb``; anything but ``#rrggbb`` or ``#rgb`` is a located error."""
    if not isinstance(value, str) or not HEX.match(value):
        raise source.error(path, f"expected a colour like #0b4f8a, got {describe(value)}; quote it")
    digits = value[1:].lower()
    return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)


def colour_schema() -> dict[str, Any]:
    """The JSON Schema of a colour field."""
    return {"type": "string", "pattern": HEX.pattern}
