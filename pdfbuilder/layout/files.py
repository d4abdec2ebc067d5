"""Layout files: a built-in name or a path, ``extends:`` followed up the chain, to a Layout.

In: a built-in layout name (``standard``) or the path of a layout file. Out: a frozen, fully
resolved :class:`~pdfbuilder.layout.model.Layout`: every field has a value, taken from the
file or from the layout it extends (and so on up the chain). A child file overrides only the
fields it gives; mappings merge key by key, anything else (text, numbers, lists) is
replaced. Errors name the file (in the chain) and the line of the problem.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any

from ..errors import HandoutError
from ..source import schema
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
