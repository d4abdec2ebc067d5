"""A handout's own label words: the ``labels:`` mapping, checked against the built-in labels.

In: the ``labels:`` value of a handout file (label name to text). Out: the overrides as sorted
``(name, text)`` pairs (hashable, so a handout stays a frozen, hashable value), or a located
:class:`~pdfbuilder.errors.HandoutError`.

Any text label of ``labels/en.yaml`` can be set, except the few that say how the language
works (``language``, ``direction``, the date formats) and the word lists (months, weekdays).
A label keeps the ``{placeholders}`` of the built-in one: ``emergency_lead`` must still say
``{emergency}``, because a clinic's own number is filled in there. The seek-help headings
and lead lines may name either number (``{emergency}``, ``{urgent}``).
"""

from __future__ import annotations

import functools
import string
from typing import Any

from ..errors import FieldPath
from ..source import schema
from ..source.reader import Source
from .labels import labels_for

#: Labels that say how a language works, not words that frame content.
FIXED = frozenset({"language", "direction", "date_format", "month_year_format"})
#: The seek-help labels, which are given both numbers when filled in.
TIER_LABELS = frozenset(
    f"{tier}_{part}" for tier in ("emergency", "urgent", "routine") for part in ("heading", "lead")
)
CONTACTS = frozenset({"emergency", "urgent"})

Overrides = tuple[tuple[str, str], ...]


@functools.cache
def settable_labels() -> dict[str, str]:
    """Every label a handout may set, with its English default text."""
    english = labels_for("en")
    return {
        name: english.raw(name)
        for name in english.names()
        if name not in FIXED and isinstance(english.raw(name), str)
    }


def placeholders(text: str) -> list[str]:
    """The ``{names}`` in ``text``; ValueError for a lone brace or a format spec."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            raise ValueError(name)
        names.append(name)
    return names


def _allowed(name: str) -> tuple[set[str], set[str]]:
    """The placeholders a label must keep, and those it may use."""
    required = set(placeholders(settable_labels()[name]))
    return required, required | (set(CONTACTS) if name in TIER_LABELS else set())


def check_label(name: str, text: str) -> str | None:
    """What is wrong with ``text`` as the label ``name`` (None when it is fine)."""
    try:
        used = placeholders(text)
    except ValueError:
        return (
            "a brace { or } that is not a placeholder such as {emergency}; "
            "write {{ or }} to print a brace"
        )
    required, allowed = _allowed(name)
    unknown = [u for u in used if u not in allowed]
    if unknown:
        known = ", ".join(f"{{{a}}}" for a in sorted(allowed)) or "none"
        return f"unknown placeholder {{{unknown[0]}}}; this label's placeholders are: {known}"
    missing = sorted(required - set(used))
    if missing:
        return (
            f"keep {{{missing[0]}}} in it: the tool fills in "
            f"{'the number to call' if missing[0] in CONTACTS else 'a value'} there"
        )
    return None


def parse_overrides(value: Any, path: FieldPath, source: Source) -> Overrides:
    """A field parser (see :mod:`pdfbuilder.source.schema`) for a handout's ``labels:``."""
    if not isinstance(value, dict):
        raise source.error(
            path, f"expected a mapping of label names to text, got {schema.describe(value)}"
        )
    known = settable_labels()
    pairs = []
    for name, text in value.items():
        where = (*path, name)
        if name not in known:
            raise source.error(where, _unknown(name, list(known)), key=True)
        if not isinstance(text, str) or not text.strip():
            raise source.error(where, f"expected the label's text, got {schema.describe(text)}")
        problem = check_label(name, text)
        if problem:
            raise source.error(where, problem)
        pairs.append((name, " ".join(text.split())))
    return tuple(sorted(pairs))


def _unknown(name: str, known: list[str]) -> str:
    import difflib  # only a mistake needs it

    if name in FIXED:
        return f'"{name}" belongs to the language file, not to a handout; remove it here'
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f'did you mean "{close[0]}"?' if close else "see `handout labels` for the names"
    return f'unknown label "{name}"; {hint}'


def overrides_schema() -> dict[str, Any]:
    """The JSON Schema of ``labels:``: every settable label, its default as the description."""
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            name: {"type": "string", "minLength": 1, "description": f"Default: {text}"}
            for name, text in settable_labels().items()
        },
    }
