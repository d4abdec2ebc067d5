"""Clinic profiles: who hands the leaflet out (name, logo, numbers, brand colours).

In: a clinic profile YAML file (``--clinic clinic.yaml``).
Out: a frozen :class:`Clinic`, or a :class:`~pdfbuilder.errors.HandoutError` naming the
file, line, column and field of the first problem. :func:`brand_layout` lays the clinic's
colours over a layout, refusing colours that fail WCAG contrast against what they sit on.

A profile is read as strictly as content: safe YAML, no duplicate or unknown keys. A logo path
is relative to the profile file.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.urls import parse_url, url_schema
from ..errors import FieldPath, FigureError, HandoutError
from ..layout.contrast import TEXT_RATIO, WHITE, contrast, luminance
from ..layout.model import Colours, Layout
from ..source import schema
from ..source.colours import colour_schema, parse_colour
from ..source.files import RootArg, as_roots
from ..source.reader import ParsedFiles, Source


def _doc(text: str, **more: Any) -> dict[str, Any]:
    return {"doc": text, **more}


def _colour_field(doc: str) -> Any:
    return field(
        default=None,
        metadata={
            "doc": doc,
            "parse": parse_colour,
            "schema": colour_schema,
        },
    )


def _parse_logo(value: Any, path: FieldPath, source: Source) -> str:
    from ..figures.images import check_image  # only profiles with a logo pay for PIL

    if not isinstance(value, str) or not value.strip():
        raise source.error(
            path, f"expected the path of an image file, got {schema.describe(value)}"
        )
    base = Path(source.file).parent if source.file else None
    try:
        return check_image(value, base, source.roots)
    except FigureError as exc:
        raise source.error(path, exc.message) from None


@dataclass(frozen=True)
class BrandColours:
    """Brand colours as #rrggbb. Each replaces the layout colour of the same name."""

    accent: str | None = _colour_field("Title band, headings and dose lines (text on white).")
    on_accent: str | None = _colour_field("Text on the title band (on the accent colour).")
    tint: str | None = _colour_field("Background of the key-points and plan boxes.")
    card_border: str | None = _colour_field("Exercise card borders.")


@dataclass(frozen=True)
class Clinic:
    """A clinic profile: who hands the leaflet out and how to reach them."""

    name: str = field(metadata=_doc("The clinic's name, as printed."))
    logo: str | None = field(
        default=None,
        metadata={
            "doc": "Logo file (PNG, JPEG or SVG), relative to this profile.",
            "parse": _parse_logo,
            "schema": lambda: {"type": "string", "minLength": 1},
        },
    )
    address: str | None = field(default=None, metadata=_doc("Postal address; lines allowed."))
    phone: str | None = field(default=None, metadata=_doc("Phone number for questions."))
    website: str | None = field(default=None, metadata=_doc("Website, e.g. www.example.org."))
    email: str | None = field(default=None, metadata=_doc("Email address for questions."))
    emergency: str | None = field(
        default=None,
        metadata=_doc(
            "Emergency number for the seek-help box (default: the handout's).",
            examples=["999", "911", "112"],
        ),
    )
    urgent: str | None = field(
        default=None,
        metadata=_doc(
            "Urgent advice line for the seek-help box (default: the handout's).",
            examples=["NHS 111", "your doctor's office"],
        ),
    )
    online_url: str | None = field(
        default=None,
        metadata={
            "doc": "Where the clinic publishes its leaflets online; printed as a QR code.",
            "parse": parse_url,
            "schema": url_schema,
        },
    )
    colours: BrandColours = field(default=BrandColours(), metadata=_doc("Brand colours."))
    footer: str | None = field(
        default=None, metadata=_doc("A line printed at the end of the leaflet.")
    )
    #: The profile file, for messages; not part of the format.
    file: str = field(default="", compare=False, metadata={"internal": True})
    origin: Source | None = field(
        default=None, compare=False, repr=False, metadata={"internal": True}
    )

    def contact_parts(self) -> list[tuple[str, str]]:
        """The ways to reach the clinic that the profile gives: (kind, value) pairs."""
        parts = (("phone", self.phone), ("website", self.website), ("email", self.email))
        return [(kind, value) for kind, value in parts if value]


def clinic_from_source(source: Source) -> Clinic:
    """Validate a read profile into a :class:`Clinic`; colours are checked for contrast."""
    clinic = schema.convert(Clinic, source.data, (), source)
    clinic = dataclasses.replace(clinic, file=source.file, origin=source)
    check_contrast(clinic, Colours())
    return clinic


_CLINICS = ParsedFiles(clinic_from_source, limit=16)


def load_clinic(path: str | Path, *, root: RootArg = None) -> Clinic:
    """Read, parse and validate the clinic profile at ``path`` (cached while unchanged).

    Its logo must lie in the profile's folder or under ``root`` (one folder or several)."""
    return _CLINICS.load(path, as_roots(root))


def clinic_json_schema() -> dict[str, Any]:
    """The JSON Schema of clinic profile files, for editors."""
    return schema.json_schema(
        Clinic,
        title="Clinic profile",
        schema_id="https://clinic-handouts.invalid/schema/clinic-1.json",
    )


# --- brand colours over a layout ----------------------------------------------------------

#: (foreground, background, what it is). ``None`` as background: white paper. Every pair is
#: text, so it needs 4.5:1 whatever its size: brand colours must work in every layout.
PAIRS = (
    ("accent", None, "headings and dose lines"),
    ("on_accent", "accent", "the title on the title band"),
    ("text", "tint", "text in the key-points and plan boxes"),
)


def check_contrast(clinic: Clinic, base: Colours) -> None:
    """Refuse a brand colour that fails 4.5:1 against what it sits on, or that sits under.

    ``base`` gives the colours the clinic does not set (the layout's own). The error is
    located at the clinic's colour and names both colours of the pair and the ratio.
    """
    brand = clinic.colours
    given = {f.name for f in dataclasses.fields(brand) if getattr(brand, f.name) is not None}
    if not given:
        return
    for fore, back, what in PAIRS:
        names = {fore} | ({back} if back else set())
        if not names & given:
            continue
        fg = getattr(brand, fore, None) or getattr(base, fore)
        bg = (getattr(brand, back) or getattr(base, back)) if back else WHITE
        ratio = contrast(fg, bg)
        if ratio < TEXT_RATIO:
            blame = fore if fore in given else str(back)
            raise _contrast_error(clinic, blame, (fore, fg), (back, bg), ratio, what)


def _contrast_error(
    clinic: Clinic,
    blame: str,
    fore: tuple[str, str],
    back: tuple[str | None, str],
    ratio: float,
    what: str,
) -> HandoutError:
    """One line naming the pair, its ratio and which way to move the clinic's colour."""
    (fore_name, fg), (back_name, bg) = fore, back
    on = f"colours.{back_name} {bg}" if back_name else f"white paper {bg}"
    mine, other = (fg, bg) if blame == fore_name else (bg, fg)
    way = "lighter" if luminance(mine) > luminance(other) else "darker"
    message = (
        f"colours.{fore_name} {fg} on {on} ({what}) has contrast {ratio:.2f}:1; text needs "
        f"at least {TEXT_RATIO:g}:1, so make colours.{blame} {way}"
    )
    path = ("colours", blame)
    if clinic.origin is not None:
        return clinic.origin.error(path, message)
    return HandoutError(message, file=clinic.file or None, field=path)


def brand_layout(layout: Layout, clinic: Clinic | None) -> Layout:
    """``layout`` with the clinic's brand colours laid over it (``layout`` itself if none).

    Raises a located :class:`HandoutError` if a colour fails contrast in this layout.
    """
    if clinic is None or all(
        getattr(clinic.colours, f.name) is None for f in dataclasses.fields(clinic.colours)
    ):
        return layout  # itself, not an equal one a cache kept from another call
    return _branded(layout, clinic)


@functools.lru_cache(maxsize=32)
def _branded(layout: Layout, clinic: Clinic) -> Layout:
    brand = clinic.colours
    changes = {
        f.name: getattr(brand, f.name)
        for f in dataclasses.fields(brand)
        if getattr(brand, f.name) is not None
    }
    check_contrast(clinic, layout.colours)
    return dataclasses.replace(layout, colours=dataclasses.replace(layout.colours, **changes))
