"""Pose mappings (the ``poses.yaml`` format) to checked ``Pose`` values, and placing them.

In: plain data such as ``{base: lying-knees-bent, angles: {near_hip: 120}}``.
Out: a frozen ``Pose`` with every joint set, or a ``FigureError`` whose path points inside
the mapping. ``place`` turns a pose into a ``Body`` (side or top view), cached.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.model import CONTACTS, SIDE_JOINTS, Body, Joint, Pose, place_side
from pdfbuilder.figures.topview import TOP_JOINTS, place_top

VIEWS: dict[str, Mapping[str, Joint]] = {"side": SIDE_JOINTS, "top": TOP_JOINTS}
PROPS = ("mat", "pillow", "chair")
POSE_KEYS = ("name", "base", "view", "angles", "rests_on", "props", "description")
# A limb joint named without near_/far_ sets both sides.
BOTH_SIDES = ("hip", "knee", "ankle", "shoulder", "elbow", "wrist")


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """``; did you mean "x"?`` when a close match exists, else ``""``."""
    import difflib  # only a mistake needs it

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f'; did you mean "{close[0]}"?' if close else ""


def check_keys(data: Mapping[object, object], allowed: tuple[str, ...], what: str) -> None:
    """Raise for the first key of ``data`` that is not in ``allowed``."""
    for key in data:
        if key not in allowed:
            raise FigureError(
                f'unknown key "{key}" in {what}{suggest(str(key), allowed)} '
                f"(allowed: {', '.join(allowed)})",
                (str(key),),
            )


def _number(value: object, path: tuple[str | int, ...], pose: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FigureError(f'pose "{pose}": expected an angle in degrees, got {value!r}', path)
    return float(value)


def _names(value: object, allowed: tuple[str, ...], key: str, pose: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FigureError(f'pose "{pose}": {key} must be a list of names', (key,))
    for i, item in enumerate(value):
        if item not in allowed:
            raise FigureError(
                f'pose "{pose}": unknown {key} entry "{item}"{suggest(item, allowed)}',
                (key, i),
            )
    return tuple(value)


def _angles(raw: object, base: dict[str, float], view: str, pose: str) -> dict[str, float]:
    """``base`` with the overrides in ``raw`` applied (``hip`` sets near_hip and far_hip)."""
    if not isinstance(raw, dict):
        raise FigureError(f'pose "{pose}": angles must be a mapping of joint: degrees', ("angles",))
    joints = VIEWS[view]
    out = dict(base)
    for key, value in raw.items():
        name = str(key)
        path: tuple[str | int, ...] = ("angles", name)
        targets = [name]
        if view == "side" and name in BOTH_SIDES:
            targets = [f"near_{name}", f"far_{name}"]
        elif name not in joints:
            raise FigureError(
                f'pose "{pose}": unknown joint "{name}"{suggest(name, list(joints))}', path
            )
        for target in targets:
            out[target] = _number(value, path, pose)
    return out


def parse_pose(data: object, name: str, known: Mapping[str, Pose]) -> Pose:
    """A pose mapping to a checked ``Pose``; ``known`` are the poses ``base:`` may name."""
    if not isinstance(data, dict):
        raise FigureError(f'pose "{name}" must be a mapping (angles, rests_on, props...)')
    check_keys(data, POSE_KEYS, f'pose "{name}"')
    parent: Pose | None = None
    if "base" in data:
        base_name = data["base"]
        if not isinstance(base_name, str) or base_name not in known:
            raise FigureError(
                f'pose "{name}": unknown base pose "{base_name}"'
                f"{suggest(str(base_name), list(known))}",
                ("base",),
            )
        parent = known[base_name]
    view = data.get("view", parent.view if parent else "side")
    if view not in VIEWS or (parent is not None and view != parent.view):
        raise FigureError(f'pose "{name}": view must be "side" or "top" (as its base)', ("view",))
    base = dict(parent.angles) if parent else {k: j.default for k, j in VIEWS[view].items()}
    angles = _angles(data.get("angles", {}), base, view, name)
    rests_on = parent.rests_on if parent else ()
    if "rests_on" in data:
        rests_on = _names(data["rests_on"], tuple(CONTACTS), "rests_on", name)
    props = parent.props if parent else ()
    if "props" in data:
        props = _names(data["props"], PROPS, "props", name)
    description = data.get("description", parent.description if parent else "")
    pose = Pose(
        name=name,
        angles=tuple(sorted(angles.items())),
        rests_on=rests_on,
        props=props,
        view=str(view),
        description=str(description),
    )
    place(pose)  # every check runs here, so a bad pose fails where it is written
    return pose


@functools.lru_cache(maxsize=512)
def place(pose: Pose) -> Body:
    """Check a pose and place it: on the floor (side view) or on the floor plane (top view)."""
    return place_top(pose) if pose.view == "top" else place_side(pose)
