"""The joints a pose sets, their ranges, and the names a pose may use for them.

In: joint names as an author writes them (``near_knee``, ``left_hip_abduction``, ``elbow``).
Out: the canonical names (``right_knee``...) for a view, or a ``FigureError`` that names the
pose and the joint. Every angle is in degrees; ``JOINTS`` says what a positive angle means.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.views import View

SIDES = ("left", "right")
# Parts of each side that can rest on the floor or touch a prop, and the points they are.
PART_POINTS: dict[str, tuple[str, ...]] = {
    "foot": ("heel", "toe"),
    "toes": ("toe",),
    "heel": ("heel",),
    "knee": ("knee",),
    "shin": ("knee", "ankle"),
    "hand": ("wrist", "hand"),
    "forearm": ("elbow", "wrist"),
    "elbow": ("elbow",),
}


@dataclass(frozen=True)
class Joint:
    """One angle a pose sets: its range in degrees and what a positive value means."""

    low: float
    high: float
    default: float
    meaning: str


BODY_JOINTS: dict[str, Joint] = {
    "trunk": Joint(-180, 180, 0, "lean from upright: 90 face-down on hands, -90 lying on back"),
    "roll": Joint(-180, 180, 0, "turns the whole body about its long axis, front to its right"),
    "spine": Joint(-35, 45, 0, "back bend: positive rounds the back, negative arches it"),
    "spine_side_bend": Joint(-40, 40, 0, "bends the upper body to its right side"),
    "spine_rotation": Joint(-70, 70, 0, "turns the chest to its right over a still pelvis"),
    "neck": Joint(-50, 60, 0, "neck: positive tucks the chin, negative lifts it"),
    "neck_side_bend": Joint(-45, 45, 0, "tips the head toward the right shoulder"),
    "neck_rotation": Joint(-80, 80, 0, "turns the head to look over the right shoulder"),
    "head_nod": Joint(-30, 30, 0, "nods the head on the neck: positive brings the chin in"),
}

LIMB_JOINTS: dict[str, Joint] = {
    "shoulder": Joint(-60, 180, 0, "shoulder flexion: arm forward from hanging at the side"),
    "shoulder_abduction": Joint(
        -50, 180, 0, "arm out to the side (abduction); after flexion, across"
    ),
    "shoulder_rotation": Joint(-90, 90, 0, "turns the arm outward (external rotation)"),
    "shoulder_shrug": Joint(-10, 40, 0, "lifts the shoulder toward the ear"),
    "shoulder_squeeze": Joint(-30, 30, 0, "draws the shoulder blade back toward the spine"),
    "elbow": Joint(0, 150, 0, "elbow flexion: 0 straight"),
    "wrist": Joint(-90, 90, 0, "wrist: positive bends the hand toward the palm"),
    "hip": Joint(-30, 150, 0, "hip flexion: thigh forward from hanging along the trunk"),
    "hip_abduction": Joint(-30, 60, 0, "leg out to the side (abduction)"),
    "hip_rotation": Joint(-45, 60, 0, "turns the leg outward (external rotation)"),
    "knee": Joint(0, 160, 0, "knee flexion: 0 straight"),
    "ankle": Joint(-30, 75, 0, "ankle and mid-foot: positive points the toes"),
    "ankle_tilt": Joint(-25, 35, 0, "turns the sole inward (inversion)"),
}

JOINTS: dict[str, Joint] = dict(BODY_JOINTS)
for _side in SIDES:
    for _name, _joint in LIMB_JOINTS.items():
        JOINTS[f"{_side}_{_name}"] = _joint

# Joints of the old top view, and what to write instead (docs/figures.md, "Migrating").
RETIRED = {
    "knees_roll": "use roll and spine_rotation (knees to one side: roll 60, spine_rotation -60)",
    "arms": "use left_shoulder_abduction and right_shoulder_abduction",
}


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """``; did you mean "x"?`` when a close match exists, else ``""``."""
    import difflib  # only a mistake needs it

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f'; did you mean "{close[0]}"?' if close else ""


def side_word(prefix: str, view: View, pose: str, name: str) -> str:
    """``left``/``right`` for a side prefix; ``near``/``far`` only mean something side on."""
    if prefix in SIDES:
        return prefix
    near = view.near_side
    if near is None:
        raise FigureError(
            f'pose "{pose}": {name} means nothing in a {view.name} view; '
            f"use left_{name.split('_', 1)[1]} or right_{name.split('_', 1)[1]}",
            ("angles", name),
        )
    return near if prefix == "near" else ("left" if near == "right" else "right")


def split_side(name: str) -> tuple[str | None, str]:
    """``("near", "knee")`` for ``near_knee``; ``(None, name)`` when there is no side."""
    prefix, _, rest = name.partition("_")
    if prefix in ("left", "right", "near", "far") and rest:
        return prefix, rest
    return None, name


def resolve(name: str, view: View, pose: str) -> list[str]:
    """The canonical joints that ``name`` sets (``hip`` sets both hips)."""
    path: tuple[str | int, ...] = ("angles", name)
    if name in RETIRED:
        raise FigureError(
            f'pose "{pose}": joint "{name}" was replaced in the 3-D model: {RETIRED[name]}', path
        )
    if name in BODY_JOINTS:
        return [name]
    if name in LIMB_JOINTS:
        return [f"{side}_{name}" for side in SIDES]
    prefix, rest = split_side(name)
    if prefix is not None and rest in LIMB_JOINTS:
        return [f"{side_word(prefix, view, pose, name)}_{rest}"]
    known = [
        *BODY_JOINTS,
        *LIMB_JOINTS,
        *JOINTS,
        *(f"{s}_{j}" for s in ("near", "far") for j in LIMB_JOINTS),
    ]
    raise FigureError(f'pose "{pose}": unknown joint "{name}"{suggest(name, known)}', path)


def check_angles(name: str, angles: dict[str, float]) -> None:
    """Raise ``FigureError`` for an angle outside its joint's range."""
    for joint, value in angles.items():
        spec = JOINTS[joint]
        if not spec.low <= value <= spec.high:
            raise FigureError(
                f'pose "{name}": joint {joint} at {value:g}° is outside its range '
                f"{spec.low:g}–{spec.high:g}°",
                ("angles", joint),
            )


def aliases(names: Iterable[str], view: View) -> dict[str, str]:
    """near_/far_ names for the left_/right_ ones, in a side view: alias -> canonical."""
    near = view.near_side
    if near is None:
        return {}
    far = "left" if near == "right" else "right"
    out = {}
    for name in names:
        prefix, _, rest = name.partition("_")
        if prefix == near:
            out[f"near_{rest}"] = name
        elif prefix == far:
            out[f"far_{rest}"] = name
    return out


def spoken(name: str, view: View) -> str:
    """A part or point as an author of this view names it: near_/far_ side on."""
    name = {"head_low": "head", "trunk_low": "trunk"}.get(name, name)
    for alias, canonical in aliases([name], view).items():
        return alias if canonical == name else name
    return name
