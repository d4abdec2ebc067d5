"""The built-in pose and figure library, read once per process from the package's YAML.

In: ``poses.yaml`` (the base poses and the back exercises) and one file per body region in
``pose_library/`` (each with a ``region:`` title). Out: built-in ``Pose`` values by name and
built-in ``Figure`` values by name, each with its description and region for the gallery.
The test suite runs every check of the model on every built-in pose, so loading does not.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.model import Pose
from pdfbuilder.figures.poses import check_keys, parse_pose, suggest
from pdfbuilder.figures.spec import Figure, parse_frames
from pdfbuilder.source.reader import load_package_data

T = TypeVar("T")
DATA_FILE = Path(__file__).with_name("poses.yaml")
REGION_FOLDER = Path(__file__).with_name("pose_library")
FIGURE_KEYS = ("description", "frames", "layout", "align", "arrow", "label", "view", "show")
FILE_KEYS = ("region", "poses", "figures")


@dataclass(frozen=True)
class Library:
    """Built-in poses and figures, in the order the data files list them."""

    poses: dict[str, Pose]
    figures: dict[str, Figure]
    descriptions: dict[str, str]  # figure name -> what it shows
    regions: dict[str, str]  # pose or figure name -> the body region (file) it is in


# Region files in gallery order; a pose may use as ``base:`` a pose of an earlier file.
REGION_ORDER = ("neck", "shoulder", "hip-knee", "ankle", "daily")


def data_files() -> list[Path]:
    """The library's files: the base poses first, then one file per region."""
    found = sorted(
        REGION_FOLDER.glob("*.yaml"),
        key=lambda p: (
            p.stem not in REGION_ORDER,
            REGION_ORDER.index(p.stem) if p.stem in REGION_ORDER else 0,
            p.stem,
        ),
    )
    return [DATA_FILE, *found]


def _in_file(path: Path, error: FigureError, *where: str | int) -> FigureError:
    return FigureError(f"{path.name}: {error.message}", (*where, *error.path))


def _load_file(path: Path, lib: Library) -> None:
    data = load_package_data(path)
    check_keys(data, FILE_KEYS, path.name)
    region = str(data.get("region", "Back"))
    for name, raw in (data.get("poses") or {}).items():
        if name in lib.poses:
            raise FigureError(f'{path.name}: pose "{name}" is already defined', ("poses", name))
        try:
            lib.poses[name] = parse_pose(raw, name, lib.poses, check=False)
        except FigureError as error:
            raise _in_file(path, error, "poses", name) from None
        lib.regions[name] = region
    for name, raw in (data.get("figures") or {}).items():
        if name in lib.figures:
            raise FigureError(f'{path.name}: figure "{name}" is already defined', ("figures", name))
        try:
            check_keys(raw, FIGURE_KEYS, f'figure "{name}"')
            description = str(raw.get("description", name))
            figure = parse_frames(raw, description, lib.poses)
        except FigureError as error:
            raise _in_file(path, error, "figures", name) from None
        lib.figures[name] = replace(figure, name=name)
        lib.descriptions[name] = description
        lib.regions[name] = region


@functools.cache
def base_library() -> Library:
    """The base poses and the back exercises only: what most leaflets need (loaded once)."""
    lib = Library({}, {}, {}, {})
    _load_file(DATA_FILE, lib)
    return lib


@functools.cache
def library() -> Library:
    """Every data file (loaded once, after the base file)."""
    base = base_library()
    lib = Library(dict(base.poses), dict(base.figures), dict(base.descriptions), dict(base.regions))
    for path in data_files()[1:]:
        _load_file(path, lib)
    return lib


class Builtins(Mapping[str, T]):
    """Built-in poses or figures by name, reading the region files only for a name that is
    not in the base file (a leaflet of back exercises never reads them)."""

    def __init__(self, part: Callable[[Library], Mapping[str, T]]) -> None:
        self._part = part

    def __getitem__(self, name: str) -> T:
        first = self._part(base_library())
        return first[name] if name in first else self._part(library())[name]

    def __contains__(self, name: object) -> bool:
        return name in self._part(base_library()) or name in self._part(library())

    def __iter__(self) -> Iterator[str]:
        return iter(self._part(library()))

    def __len__(self) -> int:
        return len(self._part(library()))


POSES: Builtins[Pose] = Builtins(lambda lib: lib.poses)
FIGURES: Builtins[Figure] = Builtins(lambda lib: lib.figures)


def builtin_pose_names() -> list[str]:
    """Names of the built-in poses, in library order."""
    return list(library().poses)


def builtin_figure_names() -> list[str]:
    """Names of the built-in figures, in library order."""
    return list(library().figures)


def load_pose(name: str) -> Pose:
    """A built-in pose by name; ``FigureError`` with a suggestion if there is none."""
    if name not in POSES:
        raise FigureError(f'unknown built-in pose "{name}"{suggest(name, list(POSES))}')
    return POSES[name]
