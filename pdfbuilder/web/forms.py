"""Checking what arrives: a form post or a JSON object to a leaflet request, or field errors.

In: the fields of the page's form (``name=value`` pairs) or the JSON object of
``POST /api/leaflet``, and the :class:`~pdfbuilder.web.catalogue.Catalogue`.
Out: a :class:`LeafletRequest` (plain, picklable: ids and text, for a build worker) or a
list of :class:`FieldError`, each naming its form field, its JSON path and what to do, in
words for staff. Both kinds of request go through :func:`check`, so they get the same
messages.

This module bounds what the network brings (lengths, counts, ids the config offers) and asks
the core (:func:`pdfbuilder.personal.personal_from_strings`) about everything else; it never
re-implements a rule the core has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .catalogue import Catalogue, Leaflet, Version
from .core import HandoutError, personal_from_strings, safe_name
from .fields import (
    CHOICES,
    DOSE_KEYS,
    DOSE_LABELS,
    FIELDS,
    MAX_EXERCISES,
    MAX_FILE,
    MAX_ID,
    MAX_NUMBER,
    TEXT_FIELDS,
    label,
)


@dataclass(frozen=True)
class FieldError:
    """A problem with one field: ``key`` is the form field, ``path`` the JSON API's."""

    key: str
    path: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"field": self.path, "message": self.message}


@dataclass
class ExerciseInput:
    """One chosen exercise as it arrived: its id and dose parts as text."""

    id: str
    dose: dict[str, str] = field(default_factory=dict)
    index: int = 0
    #: As the batch CSV and ``--exercise`` write it (``bridge:reps=8``): the core reads it.
    text: str | None = None


@dataclass
class Submission:
    """What arrived, as text, before checking; kept whole to show the form again."""

    values: dict[str, str] = field(default_factory=dict)
    qr: bool = True
    #: None: the leaflet's exercises as they are; else the ones chosen, in order.
    exercises: list[ExerciseInput] | None = None
    from_form: bool = True
    #: The form's dose fields, by exercise id, ticked or not (to show the form again).
    form_doses: dict[str, dict[str, str]] = field(default_factory=dict)

    def get(self, key: str) -> str:
        return self.values.get(key, "")


@dataclass(frozen=True)
class LeafletRequest:
    """A checked request, for a build worker: ids and text only."""

    version: str
    layout: str
    paper: str
    qr: bool
    personal: dict[str, Any]
    filename: str


# --- from a form post ------------------------------------------------------------------------


def from_form(pairs: list[tuple[str, str]]) -> Submission:
    """A submission from the form's ``name=value`` pairs (unknown names are ignored)."""
    values: dict[str, str] = {}
    ticked: list[str] = []
    doses: dict[str, dict[str, str]] = {}
    for name, value in pairs:
        if name == "exercises":
            ticked.append(value)
        elif "." in name and name.split(".", 1)[0] in DOSE_LABELS:
            part, ident = name.split(".", 1)
            doses.setdefault(ident, {})[part] = value
        elif name in FIELDS or name in CHOICES or name in ("qr", "file"):
            values[name] = value
    sub = Submission(values, qr=values.pop("qr", "") == "on", form_doses=doses)
    if any(name == "exercises_listed" for name, _ in pairs) or ticked:
        sub.exercises = [
            ExerciseInput(i, doses.get(i, {}), n) for n, i in enumerate(dict.fromkeys(ticked))
        ]
    return sub


# --- from JSON -------------------------------------------------------------------------------


def from_json(data: Any) -> tuple[Submission, list[FieldError]]:
    """A submission from the API's JSON object; type errors are field errors."""
    sub = Submission(from_form=False)
    if not isinstance(data, dict):
        return sub, [FieldError("", "", 'Send a JSON object, such as {"handout": "..."}.')]
    errors: list[FieldError] = []
    known = {*FIELDS, *CHOICES, "exercises", "qr", "file"}
    for key, value in data.items():
        if key not in known:
            errors.append(FieldError(key, key, f"Unknown field; the fields are: {_listed(known)}."))
        elif key == "qr":
            if not isinstance(value, bool):
                errors.append(FieldError(key, key, "Send true or false."))
            else:
                sub.qr = value
        elif key == "exercises":
            sub.exercises = _json_exercises(value, errors)
        elif value is not None:
            if not isinstance(value, str):
                errors.append(FieldError(key, key, "Send this as text (a JSON string)."))
            else:
                sub.values[key] = value
    return sub, errors


def _listed(names: set[str]) -> str:
    return ", ".join(sorted(names))


def _json_exercises(value: Any, errors: list[FieldError]) -> list[ExerciseInput] | None:
    if value is None:
        return None
    if isinstance(value, str):  # the batch CSV's form: "knee-to-chest:reps=10; bridge"
        if len(value) > MAX_EXERCISES * 80:
            errors.append(FieldError("exercises", "exercises", "The list is too long."))
            return None
        value = [part for part in value.split(";") if part.strip()]
    if not isinstance(value, list):
        errors.append(FieldError("exercises", "exercises", "Send a list of exercises."))
        return None
    if len(value) > MAX_EXERCISES:
        errors.append(
            FieldError("exercises", "exercises", f"Choose at most {MAX_EXERCISES} exercises.")
        )
        return None
    return [_json_exercise(item, i, errors) for i, item in enumerate(value)]


def _json_exercise(item: Any, i: int, errors: list[FieldError]) -> ExerciseInput:
    path = f"exercises[{i}]"
    if isinstance(item, str):
        return ExerciseInput(item.partition(":")[0].strip(), {}, i, text=item.strip())
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        errors.append(FieldError("exercises", path, 'Send an id, or {"id": "...", "reps": 10}.'))
        return ExerciseInput("", {}, i)
    parts: dict[str, str] = {}
    for key, number in item.items():
        if key == "id":
            continue
        if key not in DOSE_LABELS:
            errors.append(FieldError("exercises", f"{path}.{key}", _unknown_part()))
        elif isinstance(number, bool) or not isinstance(number, int | str):
            errors.append(FieldError("exercises", f"{path}.{key}", "Send a whole number."))
        else:
            parts[key] = str(number)
    return ExerciseInput(item["id"].strip(), parts, i)


def _unknown_part() -> str:
    return f"Unknown dose part; use {', '.join(DOSE_LABELS)}."


# --- checking --------------------------------------------------------------------------------


def check(sub: Submission, catalogue: Catalogue) -> tuple[LeafletRequest | None, list[FieldError]]:
    """A leaflet request from a submission, or every field error found."""
    errors: list[FieldError] = []
    for key in (*FIELDS, *CHOICES):
        limit = FIELDS[key].max_length if key in FIELDS else MAX_ID
        if len(sub.get(key)) > limit:
            errors.append(_err(sub, key, f"This is too long: at most {limit} characters."))
    if errors:
        return None, errors
    leaflet, version = _choose_version(sub, catalogue, errors)
    layout = _choose(sub, "layout", catalogue.default_layout, [c.id for c in catalogue.layouts])
    paper = _choose(sub, "paper", catalogue.paper, ["a4", "letter"])
    for key, value in (("layout", layout), ("paper", paper)):
        if value is None:
            errors.append(_err(sub, key, f"Choose one of the {label(key).lower()}s offered."))
    personal = _personal(sub, version, errors)
    if errors or version is None or leaflet is None or layout is None or paper is None:
        return None, errors
    filename = safe_name(sub.get("file")[:MAX_FILE], version.id)
    return LeafletRequest(version.id, layout, paper, sub.qr, personal, filename), []


def _err(sub: Submission, key: str, message: str, path: str | None = None) -> FieldError:
    return FieldError(key, path or key, message)


def _choose(sub: Submission, key: str, default: str, offered: list[str]) -> str | None:
    value = sub.get(key).strip() or default
    return value if value in offered else None


def _choose_version(
    sub: Submission, catalogue: Catalogue, errors: list[FieldError]
) -> tuple[Leaflet | None, Version | None]:
    ident = sub.get("handout").strip()
    leaflet = catalogue.leaflet(ident) if ident else None
    if leaflet is None:
        message = "Choose a leaflet first." if not ident else "There is no leaflet with this id."
        errors.append(_err(sub, "handout", message))
        return None, None
    language = sub.get("language").strip()
    if not language:  # the language of the version named, or the original's
        named = next((v for v in leaflet.versions if v.id == ident), leaflet.versions[0])
        return leaflet, named
    version = leaflet.version(language)
    if version is None:
        offered = ", ".join(f"{v.english_name} ({v.language})" for v in leaflet.versions)
        errors.append(_err(sub, "language", f"This leaflet is in {offered}; choose one of them."))
    return leaflet, version


def _personal(sub: Submission, version: Version | None, errors: list[FieldError]) -> dict[str, Any]:
    """The personal details as the core's text values, each checked by the core on its own so
    that every field gets its own message."""
    values: dict[str, Any] = {}
    for f in TEXT_FIELDS:
        text = sub.get(f.key)
        if f.key == "qr_url" and not sub.qr:
            continue
        if text.strip() and _core_error(sub, {f.key: text}, f.key, f.key, errors):
            values[f.key] = text
    if "date" in values and "follow_up" in values:  # the rule across fields: after the visit
        pair = {"date": values["date"], "follow_up": values["follow_up"]}
        if not _core_error(sub, pair, "follow_up", "follow_up", errors):
            del values["follow_up"]
    if sub.exercises is not None and version is not None:
        chosen = _exercises(sub, version, errors)
        if chosen:
            values["exercises"] = chosen
    return values


def _exercises(sub: Submission, version: Version, errors: list[FieldError]) -> tuple[str, ...]:
    assert sub.exercises is not None
    if not sub.exercises:
        path = "exercises"
        errors.append(_err(sub, "exercises", "Tick at least one exercise.", path))
        return ()
    order = {ex.id: n for n, ex in enumerate(version.handout.exercises)}
    chosen = sub.exercises
    if sub.from_form:  # ticked boxes come in the leaflet's order
        chosen = sorted(chosen, key=lambda e: order.get(e.id, len(order)))
    texts = []
    for ex in chosen:
        path = f"exercises[{ex.index}]"
        if ex.text is not None:  # the CSV's own form: the core reads and checks it whole
            if len(ex.text) > MAX_ID + 80:
                errors.append(_err(sub, "exercises", "This exercise is too long.", path))
            elif _core_error(sub, {"exercises": (ex.text,)}, "exercises", path, errors):
                texts.append(ex.text)
            continue
        if len(ex.id) > MAX_ID:
            errors.append(_err(sub, "exercises", "This exercise id is too long.", f"{path}.id"))
            continue
        if not _core_error(sub, {"exercises": (ex.id,)}, "exercises", f"{path}.id", errors):
            continue
        parts = []
        for part, number in ex.dose.items():  # parts are DOSE_LABELS keys (forms and JSON)
            key = f"{part}.{ex.id}" if sub.from_form else "exercises"
            if not number.strip():
                continue  # an empty dose field keeps the leaflet's own
            text = f"{DOSE_KEYS[part]}={number.strip()}"
            if len(number) > MAX_NUMBER:
                errors.append(_err(sub, key, "This number is too long.", f"{path}.{part}"))
            elif _core_error(
                sub, {"exercises": (f"{ex.id}:{text}",)}, key, f"{path}.{part}", errors
            ):
                parts.append(text)
        texts.append(ex.id + (":" + ",".join(parts) if parts else ""))
    return tuple(texts)


def _core_error(
    sub: Submission,
    values: dict[str, Any],
    key: str,
    path: str,
    errors: list[FieldError],
) -> bool:
    """Ask the core about one value; record its message for staff. True if it is good."""
    try:
        personal_from_strings(values)
    except HandoutError as exc:
        errors.append(_err(sub, key, staff_message(exc.message), path))
        return False
    return True


_REWORDED = (
    (
        re.compile(r"^expected a date like ([\d-]+).*"),
        r"Enter a real date as year-month-day, like \1.",
    ),
    (
        re.compile(r"^([\d-]+) is not a date that exists.*"),
        r"There is no date \1. Enter a real date as year-month-day, like 2026-03-01.",
    ),
    (
        re.compile(r".*expected a whole number from (\d+) to (\d+).*"),
        r"Enter a whole number from \1 to \2.",
    ),
    (re.compile(r".*write the dose as.*"), "Use the dose names reps, sets, hold and per-day."),
    (
        re.compile(r"^expected a web address starting with https://.*"),
        "Enter a web address that starts with https://.",
    ),
)


def staff_message(message: str) -> str:
    """A core message in words for staff: a known kind reworded, else the core's own text."""
    for pattern, words in _REWORDED:
        if pattern.match(message):
            return pattern.sub(words, message, count=1)
    text = message[:1].upper() + message[1:]
    return text if text.endswith((".", "?", "!")) else text + "."
