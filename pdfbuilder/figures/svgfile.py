"""SVG files checked before svglib sees them: no entities, no outside references, bounded.

In: the bytes of an SVG file, the folder it is in and the roots files may lie under.
Out: bytes svglib can read without touching anything else: every ``<image href>`` that names
a file is read through :func:`~pdfbuilder.source.files.read_confined` (inside the allowed
folders only), checked like any raster image, and put inline as a ``data:`` address. Or a
``ValueError`` saying what is wrong.

Refused: an entity declaration or a document type with an internal subset (the "billion
laughs"), more than :data:`MAX_ELEMENTS` elements, a reference to anything but a part of
the same file (``#id``) or an embedded PNG or JPEG (``href="http://..."``, ``url(file.svg)``,
``@import`` in a style sheet).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from ..errors import HandoutError
from ..source import files

#: The most elements an SVG file may hold (a detailed logo has a few hundred).
MAX_ELEMENTS = 20_000

_XLINK = "{http://www.w3.org/1999/xlink}href"
_DATA = re.compile(r"data:image/(png|jpe?g);base64,(.*)", re.S | re.I)
_URL = re.compile(r"url\(\s*['\"]?([^)'\"]*)", re.I)

#: Checks a raster image's bytes (header size, full decode); raises ValueError.
RasterCheck = Callable[[bytes], object]


def checked_svg(data: bytes, folder: Path, roots: files.Roots, check: RasterCheck) -> bytes:
    """The SVG ``data``, checked, with images it names put inline (see the module doc)."""
    if re.search(rb"<!ENTITY", data, re.I) or re.search(rb"<!DOCTYPE[^>]*\[", data, re.I):
        raise ValueError("declares XML entities, which are not allowed; save it without them")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ValueError(f"is not a readable SVG file ({exc})") from None
    if not root.tag.endswith("svg"):
        raise ValueError("is not an SVG file (its first element is not <svg>)")
    changed = False
    for count, element in enumerate(root.iter(), 1):
        if count > MAX_ELEMENTS:
            raise ValueError(f"has more than {MAX_ELEMENTS:,} elements; simplify the drawing")
        _check_style(element)
        for attribute in ("href", _XLINK):
            href = element.get(attribute)
            if href is None or href.startswith("#"):
                continue
            inline = _image_href(href, element.tag, folder, roots, check)
            if inline != href:
                element.set(attribute, inline)
                changed = True
    return ElementTree.tostring(root) if changed else data


def _check_style(element: ElementTree.Element) -> None:
    texts = [v for k, v in element.attrib.items() if not k.endswith("href")]
    if element.tag.endswith("style") and element.text:
        texts.append(element.text)
        if "@import" in element.text:
            raise ValueError("imports another style sheet (@import); put the styles inline")
    for text in texts:
        for target in _URL.findall(text):
            if target.strip() and not target.strip().startswith("#"):
                raise ValueError(
                    f'refers to "{_short(target)}" outside itself; only parts of the same '
                    "file (url(#id)) are allowed"
                )


def _image_href(href: str, tag: str, folder: Path, roots: files.Roots, check: RasterCheck) -> str:
    embedded = _DATA.fullmatch(href.strip())
    if embedded:
        try:
            raw = base64.b64decode(embedded.group(2), validate=False)
        except (binascii.Error, ValueError):
            raise ValueError("holds an embedded image that is not valid base64") from None
        _check_raster(raw, "an embedded image", check)
        return href
    if not tag.endswith("image") or ":" in href.split("/")[0]:
        raise ValueError(
            f'refers to "{_short(href)}" outside itself; embed the picture in the SVG file'
        )
    try:
        path = files.resolve_named(href, folder, roots, "the SVG's image")
        raw = files.read_confined(path, "image", shown=href, resolved=True)
    except HandoutError as exc:
        raise ValueError(exc.message if exc.file is None else str(exc)) from None
    kind = _check_raster(raw, f'its image "{_short(href)}"', check)
    encoded = base64.b64encode(raw).decode("ascii")
    return f"data:image/{kind};base64,{encoded}"


def _check_raster(raw: bytes, what: str, check: RasterCheck) -> str:
    try:
        kind = str(check(raw))
    except ValueError as exc:
        raise ValueError(f"{what} {exc}") from None
    return "png" if kind == "PNG" else "jpeg"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."
