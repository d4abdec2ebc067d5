"""Stage 2, validate (layouts): the layout model, field by field, and its JSON Schema.

In: plain data read from a layout file and merged with what it extends (see
:mod:`pdfbuilder.layout.files`). Out: a frozen :class:`Layout`, or a located
:class:`~pdfbuilder.errors.HandoutError`. The dataclasses below *are* the layout format:
``handout schema --layout`` exports them and ``docs/layouts.md`` documents them.

A layout says how a leaflet looks, never what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import FieldPath
from ..source import schema
from ..source.colours import colour_schema, parse_colour
from ..source.reader import Source
from .fonts import FamilyName, Fonts
from .looks import Boxes, Spacing


def _colour(text: str) -> dict[str, Any]:
    """A colour field's metadata: read as ``#rrggbb`` or ``#rgb`` (``source/colours.py``)."""
    return {"doc": text, "parse": parse_colour, "schema": colour_schema}


def _doc(text: str, **more: Any) -> dict[str, Any]:
    return {"doc": text, **more}


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float = field(default=16, metadata=_doc("Top margin, mm.", minimum=5, maximum=60))
    bottom: float = field(default=16, metadata=_doc("Bottom margin, mm.", minimum=5, maximum=60))
    left: float = field(default=16, metadata=_doc("Left margin, mm.", minimum=5, maximum=60))
    right: float = field(default=16, metadata=_doc("Right margin, mm.", minimum=5, maximum=60))


@dataclass(frozen=True)
class Page:
    """Paper and margins."""

    paper: Literal["a4", "letter"] = field(
        default="a4", metadata=_doc("Default paper (the sheet); --paper overrides.")
    )
    size: Literal["full", "half"] = field(
        default="full",
        metadata=_doc("full: pages the size of the paper; half: A5 or half-Letter (booklets)."),
    )
    orientation: Literal["portrait", "landscape"] = field(
        default="portrait", metadata=_doc("Page orientation (trifolds are landscape).")
    )
    margins: Margins = field(default=Margins(), metadata=_doc("Margins in mm."))


@dataclass(frozen=True)
class Type:
    """Type sizes in points, and spacing."""

    body: float = field(default=11, metadata=_doc("Body text size, pt.", minimum=6, maximum=40))
    leading: float = field(
        default=1.35,
        metadata=_doc("Line spacing as a multiple of the size.", minimum=1.0, maximum=2.5),
    )
    title: float = field(default=26, metadata=_doc("Title size, pt.", minimum=10, maximum=72))
    subtitle: float = field(default=13, metadata=_doc("Subtitle size, pt.", minimum=6, maximum=48))
    heading: float = field(
        default=15, metadata=_doc("Section heading size, pt.", minimum=6, maximum=48)
    )
    card_heading: float = field(
        default=13, metadata=_doc("Exercise name size, pt.", minimum=6, maximum=48)
    )
    small: float = field(
        default=9,
        metadata=_doc("Smallest text: footer, sources, figure labels, pt.", minimum=6, maximum=40),
    )
    italics: bool = field(
        default=True, metadata=_doc("Allow *italic*; if false it prints as bold.")
    )
    minimum: float = field(
        default=9,
        metadata=_doc(
            "The audience's smallest allowed text size, pt; checked by tests and `handout check`.",
            minimum=6,
            maximum=40,
        ),
    )


@dataclass(frozen=True)
class Colours:
    """Colours as #rrggbb."""

    text: str = field(default="#1a1a1a", metadata=_colour("Body text."))
    muted: str = field(default="#4a4a4a", metadata=_colour("Footer and secondary text."))
    accent: str = field(default="#0b4f8a", metadata=_colour("Title band, headings, rules."))
    on_accent: str = field(default="#ffffff", metadata=_colour("Text on the title band."))
    tint: str = field(default="#eaf1f8", metadata=_colour("Background of the key-points box."))
    card_border: str = field(default="#9fb3c8", metadata=_colour("Exercise card border."))
    emergency: str = field(default="#b3261e", metadata=_colour("Emergency tier border and icon."))
    urgent: str = field(default="#9a4f00", metadata=_colour("Urgent tier border and icon."))
    routine: str = field(default="#2e6b30", metadata=_colour("Routine tier border and icon."))


@dataclass(frozen=True)
class FigureLook:
    """Exercise figure size and drawing weight."""

    width: float = field(
        default=58, metadata=_doc("Figure width in the card, mm.", minimum=20, maximum=180)
    )
    height: float = field(
        default=34, metadata=_doc("Figure height in the card, mm.", minimum=15, maximum=150)
    )
    position: Literal["beside", "above", "compact"] = field(
        default="beside",
        metadata=_doc(
            "beside: the figure beside the steps in a card; above: above them across the "
            "width; compact: beside the name and dose, with the steps under both."
        ),
    )
    line_width: float = field(
        default=2.0, metadata=_doc("Limb stroke width, pt.", minimum=0.5, maximum=8)
    )
    min_height: float | None = field(
        default=None,
        metadata=_doc(
            "The smallest a figure may be made, mm, so that its card fits the space left "
            "on a page that would otherwise be left more than a third empty (default: "
            "figures keep their height).",
            minimum=15,
            maximum=150,
        ),
    )


BLOCK_NAMES = (
    "title",
    "clinic",
    "personal",
    "purpose",
    "takeaways",
    "sections",
    "seek_help",
    "exercises",
    "exercise_log",
    "qr",
    "sources",
    "clinic_footer",
)


def _parse_blocks(value: Any, path: FieldPath, source: Source) -> tuple[str, ...]:
    items = schema._convert_tuple(str, value, path, source, {"min_items": 1})
    for i, name in enumerate(items):
        if name not in BLOCK_NAMES:
            raise source.error(
                (*path, i), f'unknown block "{name}"; blocks are: {", ".join(BLOCK_NAMES)}'
            )
    if "seek_help" not in items:
        raise source.error(path, "the seek_help block must stay in every layout")
    return tuple(items)


def _blocks_schema() -> dict[str, Any]:
    return {"type": "array", "items": {"enum": list(BLOCK_NAMES)}, "minItems": 1}


def _some_blocks_schema() -> dict[str, Any]:
    return {"type": "array", "items": {"enum": list(BLOCK_NAMES)}}


@dataclass(frozen=True)
class Select:
    """What of the content a layout prints: everything, or what the handout marks for short
    formats (``core: true`` on sections and exercises, a section's ``summary:``)."""

    sections: Literal["all", "core", "none"] = field(
        default="all",
        metadata=_doc(
            "all: every section; core: the sections marked `core: true` (all of them when "
            "none is marked); none: no sections."
        ),
    )
    exercises: Literal["all", "core", "none"] = field(
        default="all",
        metadata=_doc(
            "all: every exercise; core: those marked `core: true` (all when none is "
            "marked); none: no exercises. A patient's own choice of exercises always wins."
        ),
    )
    summaries: bool = field(
        default=False,
        metadata=_doc("true: a section with a `summary:` prints it instead of its body."),
    )
    sources: Literal["all", "count"] = field(
        default="all",
        metadata=_doc(
            "all: every source; count: one line saying how many there are and that the "
            "full leaflet lists them (only when something was left out)."
        ),
    )
    most_sections: int | None = field(
        default=None,
        metadata=_doc(
            "At most this many of the chosen sections, the first ones (default: all).",
            minimum=0,
        ),
    )
    if_room: tuple[str, ...] = field(
        default=(),
        metadata=_doc(
            "Blocks printed only when the leaflet fits with them (a trifold): when it does "
            "not, they are left out in this order until it fits (sections one at a time, "
            "the last first), and the leaflet says it is the short version. Example: "
            "[exercise_log, sections].",
            schema=_some_blocks_schema,
        ),
    )


@dataclass(frozen=True)
class Trifold:
    """Which blocks go on the outside panels of a trifold; the rest flow inside.

    Outside of the sheet, left to right: the inside flap, the back panel, the front cover.
    Inside, left to right: three panels read in order. The flowing blocks start on the
    inside flap (the first thing seen when the cover is opened) and continue inside.
    """

    cover: tuple[str, ...] = field(
        default=("title", "purpose"), metadata=_doc("Blocks on the front cover.")
    )
    back: tuple[str, ...] = field(
        default=("seek_help", "sources"), metadata=_doc("Blocks on the back panel.")
    )
    fold_guides: bool = field(
        default=True, metadata=_doc("Short marks at the fold lines, top and bottom.")
    )


@dataclass(frozen=True)
class Layout:
    """How a leaflet looks, for one audience. Extend a built-in one and override a few lines."""

    name: str = field(metadata=_doc("Short name of this layout."))
    description: str = field(metadata=_doc("One line: the audience this layout serves."))
    extends: str | None = field(default=None, metadata=_doc("The layout this one builds on."))
    page: Page = field(default=Page(), metadata=_doc("Paper and margins."))
    template: Literal["flow", "trifold", "easy-read"] = field(
        default="flow",
        metadata=_doc(
            "flow: pages of flowing text; trifold: a landscape sheet folded in three; "
            "easy-read: a picture beside every idea."
        ),
    )
    imposition: Literal["none", "booklet"] = field(
        default="none",
        metadata=_doc(
            "booklet: half-size pages put two-up on sheets in saddle-stitch order "
            "(--no-impose gives the pages in reading order)."
        ),
    )
    footer: bool = field(
        default=True,
        metadata=_doc("Document id, version, review date and page number on every page."),
    )
    trifold: Trifold = field(default=Trifold(), metadata=_doc("Trifold panels."))
    select: Select = field(
        default=Select(),
        metadata=_doc("What of the content to print (short formats choose, never shrink)."),
    )
    font: FamilyName | None = field(
        default=None, metadata=_doc("Old name for fonts.main; overrides it when given.")
    )
    fonts: Fonts = field(
        default=Fonts(), metadata=_doc("Main font and fallback fonts per script (embedded).")
    )
    type: Type = field(default=Type(), metadata=_doc("Type sizes and spacing."))
    colours: Colours = field(default=Colours(), metadata=_doc("Colours."))
    figure: FigureLook = field(default=FigureLook(), metadata=_doc("Exercise figures."))
    boxes: Boxes = field(
        default=Boxes(),
        metadata=_doc("How each kind of box looks: border, dash, corners, padding."),
    )
    spacing: Spacing = field(
        default=Spacing(), metadata=_doc("How far apart things sit, in em (times type.body).")
    )
    columns: int = field(
        default=2, metadata=_doc("Columns for the sections' text (1 or 2).", minimum=1, maximum=2)
    )
    grayscale: bool = field(
        default=False,
        metadata=_doc(
            "Black-and-white printers: every colour becomes a gray of the same lightness."
        ),
    )
    seek_help_keep: Literal["box", "tier"] = field(
        default="box",
        metadata=_doc(
            "box: the whole seek-help box stays on one page (the build fails if it cannot); "
            "tier: each tier stays whole, for layouts whose type is too large for one page."
        ),
    )
    seek_help_tiers: Literal["across", "stacked"] = field(
        default="across",
        metadata=_doc("The three seek-help tiers side by side (across) or one under another."),
    )
    blocks: tuple[str, ...] = field(
        default=BLOCK_NAMES,
        metadata={
            "parse": _parse_blocks,
            "schema": _blocks_schema,
            "doc": "Which blocks appear, in order.",
        },
    )


def layout_json_schema() -> dict[str, Any]:
    """The JSON Schema of layout files."""
    return schema.json_schema(
        Layout,
        title="Handout layout",
        schema_id="https://clinic-handouts.invalid/schema/layout-1.json",
    )
