"""Figure values and the frames-and-arrow part of the ``figure:`` format.

In: plain data for a sequence of frames (``frames``, ``arrow``, ``layout``, ``align``,
``label``). Out: a frozen, hashable ``Figure`` holding checked poses and arrows, or a
``FigureError`` whose path points inside the mapping. Built-in figures in ``poses.yaml`` and a
handout's own figures go through the same code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.autoview import best_view
from pdfbuilder.figures.model import Pose, point_names
from pdfbuilder.figures.poses import check_keys, parse_pose, parse_view, place, suggest

LAYOUTS = ("side-by-side", "overlay")
# What part of the body a figure shows (the rest is cut off at the edge of the picture).
SHOWS = ("auto", "whole", "upper-body", "head-and-shoulders", "legs", "lower-legs", "feet")
ARROW_KEYS = (
    "follow",
    "around",
    "from",
    "to",
    "frame",
    "offset",
    "shift",
    "both",
    "radius",
    "start",
    "end",
    "flatten",
)
MAX_FRAMES = 3
HIDDEN_POINTS = frozenset({"head_low", "trunk_low"})


@dataclass(frozen=True)
class Arrow:
    """A movement arrow: the path of ``point`` between two frames, or an arc around it."""

    point: str
    start_frame: int = 0
    end_frame: int = 0
    on_frame: int = 0
    offset: float = 0.0  # cm, to the left of the direction of travel
    shift: tuple[float, float] = (0.0, 0.0)  # cm, moves the whole arrow
    both: bool = False
    arc: tuple[float, float, float] | None = None  # (radius cm, start°, end°) around point
    flatten: float = 1.0  # an arc's height over its width: below 1, a turn seen edge-on


@dataclass(frozen=True)
class Figure:
    """One exercise figure: posed frames with arrows, or an image file. Frozen and hashable."""

    alt: str
    poses: tuple[Pose, ...] = ()
    layout: str = "side-by-side"
    align: str = "hip"
    arrows: tuple[Arrow, ...] = ()
    label: str | None = None
    image: str | None = None  # absolute path of an image file
    name: str | None = None  # the built-in figure's name, if it is one
    show: str | tuple[str, ...] = "auto"  # a part of the body (``SHOWS``) or points to show


def _text(data: Mapping[str, object], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool) or not str(value):
        raise FigureError(f"{key} must be a non-empty text", (key,))
    return str(value)


def _frame_pose(entry: object, index: int, known: Mapping[str, Pose]) -> Pose:
    path: tuple[str | int, ...] = ("frames", index)
    if isinstance(entry, dict) and "pose" in entry:
        check_keys(entry, ("pose",), f"frame {index + 1}")
        entry = entry["pose"]
        path = (*path, "pose")
    if isinstance(entry, str):
        if entry not in known:
            raise FigureError(
                f'unknown built-in pose "{entry}"{suggest(entry, list(known))} '
                "(run `handout figures` to see them all)",
                path,
            )
        return known[entry]
    try:
        name = entry.get("name", f"frame {index + 1}") if isinstance(entry, dict) else ""
        return parse_pose(entry, str(name), known)
    except FigureError as error:
        raise FigureError(error.message, (*path, *error.path)) from None


def _frame_number(data: Mapping[str, object], key: str, default: int, count: int) -> int:
    value = data.get(key, default + 1)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= count:
        raise FigureError(f"{key} must be a frame number from 1 to {count}", ("arrow", key))
    return value - 1


def _float(data: Mapping[str, object], key: str, default: float) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FigureError(f"{key} must be a number", ("arrow", key))
    return float(value)


def parse_arrow(data: object, poses: tuple[Pose, ...]) -> Arrow:
    """An ``arrow:`` mapping, checked against the figure's frames."""
    if not isinstance(data, dict):
        raise FigureError(
            "arrow must be a mapping (follow: <point> or around: <point>)", ("arrow",)
        )
    try:
        check_keys(data, ARROW_KEYS, "arrow")
    except FigureError as error:
        raise FigureError(error.message, ("arrow", *error.path)) from None
    kind = "around" if "around" in data else "follow"
    point = data.get(kind)
    known = sorted(set(point_names(poses[0].view)) - HIDDEN_POINTS)
    if not isinstance(point, str) or point not in known:
        raise FigureError(
            f'arrow {kind}: unknown body point "{point}"{suggest(str(point), known)} '
            f"(points: {', '.join(known)})",
            ("arrow", kind),
        )
    last = len(poses) - 1
    start = _frame_number(data, "from", 0, len(poses))
    end = _frame_number(data, "to", last, len(poses))
    arc = None
    flatten = _float(data, "flatten", 1.0)
    if kind == "around":
        arc = (_float(data, "radius", 12.0), _float(data, "start", 0.0), _float(data, "end", 60.0))
        if not 0.1 <= flatten <= 1.0:
            raise FigureError("flatten must be from 0.1 to 1 (1: a circle)", ("arrow", "flatten"))
    elif start == end:
        raise FigureError("arrow follow: needs two different frames (from and to)", ("arrow",))
    shift = data.get("shift", [0, 0])
    if (
        not isinstance(shift, list)
        or len(shift) != 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in shift)
    ):
        raise FigureError("shift must be [x, y] in cm, such as [0, 10]", ("arrow", "shift"))
    both = data.get("both", False)
    if not isinstance(both, bool):
        raise FigureError("both must be true or false", ("arrow", "both"))
    return Arrow(
        point=point,
        start_frame=start,
        end_frame=end,
        on_frame=_frame_number(data, "frame", end, len(poses)),
        offset=_float(data, "offset", 0.0),
        shift=(float(shift[0]), float(shift[1])),
        both=both,
        arc=arc,
        flatten=flatten,
    )


def parse_frames(data: Mapping[str, object], alt: str, known: Mapping[str, Pose]) -> Figure:
    """The frames form of a figure (also used for the built-in figures)."""
    frames = data.get("frames")
    if not isinstance(frames, list) or not 1 <= len(frames) <= MAX_FRAMES:
        raise FigureError(f"frames must be a list of 1 to {MAX_FRAMES} poses", ("frames",))
    poses = tuple(_frame_pose(entry, i, known) for i, entry in enumerate(frames))
    if "view" in data:
        raw = data["view"]
        view = best_view(poses) if raw == "auto" else parse_view(raw, "figure (auto, or a view)")
        poses = tuple(replace(pose, view=view) for pose in poses)
        for pose in poses:
            place(pose)
    views = {pose.view for pose in poses}
    if len(views) > 1:
        raise FigureError(
            "all frames of a figure must use the same view (or set view: on the figure)",
            ("frames",),
        )
    show = _show(data.get("show", "auto"), poses)
    layout = data.get("layout", "overlay" if len(poses) > 1 else "side-by-side")
    if layout not in LAYOUTS:
        raise FigureError(
            f"layout must be one of {', '.join(LAYOUTS)}{suggest(str(layout), LAYOUTS)}",
            ("layout",),
        )
    raw_arrows = data.get("arrow", [])
    arrows = tuple(
        parse_arrow(item, poses)
        for item in (raw_arrows if isinstance(raw_arrows, list) else [raw_arrows])
    )
    align = data.get("align", "hip")
    known_points = sorted(set(point_names(poses[0].view)) - HIDDEN_POINTS)
    if not isinstance(align, str) or align not in known_points:
        raise FigureError(
            f'align: unknown body point "{align}"{suggest(str(align), known_points)}', ("align",)
        )
    return Figure(
        alt=alt,
        poses=poses,
        layout=str(layout),
        align=align,
        arrows=arrows,
        label=_text(data, "label"),
        show=show,
    )


def _show(value: object, poses: tuple[Pose, ...]) -> str | tuple[str, ...]:
    """``show:``: a part of the body by name, or a list of body points to keep in the picture."""
    if isinstance(value, list):
        known = sorted(set(point_names(poses[0].view)) - HIDDEN_POINTS)
        for i, item in enumerate(value):
            if not isinstance(item, str) or item not in known:
                raise FigureError(
                    f'show: unknown body point "{item}"{suggest(str(item), known)}', ("show", i)
                )
        if not value:
            raise FigureError("show: list at least one body point", ("show",))
        return tuple(value)
    if value not in SHOWS:
        raise FigureError(
            f"show must be one of {', '.join(SHOWS)}{suggest(str(value), SHOWS)} "
            "or a list of body points",
            ("show",),
        )
    return str(value)
