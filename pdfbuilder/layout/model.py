"""Stage 2, validate (layouts): YAML layout files, with ``extends:`` inheritance, to a Layout.

In: a built-in layout name (``standard``) or the path of a layout file.
Out: a frozen :class:`Layout`, fully resolved: every field has a value, taken from the file
or from the layout it extends (and so on up the chain).

A layout says how a leaflet looks, never what it says. A child file overrides only the fields
it gives; mappings merge key by key, anything else (text, numbers, lists) is replaced.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import FieldPath, HandoutError
from ..source import schema
from ..source.reader import Source, read_file
from .fonts import FamilyName, Fonts

PACKAGE_DIR = Path(__file__).parent.parent


def builtin_layout_dir() -> Path:
    """Where the built-in layouts live: inside the wheel, or ``layouts/`` in a source checkout."""
    packaged = PACKAGE_DIR / "_builtin_layouts"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "layouts"


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

    text: str = field(default="#1a1a1a", metadata=_doc("Body text."))
    muted: str = field(default="#4a4a4a", metadata=_doc("Footer and secondary text."))
    accent: str = field(default="#0b4f8a", metadata=_doc("Title band, headings, rules."))
    on_accent: str = field(default="#ffffff", metadata=_doc("Text on the title band."))
    tint: str = field(default="#eaf1f8", metadata=_doc("Background of the key-points box."))
    card_border: str = field(default="#9fb3c8", metadata=_doc("Exercise card border."))
    emergency: str = field(default="#b3261e", metadata=_doc("Emergency tier border and icon."))
    urgent: str = field(default="#9a4f00", metadata=_doc("Urgent tier border and icon."))
    routine: str = field(default="#2e6b30", metadata=_doc("Routine tier border and icon."))


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
    font: FamilyName | None = field(
        default=None, metadata=_doc("Old name for fonts.main; overrides it when given.")
    )
    fonts: Fonts = field(
        default=Fonts(), metadata=_doc("Main font and fallback fonts per script (embedded).")
    )
    type: Type = field(default=Type(), metadata=_doc("Type sizes and spacing."))
    colours: Colours = field(default=Colours(), metadata=_doc("Colours."))
    figure: FigureLook = field(default=FigureLook(), metadata=_doc("Exercise figures."))
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


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _merge_sources(base: Source, child: Source) -> Source:
    """Child data over base data, keeping each value's own file and position."""
    merged = Source(_merge(base.data, child.data), child.file)
    merged.positions = {**base.positions, **child.positions}
    merged.key_positions = {**base.key_positions, **child.key_positions}
    merged.files = {
        **{p: base.file_of(p) for p in base.positions},
        **{p: child.file for p in child.positions},
    }
    return merged


def _resolve_source(ref: str, origin: Path | None, chain: tuple[str, ...]) -> Source:
    path = _find(ref, origin)
    key = str(path.resolve())
    if key in chain:
        raise HandoutError(
            f"layouts extend each other in a loop: {' -> '.join([*chain, key])}", file=str(path)
        )
    source = read_file(path)
    if not isinstance(source.data, dict):
        raise source.error(
            (), f"expected a mapping (lines of `key: value`), got {schema.describe(source.data)}"
        )
    parent = source.data.get("extends")
    if parent is None:
        return source
    if not isinstance(parent, str):
        raise source.error(
            ("extends",), f"expected a layout name or path, got {schema.describe(parent)}"
        )
    try:
        base = _resolve_source(parent, path.parent, (*chain, key))
    except HandoutError as exc:
        if exc.file is None or "not found" in exc.message or "unknown layout" in exc.message:
            raise source.error(("extends",), exc.message) from None
        raise
    return _merge_sources(base, source)


def _find(ref: str, origin: Path | None) -> Path:
    if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref:
        path = Path(ref)
        if not path.is_absolute() and origin is not None:
            path = origin / path
        if not path.is_file():
            raise HandoutError(f'layout file "{ref}" not found; check the path')
        return path
    builtin = builtin_layout_dir() / f"{ref}.yaml"
    if not builtin.is_file():
        names = ", ".join(builtin_layout_names())
        raise HandoutError(
            f'unknown layout "{ref}"; built-in layouts are: {names} '
            "(or give the path of a .yaml file)",
            field="layout",
        )
    return builtin


def builtin_layout_names() -> list[str]:
    """Names of the built-in layouts."""
    return sorted(p.stem for p in builtin_layout_dir().glob("*.yaml"))


@functools.lru_cache(maxsize=64)
def _load_layout_cached(ref: str, cwd: str, stamp: tuple[tuple[str, int], ...]) -> Layout:
    source = _resolve_source(ref, Path(cwd), ())
    return schema.convert(Layout, source.data, (), source)


def load_layout(ref: str | Path = "standard") -> Layout:
    """Load a built-in layout by name, or a layout file by path, fully resolved."""
    ref = str(ref)
    path = _find(ref, Path.cwd())
    # The cache key includes the file's modification time, so an edited file is read again.
    stat = path.stat()
    return _load_layout_cached(ref, str(Path.cwd()), ((str(path), stat.st_mtime_ns),))


def layout_as_data(layout: Layout) -> dict[str, Any]:
    """The resolved layout as plain data, ready to print as YAML and copy into a new file."""

    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value

    return plain(layout)  # type: ignore[no-any-return]


def layout_json_schema() -> dict[str, Any]:
    """The JSON Schema of layout files."""
    return schema.json_schema(
        Layout,
        title="Handout layout",
        schema_id="https://clinic-handouts.invalid/schema/layout-1.json",
    )
