"""The fields of the page's form and of ``POST /api/leaflet``: names, labels, limits.

One table for both: the form's labels and ``maxlength`` attributes, the JSON API's keys and
its OpenAPI description, and the bounds :mod:`pdfbuilder.web.forms` puts on what arrives from
the network. The core checks the values themselves (dates, doses, addresses, characters).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .core import MAX_URL, TEXT_LIMITS, Dose

#: Largest request body accepted (a form or a JSON object); far above any real leaflet.
MAX_BODY = 64 * 1024
#: Most form fields in one request (a leaflet with 40 exercises has about 200).
MAX_FORM_FIELDS = 400
#: Most exercises one request may choose.
MAX_EXERCISES = 40


@dataclass(frozen=True)
class Field:
    """One text field: its key, the words staff see, and the most characters accepted."""

    key: str
    label: str
    max_length: int
    hint: str = ""


#: The names, the note and the address take the core's own limits (``people/personal.py``,
#: ``content/urls.py``), so the page never offers room for what a build would refuse.
TEXT_FIELDS = (
    Field("patient", "Patient's name", TEXT_LIMITS["patient"]),
    Field(
        "clinician",
        "Clinician",
        TEXT_LIMITS["clinician"],
        "Your name and role, as the patient should see it.",
    ),
    Field("date", "Date given", 32),
    Field("follow_up", "Follow-up date", 32, "Leave empty if there is none."),
    Field(
        "note", "Note for the patient", TEXT_LIMITS["note"], 'Printed in a box headed "Your plan".'
    ),
    Field(
        "qr_url", "Web address for the QR code", MAX_URL, "Leave empty to use the leaflet's own."
    ),
)
FIELDS = {f.key: f for f in TEXT_FIELDS}
#: Choice fields: ids of what the config offers.
CHOICES = {
    "handout": "Leaflet",
    "layout": "Layout",
    "paper": "Paper size",
    "language": "Language",
}
MAX_ID = 100
#: The file name of a download (the batch CSV's ``file`` column).
MAX_FILE = 200

#: Dose parts: (key, label, the core's limits from the content model).
DOSE_LABELS = {
    "reps": "Repeats",
    "hold_seconds": "Hold, seconds",
    "sets": "Sets",
    "times_per_day": "Times a day",
}
#: The ``--exercise`` short key the core reads for each dose part.
DOSE_KEYS = {"reps": "reps", "hold_seconds": "hold", "sets": "sets", "times_per_day": "per-day"}
MAX_NUMBER = 6


def dose_limits() -> dict[str, tuple[int, int]]:
    """(minimum, maximum) of each dose part, as the content model sets them."""
    out = {}
    for f in dataclasses.fields(Dose):
        if f.name in DOSE_LABELS:
            out[f.name] = (int(f.metadata["minimum"]), int(f.metadata["maximum"]))
    return out


def label(key: str) -> str:
    """The words staff see for a field key (``reps.bridge`` -> ``Repeats``)."""
    base = key.split(".", 1)[0].split("[", 1)[0]
    if base in FIELDS:
        return FIELDS[base].label
    return CHOICES.get(base) or DOSE_LABELS.get(base) or base.replace("_", " ").capitalize()
