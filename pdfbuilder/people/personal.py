"""Print-time personalisation: who the leaflet is for, and their own exercises and doses.

In: command options (``--patient``, ``--exercise knee-to-chest:reps=10,hold=20``...), a CSV
row (see :mod:`pdfbuilder.batch.rows`) or a plan file (``--personal plan.yaml``).
Out: a frozen :class:`Personal`; :func:`personalise` applies it (and a clinic's numbers) to a
handout before compose: the chosen exercises, in the chosen order, with their own doses.

These details are never stored: they go into the output PDF and nowhere else (no cache, no
temporary file, no log). Their ``repr`` hides them, so they cannot leak into a message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.model import Contacts, Dose, Handout
from ..content.urls import check_url, parse_url, url_schema
from ..errors import FieldPath, HandoutError
from ..layout.styles import Styles
from ..source import schema
from ..source.reader import Source, read_file
from ..source.scalars import bad_character, character_message
from ..text.fonts import missing_glyphs


def _doc(text: str, **more: Any) -> dict[str, Any]:
    return {"doc": text, **more}


def _dose_meta(name: str) -> dict[str, Any]:
    """The same limits as the content's dose fields."""
    meta = next(f.metadata for f in dataclasses.fields(Dose) if f.name == name)
    return dict(meta)


@dataclass(frozen=True)
class ExerciseChoice:
    """One chosen exercise, by its id in the handout, with an optional dose of its own."""

    id: str = field(metadata=_doc("The exercise's id in the handout.", examples=["bridge"]))
    reps: int | None = field(default=None, metadata=_dose_meta("reps"))
    sets: int | None = field(default=None, metadata=_dose_meta("sets"))
    hold_seconds: int | None = field(default=None, metadata=_dose_meta("hold_seconds"))
    times_per_day: int | None = field(default=None, metadata=_dose_meta("times_per_day"))

    def dose_changes(self) -> dict[str, int]:
        """The dose parts this choice sets."""
        names = ("reps", "sets", "hold_seconds", "times_per_day")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}


def _parse_choice(value: Any, path: FieldPath, source: Source) -> ExerciseChoice:
    if isinstance(value, str):
        return ExerciseChoice(value.strip())
    return schema.convert(ExerciseChoice, value, path, source)


def _choice_schema() -> dict[str, Any]:
    return {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/ExerciseChoice"}]}


@dataclass(frozen=True, repr=False)
class Personal:
    """Details for one patient, printed on their leaflet only. Every field is optional."""

    patient: str | None = field(default=None, metadata=_doc("The patient's name."))
    clinician: str | None = field(default=None, metadata=_doc("Who gives the leaflet."))
    date: dt.date | None = field(default=None, metadata=_doc("Date given, YYYY-MM-DD."))
    follow_up: dt.date | None = field(default=None, metadata=_doc("Follow-up date, YYYY-MM-DD."))
    note: str | None = field(default=None, metadata=_doc('A note, printed as "Your plan".'))
    exercises: tuple[ExerciseChoice, ...] = field(
        default=(),
        metadata=_doc(
            "The exercises to include, in order (ids, or mappings with a dose of their own).",
            item_parse=_parse_choice,
            item_schema=_choice_schema,
        ),
    )
    qr_url: str | None = field(
        default=None,
        metadata={
            "doc": "A web address to print as a QR code.",
            "parse": parse_url,
            "schema": url_schema,
        },
    )
    #: Where the details came from, for messages; not part of the format.
    origin: Source | None = field(default=None, compare=False, metadata={"internal": True})

    def __repr__(self) -> str:
        return "Personal(<hidden>)"

    def has_details(self) -> bool:
        """Whether anything is printed in the personal block."""
        return any((self.patient, self.clinician, self.date, self.follow_up, self.note))

    def error(self, path: FieldPath, message: str, option: str) -> HandoutError:
        """A located error if the details came from a file, else one naming ``option``."""
        if self.origin is not None:
            return self.origin.error(path, message)
        return HandoutError(message, field=option)


#: The longest text of each print-time field, in characters.
TEXT_LIMITS = {"patient": 100, "clinician": 100, "note": 1_000}


def load_personal(path: str | Path) -> Personal:
    """Read a plan file (``--personal plan.yaml``). Never cached: the details are personal."""
    source = read_file(path)
    personal = schema.convert(Personal, source.data, (), source)
    return check_personal(dataclasses.replace(personal, origin=source))


def check_personal(personal: Personal) -> Personal:
    """Refuse text longer than :data:`TEXT_LIMITS` and a follow-up not after the visit."""
    for key, most in TEXT_LIMITS.items():
        text = getattr(personal, key)
        if text is not None and len(text) > most:
            message = f"is {len(text):,} characters long; at most {most:,} fit; shorten it"
            raise personal.error((key,), message, "--" + key)
    if personal.date and personal.follow_up and personal.follow_up <= personal.date:
        message = (
            f"the follow-up ({personal.follow_up.isoformat()}) must come after the visit "
            f"date ({personal.date.isoformat()}); check both dates"
        )
        raise personal.error(("follow_up",), message, "--follow-up")
    return personal


# --- from strings: command options and CSV cells -------------------------------------------

#: The short keys of ``--exercise ID:reps=10,hold=20,per-day=2`` (and their long forms).
DOSE_KEYS = {
    "reps": "reps",
    "sets": "sets",
    "hold": "hold_seconds",
    "hold-seconds": "hold_seconds",
    "hold_seconds": "hold_seconds",
    "per-day": "times_per_day",
    "per_day": "times_per_day",
    "times-per-day": "times_per_day",
    "times_per_day": "times_per_day",
}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"[1-9][0-9]{0,3}")


def parse_exercise(text: str) -> ExerciseChoice:
    """``knee-to-chest:reps=10,hold=20,per-day=2`` (or just ``bridge``) as a choice."""
    ident, _, dose = text.strip().partition(":")
    if not ident.strip():
        raise HandoutError(f'expected an exercise id such as "bridge", got "{text}"')
    values: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in dose.split(","))):
        key, eq, number = (s.strip() for s in part.partition("="))
        if key not in DOSE_KEYS or not eq:
            raise HandoutError(
                f'"{part}" in "{text}": write the dose as reps=10, sets=2, hold=20 or per-day=2'
            )
        name = DOSE_KEYS[key]
        meta = _dose_meta(name)
        if not _NUMBER.fullmatch(number) or not meta["minimum"] <= int(number) <= meta["maximum"]:
            raise HandoutError(
                f'{key} in "{text}": expected a whole number from {meta["minimum"]} to '
                f'{meta["maximum"]}, got "{number}"'
            )
        values[name] = int(number)
    return ExerciseChoice(ident.strip(), **values)


def parse_date(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` date; anything else is a HandoutError saying how to write it."""
    value = text.strip()
    if not _DATE.fullmatch(value):
        raise HandoutError(f'expected a date like 2026-03-01, got "{_short(value)}"')
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HandoutError(
            f"{value} is not a date that exists; write a real date as YYYY-MM-DD"
        ) from None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def personal_from_strings(
    values: Mapping[str, str | tuple[str, ...] | None],
    base: Personal | None = None,
    name: Callable[[str], str] = str,
) -> Personal:
    """Details from text values (options or CSV cells) over ``base`` (a plan file's).

    Keys are the field names; ``exercises`` is a tuple of ``--exercise`` texts. An empty value
    is left out. An error names the field as ``name(field)`` (``--follow-up``, ``follow_up``).
    """
    changes: dict[str, Any] = {}
    for key, raw in values.items():
        if raw is None or raw == "" or raw == ():
            continue
        try:
            _check_characters(raw)
            changes[key] = _from_text(key, raw)
        except HandoutError as exc:
            raise HandoutError(exc.message, field=name(key)) from None
    if "exercises" in changes:  # the file's positions no longer describe the exercises
        changes["origin"] = None
    personal = dataclasses.replace(base or Personal(), **changes)
    try:
        check_personal(dataclasses.replace(personal, origin=None))
        return personal
    except HandoutError as exc:
        if base is not None and base.origin is not None:
            check_personal(base)  # the plan file's own mistake, located in the file
        key = str(exc.field).lstrip("-").replace("-", "_")
        raise HandoutError(exc.message, field=name(key)) from None


def _check_characters(raw: str | tuple[str, ...]) -> None:
    for text in (raw,) if isinstance(raw, str) else raw:
        bad = bad_character(text)
        if bad is not None:
            raise HandoutError(f"{character_message(text[bad])} (character {bad + 1})")


def _from_text(key: str, raw: str | tuple[str, ...]) -> Any:
    if key == "exercises":
        items = raw if isinstance(raw, tuple) else tuple(raw.split(";"))
        return tuple(parse_exercise(item) for item in items if item.strip())
    if not isinstance(raw, str):
        raise HandoutError("expected text")
    if key in ("date", "follow_up"):
        return parse_date(raw)
    if key == "qr_url":
        return check_url(raw)
    if key in ("patient", "clinician", "note"):
        return raw.strip()
    raise HandoutError(f"unknown field {key}")  # pragma: no cover - callers pass known keys


# --- applying the details to a handout ------------------------------------------------------


def personalise(
    handout: Handout, clinic: Any, personal: Personal | None, styles: Styles
) -> Handout:
    """The handout as this patient's leaflet: the clinic's numbers in the seek-help box and
    the chosen exercises, in order, with their own doses. Personal text the layout's font
    cannot print is refused."""
    if clinic is not None and (clinic.emergency or clinic.urgent):
        contacts = Contacts(
            emergency=clinic.emergency or handout.contacts.emergency,
            urgent=clinic.urgent or handout.contacts.urgent,
        )
        handout = dataclasses.replace(handout, contacts=contacts)
    if personal is None:
        return handout
    _check_glyphs(personal, styles)
    if personal.exercises:
        handout = dataclasses.replace(handout, exercises=_chosen(handout, personal))
    return handout


def _chosen(handout: Handout, personal: Personal) -> tuple[Any, ...]:
    by_id = {ex.id: ex for ex in handout.exercises}
    seen: set[str] = set()
    out = []
    for i, choice in enumerate(personal.exercises):
        path = ("exercises", i, "id")
        if choice.id not in by_id:
            raise personal.error(path, _unknown(choice.id, list(by_id)), "--exercise")
        if choice.id in seen:
            raise personal.error(path, f'"{choice.id}" is chosen twice; keep one', "--exercise")
        seen.add(choice.id)
        ex = by_id[choice.id]
        changes = choice.dose_changes()
        if changes:
            ex = dataclasses.replace(ex, dose=dataclasses.replace(ex.dose or Dose(), **changes))
        out.append(ex)
    return tuple(out)


def _unknown(ident: str, known: list[str]) -> str:
    if not known:
        return f'unknown exercise "{ident}": this handout has no exercises'
    import difflib  # only a mistake needs it

    close = difflib.get_close_matches(ident, known, n=1, cutoff=0.6)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    return f'unknown exercise "{ident}"; {hint}the handout\'s exercises are: {", ".join(known)}'


def _check_glyphs(personal: Personal, styles: Styles) -> None:
    fonts = sorted({styles.fonts.regular, styles.fonts.bold})
    for key in ("patient", "clinician", "note"):
        text = getattr(personal, key)
        if not text:
            continue
        for font in fonts:
            missing = missing_glyphs(text, font)
            if missing:
                ch = missing[0]
                what = unicodedata.name(ch, "unnamed character")
                message = (
                    f'the character "{ch}" (U+{ord(ch):04X} {what}) is not in the font '
                    f"{font.split('-')[0]}; write it another way or use a layout whose font has it"
                )
                raise personal.error((key,), message, "--" + key)
