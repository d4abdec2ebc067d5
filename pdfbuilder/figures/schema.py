"""JSON Schema (draft 2020-12 fragment) for an exercise's ``figure:`` mapping, for editors."""

from __future__ import annotations

from pdfbuilder.figures.library import builtin_figure_names, builtin_pose_names
from pdfbuilder.figures.model import CONTACTS, SIDE_JOINTS
from pdfbuilder.figures.poses import PROPS
from pdfbuilder.figures.spec import LAYOUTS
from pdfbuilder.figures.topview import TOP_JOINTS

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
    joints = {**SIDE_JOINTS, **TOP_JOINTS}
    props: dict[str, object] = {
        name: {
            "type": "number",
            "minimum": j.low,
            "maximum": j.high,
            "description": f"{j.meaning} ({j.low:g} to {j.high:g} degrees)",
        }
        for name, j in joints.items()
    }
    for both in ("hip", "knee", "ankle", "shoulder", "elbow", "wrist"):
        if both not in props:
            props[both] = {"type": "number", "description": f"sets near_{both} and far_{both}"}
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
            "view": {"enum": ["side", "top"], "description": "Seen from the side or from above."},
            "angles": _angles(),
            "rests_on": {
                "type": "array",
                "items": {"enum": list(CONTACTS)},
                "description": "Parts that touch the floor; the model checks they do.",
            },
            "props": {
                "type": "array",
                "items": {"enum": list(PROPS)},
                "description": "Mat, pillow under the head, or chair.",
            },
            "description": {"type": "string"},
        },
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
            "both": {"type": "boolean", "description": "Heads at both ends (back and forth)."},
            "radius": {**number, "description": "Arc radius in cm (around)."},
            "start": {**number, "description": "Arc start angle in degrees (around)."},
            "end": {**number, "description": "Arc end angle in degrees (around)."},
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
                            "type": "object",
                            "required": ["pose"],
                            "additionalProperties": False,
                            "properties": {"pose": frame},
                        },
                        "description": "One to three poses, start to end.",
                    },
                    "layout": {
                        "enum": list(LAYOUTS),
                        "description": "overlay: earlier frames drawn lighter underneath.",
                    },
                    "align": {"type": "string", "description": "Body point the frames share."},
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
