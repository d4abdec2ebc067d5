"""The built-in pose and figure library, read once per process from ``poses.yaml``.

In: the data file shipped inside the package. Out: checked built-in ``Pose`` values by name
and built-in ``Figure`` values by name (each with its description for the gallery).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.model import Pose
from pdfbuilder.figures.poses import check_keys, parse_pose, suggest
from pdfbuilder.figures.spec import Figure, parse_frames
from pdfbuilder.source.reader import load_package_data

DATA_FILE = Path(__file__).with_name("poses.yaml")
FIGURE_KEYS = ("description", "frames", "layout", "align", "arrow", "label")


@dataclass(frozen=True)
class Library:
    """Built-in poses and figures, in the order the data file lists them."""

    poses: dict[str, Pose]
    figures: dict[str, Figure]
    descriptions: dict[str, str]  # figure name -> what it shows


def _in_file(error: FigureError, *where: str | int) -> FigureError:
    return FigureError(f"{DATA_FILE.name}: {error.message}", (*where, *error.path))


@functools.cache
def library() -> Library:
    """Load and check the data file (once)."""
    data = load_package_data(DATA_FILE)
    poses: dict[str, Pose] = {}
    for name, raw in data["poses"].items():
        try:
            poses[name] = parse_pose(raw, name, poses)
        except FigureError as error:
            raise _in_file(error, "poses", name) from None
    figures: dict[str, Figure] = {}
    descriptions: dict[str, str] = {}
    for name, raw in data["figures"].items():
        try:
            check_keys(raw, FIGURE_KEYS, f'figure "{name}"')
            description = str(raw.get("description", name))
            figure = parse_frames(raw, description, poses)
        except FigureError as error:
            raise _in_file(error, "figures", name) from None
        figures[name] = Figure(
            alt=figure.alt,
            poses=figure.poses,
            layout=figure.layout,
            align=figure.align,
            arrows=figure.arrows,
            label=figure.label,
            name=name,
        )
        descriptions[name] = description
    return Library(poses, figures, descriptions)


def builtin_pose_names() -> list[str]:
    """Names of the built-in poses, in library order."""
    return list(library().poses)


def builtin_figure_names() -> list[str]:
    """Names of the built-in figures, in library order."""
    return list(library().figures)


def load_pose(name: str) -> Pose:
    """A built-in pose by name; ``FigureError`` with a suggestion if there is none."""
    poses = library().poses
    if name not in poses:
        raise FigureError(f'unknown built-in pose "{name}"{suggest(name, list(poses))}')
    return poses[name]
