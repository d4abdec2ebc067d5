"""Pose mappings (the ``poses.yaml`` format) to checked ``Pose`` values, and placing them.

In: plain data such as ``{base: lying-knees-bent, angles: {near_hip: 120}}``.
Out: a frozen ``Pose`` with every joint set under its canonical name (``right_hip``...), or a
``FigureError`` whose path points inside the mapping and whose message names the pose and the
joint as the author wrote it. ``place`` turns a pose into a ``Body``, cached.
"""

from __future__ import annotations

from collections.abc import Mapping

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.contacts import PROPS
from pdfbuilder.figures.joints import JOINTS, LIMB_JOINTS, resolve, side_word, split_side, suggest
from pdfbuilder.figures.model import CONTACTS, Body, Pose, default_angles, place
from pdfbuilder.figures.views import TILT_RANGE, TURN_RANGE, VIEW_NAMES, View

POSE_KEYS = ("name", "base", "view", "angles", "rests_on", "props", "touches", "description")
VIEW_KEYS = ("from", "turn", "tilt")
# A limb joint named without a side (left_, right_, near_, far_) sets both sides.
BOTH_SIDES = tuple(LIMB_JOINTS)
PARTS = ("head", "trunk", *sorted({c.split("_", 1)[1] for c in CONTACTS if "_" in c}))

__all__ = ["BOTH_SIDES", "POSE_KEYS", "check_keys", "parse_pose", "parse_view", "place", "suggest"]


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


def _degrees(
    data: Mapping[object, object], key: str, limits: tuple[float, float], who: str
) -> float:
    value = data.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FigureError(f"{who}: view {key} must be a number of degrees", ("view", key))
    if not limits[0] <= value <= limits[1]:
        raise FigureError(
            f"{who}: view {key} {value:g}° is outside {limits[0]:g}–{limits[1]:g}°",
            ("view", key),
        )
    return float(value)


def parse_view(raw: object, who: str) -> View:
    """``side`` or ``{from: front, turn: 30, tilt: 20}`` to a ``View``; ``who`` starts each
    error message (``pose "x"`` or ``figure``)."""
    data = raw if isinstance(raw, dict) else {"from": raw}
    check_keys(data, VIEW_KEYS, f"the view of {who}")
    name = data.get("from")
    if not isinstance(name, str) or name not in VIEW_NAMES:
        raise FigureError(
            f"{who}: view must be one of {', '.join(VIEW_NAMES)}{suggest(str(name), VIEW_NAMES)}",
            ("view",),
        )
    tilt = _degrees(data, "tilt", TILT_RANGE, who)
    if tilt and name == "top":
        raise FigureError(f"{who}: a top view cannot tilt; use side or front", ("view",))
    return View(name, _degrees(data, "turn", TURN_RANGE, who), tilt)


def _angles(raw: object, base: dict[str, float], view: View, pose: str) -> dict[str, float]:
    """``base`` with the overrides in ``raw`` applied (``hip`` sets both hips)."""
    if not isinstance(raw, dict):
        raise FigureError(f'pose "{pose}": angles must be a mapping of joint: degrees', ("angles",))
    out = dict(base)
    for key, value in raw.items():
        name = str(key)
        path: tuple[str | int, ...] = ("angles", name)
        degrees = _number(value, path, pose)
        for target in resolve(name, view, pose):
            spec = JOINTS[target]
            if not spec.low <= degrees <= spec.high:
                raise FigureError(
                    f'pose "{pose}": joint {name} at {degrees:g}° is outside its range '
                    f"{spec.low:g}–{spec.high:g}°",
                    path,
                )
            out[target] = degrees
    return out


def _part(item: object, key: str, index: int | str, view: View, pose: str) -> str:
    """A part name (``near_foot``, ``trunk``) in its canonical form (``right_foot``)."""
    path: tuple[str | int, ...] = (key, index)
    text = str(item)
    prefix, rest = split_side(text)
    if prefix is None and text in CONTACTS:
        return text
    if prefix is not None and f"left_{rest}" in CONTACTS:
        return f"{side_word(prefix, view, pose, text)}_{rest}"
    choices = [*CONTACTS, *(f"{s}_{p}" for s in ("near", "far") for p in PARTS[2:])]
    raise FigureError(f'pose "{pose}": unknown {key} entry "{text}"{suggest(text, choices)}', path)


def _rests_on(value: object, view: View, pose: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FigureError(f'pose "{pose}": rests_on must be a list of parts', ("rests_on",))
    return tuple(_part(item, "rests_on", i, view, pose) for i, item in enumerate(value))


def _props(value: object, pose: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FigureError(f'pose "{pose}": props must be a list of names', ("props",))
    for i, item in enumerate(value):
        if item not in PROPS:
            raise FigureError(
                f'pose "{pose}": unknown props entry "{item}"{suggest(item, PROPS)} '
                f"(props: {', '.join(PROPS)})",
                ("props", i),
            )
    return tuple(value)


def _touches(value: object, view: View, pose: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise FigureError(
            f'pose "{pose}": touches must map parts to props, e.g. {{near_hand: wall}}',
            ("touches",),
        )
    out = []
    for key, prop in value.items():
        part = _part(key, "touches", str(key), view, pose)
        if prop not in PROPS or prop == "mat":
            choices = [p for p in PROPS if p != "mat"]
            raise FigureError(
                f'pose "{pose}": {key} touches an unknown prop "{prop}"'
                f"{suggest(str(prop), choices)} (props: {', '.join(choices)})",
                ("touches", str(key)),
            )
        out.append((part, str(prop)))
    return tuple(sorted(out))


def _parent(data: Mapping[object, object], name: str, known: Mapping[str, Pose]) -> Pose | None:
    if "base" not in data:
        return None
    base_name = data["base"]
    if not isinstance(base_name, str) or base_name not in known:
        raise FigureError(
            f'pose "{name}": unknown base pose "{base_name}"{suggest(str(base_name), list(known))}',
            ("base",),
        )
    return known[base_name]


def parse_pose(data: object, name: str, known: Mapping[str, Pose], check: bool = True) -> Pose:
    """A pose mapping to a ``Pose``; ``known`` are the poses ``base:`` may name.

    With ``check`` (the default) every check of the model runs here, so that a bad pose fails
    where it is written; the built-in library is checked by the test suite instead.
    """
    if not isinstance(data, dict):
        raise FigureError(f'pose "{name}" must be a mapping (angles, rests_on, props...)')
    check_keys(data, POSE_KEYS, f'pose "{name}"')
    parent = _parent(data, name, known)
    view = parent.view if parent else View()
    if "view" in data:
        view = parse_view(data["view"], f'pose "{name}"')
    base = dict(parent.angles) if parent else default_angles()
    angles = _angles(data.get("angles", {}), base, view, name)
    rests_on = parent.rests_on if parent else ()
    if "rests_on" in data:
        rests_on = _rests_on(data["rests_on"], view, name)
    props = _props(data["props"], name) if "props" in data else (parent.props if parent else ())
    touches = parent.touches if parent else ()
    if "touches" in data:
        touches = _touches(data["touches"], view, name)
    description = data.get("description", parent.description if parent else "")
    pose = Pose(
        name=name,
        angles=tuple(sorted(angles.items())),
        rests_on=rests_on,
        props=props,
        view=view,
        description=str(description),
        touches=touches,
    )
    if check:
        place(pose)
    return pose


def placed(pose: Pose) -> Body:
    """The pose checked and placed (see ``model.place``)."""
    return place(pose)
