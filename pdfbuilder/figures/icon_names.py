"""The names of the built-in Easy Read pictograms, in gallery order.

Kept apart from the drawings so that checking a handout's `picture:` names does not load them.
"""

ICON_NAMES = (
    "back-pain",
    "muscle",
    "why",
    "lifting",
    "walking",
    "heat",
    "medicine",
    "sleep",
    "calendar",
    "water",
    "sitting-break",
    "exercise",
    "doctor",
    "phone",
    "ambulance",
    "clock",
    "check",
    "warning",
    "book",
    "scan",
    # body regions
    "neck",
    "shoulder",
    "back",
    "hip",
    "knee",
    "ankle-foot",
    "wrist-hand",
    # general ideas
    "rest",
    "ice",
    "raise",
    "pharmacy",
)
