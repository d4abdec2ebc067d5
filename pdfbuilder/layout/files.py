"""Layout files: a built-in name or a path, ``extends:`` followed up the chain, to a Layout.

In: a built-in layout name (``standard``) or the path of a layout file. Out: a frozen, fully
resolved :class:`~pdfbuilder.layout.model.Layout`: every field has a value, taken from the
file or from the layout it extends (and so on up the chain). A child file overrides only the
fields it gives; mappings merge key by key, anything else (text, numbers, lists) is
replaced. Errors name the file (in the chain) and the line of the problem.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ..errors import HandoutError
from ..source import files, schema
from ..source.reader import Source, read_file
from .model import Layout

PACKAGE_DIR = Path(__file__).parent.parent


def builtin_layout_dir() -> Path:
    """Where the built-in layouts live: inside the wheel, or ``layouts/`` in a source checkout."""
    packaged = PACKAGE_DIR / "_builtin_layouts"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "layouts"


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


def _resolve_source(
    ref: str, origin: Path | None, chain: tuple[str, ...], roots: files.Roots, named: bool
) -> Source:
    """The layout ``ref`` merged over everything it extends. ``named``: ``ref`` was written
    in a layout's ``extends:`` (so it must lie in that layout's folder or under a root)."""
    path = _find(ref, origin, roots if named else None)
    key = str(path.resolve())
    if key in chain:
        raise HandoutError(
            f"layouts extend each other in a loop: {' -> '.join([*chain, key])}", file=str(path)
        )
    source = read_file(path, roots)
    if not isinstance(source.data, dict):
        # Never show what the file holds: it may be any file the user pointed at.
        raise source.error((), "is not a layout file (a layout is lines of `key: value`)")
    parent = source.data.get("extends")
    if parent is None:
        return source
    if not isinstance(parent, str):
        raise source.error(
            ("extends",), f"expected a layout name or path, got {schema.describe(parent)}"
        )
    try:
        base = _resolve_source(parent, path.parent, (*chain, key), roots, True)
    except HandoutError as exc:
        if exc.file is None or "not found" in exc.message or "unknown layout" in exc.message:
            raise source.error(("extends",), exc.message) from None
        raise
    return _merge_sources(base, source)


def _is_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref


def _find(ref: str, origin: Path | None, roots: files.Roots | None) -> Path:
    """The file of layout ``ref``: a built-in name, or a path (confined to ``origin`` and
    ``roots`` when ``roots`` is given, that is when a layout file names it)."""
    if _is_path(ref):
        if roots is not None:
            return files.resolve_named(ref, origin or Path.cwd(), roots, "layout file")
        path = Path(ref)  # given by the user: relative to the current folder, as given
        if not path.exists():
            raise HandoutError(f'layout file "{ref}" not found; check the path')
        return path
    builtin = builtin_layout_dir() / f"{ref}.yaml"
    if not builtin.is_file():
        names = ", ".join(builtin_layout_names())
        raise HandoutError(
            f'unknown layout "{_shown(ref)}"; built-in layouts are: {names} '
            "(or give the path of a .yaml file)",
            field="layout",
        )
    return builtin


def _shown(ref: str) -> str:
    return ref if len(ref) <= 60 else ref[:57] + "..."


def builtin_layout_names() -> list[str]:
    """Names of the built-in layouts."""
    return sorted(p.stem for p in builtin_layout_dir().glob("*.yaml"))


#: Loaded layouts by (reference, folder, roots): the layout, and the files it was made
#: from with their state on disk, so that an edit to any file of the chain is seen.
_LOADED: dict[tuple[str, str, files.Roots], tuple[Layout, list[tuple[files.FileId, Any]]]] = {}


def load_layout(ref: str | Path = "standard", *, root: files.RootArg = None) -> Layout:
    """Load a built-in layout by name, or a layout file by path, fully resolved.

    Layouts it extends by path must lie in its folder or under ``root`` (one folder or
    several); built-in layouts are always allowed."""
    ref, roots = str(ref), files.as_roots(root)
    key = (ref, str(Path.cwd()), roots)
    done = _LOADED.get(key)
    if done is not None and all(files.stamp(item) == was for item, was in done[1]):
        files.note(item for item, _ in done[1])
        return done[0]
    with files.recording() as read:
        source = _resolve_source(ref, Path.cwd(), (), roots, False)
        layout = schema.convert(Layout, source.data, (), source)
    if len(_LOADED) >= 64:
        _LOADED.clear()
    _LOADED[key] = (layout, [(item, files.stamp(item)) for item in read])
    return layout


def layout_files(layout: Layout) -> list[files.FileId]:
    """The files a loaded layout was made from (itself and those it extends)."""
    for done, made_from in _LOADED.values():
        if done is layout:
            return [item for item, _ in made_from]
    return []


def layout_as_data(layout: Layout) -> dict[str, Any]:
    """The resolved layout as plain data, ready to print as YAML and copy into a new file."""

    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value

    return plain(layout)  # type: ignore[no-any-return]
