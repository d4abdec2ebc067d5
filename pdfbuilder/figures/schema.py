"""JSON Schema (draft 2020-12 fragment) for an exercise's ``figure:`` mapping, for editors."""

from __future__ import annotations

from pdfbuilder.figures.contacts import PROPS
from pdfbuilder.figures.joints import BODY_JOINTS, LIMB_JOINTS
from pdfbuilder.figures.library import builtin_figure_names, builtin_pose_names
from pdfbuilder.figures.model import CONTACTS
from pdfbuilder.figures.spec import LAYOUTS, SHOWS
from pdfbuilder.figures.views import TILT_RANGE, TURN_RANGE, VIEW_NAMES

SIDE_WORDS = ("left", "right", "near", "far")

ALT = {
    "type": "string",
    "minLength": 1,
    "description": "One sentence describing the picture for people who cannot see it.",
}
LABEL = {
    "type": ["string", "number"],
    "description": 'A short note shown on the figure, such as "hold 20 s".',
}


def _angles() -> dict[str, object]:
    props: dict[str, object] = {}
    for name, j in BODY_JOINTS.items():
        props[name] = {
            "type": "number",
            "minimum": j.low,
            "maximum": j.high,
            "description": f"{j.meaning} ({j.low:g} to {j.high:g} degrees)",
        }
    for name, j in LIMB_JOINTS.items():
        for side in ("", *(f"{w}_" for w in SIDE_WORDS)):
            which = f"{side.rstrip('_')} " if side else "both sides: "
            props[side + name] = {
                "type": "number",
                "minimum": j.low,
                "maximum": j.high,
                "description": f"{which}{j.meaning} ({j.low:g} to {j.high:g} degrees)",
            }
    return {
        "type": "object",
        "properties": props,
        "additionalProperties": False,
        "description": "Joint angles in degrees; only those that differ from the base.",
    }


def _pose() -> dict[str, object]:
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "A pose in the poses.yaml format: a base pose and a few angle changes.",
        "properties": {
            "name": {"type": "string", "description": "A name used in error messages."},
            "base": {
                "enum": builtin_pose_names(),
                "description": "The built-in pose to start from.",
            },
            "view": _view(),
            "angles": _angles(),
            "rests_on": {
                "type": "array",
                "items": {"enum": _parts()},
                "description": "Parts that touch the floor; the model checks they do.",
            },
            "props": {
                "type": "array",
                "items": {"enum": list(PROPS)},
                "description": "Things drawn with the person: " + ", ".join(PROPS) + ".",
            },
            "touches": {
                "type": "object",
                "propertyNames": {"enum": _parts()},
                "additionalProperties": {"enum": [p for p in PROPS if p != "mat"]},
                "description": "Which part touches which prop, e.g. {near_hand: wall}; "
                "the prop is put there and the model checks the body can touch it.",
            },
            "description": {"type": "string"},
        },
    }


def _parts() -> list[str]:
    """Every part name: head, trunk, and each sided part with each side word."""
    sided = sorted({c.split("_", 1)[1] for c in CONTACTS if "_" in c})
    return ["head", "trunk", *(f"{w}_{p}" for w in SIDE_WORDS for p in sided)]


def _view() -> dict[str, object]:
    name = {"enum": list(VIEW_NAMES)}
    return {
        "description": "Where the viewer stands: side (facing right), side-left, front, back "
        "or top; or a mapping {from: front, turn: 30, tilt: 20} to walk round and look down.",
        "anyOf": [
            name,
            {
                "type": "object",
                "required": ["from"],
                "additionalProperties": False,
                "properties": {
                    "from": name,
                    "turn": {"type": "number", "minimum": TURN_RANGE[0], "maximum": TURN_RANGE[1]},
                    "tilt": {"type": "number", "minimum": TILT_RANGE[0], "maximum": TILT_RANGE[1]},
                },
            },
        ],
    }


def _arrow() -> dict[str, object]:
    number = {"type": "number"}
    frame = {"type": "integer", "minimum": 1, "maximum": 3}
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "A curved arrow: the path of a body point from one frame to another "
        "(follow), or an arc around a body point (around).",
        "properties": {
            "follow": {"type": "string", "description": "Body point whose movement to trace."},
            "around": {"type": "string", "description": "Body point to draw an arc around."},
            "from": {**frame, "description": "Frame the movement starts in (from 1)."},
            "to": {**frame, "description": "Frame the movement ends in."},
            "frame": {**frame, "description": "Frame the arrow is drawn on."},
            "offset": {**number, "description": "cm to move the arrow off the body."},
            "shift": {
                "type": "array",
                "items": number,
                "minItems": 2,
                "maxItems": 2,
                "description": "[x, y] in cm, to move the whole arrow.",
            },
            "both": {"type": "boolean", "description": "Heads at both ends (back and forth)."},
            "radius": {**number, "description": "Arc radius in cm (around)."},
            "start": {**number, "description": "Arc start angle in degrees (around)."},
            "end": {**number, "description": "Arc end angle in degrees (around)."},
            "flatten": {
                "type": "number",
                "minimum": 0.1,
                "maximum": 1,
                "description": "An arc's height over its width: below 1, a turn seen edge-on.",
            },
        },
    }


def figure_schema() -> dict[str, object]:
    """The schema of the ``figure:`` mapping: builtin, own frames, or image; alt required."""
    arrow = _arrow()
    frame = {"anyOf": [{"enum": builtin_pose_names()}, _pose()]}
    return {
        "description": "The exercise's picture: a built-in figure, its own posed frames, "
        "or an image file. alt is always required.",
        "oneOf": [
            {
                "type": "object",
                "required": ["builtin", "alt"],
                "additionalProperties": False,
                "properties": {
                    "builtin": {
                        "enum": builtin_figure_names(),
                        "description": "A built-in exercise figure.",
                    },
                    "alt": ALT,
                    "label": LABEL,
                },
            },
            {
                "type": "object",
                "required": ["frames", "alt"],
                "additionalProperties": False,
                "properties": {
                    "frames": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 3,
                        "items": {
                            "anyOf": [
                                {"enum": builtin_pose_names()},
                                {
                                    "type": "object",
                                    "required": ["pose"],
                                    "additionalProperties": False,
                                    "properties": {"pose": frame},
                                },
                            ]
                        },
                        "description": "One to three poses, start to end: a built-in "
                        "pose's name, or {pose: ...}.",
                    },
                    "layout": {
                        "enum": list(LAYOUTS),
                        "description": "overlay: earlier frames drawn lighter underneath.",
                    },
                    "align": {"type": "string", "description": "Body point the frames share."},
                    "view": {
                        "anyOf": [
                            {"const": "auto", "description": "The view that shows the movement."},
                            _view(),
                        ]
                    },
                    "show": {
                        "anyOf": [
                            {"enum": list(SHOWS)},
                            {"type": "array", "items": {"type": "string"}, "minItems": 1},
                        ],
                        "description": "The part of the body shown (auto: the part that "
                        "moves), or a list of body points to keep in the picture.",
                    },
                    "arrow": {"anyOf": [arrow, {"type": "array", "items": arrow}]},
                    "alt": ALT,
                    "label": LABEL,
                },
            },
            {
                "type": "object",
                "required": ["image", "alt"],
                "additionalProperties": False,
                "properties": {
                    "image": {
                        "type": "string",
                        "pattern": r"(?i)\.(png|jpe?g|svg)$",
                        "description": "PNG, JPEG or SVG, relative to the handout file's folder.",
                    },
                    "alt": ALT,
                },
            },
        ],
    }
