"""The ``figure:`` mapping of an exercise to a ``Figure``: built-in, own frames, or image.

In: the plain value from YAML and the handout file's folder. Out: a frozen ``Figure``, or a
``FigureError`` naming the field inside the mapping and what to do about it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.images import check_image
from pdfbuilder.figures.library import FIGURES, POSES
from pdfbuilder.figures.poses import check_keys, suggest
from pdfbuilder.figures.spec import Figure, parse_frames

FORMS = ("builtin", "frames", "image")
KEYS = {
    "builtin": ("builtin", "alt", "label"),
    "frames": ("frames", "alt", "label", "arrow", "layout", "align", "view", "show"),
    "image": ("image", "alt"),
}
GALLERY_HINT = "(run `handout figures` to see them all)"


def _alt(data: dict[object, object]) -> str:
    alt = data.get("alt")
    if not isinstance(alt, str) or not alt.strip():
        raise FigureError(
            "alt is required: describe the picture in one sentence for people who cannot see it",
            ("alt",),
        )
    return alt.strip()


def _label(data: dict[object, object], default: str | None) -> str | None:
    if "label" not in data:
        return default
    label = data["label"]
    if isinstance(label, bool) or not isinstance(label, str | int | float) or not str(label):
        raise FigureError('label must be a short text such as "hold 20 s"', ("label",))
    return str(label)


def _builtin(data: dict[object, object], alt: str) -> Figure:
    name = data["builtin"]
    figures = FIGURES
    if not isinstance(name, str) or name not in figures:
        raise FigureError(
            f'unknown built-in figure "{name}"{suggest(str(name), list(figures))} {GALLERY_HINT}',
            ("builtin",),
        )
    figure = figures[name]
    return replace(figure, alt=alt, label=_label(data, None))


def parse_figure(data: object, base_dir: Path | None, roots: tuple[Path, ...] = ()) -> Figure:
    """Check an exercise's ``figure:`` mapping and return the ``Figure`` it describes (an
    image file must lie in ``base_dir`` or one of ``roots``)."""
    if not isinstance(data, dict):
        raise FigureError(
            "figure must be a mapping with one of builtin, frames or image, and alt", ()
        )
    forms = [form for form in FORMS if form in data]
    if len(forms) != 1:
        found = " and ".join(forms) if forms else "none of them"
        for key in data:
            if key not in {"alt", "label", "arrow", "layout", "align", "view", "show"}:
                check_keys({key: None}, (*FORMS, "alt", "label"), "figure")
        raise FigureError(
            f"figure needs exactly one of builtin, frames or image (found {found})", ()
        )
    form = forms[0]
    check_keys(data, KEYS[form], f"a {form} figure")
    alt = _alt(data)
    if form == "builtin":
        return _builtin(data, alt)
    if form == "image":
        name = data["image"]
        if not isinstance(name, str) or not name:
            raise FigureError("image must be a file path such as images/stretch.png", ("image",))
        return Figure(alt=alt, image=check_image(name, base_dir, roots))
    return parse_frames(data, alt, POSES)
