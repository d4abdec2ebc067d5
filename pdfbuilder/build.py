"""The pipeline in one place: read, validate, compose, render, write.

:func:`build_pdf` returns PDF bytes without touching the disk; :func:`build_file` writes
them atomically. Each stage lives in its own module and can be called on its own.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .compose import Context, Geometry, compose
from .errors import FieldPath, HandoutError
from .fonts import missing_glyphs
from .labels import Labels, labels_for
from .layout import Layout, load_layout
from .model import Handout, load_handout
from .render import PAPER_SIZES, render
from .styles import Styles, styles_for
from .write import write_atomic


def build_pdf(
    handout: Handout | str | Path,
    layout: Layout | str | Path = "standard",
    *,
    paper: str | None = None,
) -> bytes:
    """Build a leaflet and return the PDF bytes.

    ``handout`` is a loaded :class:`Handout` or the path of a handout file; ``layout`` a
    :class:`Layout`, a built-in layout name or a layout file path; ``paper`` ``"a4"`` or
    ``"letter"`` (default: the layout's own).
    """
    h = handout if isinstance(handout, Handout) else load_handout(handout)
    lay = layout if isinstance(layout, Layout) else load_layout(layout)
    size = (paper or lay.page.paper).lower()
    if size not in PAPER_SIZES:
        raise HandoutError(f'unknown paper "{paper}"; use a4 or letter')
    styles = styles_for(lay)
    labels = labels_for(h.language)
    check_glyphs(h, styles, labels)

    def make(geometry: Geometry) -> list[Any]:
        return compose(Context(h, lay, styles, labels, geometry))

    return render(make, h, lay, styles, labels, size)


def build_file(
    handout: Handout | str | Path,
    output: str | Path,
    layout: Layout | str | Path = "standard",
    *,
    paper: str | None = None,
) -> Path:
    """Build a leaflet and write it to ``output`` atomically; return the path written."""
    return write_atomic(output, build_pdf(handout, layout, paper=paper))


_glyphs_checked: set[tuple[Handout, str, str]] = set()


def check_glyphs(handout: Handout, styles: Styles, labels: Labels) -> None:
    """Refuse text with a character the layout's fonts cannot draw (instead of a blank box)."""
    key = (handout, styles.fonts.regular, labels.language)
    if key in _glyphs_checked:
        return
    _check_glyphs(handout, styles)
    if len(_glyphs_checked) > 1000:
        _glyphs_checked.clear()
    _glyphs_checked.add(key)


def _check_glyphs(handout: Handout, styles: Styles) -> None:
    fonts = {styles.fonts.regular, styles.fonts.bold}
    for path, text in _texts(handout, ()):
        for font in sorted(fonts):
            missing = missing_glyphs(text, font)
            if missing:
                ch = missing[0]
                name = unicodedata.name(ch, "unnamed character")
                message = (
                    f'the character "{ch}" (U+{ord(ch):04X} {name}) is not in the font '
                    f"{font.split('-')[0]}; replace it or use a layout with a font that has it"
                )
                if handout.origin is not None:
                    raise handout.origin.error(path, message)
                raise HandoutError(message, field=path)


def _texts(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.metadata.get("internal") or f.name == "figure":
                continue
            # A paragraph block is written as plain text in YAML: it has no key of its own.
            child = path if type(value).__name__ == "Paragraph" else (*path, f.name)
            yield from _texts(getattr(value, f.name), child)
