"""Writing conventions per language, read once from ``writing.yaml`` beside this module.

In: a language tag. Out: a :class:`Conventions` with the abbreviations the sentence splitter
must not end a sentence at, the abbreviations readers know without explanation, the words
that mean "nothing here" in a list, and what makes a sentence an action (:class:`Actions`).
A language without an entry uses English, except for actions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..source.reader import load_package_data

WRITING_FILE = Path(__file__).with_name("writing.yaml")


@dataclass(frozen=True)
class Conventions:
    """One language's conventions. ``inner`` is lower case (matched in any case); ``title``
    and ``number`` keep their capitals (matched exactly)."""

    language: str
    inner: frozenset[str]
    title: frozenset[str]
    number: frozenset[str]
    known_acronyms: frozenset[str]
    placeholders: frozenset[str]
    actions: Actions | None


@dataclass(frozen=True)
class Actions:
    """What makes a sentence an action in one language (see ``writing.yaml``)."""

    verbs: frozenset[str]
    openers: tuple[tuple[str, ...], ...]
    conditions: frozenset[str]
    asks: re.Pattern[str]


def _actions(entry: dict[str, object] | None) -> Actions | None:
    if entry is None:
        return None
    openers = entry["openers"]
    asks = entry["asks"]
    assert isinstance(openers, list) and isinstance(asks, list)
    return Actions(
        frozenset(str(entry["verbs"]).split()),
        tuple(tuple(str(o).lower().split()) for o in openers),
        frozenset(str(entry["conditions"]).split()),
        re.compile("|".join(f"(?:{a})" for a in asks), re.IGNORECASE),
    )


@functools.cache
def _table() -> dict[str, Conventions]:
    data = load_package_data(WRITING_FILE)
    out = {}
    for language, entry in data.items():
        abbreviations = entry["abbreviations"]
        out[language] = Conventions(
            language,
            frozenset(a.lower() for a in abbreviations["inner"]),
            frozenset(abbreviations["title"]),
            frozenset(abbreviations["number"]),
            frozenset(entry["known_acronyms"]),
            frozenset(p.lower() for p in entry["placeholders"]),
            _actions(entry.get("actions")),
        )
    return out


def conventions(language: str) -> Conventions:
    """The conventions for a language tag (``es-MX`` uses ``es``; unknown ones use ``en``)."""
    table = _table()
    return table.get(language.split("-")[0].lower(), table["en"])


def actions_for(language: str) -> Actions | None:
    """What makes a sentence an action in ``language``; ``None`` when it has no list (no
    fallback: English verbs cannot judge another language)."""
    own = _table().get(language.split("-")[0].lower())
    return own.actions if own is not None else None


def action_languages() -> list[str]:
    """The languages whose actions can be judged."""
    return sorted(k for k, v in _table().items() if v.actions is not None)
