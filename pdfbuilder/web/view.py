"""What the page template shows: the form's state, from a fresh choice or a submission.

In: the catalogue, the chosen leaflet, and either nothing (a fresh form: today's date, every
exercise ticked with the leaflet's doses) or a :class:`~pdfbuilder.web.forms.Submission` and
its errors (the form exactly as sent, so nothing typed is lost). Out: a :class:`FormView`
for ``templates/index.html``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .catalogue import Catalogue, Leaflet, Version
from .fields import DOSE_LABELS, TEXT_FIELDS, Field, dose_limits, label
from .forms import FieldError, Submission


def field_id(key: str) -> str:
    """The HTML id of a form field (``reps.bridge`` -> ``reps-bridge``)."""
    return "f-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in key)


@dataclass(frozen=True)
class DoseInput:
    key: str
    label: str
    value: str
    minimum: int
    maximum: int


@dataclass(frozen=True)
class ExerciseRow:
    id: str
    name: str
    ticked: bool
    doses: tuple[DoseInput, ...]


@dataclass
class FormView:
    """The form's values and errors, ready for the template."""

    leaflet: Leaflet
    version: Version
    layout: str
    paper: str
    qr: bool
    values: dict[str, str]
    exercises: list[ExerciseRow]
    errors: list[FieldError] = field(default_factory=list)
    #: A problem no single field owns (a layout that cannot fit the content...).
    general: list[str] = field(default_factory=list)

    @property
    def text_fields(self) -> tuple[Field, ...]:
        return TEXT_FIELDS

    def error(self, key: str) -> str | None:
        return next((e.message for e in self.errors if e.key == key), None)

    def summary(self) -> list[tuple[str, str]]:
        """(field id, "what: message") for the error summary, in the order of the form."""
        return [(field_id(e.key), summary_text(e, self.version)) for e in self.errors]


def summary_text(error: FieldError, version: Version | None) -> str:
    """An error as the summary lists it: which field, then what to do."""
    part, _, ident = error.key.partition(".")
    names = {ex.id: ex.name for ex in version.handout.exercises} if version else {}
    if ident and part in DOSE_LABELS:
        what = f"{names.get(ident, ident)}, {DOSE_LABELS[part].lower()}"
    else:
        what = label(error.key)
    return f"{what}: {error.message}"


def fresh(catalogue: Catalogue, leaflet: Leaflet, version: Version) -> FormView:
    """The form for a leaflet just chosen."""
    values = {f.key: "" for f in TEXT_FIELDS}
    values["date"] = dt.date.today().isoformat()
    rows = _rows(version, ticked=None, typed={})
    return FormView(
        leaflet, version, catalogue.default_layout, catalogue.paper, catalogue.qr, values, rows
    )


def submitted(
    catalogue: Catalogue, leaflet: Leaflet, sub: Submission, errors: list[FieldError]
) -> FormView:
    """The form as it was sent, with its errors."""
    version = leaflet.version(sub.get("language") or None) or leaflet.versions[0]
    ticked = None if sub.exercises is None else {e.id for e in sub.exercises}
    typed = dict(sub.form_doses)
    for ex in sub.exercises or []:
        typed.setdefault(ex.id, ex.dose)
    rows = _rows(version, ticked, typed)
    layout = sub.get("layout") or catalogue.default_layout
    paper = sub.get("paper") or catalogue.paper
    values = {f.key: sub.get(f.key) for f in TEXT_FIELDS}
    field_errors = [e for e in errors if e.key]
    general = [e.message for e in errors if not e.key]
    return FormView(leaflet, version, layout, paper, sub.qr, values, rows, field_errors, general)


def _rows(
    version: Version, ticked: set[str] | None, typed: dict[str, dict[str, str]]
) -> list[ExerciseRow]:
    limits = dose_limits()
    rows = []
    for ex in version.handout.exercises:
        doses = []
        for part, words in DOSE_LABELS.items():
            own = getattr(ex.dose, part) if ex.dose is not None else None
            value = typed.get(ex.id, {}).get(part, "" if own is None else str(own))
            low, high = limits[part]
            doses.append(DoseInput(f"{part}.{ex.id}", words, value, low, high))
        is_ticked = ticked is None or ex.id in ticked
        rows.append(ExerciseRow(ex.id, ex.name, is_ticked, tuple(doses)))
    return rows
