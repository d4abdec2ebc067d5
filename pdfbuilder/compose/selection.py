"""Compose, choosing content: what a short format (a trifold) prints of the handout.

In: the handout, the layout's ``select`` settings, and the patient's details when given.
Out: the handout as this layout prints it (:func:`select`): the core sections and
exercises only, a section's summary in place of its body, when the layout asks; and
whether anything was left out (:func:`shortened`), so the leaflet can say where the full
version is.

The content decides what belongs in short formats (``core: true``, ``summary:``); the
layout decides whether to print only that. A handout that marks nothing keeps everything,
so nothing vanishes silently; if it then does not fit, the trifold's error says what to
mark. A patient's own choice of exercises (``--exercise``, the batch column) always wins.
The warning signs are never chosen from: every layout prints all of them.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from typing import Any, TypeVar

from ..content.model import Handout, Paragraph, Section
from ..layout.model import Select

T = TypeVar("T")


def select(handout: Handout, choice: Select, personal: Any = None) -> Handout:
    """``handout`` with only what the layout prints (the same object when that is all)."""
    if choice == Select():
        return handout
    return _select(handout, choice, chosen_by_patient(personal))


@functools.lru_cache(maxsize=64)
def _select(handout: Handout, choice: Select, patient_chose: bool) -> Handout:
    sections = _pick(handout.sections, choice.sections)[: choice.most_sections]
    if choice.summaries:
        sections = tuple(_summarised(s) for s in sections)
    exercises = handout.exercises
    if not patient_chose:
        exercises = _pick(exercises, choice.exercises)
    return dataclasses.replace(handout, sections=sections, exercises=exercises)


def chosen_by_patient(personal: Any) -> bool:
    return bool(personal is not None and getattr(personal, "exercises", None))


def _pick(items: tuple[T, ...], rule: str) -> tuple[T, ...]:
    if rule == "none":
        return ()
    if rule == "core":
        core = tuple(item for item in items if getattr(item, "core", False))
        return core or items
    return items


def _summarised(section: Section) -> Section:
    if section.summary is None:
        return section
    return dataclasses.replace(section, body=(Paragraph(section.summary),))


def shortened(full: Handout, shown: Handout) -> bool:
    """Whether ``shown`` leaves out any of ``full``'s sections, exercises or text."""
    return (
        len(shown.sections) < len(full.sections)
        or len(shown.exercises) < len(full.exercises)
        or any(a.body != b.body for a, b in zip(shown.sections, full.sections, strict=False))
    )


def counts(full: Handout, shown: Handout) -> dict[str, tuple[int, int]]:
    """How many sections and exercises are shown, of how many (for messages)."""
    return {
        "sections": (len(shown.sections), len(full.sections)),
        "exercises": (len(shown.exercises), len(full.exercises)),
    }


def marked(items: Sequence[Any]) -> int:
    """How many of ``items`` are marked ``core: true``."""
    return sum(1 for item in items if getattr(item, "core", False))
